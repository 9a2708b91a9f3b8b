//! Loading the dataset a command works on: a JSON dataset, or event data
//! (GDELT, ICEWS, PLOVER, CAMEO TSV) imported on the fly.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use diplograph::DiplomaticGraph;
use diplograph::import::{Importer, Mode};

use crate::convert::DatasetFormat;

/// The `--data-format` option, set once by `main`.
static FORMAT: OnceLock<DatasetFormat> = OnceLock::new();

/// Records `--data-format` for [`load`].
pub(crate) fn set_format(format: Option<DatasetFormat>) {
    if let Some(format) = format {
        let _ = FORMAT.set(format);
    }
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
        None => DiplomaticGraph::load(path),
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

/// A dataset read from standard input.
pub(crate) fn read_stdin() -> diplograph::Result<DiplomaticGraph> {
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .read_to_string(&mut text)
        .map_err(|source| diplograph::Error::Io {
            path: "-".into(),
            source,
        })?;
    DiplomaticGraph::from_json_str(&text)
}
