//! Writing a file so that a failure never leaves half of it in place.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Writes a file through a temporary file beside it, renamed over it once
/// complete and synced, so a crash or a full disk part-way never leaves a
/// half-written file in place of the old one.
///
/// `write` receives a buffered writer. A symbolic link is followed (the file
/// it names is replaced; the link stays). A device or a pipe, such as
/// `/dev/stdout` or `/dev/null`, is written in place: renaming a file over it
/// would replace the device itself. [`DiplomaticGraph::save`] writes
/// datasets this way; the command line writes every output file this way.
///
/// # Errors
///
/// [`Error::Io`] naming `path` when the file cannot be created, written,
/// synced or renamed, or when `write` fails; the temporary file is removed
/// and the old file, if any, is untouched.
///
/// # Examples
///
/// ```
/// use std::io::Write;
///
/// let path = std::env::temp_dir().join("diplograph-doc-atomic.txt");
/// diplograph::io::write_atomically(&path, |out| out.write_all(b"first"))?;
/// let failed = diplograph::io::write_atomically(&path, |out| {
///     out.write_all(b"half of the sec")?;
///     Err(std::io::Error::other("disk full"))
/// });
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// [`DiplomaticGraph::save`]: crate::DiplomaticGraph::save
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    /// Tells apart the temporary files of writes running at once in one
    /// process.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let resolved = std::fs::canonicalize(path).ok();
    let target = resolved.as_deref().unwrap_or(path);
    if std::fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(target)
            .map_err(io)?;
        let mut out = std::io::BufWriter::new(file);
        return write(&mut out).and_then(|()| out.flush()).map_err(io);
    }
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    name.push(format!(".{}.{n}.tmp", std::process::id()));
    let temp = target.with_file_name(name);
    let written = std::fs::File::create_new(&temp).and_then(|file| {
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temp, target)) {
        Ok(()) => {
            // Make the rename itself durable, where the system allows opening
            // a directory; a failure here loses nothing.
            if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
            }
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(io(e))
        }
    }
}
