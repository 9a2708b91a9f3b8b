//! The crate-wide error type.

use std::fmt;
use std::path::PathBuf;

use crate::io::Limit;
use crate::model::{DateError, Key, PartialDate, Polarity};

/// Everything that can go wrong in `diplograph`.
///
/// Errors about a dataset file carry a [`Location`]: the file, line and
/// column, and the JSON path of the offending value. Errors from the typed API
/// (no file involved) have no location but name the key at fault.
///
/// # Examples
///
/// ```
/// use diplograph::{DiplomaticGraph, Error};
///
/// let text = r#"{ "format": "diplograph/1",
///   "positions": [ { "actor": "nobody", "stance": "peace", "polarity": "supports" } ] }"#;
/// let err = DiplomaticGraph::from_json_str(text).unwrap_err();
/// assert!(matches!(err, Error::UnknownKey { .. }));
/// assert_eq!(err.to_string(), "unknown actor `nobody` at line 2, column 29 (positions[0].actor)");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written (`path` is empty for readers and
    /// writers that are not files).
    #[error("cannot access {}", if path.as_os_str().is_empty() { "the reader or writer".into() } else { path.display().to_string() })]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The dataset is not well-formed JSON, has an unknown or missing field, or
    /// a value of the wrong type or an unknown kind.
    #[error("invalid dataset at {location}")]
    Json {
        /// Where.
        location: Location,
        /// What serde_json said.
        #[source]
        source: serde_json::Error,
    },
    /// The dataset declares a format this version cannot read.
    #[error("unsupported dataset format `{found}` (this version reads `{}`){}", crate::FORMAT, at(.location))]
    UnsupportedFormat {
        /// The declared format.
        found: String,
        /// Where.
        location: Option<Location>,
    },
    /// A date that is malformed or does not exist (2025-02-30).
    #[error("{source}{}", at(.location))]
    InvalidDate {
        /// Why.
        source: DateError,
        /// Where.
        location: Option<Location>,
    },
    /// A key that is empty, too long or has characters keys cannot have.
    #[error("invalid {kind} key {}: use 1 to {} ASCII letters, digits, `-`, `_`, `.` or `:`{}", short(&format!("{key:?}")), crate::model::MAX_KEY_LEN, at(.location))]
    InvalidKey {
        /// What the key was for.
        kind: ItemKind,
        /// The key.
        key: Key,
        /// Where.
        location: Option<Location>,
    },
    /// Two items of one kind share a key.
    #[error("duplicate {kind} key `{key}`{}", at(.location))]
    DuplicateKey {
        /// What kind of item.
        kind: ItemKind,
        /// The key.
        key: Key,
        /// Where the second one is.
        location: Option<Location>,
    },
    /// A reference to a key that names no item of that kind.
    #[error("unknown {kind} `{}`{}", short(key.as_str()), at(.location))]
    UnknownKey {
        /// What kind of item the key should name.
        kind: ItemKind,
        /// The key.
        key: Key,
        /// Where the reference is.
        location: Option<Location>,
    },
    /// A required text (a name, a title, a label, a quote) is empty or blank.
    #[error("empty {field} in {item}{}", at(.location))]
    EmptyField {
        /// Which field.
        field: &'static str,
        /// The item, by key or description.
        item: String,
        /// Where.
        location: Option<Location>,
    },
    /// An interval ends before it starts.
    #[error("{item} ends ({until}) before it starts ({from}){}", at(.location))]
    EndsBeforeStart {
        /// The item, by key or description.
        item: String,
        /// The start.
        from: PartialDate,
        /// The end.
        until: PartialDate,
        /// Where.
        location: Option<Location>,
    },
    /// An actor is listed twice among a meeting's participants.
    #[error("actor `{actor}` is listed twice in meeting `{meeting}`{}", at(.location))]
    DuplicateParticipant {
        /// The meeting.
        meeting: Key,
        /// The actor.
        actor: Key,
        /// Where the second listing is.
        location: Option<Location>,
    },
    /// A stance would become broader than itself.
    #[error("stance `{stance}` would be its own broader stance through `{broader}`{}", at(.location))]
    BroaderCycle {
        /// The stance.
        stance: Key,
        /// The broader stance that closes the cycle.
        broader: Key,
        /// Where.
        location: Option<Location>,
    },
    /// A position contradicts one added before it: the same actor and stance,
    /// validity intervals that certainly share a day, another polarity, and
    /// evidence quoting the same words from the same source. One sentence
    /// cannot say both.
    #[error("{item} ({}) contradicts an earlier one ({}) quoting the same words from `{cited}`{}", .polarity.as_str(), .earlier.as_str(), at(.location))]
    ContradictoryPosition {
        /// The position, by actor and stance.
        item: String,
        /// The polarity of the new position.
        polarity: Polarity,
        /// The polarity of the earlier position it contradicts.
        earlier: Polarity,
        /// The source both positions quote.
        cited: Key,
        /// Where the new position's polarity is.
        location: Option<Location>,
    },
    /// An input is larger than a [`Limits`](crate::io::Limits) value allows.
    #[error("{what} is {found}, over the limit of {limit}{}", at(.location))]
    LimitExceeded {
        /// Which limit.
        what: Limit,
        /// The limit.
        limit: usize,
        /// What the input has (for the nesting depth: the first depth over
        /// the limit).
        found: usize,
        /// Where: the document for the input size, else the string, the
        /// array or object, or the meeting's list at fault.
        location: Option<Location>,
    },
    /// An id that names no item of this graph (it came from another graph).
    #[error("this graph has no {kind} with id {kind}#{index}")]
    UnknownId {
        /// What kind of item the id should name.
        kind: ItemKind,
        /// The id's index.
        index: usize,
    },
    /// A lookup by name matched nothing.
    #[error("no {kind} matches {query:?}{}", did_you_mean(.suggestions))]
    NotFound {
        /// What kind of item was looked for.
        kind: ItemKind,
        /// The name given.
        query: String,
        /// Keys of close matches, best first.
        suggestions: Vec<Key>,
    },
    /// A lookup by name matched more than one item.
    #[error("{query:?} could be any of these {kind}s: {}", list(.candidates))]
    Ambiguous {
        /// What kind of item was looked for.
        kind: ItemKind,
        /// The name given.
        query: String,
        /// Keys of every match.
        candidates: Vec<Key>,
    },
    /// A question (see [`DiplomaticGraph::ask`](crate::DiplomaticGraph::ask))
    /// that cannot be read or names something the graph does not have.
    ///
    /// The message says what was expected at which column, then shows the
    /// question (or, for a long one, the part around the column) with a caret
    /// under that column.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let err = graph.ask("who met both Zelenskky and Putin?").unwrap_err();
    /// assert_eq!(err.to_string(), "\
    /// bad question at column 14: expected an actor, found \"Zelenskky\"; did you mean `zelenskyy`?
    ///   who met both Zelenskky and Putin?
    ///                ^");
    /// ```
    #[error("bad question at column {column}: expected {expected}, found {found}{}\n{}", did_you_mean(.suggestions), caret(.question, *.column))]
    Question {
        /// The question (at most [`MAX_QUESTION_LEN`](crate::query::language::MAX_QUESTION_LEN)
        /// characters of it).
        question: String,
        /// The column at fault, counting characters from 1.
        column: usize,
        /// What the language allows there.
        expected: String,
        /// What the question has there, quoted, or "the end of the question".
        found: String,
        /// For a name that matches nothing or several items: keys of close
        /// or possible matches, best first.
        suggestions: Vec<Key>,
    },
    /// A row of an event-data file (GDELT, ICEWS, PLOVER, CAMEO TSV) that
    /// cannot be read: a wrong number of columns, a malformed date or number,
    /// a missing required field. The location names the file, line and
    /// column, and its path names the field.
    ///
    /// ```
    /// use diplograph::import::{Format, Importer};
    ///
    /// let row = "1\t2025-13-01\n"; // two columns, not 61
    /// let err = Importer::new().read(Format::Gdelt, row.as_bytes(), "batch.CSV").unwrap_err();
    /// assert!(matches!(err, diplograph::Error::EventRow { field: "row", .. }));
    /// assert_eq!(err.to_string(),
    ///     "bad event row: 2 columns; GDELT rows have 57, 58 or 61 at batch.CSV:1:1 (row)");
    /// ```
    #[error("bad event row: {reason} at {location}")]
    EventRow {
        /// Where: file, line, column (from 1) and the field's name as path.
        location: Location,
        /// The field's name, such as `SQLDATE` or `Event Date`.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
///
/// ```
/// fn first_actor_name(text: &str) -> diplograph::Result<String> {
///     let graph = diplograph::DiplomaticGraph::from_json_str(text)?;
///     Ok(graph.actors().next().map(|(_, a)| a.name.clone()).unwrap_or_default())
/// }
/// assert!(first_actor_name("not json").is_err());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn at(location: &Option<Location>) -> String {
    match location {
        Some(location) => format!(" at {location}"),
        None => String::new(),
    }
}

/// The longest key or key-like text a message shows, in characters.
const SHOWN_KEY_LEN: usize = 160;

/// `text`, cut to [`SHOWN_KEY_LEN`] characters with a `…` if longer, so that
/// a hostile input cannot make a message megabytes long (the error keeps the
/// whole key).
fn short(text: &str) -> String {
    match text.char_indices().nth(SHOWN_KEY_LEN) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

fn list(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean(keys: &[Key]) -> String {
    if keys.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", list(keys))
    }
}

/// How many characters of a question an error shows on each side of its
/// column.
const CARET_CONTEXT: usize = 60;

/// The question line and a caret line under `column` (from 1), indented by
/// two spaces. A long question is cut to the part around the column, marked
/// with `…`; control characters show as spaces so the caret stays in place.
fn caret(question: &str, column: usize) -> String {
    let chars: Vec<char> = question
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = column.saturating_sub(1);
    let start = at.saturating_sub(CARET_CONTEXT);
    let end = chars.len().min(at.saturating_add(CARET_CONTEXT));
    let mut line: String = if start > 0 {
        "…".into()
    } else {
        String::new()
    };
    line.extend(chars.get(start..end).unwrap_or_default());
    if end < chars.len() {
        line.push('…');
    }
    let offset = at - start + usize::from(start > 0);
    format!("  {}\n  {}^", line.trim_end(), " ".repeat(offset))
}

impl Error {
    /// Where in a dataset file the error is, when it came from one.
    ///
    /// ```
    /// let err = diplograph::DiplomaticGraph::from_json_str("{ \"format\": 1 }").unwrap_err();
    /// let location = err.location().unwrap();
    /// assert_eq!((location.line, location.column), (1, 13));
    /// ```
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Json { location, .. } | Error::EventRow { location, .. } => Some(location),
            Error::UnsupportedFormat { location, .. }
            | Error::InvalidDate { location, .. }
            | Error::InvalidKey { location, .. }
            | Error::DuplicateKey { location, .. }
            | Error::UnknownKey { location, .. }
            | Error::EmptyField { location, .. }
            | Error::EndsBeforeStart { location, .. }
            | Error::DuplicateParticipant { location, .. }
            | Error::BroaderCycle { location, .. }
            | Error::ContradictoryPosition { location, .. }
            | Error::LimitExceeded { location, .. } => location.as_ref(),
            Error::Io { .. }
            | Error::UnknownId { .. }
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::Question { .. } => None,
        }
    }

    /// Sets the location of an error that can have one.
    pub(crate) fn located(mut self, new: Location) -> Self {
        match &mut self {
            Error::Json { location, .. } | Error::EventRow { location, .. } => *location = new,
            Error::UnsupportedFormat { location, .. }
            | Error::InvalidDate { location, .. }
            | Error::InvalidKey { location, .. }
            | Error::DuplicateKey { location, .. }
            | Error::UnknownKey { location, .. }
            | Error::EmptyField { location, .. }
            | Error::EndsBeforeStart { location, .. }
            | Error::DuplicateParticipant { location, .. }
            | Error::BroaderCycle { location, .. }
            | Error::ContradictoryPosition { location, .. }
            | Error::LimitExceeded { location, .. } => *location = Some(new),
            Error::Io { .. }
            | Error::UnknownId { .. }
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::Question { .. } => {}
        }
        self
    }
}

impl From<DateError> for Error {
    fn from(source: DateError) -> Self {
        Error::InvalidDate {
            source,
            location: None,
        }
    }
}

/// Where in a dataset file something is.
///
/// Lines and columns count from 1; columns count characters. `path` is the
/// JSON path of the value, such as `positions[3].actor`.
///
/// # Examples
///
/// ```
/// let err = diplograph::DiplomaticGraph::from_json_str("{\n  \"format\": \"diplograph/1\",\n  \"colour\": 1 }").unwrap_err();
/// assert_eq!(err.location().unwrap().to_string(), "line 3, column 10 (colour)");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// The file, when the dataset was read from one.
    pub file: Option<PathBuf>,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
    /// The JSON path of the value (empty for the whole document).
    pub path: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{}:{}:{}", file.display(), self.line, self.column)?,
            None => write!(f, "line {}, column {}", self.line, self.column)?,
        }
        if !self.path.is_empty() {
            write!(f, " ({})", self.path)?;
        }
        Ok(())
    }
}

/// The kinds of item an error can be about.
///
/// ```
/// use diplograph::{Error, ItemKind};
///
/// let graph = diplograph::datasets::washington_2025();
/// match graph.find_stance("peace") {
///     Err(Error::NotFound { kind, .. }) => assert_eq!(kind, ItemKind::Stance),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ItemKind {
    /// An [`Actor`](crate::Actor).
    Actor,
    /// A [`Meeting`](crate::Meeting).
    Meeting,
    /// A [`Stance`](crate::Stance).
    Stance,
    /// A [`Source`](crate::Source).
    Source,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Actor => "actor",
            ItemKind::Meeting => "meeting",
            ItemKind::Stance => "stance",
            ItemKind::Source => "source",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The variant's name. The match has no wildcard, so a new variant does
    /// not compile until it is named here, and then needs its section in
    /// `docs/errors.md`.
    fn name(error: &Error) -> &'static str {
        match error {
            Error::Io { .. } => "Io",
            Error::Json { .. } => "Json",
            Error::UnsupportedFormat { .. } => "UnsupportedFormat",
            Error::InvalidDate { .. } => "InvalidDate",
            Error::InvalidKey { .. } => "InvalidKey",
            Error::DuplicateKey { .. } => "DuplicateKey",
            Error::UnknownKey { .. } => "UnknownKey",
            Error::EmptyField { .. } => "EmptyField",
            Error::EndsBeforeStart { .. } => "EndsBeforeStart",
            Error::DuplicateParticipant { .. } => "DuplicateParticipant",
            Error::BroaderCycle { .. } => "BroaderCycle",
            Error::ContradictoryPosition { .. } => "ContradictoryPosition",
            Error::LimitExceeded { .. } => "LimitExceeded",
            Error::UnknownId { .. } => "UnknownId",
            Error::NotFound { .. } => "NotFound",
            Error::Ambiguous { .. } => "Ambiguous",
            Error::Question { .. } => "Question",
            Error::EventRow { .. } => "EventRow",
        }
    }

    #[test]
    fn every_variant_has_a_section_in_the_error_catalogue() {
        let doc = include_str!("../docs/errors.md");
        let key = || Key::new("k");
        let every = [
            Error::Io {
                path: PathBuf::new(),
                source: std::io::Error::other("x"),
            },
            Error::Json {
                location: Location::default(),
                source: serde_json::from_str::<u8>("x").unwrap_err(),
            },
            Error::UnsupportedFormat {
                found: String::new(),
                location: None,
            },
            Error::InvalidDate {
                source: "x".parse::<PartialDate>().unwrap_err(),
                location: None,
            },
            Error::InvalidKey {
                kind: ItemKind::Actor,
                key: key(),
                location: None,
            },
            Error::DuplicateKey {
                kind: ItemKind::Actor,
                key: key(),
                location: None,
            },
            Error::UnknownKey {
                kind: ItemKind::Actor,
                key: key(),
                location: None,
            },
            Error::EmptyField {
                field: "name",
                item: String::new(),
                location: None,
            },
            Error::EndsBeforeStart {
                item: String::new(),
                from: PartialDate::year_only(2025).unwrap(),
                until: PartialDate::year_only(2024).unwrap(),
                location: None,
            },
            Error::DuplicateParticipant {
                meeting: key(),
                actor: key(),
                location: None,
            },
            Error::BroaderCycle {
                stance: key(),
                broader: key(),
                location: None,
            },
            Error::ContradictoryPosition {
                item: String::new(),
                polarity: Polarity::Supports,
                earlier: Polarity::Opposes,
                cited: key(),
                location: None,
            },
            Error::LimitExceeded {
                what: Limit::Depth,
                limit: 1,
                found: 2,
                location: None,
            },
            Error::UnknownId {
                kind: ItemKind::Actor,
                index: 0,
            },
            Error::NotFound {
                kind: ItemKind::Actor,
                query: String::new(),
                suggestions: Vec::new(),
            },
            Error::Ambiguous {
                kind: ItemKind::Actor,
                query: String::new(),
                candidates: Vec::new(),
            },
            Error::Question {
                question: String::new(),
                column: 1,
                expected: String::new(),
                found: String::new(),
                suggestions: Vec::new(),
            },
            Error::EventRow {
                location: Location::default(),
                field: "row",
                reason: String::new(),
            },
        ];
        for error in &every {
            let heading = format!("\n## `{}`\n", name(error));
            assert!(doc.contains(&heading), "docs/errors.md lacks {heading:?}");
            let _ = error.to_string();
        }
    }
}
