//! Loading the dataset a command works on: a JSON dataset, or event data
//! (GDELT, ICEWS, PLOVER, CAMEO TSV) imported on the fly.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use diplograph::DiplomaticGraph;
use diplograph::import::{Importer, Mode};
use diplograph::io::Limits;

use crate::convert::DatasetFormat;

/// The `--data-format` option, set once by `main`.
static FORMAT: OnceLock<DatasetFormat> = OnceLock::new();

/// Records `--data-format` for [`load`].
pub(crate) fn set_format(format: Option<DatasetFormat>) {
    if let Some(format) = format {
        let _ = FORMAT.set(format);
    }
}

/// The limits on JSON input (`--max-input-size`, `--no-limits`), set once
/// by `main`.
static LIMITS: OnceLock<Limits> = OnceLock::new();

/// Records the limits every JSON dataset is read with.
pub(crate) fn set_limits(limits: Limits) {
    let _ = LIMITS.set(limits);
}

/// The limits JSON datasets are read with: the defaults unless set.
pub(crate) fn limits() -> Limits {
    LIMITS.get().cloned().unwrap_or_default()
}

/// A size in bytes, or with a `K`, `M` or `G` suffix (powers of 1024),
/// for `--max-input-size`.
pub(crate) fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let shift = match text.as_bytes().last() {
        Some(b'k' | b'K') => 10,
        Some(b'm' | b'M') => 20,
        Some(b'g' | b'G') => 30,
        _ => 0,
    };
    let digits = match shift {
        0 => text,
        _ => text.get(..text.len() - 1).unwrap_or_default(),
    };
    let number: usize = digits
        .parse()
        .map_err(|_| format!("expected a size such as 4G, 500M or 1048576, found {text:?}"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text} is too large"))
}

/// The dataset at `path` (`-` for standard input), or the bundled one when
/// there is no path. Its format is `--data-format`, else its extension's,
/// else JSON; event data is imported in strict mode.
pub(crate) fn load(path: Option<&Path>) -> diplograph::Result<DiplomaticGraph> {
    let Some(path) = path else {
        return Ok(diplograph::datasets::washington_2025());
    };
    let format = FORMAT
        .get()
        .copied()
        .or_else(|| DatasetFormat::of(&path.to_string_lossy()).ok().flatten())
        .unwrap_or(DatasetFormat::Json);
    load_as(format, path)
}

/// The dataset at `path` (`-` for standard input) in `format`.
pub(crate) fn load_as(format: DatasetFormat, path: &Path) -> diplograph::Result<DiplomaticGraph> {
    let stdin = path.as_os_str() == "-";
    match format.event_format() {
        None if stdin => read_stdin(),
        None => DiplomaticGraph::load_with(path, &limits()),
        Some(event_format) => {
            let mut importer = Importer::new().mode(Mode::Strict);
            if stdin {
                importer.read(event_format, std::io::stdin().lock(), "-")?;
            } else {
                importer.read_file(event_format, path)?;
            }
            Ok(importer.finish()?.0)
        }
    }
}

/// A dataset read from standard input (no further than one byte past the
/// input size limit, which the loader then reports).
pub(crate) fn read_stdin() -> diplograph::Result<DiplomaticGraph> {
    let limits = limits();
    let io = |source| diplograph::Error::Io {
        path: "-".into(),
        source,
    };
    let mut bytes = Vec::new();
    let most = u64::try_from(limits.input_size).map_or(u64::MAX, |n| n.saturating_add(1));
    std::io::stdin()
        .lock()
        .take(most)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > limits.input_size {
        // Over the limit, perhaps cut inside a character: the loader
        // reports the size whatever the text.
        return DiplomaticGraph::from_json_str_with(&String::from_utf8_lossy(&bytes), &limits);
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    DiplomaticGraph::from_json_str_with(&text, &limits)
}
