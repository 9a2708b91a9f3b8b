//! Loading the dataset a command works on.

use std::io::Read;
use std::path::Path;

use diplograph::DiplomaticGraph;

/// The dataset at `path` (`-` for standard input), or the bundled one when
/// there is no path.
pub(crate) fn load(path: Option<&Path>) -> diplograph::Result<DiplomaticGraph> {
    match path {
        None => Ok(diplograph::datasets::washington_2025()),
        Some(path) if path.as_os_str() == "-" => read_stdin(),
        Some(path) => DiplomaticGraph::load(path),
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
