//! The JSON dataset format: load, save, validate.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::limits::{Limit, Limits, scan};
use super::locate::{Step, array_for_object, line_column, locate, parse_path, path_to, string_at};
use crate::error::{Error, Location, Result};
use crate::graph::{Checks, Invalid, Metadata};
use crate::model::{Act, Actor, Meeting, PartialDate, Position, Source, Stance};
use crate::{DiplomaticGraph, FORMAT};

/// The document as written in a file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dataset {
    format: serde_json::Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    stances: Vec<Stance>,
    #[serde(default)]
    meetings: Vec<Meeting>,
    #[serde(default)]
    positions: Vec<Position>,
    #[serde(default)]
    acts: Vec<Act>,
}

/// The document to write, borrowing from the graph.
#[derive(Serialize)]
struct DatasetOut<'g> {
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'g str>,
    sources: Vec<&'g Source>,
    actors: Vec<&'g Actor>,
    stances: Vec<&'g Stance>,
    meetings: Vec<&'g Meeting>,
    positions: Vec<&'g Position>,
    acts: Vec<&'g Act>,
}

/// Field names whose values are dates, to tell date errors from others.
const DATE_FIELDS: [&str; 5] = ["from", "until", "date", "end", "published"];

/// Reads a dataset, keeping either the first error or all of them.
struct Loader<'t> {
    text: &'t str,
    file: Option<&'t Path>,
    errors: Vec<Error>,
    keep_going: bool,
    limits: &'t Limits,
}

impl<'t> Loader<'t> {
    fn location(&self, path: &str) -> Location {
        let offset = locate(self.text, &parse_path(path)).unwrap_or(0);
        let (line, column) = line_column(self.text, offset);
        Location {
            file: self.file.map(Path::to_path_buf),
            line,
            column,
            path: path.to_owned(),
        }
    }

    /// Records an error; returns `Err` when loading should stop.
    fn fail(&mut self, error: Error) -> std::result::Result<(), ()> {
        self.errors.push(error);
        if self.keep_going { Ok(()) } else { Err(()) }
    }

    /// Records the error of an item, if any; `item` gives the item's JSON
    /// path, built only when there is an error to locate.
    fn check(
        &mut self,
        item: impl FnOnce() -> String,
        result: std::result::Result<(), Invalid>,
    ) -> std::result::Result<(), ()> {
        match result {
            Ok(()) => Ok(()),
            Err(invalid) => {
                let item = item();
                let path = if invalid.field.is_empty() {
                    item
                } else {
                    format!("{item}.{}", invalid.field)
                };
                let location = self.location(&path);
                self.fail((*invalid.error).located(location))
            }
        }
    }

    /// Loads to the end, keeping every error, sorted by position.
    fn check_all(mut self) -> Vec<Error> {
        if let Some(dataset) = self.parse() {
            let _ = self.build(dataset);
        }
        let position = |e: &Error| e.location().map(|l| (l.line, l.column));
        self.errors.sort_by_key(position);
        self.errors
    }

    fn parse(&mut self) -> Option<Dataset> {
        if let Some(error) = self.over_limits() {
            self.errors.push(error);
            return None;
        }
        // The common case, a sound file, without the cost of tracking paths;
        // on an error, parse again with tracking to name where it is.
        if let Ok(dataset) = serde_json::from_str(self.text) {
            if let Some((offset, path)) = array_for_object(self.text) {
                let (line, column) = line_column(self.text, offset);
                let source = <serde_json::Error as serde::de::Error>::invalid_type(
                    serde::de::Unexpected::Seq,
                    &"a JSON object",
                );
                let file = self.file.map(Path::to_path_buf);
                let location = Location {
                    file,
                    line,
                    column,
                    path,
                };
                self.errors.push(Error::Json { location, source });
                return None;
            }
            return Some(dataset);
        }
        let mut de = serde_json::Deserializer::from_str(self.text);
        let parsed = serde_path_to_error::deserialize(&mut de)
            .map_err(|err| {
                // serde_path_to_error writes `.` for the root and `?` for a
                // step it could not name (inside malformed JSON): drop both.
                let path = err.path().to_string();
                let path = path.trim_end_matches(".?").trim_end_matches('?');
                let path = if path == "." {
                    String::new()
                } else {
                    path.to_owned()
                };
                (path, err.into_inner())
            })
            .and_then(|d: Dataset| de.end().map(|()| d).map_err(|e| (String::new(), e)));
        match parsed {
            Ok(dataset) => Some(dataset),
            Err((path, source)) => {
                let error = self.serde_error(path, source);
                self.errors.push(error);
                None
            }
        }
    }

    /// The input size, string length or nesting depth over its limit, if
    /// any, located at the document, the string or the bracket.
    fn over_limits(&self) -> Option<Error> {
        let file = self.file.map(Path::to_path_buf);
        if self.text.len() > self.limits.input_size {
            return Some(Error::LimitExceeded {
                what: Limit::InputSize,
                limit: self.limits.input_size,
                found: self.text.len(),
                location: Some(Location {
                    file,
                    line: 1,
                    column: 1,
                    path: String::new(),
                }),
            });
        }
        let (what, found, offset) = scan(self.text, self.limits)?;
        let limit = match what {
            Limit::StringLength => self.limits.string_len,
            _ => self.limits.depth,
        };
        let (line, column) = line_column(self.text, offset);
        let path = path_to(self.text, offset);
        Some(Error::LimitExceeded {
            what,
            limit,
            found,
            location: Some(Location {
                file,
                line,
                column,
                path,
            }),
        })
    }

    /// Turns a serde error into ours: a bad date becomes
    /// [`Error::InvalidDate`], anything else [`Error::Json`].
    fn serde_error(&self, path: String, source: serde_json::Error) -> Error {
        let steps = parse_path(&path);
        let is_date_field =
            matches!(steps.last(), Some(Step::Field(f)) if DATE_FIELDS.contains(&f.as_str()));
        if is_date_field && source.is_data() {
            let text = locate(self.text, &steps).and_then(|at| string_at(self.text, at));
            if let Some(Err(date_error)) = text.map(|t| t.parse::<PartialDate>()) {
                return Error::InvalidDate {
                    source: date_error,
                    location: Some(self.location(&path)),
                };
            }
        }
        // Where serde_json stopped reading, so that the location agrees with
        // the message of the source error; in characters, from 1.
        let location = Location {
            file: self.file.map(Path::to_path_buf),
            line: source.line().max(1),
            column: char_column(self.text, source.line(), source.column()),
            path,
        };
        Error::Json { location, source }
    }

    fn build(&mut self, dataset: Dataset) -> std::result::Result<DiplomaticGraph, ()> {
        if dataset.format.as_str() != Some(FORMAT) {
            let found = match &dataset.format {
                serde_json::Value::String(s) => s.chars().take(100).collect(),
                other => other.to_string().chars().take(100).collect(),
            };
            let location = Some(self.location("format"));
            self.fail(Error::UnsupportedFormat { found, location })?;
        }
        let mut built = DiplomaticGraph::new();
        built.meta = Metadata {
            title: dataset.title,
            description: dataset.description,
        };
        // One batch for the whole load: the date-ordered indexes are sorted
        // once when it ends (also when an error returns early; the graph is
        // then dropped anyway).
        let mut batch = built.batch();
        batch.reserve(
            dataset.meetings.len(),
            dataset.positions.len(),
            dataset.acts.len(),
        );
        let graph = batch.graph_mut();
        for (i, source) in dataset.sources.into_iter().enumerate() {
            let result = graph.try_add_source(source).map(drop);
            self.check(|| format!("sources[{i}]"), result)?;
        }
        // Actors first without their offices and links, which may name
        // actors listed later; then those.
        let mut deferred = Vec::new();
        for (i, mut actor) in dataset.actors.into_iter().enumerate() {
            let offices = std::mem::take(&mut actor.offices);
            let links = std::mem::take(&mut actor.links);
            match graph.try_add_actor(actor) {
                Ok(id) => deferred.push((i, id, offices, links)),
                Err(invalid) => self.check(|| format!("actors[{i}]"), Err(invalid))?,
            }
        }
        for (i, id, offices, links) in deferred {
            for (j, office) in offices.into_iter().enumerate() {
                let result = graph.try_add_office(id, office);
                self.check(|| format!("actors[{i}].offices[{j}]"), result)?;
            }
            for (j, link) in links.into_iter().enumerate() {
                let result = graph.try_add_link(id, link);
                self.check(|| format!("actors[{i}].links[{j}]"), result)?;
            }
        }
        // Stances likewise, without their broader stance first.
        let mut broader = Vec::new();
        for (i, mut stance) in dataset.stances.into_iter().enumerate() {
            let wider = stance.broader.take();
            match graph.try_add_stance(stance) {
                Ok(id) => broader.extend(wider.map(|b| (i, id, b))),
                Err(invalid) => self.check(|| format!("stances[{i}]"), Err(invalid))?,
            }
        }
        for (i, id, key) in broader {
            let result = graph.try_set_broader(id, key);
            self.check(|| format!("stances[{i}]"), result)?;
        }
        for (i, meeting) in dataset.meetings.into_iter().enumerate() {
            let most = self.limits.items_per_meeting;
            let over = [
                ("participants", meeting.participants.len()),
                ("evidence", meeting.evidence.len()),
            ]
            .into_iter()
            .find(|&(_, len)| len > most);
            if let Some((list, len)) = over {
                let location = Some(self.location(&format!("meetings[{i}].{list}")));
                self.fail(Error::LimitExceeded {
                    what: Limit::ItemsPerMeeting,
                    limit: most,
                    found: len,
                    location,
                })?;
                // Left out, like any item with an error, when validating.
                continue;
            }
            let result = graph.try_add_meeting(meeting, Checks::Full).map(drop);
            self.check(|| format!("meetings[{i}]"), result)?;
        }
        for (i, position) in dataset.positions.into_iter().enumerate() {
            let result = graph.try_add_position(position).map(drop);
            self.check(|| format!("positions[{i}]"), result)?;
        }
        for (i, act) in dataset.acts.into_iter().enumerate() {
            let result = graph.try_add_act(act, Checks::Full).map(drop);
            self.check(|| format!("acts[{i}]"), result)?;
        }
        batch.finish();
        built.shrink_to_fit();
        Ok(built)
    }
}

/// serde_json counts columns in bytes, from 0 at the start of a line before
/// anything is read; `Location` counts characters, from 1.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text.get(..end).map_or(0, |s| s.chars().count()).max(1)
}

fn load(text: &str, file: Option<&Path>, limits: &Limits) -> Result<DiplomaticGraph> {
    let mut loader = Loader {
        text,
        file,
        errors: Vec::new(),
        keep_going: false,
        limits,
    };
    let graph = loader.parse().and_then(|d| loader.build(d).ok());
    match (graph, loader.errors.into_iter().next()) {
        (Some(graph), None) => Ok(graph),
        (_, Some(error)) => Err(error),
        // Unreachable: the loader records an error whenever it stops.
        (None, None) => Err(Error::UnsupportedFormat {
            found: String::new(),
            location: None,
        }),
    }
}

/// Checks a dataset and returns every error found, in document order (by
/// line and column), or an empty list when it loads cleanly.
///
/// Malformed JSON stops the check at the first syntax or type error. Past
/// that, an item with an error is left out and checking goes on, so an error
/// in one item can cause further "unknown key" errors in items that refer to
/// it.
///
/// # Examples
///
/// ```
/// let text = r#"{ "format": "diplograph/1",
///   "stances": [ { "key": "peace", "label": "" } ],
///   "positions": [ { "actor": "nobody", "stance": "peace", "polarity": "supports" } ] }"#;
/// let errors = diplograph::io::validate_json_str(text);
/// let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
/// assert_eq!(messages, [
///     "empty label in stance `peace` at line 2, column 43 (stances[0].label)",
///     "unknown actor `nobody` at line 3, column 29 (positions[0].actor)",
/// ]);
/// ```
pub fn validate_json_str(text: &str) -> Vec<Error> {
    validate_json_str_with(text, &Limits::default())
}

/// Checks a dataset under the given [`Limits`] and returns every error
/// found, as [`validate_json_str`] does.
///
/// An input over the size, string length or nesting limit gives that one
/// error; a meeting with too many participants or evidence items gives an
/// error and is left out, and checking goes on.
///
/// # Examples
///
/// ```
/// use diplograph::io::{Limits, validate_json_str_with};
///
/// let text = r#"{ "format": "diplograph/1", "actors": [ [ [ ] ] ] }"#;
/// let errors = validate_json_str_with(text, &Limits::new().depth(3));
/// assert_eq!(errors[0].to_string(),
///     "nesting depth is 4, over the limit of 3 at line 1, column 43 (actors[0][0])");
/// ```
pub fn validate_json_str_with(text: &str, limits: &Limits) -> Vec<Error> {
    let loader = Loader {
        text,
        file: None,
        errors: Vec::new(),
        keep_going: true,
        limits,
    };
    loader.check_all()
}

/// Reads at most `limits.input_size` bytes and one more, so that an input
/// over the limit is told apart without reading all of it (a file that never
/// ends, such as `/dev/zero`, included). `size` is the input's size when
/// known (a regular file's length), for the error.
fn read_bounded(
    reader: impl Read,
    path: &Path,
    size: Option<u64>,
    limits: &Limits,
) -> Result<String> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let most = u64::try_from(limits.input_size)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    reader.take(most).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > limits.input_size {
        let found = size
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(bytes.len())
            .max(bytes.len());
        let file = (!path.as_os_str().is_empty()).then(|| path.to_path_buf());
        return Err(Error::LimitExceeded {
            what: Limit::InputSize,
            limit: limits.input_size,
            found,
            location: Some(Location {
                file,
                line: 1,
                column: 1,
                path: String::new(),
            }),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            e.utf8_error(),
        ))
    })
}

fn read_file(path: &Path, limits: &Limits) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    read_bounded(file, path, size, limits)
}

impl DiplomaticGraph {
    /// Loads a graph from dataset JSON text.
    ///
    /// # Errors
    ///
    /// The first problem found, with its line, column and JSON path:
    /// [`Error::Json`] for malformed JSON, unknown or missing fields, wrong
    /// types and unknown kinds; [`Error::UnsupportedFormat`];
    /// [`Error::InvalidDate`]; and the errors of the `add_*` methods
    /// (unknown and duplicate keys, empty names, ends before starts...).
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::DiplomaticGraph;
    ///
    /// let graph = DiplomaticGraph::from_json_str(r#"{
    ///   "format": "diplograph/1",
    ///   "actors": [ { "key": "nato", "name": "NATO", "kind": "organisation" } ]
    /// }"#)?;
    /// assert_eq!(graph.counts().actors, 1);
    ///
    /// let err = DiplomaticGraph::from_json_str(r#"{ "format": "diplograph/1",
    ///   "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": "2025-02-30" } ] }"#).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid date `2025-02-30`: February 2025 has 28 days at line 2, column 71 (meetings[0].date)");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Self> {
        load(text, None, &Limits::default())
    }

    /// Loads a graph from dataset JSON text under the given [`Limits`]
    /// ([`from_json_str`](Self::from_json_str) uses the defaults).
    ///
    /// # Errors
    ///
    /// As [`from_json_str`](Self::from_json_str), plus
    /// [`Error::LimitExceeded`] when the text is over a limit.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{DiplomaticGraph, io::Limits};
    ///
    /// let text = diplograph::datasets::WASHINGTON_2025_JSON;
    /// let small = Limits::new().input_size(1024);
    /// let err = DiplomaticGraph::from_json_str_with(text, &small).unwrap_err();
    /// assert!(err.to_string().starts_with("input size in bytes"));
    /// assert!(DiplomaticGraph::from_json_str_with(text, &Limits::new()).is_ok());
    /// ```
    pub fn from_json_str_with(text: &str, limits: &Limits) -> Result<Self> {
        load(text, None, limits)
    }

    /// Loads a graph from a reader of dataset JSON.
    ///
    /// # Errors
    ///
    /// As [`from_json_str`](Self::from_json_str), plus [`Error::Io`] when
    /// reading fails or the text is not UTF-8 (the path is then empty). The
    /// reader is read no further than the default [`Limits::input_size`]
    /// and one byte.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = diplograph::datasets::WASHINGTON_2025_JSON;
    /// let graph = diplograph::DiplomaticGraph::from_json_reader(text.as_bytes())?;
    /// assert_eq!(graph, diplograph::datasets::washington_2025());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn from_json_reader(reader: impl Read) -> Result<Self> {
        let limits = Limits::default();
        let text = read_bounded(reader, Path::new(""), None, &limits)?;
        load(&text, None, &limits)
    }

    /// Loads a graph from a dataset file. Error locations name the file.
    ///
    /// # Errors
    ///
    /// As [`from_json_str`](Self::from_json_str), plus [`Error::Io`] when the
    /// file cannot be read or is not UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::DiplomaticGraph::load("data/washington-2025.json")?;
    /// assert!(graph.find_actor("Putin").is_ok());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Self> {
        Self::load_with(path, &Limits::default())
    }

    /// Loads a graph from a dataset file under the given [`Limits`]
    /// ([`load`](Self::load) uses the defaults). A file over the input size
    /// is not read past the limit.
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load), plus [`Error::LimitExceeded`] when the file
    /// is over a limit.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{DiplomaticGraph, io::Limits};
    ///
    /// let limits = Limits::new().items_per_meeting(2);
    /// let err = DiplomaticGraph::load_with("data/washington-2025.json", &limits).unwrap_err();
    /// assert!(err.to_string().starts_with("number of items in a meeting's list"), "{err}");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn load_with(path: impl AsRef<Path>, limits: &Limits) -> Result<Self> {
        let path = path.as_ref();
        load(&read_file(path, limits)?, Some(path), limits)
    }

    /// Checks a dataset file and returns every error found (see
    /// [`validate_json_str`]); an unreadable file gives one [`Error::Io`].
    ///
    /// # Examples
    ///
    /// ```
    /// let errors = diplograph::DiplomaticGraph::validate_file("data/washington-2025.json");
    /// assert!(errors.is_empty(), "{errors:?}");
    /// ```
    pub fn validate_file(path: impl AsRef<Path>) -> Vec<Error> {
        Self::validate_file_with(path, &Limits::default())
    }

    /// Checks a dataset file under the given [`Limits`] and returns every
    /// error found (see [`validate_json_str_with`]).
    ///
    /// ```
    /// use diplograph::{DiplomaticGraph, io::Limits};
    ///
    /// let limits = Limits::new().input_size(100);
    /// let errors = DiplomaticGraph::validate_file_with("data/washington-2025.json", &limits);
    /// assert!(errors[0].to_string().starts_with("input size in bytes"));
    /// ```
    pub fn validate_file_with(path: impl AsRef<Path>, limits: &Limits) -> Vec<Error> {
        let path = path.as_ref();
        match read_file(path, limits) {
            Err(e) => vec![e],
            Ok(text) => {
                let loader = Loader {
                    text: &text,
                    file: Some(path),
                    errors: Vec::new(),
                    keep_going: true,
                    limits,
                };
                loader.check_all()
            }
        }
    }

    /// The graph as dataset JSON, pretty-printed.
    ///
    /// Every item keeps its fields and its place in insertion order, so
    /// loading the text gives an equal graph.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::DiplomaticGraph;
    ///
    /// let graph = diplograph::datasets::washington_2025();
    /// let again = DiplomaticGraph::from_json_str(&graph.to_json_string())?;
    /// assert_eq!(graph, again);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn to_json_string(&self) -> String {
        // Serialising plain structs of strings and enums cannot fail.
        serde_json::to_string_pretty(&self.dataset_out()).unwrap_or_default()
    }

    /// The graph as dataset JSON on one line, without spaces: the same
    /// document as [`to_json_string`](Self::to_json_string), smaller.
    ///
    /// ```
    /// use diplograph::DiplomaticGraph;
    ///
    /// let graph = diplograph::datasets::washington_2025();
    /// let compact = graph.to_json_compact_string();
    /// assert!(!compact.contains('\n') && compact.len() < graph.to_json_string().len());
    /// assert_eq!(DiplomaticGraph::from_json_str(&compact)?, graph);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn to_json_compact_string(&self) -> String {
        // Serialising plain structs of strings and enums cannot fail.
        serde_json::to_string(&self.dataset_out()).unwrap_or_default()
    }

    /// Writes the graph as dataset JSON to a writer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when writing fails (the path is then empty).
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let mut out = Vec::new();
    /// graph.to_json_writer(&mut out)?;
    /// assert!(out.starts_with(b"{"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn to_json_writer(&self, mut writer: impl Write) -> Result<()> {
        let io = |source| Error::Io {
            path: PathBuf::new(),
            source,
        };
        serde_json::to_writer_pretty(&mut writer, &self.dataset_out())
            .map_err(|e| io(std::io::Error::other(e)))?;
        writer.write_all(b"\n").map_err(io)?;
        writer.flush().map_err(io)
    }

    /// Saves the graph to a dataset file.
    ///
    /// The data goes to a temporary file beside the target, which then
    /// replaces it, so a failure part-way never leaves a half-written
    /// dataset in place of the old one. A symbolic link is followed (the
    /// file it names is replaced, the link stays); a device or a pipe, such
    /// as `/dev/stdout`, is written in place, since renaming a file over it
    /// would replace the device.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] naming the file when it cannot be written.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let path = std::env::temp_dir().join("diplograph-doc-save.json");
    /// graph.save(&path)?;
    /// assert_eq!(diplograph::DiplomaticGraph::load(&path)?, graph);
    /// # std::fs::remove_file(&path).ok();
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        super::write_atomically(path.as_ref(), |out| {
            self.to_json_writer(out).map_err(|e| match e {
                Error::Io { source, .. } => source,
                other => std::io::Error::other(other),
            })
        })
    }

    fn dataset_out(&self) -> DatasetOut<'_> {
        DatasetOut {
            format: FORMAT,
            title: self.meta.title.as_deref(),
            description: self.meta.description.as_deref(),
            sources: self.sources.values().collect(),
            actors: self.actors().map(|(_, a)| a).collect(),
            stances: self.stances().map(|(_, s)| s).collect(),
            meetings: self.all_meetings().map(|(_, m)| m).collect(),
            positions: self.all_positions().map(|(_, p)| p).collect(),
            acts: self.all_acts().map(|(_, a)| a).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save whose writer fails after writing part of the dataset leaves
    /// the old file as it was, and no temporary file behind.
    #[test]
    fn a_failing_save_keeps_the_old_file() {
        let dir = std::env::temp_dir().join(format!("diplograph-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("data.json");
        let old = crate::datasets::washington_2025();
        old.save(&path).unwrap();
        let before = std::fs::read(&path).unwrap();

        let mut graph = DiplomaticGraph::new();
        graph.set_title("the new version, never saved");
        let err = super::super::write_atomically(&path, |out| {
            let text = graph.to_json_string();
            let half = text.len() / 2;
            out.write_all(text.as_bytes().get(..half).unwrap_or_default())?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        })
        .unwrap_err();
        match &err {
            Error::Io { path: at, source } => {
                assert_eq!(at, &path, "the error names the target");
                assert_eq!(source.kind(), std::io::ErrorKind::StorageFull);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the old file changed"
        );
        assert_eq!(DiplomaticGraph::load(&path).unwrap(), old);
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["data.json"], "a temporary file was left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
