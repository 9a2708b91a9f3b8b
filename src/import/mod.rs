//! Reading and writing coded event data: GDELT, ICEWS, PLOVER and CAMEO
//! dyadic TSV.
//!
//! Event datasets code "who did what to whom" row by row with CAMEO or
//! PLOVER codes. An [`Importer`] reads such rows from any [`Read`] (or a
//! file), maps each one to the model (meetings with participants and roles,
//! acts, positions on the `ceasefire` and `sanctions` stances; see
//! [`mapping`] and `docs/event-data.md`) and builds a [`DiplomaticGraph`].
//! Rows describing one meeting from both sides (GDELT and ICEWS code 042
//! "make a visit" with 043 "host a visit", or 040 both ways) are merged into
//! one meeting when they name the same pair of actors within a day.
//!
//! ```
//! use diplograph::import::{Format, Importer, Mode};
//!
//! let mut importer = Importer::new().mode(Mode::Lenient);
//! importer.read_file(Format::Gdelt, "tests/data/gdelt/20250820163000.export.first36.CSV")?;
//! let (graph, report) = importer.finish()?;
//! assert!(report.adds_up());
//! assert_eq!(report.rows_read, 36);
//! let answer = graph.ask("which meetings did Putin attend?")?;
//! assert!(!answer.is_empty());
//! # Ok::<(), diplograph::Error>(())
//! ```
//!
//! Every edge keeps, as [`Evidence`], the [`Source`] of its row (the article
//! URL, with GDELT's date added as the published date, that is the report
//! time) and a note with the row's raw coding in a parseable form:
//! `cameo=042 goldstein=1.9 tone=-1.3 mentions=3 event=1258623905` (fields
//! separated by spaces, each `name=value`, absent fields left out; see
//! [`Coding`]). The event date becomes the edge's date (valid time).
//!
//! Bad rows (a wrong number of columns, a malformed date or number) stop a
//! [`Mode::Strict`] import with [`Error::EventRow`] naming the file, line,
//! column and field; a [`Mode::Lenient`] import skips them and counts them in
//! the [`ImportReport`] by [`SkipReason`]. Rows that are well formed but
//! that the mapping does not use (a code outside it, an actor that cannot be
//! identified) are counted too, so `rows_read` always equals `rows_imported`
//! plus the skipped rows.
//!
//! The writers [`write_plover_jsonl`] and [`write_cameo_tsv`] give the
//! graph's events back to event-data tools; reading what they write gives the
//! same meetings, acts and positions, and their [`WriteReport`] counts what
//! of the graph the formats could not hold.

mod gdelt;
mod icews;
mod plover;
mod tsv;
mod write;

pub mod cameo;
pub mod mapping;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::graph::{Checks, Invalid};
use crate::hash::{FastMap, KeyMap, KeySet};
use indexmap::map::{RawEntryApiV1 as _, raw_entry_v1::RawEntryMut};
use std::hash::BuildHasher as _;

use crate::model::push_small;
use crate::{
    Act, ActKind, Actor, ActorKind, DiplomaticGraph, Error, Evidence, Key, Link, LinkKind,
    Location, Meeting, MeetingKind, MeetingStatus, PartialDate, Participant, Polarity, Position,
    Result, Role, Source, Stance,
};
use mapping::Mapping;

pub use write::{LeftOut, WriteReport, write_cameo_tsv, write_plover_jsonl};

/// The event-data formats an [`Importer`] reads.
///
/// ```
/// use diplograph::import::Format;
/// assert_eq!(Format::from_path("20250820163000.export.CSV"), Some(Format::Gdelt));
/// assert_eq!(Format::from_path("20250820163000.mentions.CSV"), Some(Format::GdeltMentions));
/// assert_eq!(Format::from_path("events.2018.tab"), Some(Format::Icews));
/// assert_eq!(Format::from_path("events.jsonl"), Some(Format::Plover));
/// assert_eq!(Format::from_path("events.tsv"), Some(Format::CameoTsv));
/// assert_eq!(Format::from_path("20250820163000.export.CSV.zip"), Some(Format::Gdelt));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// GDELT event exports: 2.0 (61 columns) and 1.0 (57 or 58 columns),
    /// tab-separated, no header; the column count of each row decides.
    Gdelt,
    /// GDELT 2.0 Mentions (16 columns): extra evidence (URL, confidence) for
    /// events read from GDELT exports in the same import.
    GdeltMentions,
    /// ICEWS coded events: 20 tab-separated columns with a header.
    Icews,
    /// PLOVER records: JSON Lines, or one JSON array of records.
    Plover,
    /// The CAMEO dyadic TSV that [`write_cameo_tsv`] writes.
    CameoTsv,
}

impl Format {
    /// The format a file name implies: `.csv` is GDELT (mentions when the
    /// name contains `mentions`), `.tab` ICEWS, `.jsonl`/`.ndjson` PLOVER,
    /// `.tsv` CAMEO TSV, each also with `.zip` after it; `None` otherwise.
    ///
    /// ```
    /// assert_eq!(diplograph::import::Format::from_path("talks.json"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let path = path.as_ref();
        let mut name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if let Some(inner) = name.strip_suffix(".zip") {
            name = inner.to_owned();
        }
        let extension = Path::new(&name).extension()?.to_string_lossy().into_owned();
        match extension.as_str() {
            "csv" if name.contains("mentions") => Some(Format::GdeltMentions),
            "csv" => Some(Format::Gdelt),
            "tab" => Some(Format::Icews),
            "jsonl" | "ndjson" => Some(Format::Plover),
            "tsv" => Some(Format::CameoTsv),
            _ => None,
        }
    }

    /// The format's name, as on the command line: `gdelt`, `icews`...
    ///
    /// ```
    /// assert_eq!(diplograph::import::Format::CameoTsv.as_str(), "cameo-tsv");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Gdelt => "gdelt",
            Format::GdeltMentions => "gdelt-mentions",
            Format::Icews => "icews",
            Format::Plover => "plover",
            Format::CameoTsv => "cameo-tsv",
        }
    }
}

/// What an import does with a malformed row.
///
/// ```
/// use diplograph::import::{Importer, Mode};
/// let importer = Importer::new().mode(Mode::Lenient);
/// assert_eq!(importer.report().rows_read, 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mode {
    /// Stop at the first malformed row with [`Error::EventRow`].
    #[default]
    Strict,
    /// Skip malformed rows, counting them in the [`ImportReport`].
    Lenient,
}

/// Why a row did not become part of the graph.
///
/// The first seven are malformed rows (a strict import stops at them); the
/// others are well-formed rows the mapping does not use.
///
/// ```
/// use diplograph::import::SkipReason;
/// assert!(SkipReason::BadDate.is_malformed());
/// assert!(!SkipReason::UnmappedCode.is_malformed());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// The row has a number of columns the format does not have.
    BadColumns,
    /// A date that is malformed or does not exist.
    BadDate,
    /// A number (Goldstein score, tone, mention count, GDELT event id) that
    /// is malformed.
    BadNumber,
    /// An event code that is not one: a CAMEO code with something other
    /// than digits (`04X`).
    BadCode,
    /// Text that is not UTF-8.
    BadText,
    /// A JSON record that cannot be read, or a header that is not the format's.
    BadRecord,
    /// A required field (event code, event id) is empty or absent.
    MissingField,
    /// The event code maps to no meeting, act or position.
    UnmappedCode,
    /// An actor whose code names no country, group or person.
    UnidentifiedActor,
    /// A meeting or act without a target actor.
    NoTarget,
    /// The source and the target are the same actor.
    SelfDirected,
    /// A mention of an event this import did not read or did not map.
    UnknownEvent,
}

impl SkipReason {
    /// Whether the row is malformed (as opposed to unused by the mapping).
    ///
    /// ```
    /// assert!(diplograph::import::SkipReason::BadColumns.is_malformed());
    /// ```
    pub fn is_malformed(self) -> bool {
        matches!(
            self,
            SkipReason::BadColumns
                | SkipReason::BadDate
                | SkipReason::BadNumber
                | SkipReason::BadCode
                | SkipReason::BadText
                | SkipReason::BadRecord
                | SkipReason::MissingField
        )
    }

    /// A few words on the reason, as in reports.
    ///
    /// ```
    /// assert_eq!(diplograph::import::SkipReason::NoTarget.as_str(), "no target actor");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::BadColumns => "wrong number of columns",
            SkipReason::BadDate => "malformed date",
            SkipReason::BadNumber => "malformed number",
            SkipReason::BadCode => "malformed event code",
            SkipReason::BadText => "text not UTF-8",
            SkipReason::BadRecord => "unreadable record",
            SkipReason::MissingField => "missing field",
            SkipReason::UnmappedCode => "code outside the mapping",
            SkipReason::UnidentifiedActor => "unidentified actor",
            SkipReason::NoTarget => "no target actor",
            SkipReason::SelfDirected => "source and target are the same actor",
            SkipReason::UnknownEvent => "mention of an event not imported",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an import read and what it made of it.
///
/// `rows_read == rows_imported + rows_skipped()` always holds ([`adds_up`]).
/// A row that becomes several things (an act and a position) counts once in
/// `rows_imported` and once in each of `rows_to_*`.
///
/// [`adds_up`]: ImportReport::adds_up
///
/// ```
/// use diplograph::import::{Format, Importer, Mode};
/// let mut importer = Importer::new().mode(Mode::Lenient);
/// importer.read(Format::Gdelt, "not a row\n".as_bytes(), "bad.CSV")?;
/// let (_, report) = importer.finish()?;
/// assert_eq!((report.rows_read, report.rows_imported, report.rows_skipped()), (1, 0, 1));
/// assert!(report.adds_up());
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportReport {
    /// Data rows read (header lines and blank lines are not rows).
    pub rows_read: u64,
    /// Rows that became at least one meeting, act, position or evidence.
    pub rows_imported: u64,
    /// Rows skipped, by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
    /// Rows that became or joined a meeting.
    pub rows_to_meetings: u64,
    /// Rows merged into a meeting another row had created.
    pub rows_merged: u64,
    /// Rows that became or joined an act.
    pub rows_to_acts: u64,
    /// Rows that became or joined a position.
    pub rows_to_positions: u64,
    /// Mention rows attached as evidence to an imported event.
    pub mentions_attached: u64,
    /// Actors in the graph.
    pub actors: usize,
    /// Meetings in the graph.
    pub meetings: usize,
    /// Acts in the graph.
    pub acts: usize,
    /// Positions in the graph.
    pub positions: usize,
    /// Stances in the graph.
    pub stances: usize,
    /// Sources in the graph.
    pub sources: usize,
}

impl ImportReport {
    /// Rows skipped for any reason.
    ///
    /// ```
    /// assert_eq!(diplograph::import::ImportReport::default().rows_skipped(), 0);
    /// ```
    pub fn rows_skipped(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Malformed rows skipped (a lenient import only).
    ///
    /// ```
    /// assert_eq!(diplograph::import::ImportReport::default().rows_malformed(), 0);
    /// ```
    pub fn rows_malformed(&self) -> u64 {
        self.skipped
            .iter()
            .filter(|(r, _)| r.is_malformed())
            .map(|(_, n)| n)
            .sum()
    }

    /// Whether every row read is accounted for: imported or skipped.
    ///
    /// ```
    /// assert!(diplograph::import::ImportReport::default().adds_up());
    /// ```
    pub fn adds_up(&self) -> bool {
        self.rows_read == self.rows_imported + self.rows_skipped()
    }

    fn skip(&mut self, reason: SkipReason) {
        *self.skipped.entry(reason).or_default() += 1;
    }
}

impl fmt::Display for ImportReport {
    /// Several lines: rows read, imported, skipped by reason, and what the
    /// graph holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} rows read: {} imported, {} skipped",
            self.rows_read,
            self.rows_imported,
            self.rows_skipped()
        )?;
        for (reason, n) in &self.skipped {
            writeln!(f, "  skipped, {reason}: {n}")?;
        }
        writeln!(
            f,
            "rows to meetings: {} ({} merged into another row's meeting), to acts: {}, to positions: {}, mentions attached: {}",
            self.rows_to_meetings,
            self.rows_merged,
            self.rows_to_acts,
            self.rows_to_positions,
            self.mentions_attached
        )?;
        write!(
            f,
            "graph: {} actors, {} meetings, {} acts, {} positions, {} stances, {} sources",
            self.actors, self.meetings, self.acts, self.positions, self.stances, self.sources
        )
    }
}

/// The raw coding of one row, as kept in its evidence note: `cameo=042
/// goldstein=1.9 tone=-1.3 mentions=3 event=1258623905` (tone rounded to two
/// decimals).
///
/// ```
/// use diplograph::import::Coding;
/// let c = Coding::parse("cameo=042 goldstein=1.9 event=7");
/// assert_eq!(c.cameo.as_deref(), Some("042"));
/// assert_eq!(c.goldstein, Some(1.9));
/// assert_eq!(c.to_string(), "cameo=042 goldstein=1.9 event=7");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Coding {
    /// The CAMEO event code.
    pub cameo: Option<String>,
    /// The PLOVER event, mode and context (`CONSULT/visit`,
    /// `REJECT/yield/diplomatic,military`, `REQUEST//ceasefire`), without
    /// spaces, for PLOVER records without a CAMEO code.
    pub plover: Option<String>,
    /// The Goldstein score (ICEWS: intensity).
    pub goldstein: Option<f64>,
    /// The average tone of the reporting articles (GDELT).
    pub tone: Option<f64>,
    /// How many mentions the event had (GDELT `NumMentions`).
    pub mentions: Option<u32>,
    /// The event's id in its dataset.
    pub event: Option<String>,
}

impl Coding {
    /// Reads a note written by [`Coding`]'s `Display`; unknown or malformed
    /// fields are ignored.
    ///
    /// ```
    /// let c = diplograph::import::Coding::parse("tone=x mentions=2");
    /// assert_eq!((c.tone, c.mentions), (None, Some(2)));
    /// ```
    pub fn parse(note: &str) -> Coding {
        let mut coding = Coding::default();
        for field in note.split(' ') {
            let Some((name, value)) = field.split_once('=') else {
                continue;
            };
            match name {
                "cameo" => coding.cameo = Some(value.to_owned()),
                "plover" => coding.plover = Some(value.to_owned()),
                "goldstein" => coding.goldstein = value.parse().ok(),
                "tone" => coding.tone = value.parse().ok(),
                "mentions" => coding.mentions = value.parse().ok(),
                "event" => coding.event = Some(value.to_owned()),
                _ => {}
            }
        }
        coding
    }
}

impl fmt::Display for Coding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        let mut field = |f: &mut fmt::Formatter<'_>, name: &str, value: &dyn fmt::Display| {
            let r = write!(f, "{sep}{name}={value}");
            sep = " ";
            r
        };
        if let Some(v) = &self.cameo {
            field(f, "cameo", v)?;
        }
        if let Some(v) = &self.plover {
            field(f, "plover", v)?;
        }
        if let Some(v) = self.goldstein {
            field(f, "goldstein", &v)?;
        }
        if let Some(v) = self.tone {
            // Rounded to two decimals, printed in the shortest form.
            field(f, "tone", &((v * 100.0).round() / 100.0))?;
        }
        if let Some(v) = self.mentions {
            field(f, "mentions", &v)?;
        }
        if let Some(v) = &self.event {
            field(f, "event", v)?;
        }
        Ok(())
    }
}

/// Reads event-data files into one graph.
///
/// Feed it files with [`read`](Importer::read) or
/// [`read_file`](Importer::read_file), in any number and format, then call
/// [`finish`](Importer::finish). Actors, sources and stances are merged
/// across files by key; meetings by pair and date (see the module docs).
/// Memory grows with the number of distinct meetings, acts and positions,
/// not with the number of rows read.
///
/// ```
/// use diplograph::import::{Format, Importer};
///
/// let row = "1258623905\t20250813\t202508\t2025\t2025.6110\tRUSGOV\tVLADIMIR PUTIN\tRUS\t\t\t\t\tGOV\t\t\tUSA\tUNITED STATES\tUSA\t\t\t\t\t\t\t\t1\t040\t040\t04\t1\t1.0\t1\t1\t1\t-1.3\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t20250820163000\thttps://example.org/a\n";
/// let mut importer = Importer::new();
/// importer.read(Format::Gdelt, row.as_bytes(), "row.CSV")?;
/// let (graph, report) = importer.finish()?;
/// assert_eq!(report.meetings, 1);
/// let putin = graph.find_actor("Putin")?;
/// assert_eq!(graph.actor(putin).unwrap().name, "Vladimir Putin");
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Debug, Default)]
#[must_use]
pub struct Importer {
    mode: Mode,
    report: ImportReport,
    actors: KeyMap<Key, Actor>,
    /// Cache from an actor's coded form to its key (or `None` when it
    /// cannot be identified).
    actor_cache: FastMap<String, Option<usize>>,
    /// A reused buffer for the cache's keys.
    actor_buf: String,
    /// The last coded forms seen, by [`quick_hash`], in front of `actor_cache`.
    actor_front: Vec<(String, Option<usize>)>,
    /// Sources by key (each source's own key shares the map's text).
    sources: KeyMap<Key, Source>,
    stances: KeyMap<Key, Stance>,
    meetings: Vec<Meeting>,
    /// Meetings by (pair of actors, class) for merging reciprocal rows, the
    /// three packed in one number (see [`pair_key`]), each with the day
    /// number of its date, so the search for a reciprocal row's meeting
    /// reads the list alone, not the meetings.
    meetings_by_pair: FastMap<u128, Vec<(i64, usize)>>,
    /// The pair under which each meeting was made.
    meeting_pairs: Vec<u128>,
    /// Meetings that joined other pairs' lists too (found by their group
    /// for another pair), with those pairs: where else a change of the
    /// meeting's day must be written.
    shared_meetings: FastMap<usize, Vec<u128>>,
    /// Meetings by explicit group id (TSV and PLOVER rows of one event).
    meetings_by_group: FastMap<String, usize>,
    acts: Vec<Act>,
    /// Acts by actor, target, and day, kind and stance (see [`act_key`]):
    /// the index of a key in the set is that of its act in `acts`. A set
    /// keeps each key's hash, so growing it rehashes nothing.
    acts_by_key: KeySet<u128>,
    positions: Vec<Position>,
    /// Positions by actor, and day, polarity and stance (see
    /// [`position_key`]), as `acts_by_key`.
    positions_by_key: KeySet<u128>,
    /// A reused buffer for source and meeting keys.
    key_buf: String,
    /// A reused buffer for evidence notes, copied out at their length.
    note_buf: String,
    /// Dates read (GDELT `SQLDATE` and `DATEADDED`), by their eight digits
    /// in a small direct-mapped table: rows of a batch share a few dates.
    dates: Vec<Option<(u64, PartialDate)>>,
    /// The URL of the last row with one, and its source's key.
    last_url: String,
    last_source: Option<usize>,
    /// Edges made from GDELT rows, with their GLOBALEVENTID, for mentions
    /// (a list, sorted only when mentions were read).
    events: Vec<(u64, EdgeRef)>,
    mentions: Vec<(u64, Evidence, Source)>,
}

/// An edge made from a row.
#[derive(Clone, Copy, Debug)]
enum EdgeRef {
    Meeting(usize),
    Act(usize),
    Position(usize),
}

/// A row that is malformed: which column and field, why.
#[derive(Debug)]
pub(crate) struct RowError {
    pub column: usize,
    pub field: &'static str,
    pub reason: String,
    pub kind: SkipReason,
}

impl RowError {
    pub(crate) fn new(
        kind: SkipReason,
        column: usize,
        field: &'static str,
        reason: impl Into<String>,
    ) -> Self {
        RowError {
            column,
            field,
            reason: reason.into(),
            kind,
        }
    }
}

/// An actor as a row codes it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ActorRef<'a> {
    /// A CAMEO actor: code (`RUSGOV`), name as found, country, known group
    /// and first role code (GDELT, PLOVER). `columns` is, when the fields
    /// come from one run of columns of a line (GDELT), that run as written:
    /// the importer's cache knows the actor by it, with no copy of the
    /// fields.
    Cameo {
        code: &'a str,
        name: &'a str,
        country: &'a str,
        group: &'a str,
        role: &'a str,
        columns: Option<&'a str>,
    },
    /// An ICEWS actor: name, sectors, country name.
    Icews {
        name: &'a str,
        sectors: &'a str,
        country: &'a str,
    },
    /// An actor written by this crate's writers: its key, name and CAMEO code.
    Keyed {
        key: &'a str,
        name: &'a str,
        code: &'a str,
    },
}

/// The event code of a row.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Code<'a> {
    Cameo(&'a str),
    Plover {
        event: &'a str,
        mode: Option<&'a str>,
        context: Option<&'a str>,
    },
}

/// One row (or, for PLOVER records with several actors, one pair), mapped by
/// [`Importer::map_row`].
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// The dataset, as the prefix of meeting keys: `gdelt`, `icews`...
    pub prefix: &'static str,
    pub id: &'a str,
    /// Rows with the same group are parts of one event.
    pub group: Option<&'a str>,
    pub date: PartialDate,
    pub added: Option<PartialDate>,
    pub source: Option<ActorRef<'a>>,
    pub target: Option<ActorRef<'a>>,
    pub code: Code<'a>,
    pub goldstein: Option<f64>,
    pub tone: Option<f64>,
    pub mentions: Option<u32>,
    pub url: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub place: Option<&'a str>,
    /// The source key and title when there is no URL (default: from the
    /// prefix and the id).
    pub fallback_source: Option<(String, String)>,
    /// The GDELT GLOBALEVENTID, for mentions.
    pub gdelt_id: Option<u64>,
}

/// The class of a meeting for merging: status and whether it is a call.
fn meeting_class(kind: MeetingKind, status: MeetingStatus) -> u8 {
    (status.index() as u8) * 2 + u8::from(kind == MeetingKind::Call)
}

/// How specific a meeting kind is; merging keeps the more specific.
fn specificity(kind: MeetingKind) -> u8 {
    match kind {
        MeetingKind::Consultation => 0,
        MeetingKind::Bilateral => 1,
        _ => 2,
    }
}

impl Importer {
    /// An importer in [`Mode::Strict`].
    ///
    /// ```
    /// let importer = diplograph::import::Importer::new();
    /// assert_eq!(importer.report().rows_read, 0);
    /// ```
    pub fn new() -> Self {
        Importer::default()
    }

    /// Sets the mode: strict (the default) or lenient.
    ///
    /// ```
    /// use diplograph::import::{Importer, Mode};
    /// let importer = Importer::new().mode(Mode::Lenient);
    /// # let _ = importer;
    /// ```
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// The report so far. The graph counts are filled in, and mention rows
    /// counted as imported or skipped, by [`finish`](Importer::finish), so
    /// only the final report is sure to add up.
    ///
    /// ```
    /// assert!(diplograph::import::Importer::new().report().adds_up());
    /// ```
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// Reads rows of `format` from `reader`; `name` names the input in
    /// errors (a file name, or `-`).
    ///
    /// # Errors
    ///
    /// [`Error::EventRow`] for a malformed row in strict mode (a lenient
    /// import skips it); [`Error::Io`] when reading fails.
    ///
    /// ```
    /// use diplograph::import::{Format, Importer};
    /// let mut importer = Importer::new();
    /// importer.read(Format::Plover, r#"{"id": "x", "date": "2025-08-15", "event": "CONSULT", "mode": "visit", "actor": [{"code": "RUSGOV", "actorText": "Vladimir Putin"}], "recipient": [{"code": "USA"}]}"#.as_bytes(), "-")?;
    /// let (graph, _) = importer.finish()?;
    /// assert_eq!(graph.counts().meetings, 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn read(&mut self, format: Format, reader: impl Read, name: &str) -> Result<()> {
        let reader = BufReader::with_capacity(1 << 16, reader);
        match format {
            Format::Gdelt => self.lines(reader, name, false, gdelt::event_line),
            Format::GdeltMentions => self.lines(reader, name, false, gdelt::mention_line),
            Format::Icews => self.lines(reader, name, true, icews::line),
            Format::Plover => plover::read(self, reader, name),
            Format::CameoTsv => self.lines(reader, name, true, tsv::line),
        }
    }

    /// Reads a file of `format`, like [`read`](Importer::read). A file
    /// whose name ends in `.zip` is read as a ZIP archive, every file in it
    /// in order (as GDELT publishes its batches), with the `zip` feature;
    /// without it, such a file is an error.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be opened or read (or is a `.zip`
    /// file without the `zip` feature); [`Error::EventRow`] as for `read`.
    ///
    /// ```
    /// use diplograph::import::{Format, Importer};
    /// let mut importer = Importer::new();
    /// importer.read_file(Format::Gdelt, "tests/data/gdelt/events.csv")?;
    /// assert_eq!(importer.report().rows_read, 100);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn read_file(&mut self, format: Format, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let is_zip = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if is_zip {
            return self.read_zip_file(format, file, path);
        }
        self.read(format, file, &path.to_string_lossy())
    }

    /// Reads every file of a ZIP archive in order (as GDELT publishes its
    /// batches, one file per archive), in `format`, with the `zip` feature.
    /// `name` names the archive in errors and the report; each file in it is
    /// named `name!file`. [`read_file`](Self::read_file) calls this for
    /// paths ending in `.zip`; a reader of your own (one that counts bytes
    /// for a progress line, say) can be given here.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the archive cannot be read (its path is `name`);
    /// [`Error::EventRow`] as for [`read`](Self::read).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::io::Cursor;
    /// use diplograph::import::{write_cameo_tsv, Format, Importer};
    ///
    /// // An archive holding the bundled dataset's events as CAMEO TSV.
    /// let mut archive = zip::ZipWriter::new(Cursor::new(Vec::new()));
    /// archive.start_file("events.tsv", zip::write::SimpleFileOptions::default())?;
    /// let written = write_cameo_tsv(&diplograph::datasets::washington_2025(), &mut archive)?;
    /// let bytes = archive.finish()?.into_inner();
    ///
    /// let mut importer = Importer::new();
    /// importer.read_zip(Format::CameoTsv, Cursor::new(bytes), "events.zip")?;
    /// assert_eq!(importer.report().rows_read, written.rows as u64);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "zip")]
    pub fn read_zip(
        &mut self,
        format: Format,
        reader: impl Read + std::io::Seek,
        name: &str,
    ) -> Result<()> {
        let io = |source| Error::Io {
            path: std::path::PathBuf::from(name),
            source,
        };
        let mut archive = zip::ZipArchive::new(reader).map_err(|e| io(std::io::Error::other(e)))?;
        for i in 0..archive.len() {
            let entry = archive
                .by_index(i)
                .map_err(|e| io(std::io::Error::other(e)))?;
            if entry.is_dir() {
                continue;
            }
            let name = format!("{name}!{}", entry.name());
            self.read(format, entry, &name)?;
        }
        Ok(())
    }

    #[cfg(feature = "zip")]
    fn read_zip_file(&mut self, format: Format, file: std::fs::File, path: &Path) -> Result<()> {
        self.read_zip(format, file, &path.to_string_lossy())
    }

    #[cfg(not(feature = "zip"))]
    fn read_zip_file(&mut self, _: Format, _: std::fs::File, path: &Path) -> Result<()> {
        Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "reading .zip files needs the `zip` feature; unzip the file first",
            ),
        })
    }

    /// Builds the graph from everything read, with the final report.
    ///
    /// # Errors
    ///
    /// An error from the graph's checks, which the importer's own keys and
    /// references should never cause.
    ///
    /// ```
    /// let (graph, report) = diplograph::import::Importer::new().finish()?;
    /// assert!(graph.is_empty() && report.adds_up());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn finish(mut self) -> Result<(DiplomaticGraph, ImportReport)> {
        self.attach_mentions();
        let mut graph = DiplomaticGraph::new();
        // In one batch: date-ordered indexes are sorted once at the end, not
        // item by item, and the item lists are made their size at once.
        let mut batch = graph.batch();
        batch.reserve(self.meetings.len(), self.positions.len(), self.acts.len());
        // The graph takes the source map as it is: nothing is hashed or
        // checked again (`source_of` and `attach_mentions` made each source
        // valid, under its own key).
        let error = |invalid: Invalid| *invalid.error;
        batch
            .graph_mut()
            .try_add_vouched_sources(self.sources)
            .map_err(error)?;
        // Maps are walked with `into_iter`, not `into_values`, which would
        // first move every value into a list of its own. Link targets
        // (states) go before the actors that link to them.
        let (linked, plain): (Vec<Actor>, Vec<Actor>) = self
            .actors
            .into_iter()
            .map(|(_, a)| a)
            .partition(|a| !a.links.is_empty());
        for actor in plain.into_iter().chain(linked) {
            batch.add_actor(actor)?;
        }
        for (_, stance) in self.stances {
            batch.add_stance(stance)?;
        }
        // Every evidence entry cites a source of the map handed over above,
        // by its own key: there is nothing to look up.
        let adding = batch.graph_mut();
        for meeting in self.meetings {
            adding
                .try_add_meeting(meeting, Checks::Vouched)
                .map_err(error)?;
        }
        for act in self.acts {
            adding.try_add_act(act, Checks::Vouched).map_err(error)?;
        }
        for position in self.positions {
            batch.add_position(position)?;
        }
        batch.finish();
        let counts = graph.counts();
        let mut report = self.report;
        report.actors = counts.actors;
        report.meetings = counts.meetings;
        report.acts = counts.acts;
        report.positions = counts.positions;
        report.stances = counts.stances;
        report.sources = counts.sources;
        Ok((graph, report))
    }

    // ----- reading lines ------------------------------------------------

    /// Calls `each` on every non-blank line (without its line ending),
    /// skipping the first line when the format has a header (`each` sees it
    /// as line 1 and decides).
    fn lines<R: BufRead>(
        &mut self,
        mut reader: R,
        name: &str,
        header: bool,
        each: fn(&mut Importer, usize, &[u8]) -> std::result::Result<(), RowError>,
    ) -> Result<()> {
        // Lines are handed over in place from the reader's buffer; only a
        // line cut by the buffer's end is put together in `pending`.
        let mut pending = Vec::new();
        let mut number = 0usize;
        loop {
            let buf = match reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(Error::Io {
                        path: name.into(),
                        source,
                    });
                }
            };
            if buf.is_empty() {
                if !pending.is_empty() {
                    number += 1;
                    self.line(name, header, number, &pending, each)?;
                }
                return Ok(());
            }
            let Some(end) = memchr::memchr(b'\n', buf) else {
                pending.extend_from_slice(buf);
                let used = buf.len();
                reader.consume(used);
                continue;
            };
            number += 1;
            let line = buf.get(..end).unwrap_or_default();
            if pending.is_empty() {
                self.line(name, header, number, line, each)?;
            } else {
                pending.extend_from_slice(line);
                self.line(name, header, number, &pending, each)?;
                pending.clear();
            }
            reader.consume(end + 1);
        }
    }

    /// One line (without its `\n`) of [`lines`](Importer::lines).
    fn line(
        &mut self,
        name: &str,
        header: bool,
        number: usize,
        line: &[u8],
        each: fn(&mut Importer, usize, &[u8]) -> std::result::Result<(), RowError>,
    ) -> Result<()> {
        let mut text = line;
        while let [rest @ .., b'\n' | b'\r'] = text {
            text = rest;
        }
        if text.is_empty() {
            return Ok(());
        }
        let is_header = header && number == 1;
        if !is_header {
            self.report.rows_read += 1;
        }
        if let Err(e) = each(self, number, text) {
            if is_header {
                return Err(row_error(name, number, e));
            }
            self.bad_row(name, number, e)?;
        }
        Ok(())
    }

    /// [`date`], remembering dates already read: a plain `YYYYMMDD` or
    /// `YYYYMMDDhhmmss` date is a function of its first eight bytes, so one
    /// found in the table by them is that date again. The table has a fixed
    /// size, so crafted dates can only make it miss.
    pub(crate) fn cached_date(
        &mut self,
        bytes: &[u8],
        i: usize,
        field: &'static str,
    ) -> std::result::Result<PartialDate, RowError> {
        const SLOTS: usize = 64;
        let plain = (bytes.len() == 8 || bytes.len() == 14) && !has_dash(bytes);
        let digits = bytes
            .get(..8)
            .and_then(|d| <[u8; 8]>::try_from(d).ok())
            .map(u64::from_le_bytes)
            .filter(|_| plain);
        let Some(digits) = digits else {
            return date(bytes, i, field);
        };
        if self.dates.is_empty() {
            self.dates = vec![None; SLOTS];
        }
        let slot = (digits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % SLOTS;
        if let Some(Some((seen, date))) = self.dates.get(slot) {
            if *seen == digits {
                return Ok(*date);
            }
        }
        let date = date(bytes, i, field)?;
        if let Some(entry) = self.dates.get_mut(slot) {
            *entry = Some((digits, date));
        }
        Ok(date)
    }

    /// A malformed row: an error in strict mode, counted in lenient mode.
    pub(crate) fn bad_row(&mut self, name: &str, line: usize, e: RowError) -> Result<()> {
        match self.mode {
            Mode::Strict => Err(row_error(name, line, e)),
            Mode::Lenient => {
                self.report.skip(e.kind);
                Ok(())
            }
        }
    }

    /// Counts the outcome of one row.
    pub(crate) fn count(&mut self, outcome: std::result::Result<(), SkipReason>) {
        match outcome {
            Ok(()) => self.report.rows_imported += 1,
            Err(reason) => self.report.skip(reason),
        }
    }

    // ----- mapping rows -------------------------------------------------

    /// Maps one row to meetings, acts and positions.
    pub(crate) fn map_row(&mut self, row: &Row<'_>) -> std::result::Result<(), SkipReason> {
        let mapping = match row.code {
            Code::Cameo(code) => mapping::cameo(code),
            Code::Plover {
                event,
                mode,
                context,
            } => mapping::plover(event, mode, context),
        };
        if mapping == Mapping::None {
            return Err(SkipReason::UnmappedCode);
        }
        let source = row.source.ok_or(SkipReason::UnidentifiedActor)?;
        let source = self.actor(&source).ok_or(SkipReason::UnidentifiedActor)?;
        let target = match &row.target {
            Some(t) => Some(self.actor(t).ok_or(SkipReason::UnidentifiedActor)?),
            None => None,
        };
        if target == Some(source) {
            return Err(SkipReason::SelfDirected);
        }
        // At most two edges (an act and a position) per row.
        let mut edges = [None, None];
        match mapping {
            Mapping::Meeting {
                kind,
                status,
                source: source_role,
                target: target_role,
            } => {
                let target = target.ok_or(SkipReason::NoTarget)?;
                let evidence = self.evidence(row);
                let m = self.meeting(
                    row,
                    kind,
                    status,
                    (source, source_role),
                    (target, target_role),
                    evidence,
                );
                edges[0] = Some(EdgeRef::Meeting(m));
            }
            Mapping::Act { kind, stance } => {
                if target.is_none() && stance.is_none() {
                    return Err(SkipReason::NoTarget);
                }
                let evidence = self.evidence(row);
                if let Some((on, polarity)) = stance {
                    match target {
                        Some(target) => {
                            let copy = evidence.clone();
                            edges[0] = Some(self.position(row, source, on, polarity, copy));
                            edges[1] = Some(self.act(row, source, kind, target, stance, evidence));
                        }
                        None => {
                            edges[0] = Some(self.position(row, source, on, polarity, evidence));
                        }
                    }
                } else if let Some(target) = target {
                    edges[0] = Some(self.act(row, source, kind, target, stance, evidence));
                }
            }
            Mapping::Position { stance, polarity } => {
                let evidence = self.evidence(row);
                edges[0] = Some(self.position(row, source, stance, polarity, evidence));
            }
            Mapping::None => return Err(SkipReason::UnmappedCode),
        }
        if let Some(id) = row.gdelt_id {
            self.events
                .extend(edges.into_iter().flatten().map(|e| (id, e)));
        }
        Ok(())
    }

    /// The evidence of a row, adding its source.
    fn evidence(&mut self, row: &Row<'_>) -> Evidence {
        let key = self.source_of(row);
        // Written in a reused buffer and copied out at its length: one
        // allocation of the note's size, never a regrowth.
        let mut note = std::mem::take(&mut self.note_buf);
        note.clear();
        write_note(&mut note, row);
        let evidence = Evidence::cite(key).note(note.as_str());
        self.note_buf = note;
        evidence
    }

    /// The key of a row's source, adding the source when new. Rows of one
    /// article usually follow each other, so the last URL's key is kept.
    fn source_of(&mut self, row: &Row<'_>) -> Key {
        if let (Some(url), Some(last)) = (row.url, self.last_source) {
            if url == self.last_url {
                if let Some((key, _)) = self.sources.get_index(last) {
                    return key.clone();
                }
            }
        }
        let mut buf = std::mem::take(&mut self.key_buf);
        buf.clear();
        match (row.url, &row.fallback_source) {
            (Some(url), _) => push_url_key(&mut buf, url),
            (None, Some((key, _))) => buf.push_str(key),
            (None, None) => {
                buf.push_str(row.prefix);
                buf.push('-');
                push_slug_id(&mut buf, row.id);
            }
        }
        // One hash for the lookup and the insertion (`Key` hashes as `str`).
        let hash = self.sources.hasher().hash_one(buf.as_str());
        let entry = self
            .sources
            .raw_entry_mut_v1()
            .from_hash(hash, |k| k.as_str() == buf);
        let (index, key) = match entry {
            RawEntryMut::Occupied(found) => (found.index(), found.key().clone()),
            RawEntryMut::Vacant(slot) => {
                let index = slot.index();
                // `From<&str>` copies the text once, into the shared key.
                let key = Key::from(buf.as_str());
                // The graph does not check the title again (see `finish`):
                // never blank.
                let title = match (row.url, &row.fallback_source) {
                    (Some(url), _) if !url.trim().is_empty() => url.to_owned(),
                    (_, Some((_, title))) if !title.trim().is_empty() => title.clone(),
                    _ => format!("{} event {}", row.prefix, row.id.trim()),
                };
                // The source's own key shares the map's text.
                let mut source = Source::new(key.clone(), title);
                source.url = row.url.map(str::to_owned);
                source.published = row.added;
                source.publisher = row.publisher.map(str::to_owned);
                slot.insert_hashed_nocheck(hash, key.clone(), source);
                (index, key)
            }
        };
        self.key_buf = buf;
        if let Some(url) = row.url {
            self.last_url.clear();
            self.last_url.push_str(url);
            self.last_source = Some(index);
        }
        key
    }

    fn meeting(
        &mut self,
        row: &Row<'_>,
        kind: MeetingKind,
        status: MeetingStatus,
        (a, a_role): (usize, Role),
        (b, b_role): (usize, Role),
        evidence: Evidence,
    ) -> usize {
        self.report.rows_to_meetings += 1;
        let class = meeting_class(kind, status);
        let pair = pair_key(a.min(b), a.max(b), class);
        let day = row.date.day_number();
        let group = row.group.map(|g| format!("{}:{g}", row.prefix));
        let Importer {
            actors,
            meetings,
            meetings_by_pair,
            meeting_pairs,
            shared_meetings,
            meetings_by_group,
            key_buf,
            ..
        } = self;
        let key_of = |i: usize| actors.get_index(i).map(|(k, _)| k);
        let (Some(a_key), Some(b_key)) = (key_of(a), key_of(b)) else {
            return 0;
        };
        // One hash of the pair: the list is looked in and then added to.
        let list = meetings_by_pair.entry(pair).or_default();
        let by_group = group
            .as_ref()
            .and_then(|g| meetings_by_group.get(g).copied());
        let found = match by_group {
            Some(i) => Some(i),
            None => list
                .iter()
                .find(|&&(d, _)| (d - day).abs() <= 1)
                .map(|&(_, i)| i),
        };
        let index = match found.and_then(|i| meetings.get_mut(i).map(|m| (i, m))) {
            Some((i, m)) => {
                self.report.rows_merged += 1;
                if specificity(kind) > specificity(m.kind) {
                    m.kind = kind;
                }
                join(m, a_key, a_role);
                join(m, b_key, b_role);
                add_evidence(&mut m.evidence, evidence);
                let earlier = m.date.is_some_and(|d| day < d.day_number());
                if earlier {
                    m.date = Some(row.date);
                }
                let current = m.date.map_or(day, |d| d.day_number());
                // Found by its group, the meeting may be another pair's.
                if by_group.is_some() && !list.iter().any(|&(_, m)| m == i) {
                    list.push((current, i));
                    shared_meetings.entry(i).or_default().push(pair);
                }
                if earlier {
                    // Every list holding the meeting learns its new day.
                    let first = meeting_pairs.get(i).copied();
                    let others = shared_meetings.get(&i).map_or(&[][..], Vec::as_slice);
                    for p in first.iter().chain(others) {
                        let entries = meetings_by_pair
                            .get_mut(p)
                            .map_or(&mut [][..], |l| &mut l[..]);
                        for entry in entries.iter_mut().filter(|(_, m)| *m == i) {
                            entry.0 = current;
                        }
                    }
                }
                i
            }
            None => {
                let i = meetings.len();
                list.push((day, i));
                meeting_pairs.push(pair);
                let id = row.group.unwrap_or(row.id);
                key_buf.clear();
                key_buf.push_str(row.prefix);
                key_buf.push('-');
                push_slug_id(key_buf, id);
                let key = Key::from(key_buf.as_str());
                let name = |i: usize| actors.get_index(i).map_or("", |(_, a)| a.name.as_str());
                let (a_name, b_name, kind_name) = (name(a), name(b), kind.as_str());
                let mut title =
                    String::with_capacity(a_name.len() + b_name.len() + kind_name.len() + 6);
                for part in [a_name, " – ", b_name, " ", kind_name] {
                    title.push_str(part);
                }
                let mut m = Meeting::new(key, title, kind).status(status).date(row.date);
                m.evidence = vec![evidence];
                m.participants = vec![
                    Participant::new(a_key.clone()).role(a_role),
                    Participant::new(b_key.clone()).role(b_role),
                ];
                m.place = row.place.filter(|p| !p.is_empty()).map(str::to_owned);
                meetings.push(m);
                i
            }
        };
        if let Some(g) = group {
            meetings_by_group.insert(g, index);
        }
        index
    }

    fn act(
        &mut self,
        row: &Row<'_>,
        actor: usize,
        kind: ActKind,
        target: usize,
        stance: Option<(&'static str, Polarity)>,
        evidence: Evidence,
    ) -> EdgeRef {
        self.report.rows_to_acts += 1;
        let stance = stance.map(|(s, _)| s);
        if let Some(stance) = stance {
            self.stance(stance);
        }
        let key = act_key(actor, target, day_tag(row.date, kind as u8, stance));
        let Importer {
            acts_by_key,
            acts,
            actors,
            stances,
            ..
        } = self;
        // One hash: the key is found or added, and its index is the act's.
        let (i, new) = acts_by_key.insert_full(key);
        if !new {
            if let Some(act) = acts.get_mut(i) {
                add_evidence(&mut act.evidence, evidence);
            }
            return EdgeRef::Act(i);
        }
        let mut act = Act::new(key_of(actors, actor), kind, key_of(actors, target)).date(row.date);
        // Most acts keep the one row's evidence: room for one, not the four
        // a first push would make (a quarter of the memory).
        act.evidence = vec![evidence];
        if let Some(stance) = stance {
            // The stance's own key, shared (added above).
            act = act.stance(shared_stance_key(stances, stance));
        }
        acts.push(act);
        EdgeRef::Act(i)
    }

    fn position(
        &mut self,
        row: &Row<'_>,
        actor: usize,
        stance: &'static str,
        polarity: Polarity,
        evidence: Evidence,
    ) -> EdgeRef {
        self.report.rows_to_positions += 1;
        self.stance(stance);
        let key = position_key(actor, day_tag(row.date, polarity as u8, Some(stance)));
        let Importer {
            positions_by_key,
            positions,
            actors,
            stances,
            ..
        } = self;
        let (i, new) = positions_by_key.insert_full(key);
        if new {
            // The stance's own key, shared (`stance` added it).
            let stance = shared_stance_key(stances, stance);
            let mut p = Position::new(key_of(actors, actor), stance, polarity).from(row.date);
            p.evidence = vec![evidence];
            positions.push(p);
        } else if let Some(p) = positions.get_mut(i) {
            add_evidence(&mut p.evidence, evidence);
        }
        EdgeRef::Position(i)
    }

    fn stance(&mut self, key: &'static str) {
        if self.stances.keys().any(|k| k.as_str() == key) {
            return;
        }
        let stance = match key {
            mapping::CEASEFIRE => Stance::new(key, "A ceasefire")
                .description("A truce or de-escalation of military engagement (CAMEO 0256, 0356, 0871, 1056, 1246)."),
            _ => Stance::new(key, "Economic sanctions, boycotts or embargoes")
                .description("Imposing or keeping sanctions (CAMEO 0254, 0354, 1054, 1244, 163)."),
        };
        self.stances.insert(Key::new(key), stance);
    }

    /// A mention row: evidence for the events of a GDELT id.
    pub(crate) fn mention(
        &mut self,
        id: u64,
        url: &str,
        confidence: Option<u32>,
        published: Option<PartialDate>,
    ) {
        let key = Key::new(url_key(url));
        let mut source = Source::new(
            key.clone(),
            if url.trim().is_empty() {
                format!("GDELT mention of event {id}")
            } else {
                url.to_owned()
            },
        );
        if !url.is_empty() {
            source.url = Some(url.to_owned());
        }
        source.published = published;
        let mut note = format!("mention event={id}");
        if let Some(c) = confidence {
            note.push_str(&format!(" confidence={c}"));
        }
        self.mentions
            .push((id, Evidence::cite(key).note(note), source));
    }

    fn attach_mentions(&mut self) {
        if self.mentions.is_empty() {
            return;
        }
        let mut events = std::mem::take(&mut self.events);
        events.sort_by_key(|(id, _)| *id);
        for (id, evidence, source) in std::mem::take(&mut self.mentions) {
            let start = events.partition_point(|(e, _)| *e < id);
            let end = events.partition_point(|(e, _)| *e <= id);
            let edges: Vec<EdgeRef> = events
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|(_, edge)| *edge)
                .collect();
            if edges.is_empty() {
                self.report.skip(SkipReason::UnknownEvent);
                continue;
            }
            self.report.rows_imported += 1;
            self.report.mentions_attached += 1;
            // The evidence cites the map's own key (see `finish`).
            let mut evidence = evidence;
            evidence.source = match self.sources.get_key_value(source.key.as_str()) {
                Some((key, _)) => key.clone(),
                None => {
                    let key = source.key.clone();
                    self.sources.insert(key.clone(), source);
                    key
                }
            };
            for edge in edges {
                let list = match edge {
                    EdgeRef::Meeting(i) => self.meetings.get_mut(i).map(|m| &mut m.evidence),
                    EdgeRef::Act(i) => self.acts.get_mut(i).map(|a| &mut a.evidence),
                    EdgeRef::Position(i) => self.positions.get_mut(i).map(|p| &mut p.evidence),
                };
                if let Some(list) = list {
                    if !list.contains(&evidence) {
                        list.push(evidence.clone());
                    }
                }
            }
        }
    }

    // ----- actors ---------------------------------------------------------

    /// The key of a coded actor, adding it (and the state it belongs to)
    /// when new; `None` when it cannot be identified.
    fn actor(&mut self, actor: &ActorRef<'_>) -> Option<usize> {
        let mut cache_key = std::mem::take(&mut self.actor_buf);
        cache_key.clear();
        let (tag, fields): (&str, &[&str]) = match actor {
            // The run of columns holds the fields (and maybe others), so
            // equal runs are equal fields: the same actor.
            ActorRef::Cameo {
                columns: Some(columns),
                ..
            } => ("g", std::slice::from_ref(columns)),
            ActorRef::Cameo {
                code,
                name,
                country,
                group,
                role,
                columns: None,
            } => ("c", &[code, name, country, group, role]),
            ActorRef::Icews {
                name,
                sectors,
                country,
            } => ("i", &[name, sectors, country]),
            ActorRef::Keyed { key, name, code } => ("k", &[key, name, code]),
        };
        cache_key.push_str(tag);
        for field in fields {
            cache_key.push('\t');
            cache_key.push_str(field);
        }
        // A small direct-mapped cache in front of the map: rows repeat a
        // few hundred coded forms, found here with a cheap hash of the
        // words. Its size is fixed, so inputs crafted to collide in it only
        // fall through to the map, whose hashing is keyed.
        if self.actor_front.is_empty() {
            self.actor_front = vec![(String::new(), None); ACTOR_FRONT];
        }
        let slot = quick_hash(cache_key.as_bytes()) % ACTOR_FRONT;
        if let Some((key, found)) = self.actor_front.get(slot) {
            if *key == cache_key {
                let found = *found;
                self.actor_buf = cache_key;
                return found;
            }
        }
        let resolved = match self.actor_cache.get(&cache_key) {
            Some(&found) => found,
            None => {
                let resolved = self
                    .resolve(actor)
                    .and_then(|key| self.actors.get_index_of(&key));
                self.actor_cache.insert(cache_key.clone(), resolved);
                resolved
            }
        };
        if let Some((key, found)) = self.actor_front.get_mut(slot) {
            key.clear();
            key.push_str(&cache_key);
            *found = resolved;
        }
        self.actor_buf = cache_key;
        resolved
    }

    fn resolve(&mut self, actor: &ActorRef<'_>) -> Option<Key> {
        match *actor {
            ActorRef::Cameo {
                code,
                name,
                country,
                group,
                role,
                ..
            } => self.resolve_cameo(code, name, country, group, role),
            ActorRef::Icews {
                name,
                sectors,
                country,
            } => self.resolve_icews(name, sectors, country),
            ActorRef::Keyed { key, name, code } => {
                let derived = self.resolve_cameo(code, name, "", "", "");
                let key = Key::new(key);
                if !key.is_valid() {
                    return derived;
                }
                if !self.actors.contains_key(&key) {
                    let (kind, links) = match derived.as_ref().and_then(|d| self.actors.get(d)) {
                        Some(d) if d.key == key => return Some(key),
                        Some(d)
                            if d.kind == ActorKind::Person || d.kind == ActorKind::Government =>
                        {
                            let state = code.get(..3).map(|c| Key::new(c.to_ascii_lowercase()));
                            let links = state.filter(|s| self.actors.contains_key(s) && *s != key);
                            (d.kind, links)
                        }
                        _ => (ActorKind::Other, None),
                    };
                    let mut a = Actor::new(
                        key.clone(),
                        if name.trim().is_empty() {
                            key.to_string()
                        } else {
                            name.to_owned()
                        },
                        kind,
                    );
                    if let Some(state) = links {
                        let link = if kind == ActorKind::Person {
                            LinkKind::Represents
                        } else {
                            LinkKind::PartOf
                        };
                        a = a.link(Link::new(link, state));
                    }
                    self.actors.insert(key.clone(), a);
                }
                Some(key)
            }
        }
    }

    fn state(&mut self, code: &str) -> Option<Key> {
        let name = cameo::country(code)?;
        let key = Key::new(code.to_ascii_lowercase());
        if !self.actors.contains_key(&key) {
            self.actors.insert(
                key.clone(),
                Actor::new(key.clone(), name, ActorKind::State).alias(code),
            );
        }
        Some(key)
    }

    fn resolve_cameo(
        &mut self,
        code: &str,
        name: &str,
        country: &str,
        group: &str,
        role: &str,
    ) -> Option<Key> {
        if let Some(group_name) = cameo::group(group) {
            let key = Key::new(format!("org.{}", group.to_ascii_lowercase()));
            if !self.actors.contains_key(&key) {
                self.actors.insert(
                    key.clone(),
                    Actor::new(key.clone(), group_name, ActorKind::Organisation).alias(group),
                );
            }
            return Some(key);
        }
        let country = if cameo::country(country).is_some() {
            country
        } else {
            code.get(..3).filter(|c| cameo::country(c).is_some())?
        };
        let role = if role.is_empty() {
            code.get(3..6)
                .filter(|r| cameo::role(r).is_some())
                .unwrap_or("")
        } else {
            role
        };
        let state = self.state(country)?;
        if role.is_empty() {
            return Some(state);
        }
        if mapping::looks_like_person(name, mapping::is_collective_role(role))
            && cameo::country(country).is_some_and(|c| !c.eq_ignore_ascii_case(name))
        {
            let slug = mapping::slug(name);
            if !slug.is_empty() {
                let key = Key::new(slug);
                if !self.actors.contains_key(&key) {
                    let actor =
                        Actor::new(key.clone(), mapping::title_case(name), ActorKind::Person)
                            .link(Link::new(LinkKind::Represents, state));
                    self.actors.insert(key.clone(), actor);
                }
                return Some(key);
            }
        }
        let role_name = cameo::role(role)?;
        let key = Key::new(format!("{}.{}", state, role.to_ascii_lowercase()));
        if !self.actors.contains_key(&key) {
            let kind = if mapping::is_state_role(role) {
                ActorKind::Government
            } else {
                ActorKind::Group
            };
            let country_name = cameo::country(country).unwrap_or(country);
            let actor = Actor::new(
                key.clone(),
                format!("{country_name} {}", role_name.to_lowercase()),
                kind,
            )
            .link(Link::new(LinkKind::PartOf, state));
            self.actors.insert(key.clone(), actor);
        }
        Some(key)
    }

    fn resolve_icews(&mut self, name: &str, sectors: &str, country: &str) -> Option<Key> {
        let name = name.trim();
        let country = country.trim();
        if name.is_empty() || name == "NA" {
            return None;
        }
        let no_country = country.is_empty() || country == "NA";
        if no_country {
            let slug = mapping::slug(name);
            if slug.is_empty() {
                return None;
            }
            let key = Key::new(format!("org.{slug}"));
            if !self.actors.contains_key(&key) {
                self.actors.insert(
                    key.clone(),
                    Actor::new(key.clone(), name, ActorKind::Organisation),
                );
            }
            return Some(key);
        }
        let state = match cameo::country_code(country) {
            Some(code) => self.state(code)?,
            None => {
                let key = Key::new(mapping::slug(country));
                if key.as_str().is_empty() {
                    return None;
                }
                if !self.actors.contains_key(&key) {
                    self.actors.insert(
                        key.clone(),
                        Actor::new(key.clone(), country, ActorKind::State),
                    );
                }
                key
            }
        };
        if name.eq_ignore_ascii_case(country)
            || cameo::country_code(name).is_some_and(|c| Key::new(c.to_ascii_lowercase()) == state)
        {
            return Some(state);
        }
        let (key, kind, link, display) = if let Some(sector) = name
            .strip_suffix(')')
            .and_then(|n| n.rsplit_once(" ("))
            .map(|(s, _)| s)
        {
            let kind = if sectors.contains("Government") {
                ActorKind::Government
            } else {
                ActorKind::Group
            };
            (
                format!("{state}.{}", mapping::slug(sector)),
                kind,
                LinkKind::PartOf,
                name.to_owned(),
            )
        } else if mapping::looks_like_person(name, mapping::is_party_sectors(sectors)) {
            (
                mapping::slug(name),
                ActorKind::Person,
                LinkKind::Represents,
                name.to_owned(),
            )
        } else {
            (
                format!("{state}.{}", mapping::slug(name)),
                ActorKind::Group,
                LinkKind::PartOf,
                name.to_owned(),
            )
        };
        let key = Key::new(key);
        if !key.is_valid() || key == state {
            return None;
        }
        if !self.actors.contains_key(&key) {
            self.actors.insert(
                key.clone(),
                Actor::new(key.clone(), display, kind).link(Link::new(link, state)),
            );
        }
        Some(key)
    }
}

/// Slots of the importer's direct-mapped actor cache.
const ACTOR_FRONT: usize = 1024;

/// A quick, unkeyed hash of a few words (eight bytes at a time), only for
/// choosing a slot of a fixed-size cache.
fn quick_hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = bytes.len() as u64;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        hash = (hash ^ word).wrapping_mul(K).rotate_left(31);
    }
    let mut last = [0u8; 8];
    for (to, from) in last.iter_mut().zip(tail) {
        *to = *from;
    }
    hash = (hash ^ u64::from_le_bytes(last)).wrapping_mul(K);
    (hash >> 32) as usize
}

/// The key of a stance the importer added, shared (an `Arc` clone) rather
/// than made again: a look through the few there are (the mapping has
/// two), cheaper than hashing.
fn shared_stance_key(stances: &KeyMap<Key, Stance>, key: &str) -> Key {
    stances
        .keys()
        .find(|k| k.as_str() == key)
        .map_or_else(|| Key::from(key), Key::clone)
}

/// The key of the actor at `index`.
fn key_of(actors: &KeyMap<Key, Actor>, index: usize) -> Key {
    actors
        .get_index(index)
        .map_or_else(|| Key::new(""), |(k, _)| k.clone())
}

/// A date's day number, a small tag (a kind or a polarity) and a stance in
/// one word, so a map key hashes in fewer writes. Day numbers of `u16`
/// years fit in 32 bits; the mapping's stances are [`mapping::CEASEFIRE`]
/// and [`mapping::SANCTIONS`] (as in [`Importer::stance`]).
fn day_tag(date: PartialDate, tag: u8, stance: Option<&str>) -> u64 {
    let stance: u64 = match stance {
        None => 0,
        Some(mapping::CEASEFIRE) => 1,
        Some(_) => 2,
    };
    (date.day_number() as u32 as u64) | (u64::from(tag) << 32) | (stance << 40)
}

/// A [`Importer::meetings_by_pair`] key: two actors' indexes and a meeting
/// class in one number, hashed in one write. An index past `u32::MAX`
/// (which no graph can hold) is cut to it.
fn pair_key(a: usize, b: usize, class: u8) -> u128 {
    let a = u32::try_from(a).unwrap_or(u32::MAX);
    let b = u32::try_from(b).unwrap_or(u32::MAX);
    u128::from(a) | (u128::from(b) << 32) | (u128::from(class) << 64)
}

/// An [`Importer::acts_by_key`] key: actor and target indexes (as in
/// [`pair_key`]) and a [`day_tag`].
fn act_key(actor: usize, target: usize, day_tag: u64) -> u128 {
    let actor = u32::try_from(actor).unwrap_or(u32::MAX);
    let target = u32::try_from(target).unwrap_or(u32::MAX);
    u128::from(actor) | (u128::from(target) << 32) | (u128::from(day_tag) << 64)
}

/// An [`Importer::positions_by_key`] key: an actor index and a [`day_tag`].
fn position_key(actor: usize, day_tag: u64) -> u128 {
    (actor as u128) | (u128::from(day_tag) << 64)
}

/// Adds `actor` to a meeting or makes its role more specific.
fn join(m: &mut Meeting, actor: &Key, role: Role) {
    match m.participants.iter_mut().find(|p| &p.actor == actor) {
        Some(p) if p.role == Role::Participant => p.role = role,
        Some(_) => {}
        None => push_small(
            &mut m.participants,
            Participant::new(actor.clone()).role(role),
        ),
    }
}

/// Adds a row's evidence to an item's, unless it repeats the last entry
/// (the same row read twice, or both sides of a reciprocal meeting citing
/// one article); the list grows by one at a time, as the builders' do.
fn add_evidence(list: &mut Vec<Evidence>, evidence: Evidence) {
    if list.last() != Some(&evidence) {
        push_small(list, evidence);
    }
}

/// An id as a key part: letters, digits and `-`, `.`, `:`, `_`; at most 100
/// bytes.
pub(crate) fn slug_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '_') {
                c
            } else {
                '-'
            }
        })
        .take(100)
        .collect()
}

/// Appends [`slug_id`] of `id` to `out`.
fn push_slug_id(out: &mut String, id: &str) {
    // Ids are nearly always short and plain (GDELT's are digits): copied
    // at once.
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b':' | b'_');
    if id.len() <= 100 && id.bytes().all(plain) {
        out.push_str(id);
        return;
    }
    out.extend(id.chars().take(100).map(|c| {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '_') {
            c
        } else {
            '-'
        }
    }));
}

/// A stable source key for a URL: `url-` and 16 hex digits of its FNV-1a hash.
pub(crate) fn url_key(url: &str) -> String {
    let mut key = String::with_capacity(20);
    push_url_key(&mut key, url);
    key
}

/// Appends [`url_key`] of `url` to `out`.
fn push_url_key(out: &mut String, url: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = fnv(url);
    out.push_str("url-");
    for shift in (0..16).rev() {
        let digit = HEX.get(((hash >> (shift * 4)) & 0xf) as usize).copied();
        out.push(char::from(digit.unwrap_or(b'0')));
    }
}

/// Writes the coding note of a row, as [`Coding`]'s `Display` writes it,
/// without going through `fmt`.
fn write_note(out: &mut String, row: &Row<'_>) {
    // The code always comes first; each later field is written with the
    // space before it, in one piece.
    match row.code {
        Code::Cameo(code) => {
            out.push_str("cameo=");
            out.push_str(code);
        }
        Code::Plover {
            event,
            mode,
            context,
        } => {
            // `EVENT/mode/context`, each part without spaces (the note's
            // separator): `REJECT/yield/diplomatic,military`.
            let part = |out: &mut String, text: &str| {
                out.extend(text.chars().filter(|c| !c.is_whitespace()));
            };
            out.push_str("plover=");
            part(out, event);
            if mode.is_some() || context.is_some() {
                out.push('/');
                part(out, mode.unwrap_or(""));
            }
            if let Some(context) = context {
                out.push('/');
                part(out, context);
            }
        }
    }
    if let Some(v) = row.goldstein {
        out.push_str(" goldstein=");
        push_f64(out, v);
    }
    if let Some(v) = row.tone {
        out.push_str(" tone=");
        push_f64(out, (v * 100.0).round() / 100.0);
    }
    if let Some(v) = row.mentions {
        out.push_str(" mentions=");
        push_u64(out, u64::from(v));
    }
    out.push_str(" event=");
    out.push_str(row.id);
}

/// Appends a number in decimal.
fn push_u64(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (rest % 10) as u8;
        }
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in digits.get(..len).unwrap_or_default().iter().rev() {
        out.push(char::from(d));
    }
}

/// Appends `v` as `{v}` (`Display`, the shortest form that reads back as
/// `v`) would. A finite value with at most two decimals (`1`, `-1.3`,
/// `2.75`) is written from its digits: the decimal `k / 10^d` is then the
/// nearest to `v` and no shorter decimal is, since decimals with fewer
/// digits differ from it by at least `10^-d`, far more than the spacing of
/// floats below `10^12`. Any other value goes through `Display`.
fn push_f64(out: &mut String, v: f64) {
    if v.is_finite() && v.abs() < 1e12 {
        let k = (v * 100.0).round();
        if (k / 100.0).to_bits() == v.to_bits() {
            if v.is_sign_negative() {
                out.push('-');
            }
            let k = k.abs() as u64;
            push_u64(out, k / 100);
            let cents = k % 100;
            if cents != 0 {
                out.push('.');
                out.push(char::from(b'0' + (cents / 10) as u8));
                if cents % 10 != 0 {
                    out.push(char::from(b'0' + (cents % 10) as u8));
                }
            }
            return;
        }
    }
    use std::fmt::Write as _;
    let _ = write!(out, "{v}");
}

/// The 64-bit FNV-1a hash of a text.
fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn row_error(name: &str, line: usize, e: RowError) -> Error {
    let location = Location {
        file: Some(name.into()),
        line,
        column: e.column,
        path: e.field.to_owned(),
    };
    Error::EventRow {
        location,
        field: e.field,
        reason: e.reason,
    }
}

// ----- shared parsing helpers ----------------------------------------------

/// Splits a line at tabs into `cols`; returns the number of fields (which may
/// exceed `cols.len()`, in which case the rest are not stored).
///
/// GDELT fields are short (a few bytes on average), so rather than a search
/// per field the line is scanned eight bytes at a time, each word giving a
/// mask of its tab bytes (exactly: the classic zero-byte test, made exact by
/// masking the high bits first, so no byte is borrowed from another).
pub(crate) fn split_tabs<'a, F: Field<'a>>(line: F, cols: &mut [F]) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const TABS: u64 = 0x0909_0909_0909_0909;
    let bytes = line.bytes();
    let mut n = 0;
    let mut start = 0;
    let mut field = |end: usize, n: &mut usize, start: &mut usize| {
        if let (Some(slot), Some(field)) = (cols.get_mut(*n), line.part(*start..end)) {
            *slot = field;
        }
        *n += 1;
        *start = end + 1;
    };
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let tail_start = bytes.len() - tail.len();
    for (i, chunk) in chunks.enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ TABS;
        // The high bit of each byte that was a tab (is now zero).
        let mut tabs = !(((word & LOW) + LOW) | word | LOW);
        while tabs != 0 {
            field(
                i * 8 + (tabs.trailing_zeros() / 8) as usize,
                &mut n,
                &mut start,
            );
            tabs &= tabs - 1;
        }
    }
    for (i, &b) in tail.iter().enumerate() {
        if b == b'\t' {
            field(tail_start + i, &mut n, &mut start);
        }
    }
    if let (Some(slot), Some(field)) = (cols.get_mut(n), line.part(start..bytes.len())) {
        *slot = field;
    }
    n + 1
}

/// Whether a date field of 8 to 16 bytes holds a `-`: its first and last
/// eight bytes (overlapping) tested as words, as [`split_tabs`] tests for
/// tabs. Other lengths are searched byte by byte.
fn has_dash(bytes: &[u8]) -> bool {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const DASHES: u64 = 0x2d2d_2d2d_2d2d_2d2d;
    let word = |b: Option<&[u8]>| b.and_then(|b| <[u8; 8]>::try_from(b).ok());
    let n = bytes.len();
    match (word(bytes.get(..8)), word(bytes.get(n.saturating_sub(8)..))) {
        (Some(first), Some(last)) if n <= 16 => [first, last].iter().any(|w| {
            let w = u64::from_le_bytes(*w) ^ DASHES;
            !(((w & LOW) + LOW) | w | LOW) != 0
        }),
        _ => bytes.contains(&b'-'),
    }
}

/// The fields of a line split at tabs, as the offsets where they end (only
/// the first `N` are kept; [`count`](Tabs::count) counts them all). Storing
/// an offset per tab is cheaper than a slice per field, and a reader only
/// looks at some of the fields (GDELT: 20 of 61).
pub(crate) struct Tabs<F, const N: usize> {
    line: F,
    ends: [usize; N],
    count: usize,
}

impl<'a, F: Field<'a>, const N: usize> Tabs<F, N> {
    /// Splits `line`: eight bytes at a time, as [`split_tabs`].
    pub(crate) fn new(line: F) -> Self {
        const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const TABS: u64 = 0x0909_0909_0909_0909;
        let bytes = line.bytes();
        // Built where it is returned, not copied there at the end.
        let mut tabs = Tabs {
            line,
            ends: [0; N],
            count: 0,
        };
        let ends = &mut tabs.ends;
        let mut count = 0;
        let chunks = bytes.chunks_exact(8);
        let tail = chunks.remainder();
        let tail_start = bytes.len() - tail.len();
        for (i, chunk) in chunks.enumerate() {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ TABS;
            let mut found = !(((word & LOW) + LOW) | word | LOW);
            while found != 0 {
                if let Some(end) = ends.get_mut(count) {
                    *end = i * 8 + (found.trailing_zeros() / 8) as usize;
                }
                count += 1;
                found &= found - 1;
            }
        }
        for (i, &b) in tail.iter().enumerate() {
            if b == b'\t' {
                if let Some(end) = ends.get_mut(count) {
                    *end = tail_start + i;
                }
                count += 1;
            }
        }
        if let Some(end) = ends.get_mut(count) {
            *end = bytes.len();
        }
        tabs.count = count + 1;
        tabs
    }

    /// The number of fields.
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

/// Fields by column: a slice of them, or [`Tabs`].
pub(crate) trait Columns<'a, F: Field<'a>> {
    /// The field at column `i` (counted from 0), empty when there is none.
    fn col(&self, i: usize) -> F;

    /// Columns `first..=last` as written, tabs and all, when known.
    fn span(&self, first: usize, last: usize) -> Option<F> {
        let _ = (first, last);
        None
    }
}

impl<'a, F: Field<'a>> Columns<'a, F> for [F] {
    fn col(&self, i: usize) -> F {
        self.get(i).copied().unwrap_or_default()
    }
}

impl<'a, F: Field<'a>, const N: usize> Columns<'a, F> for [F; N] {
    fn col(&self, i: usize) -> F {
        self.get(i).copied().unwrap_or_default()
    }
}

impl<'a, F: Field<'a>, const N: usize> Columns<'a, F> for Tabs<F, N> {
    fn col(&self, i: usize) -> F {
        if i >= self.count {
            return F::default();
        }
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(usize::MAX, |e| e + 1),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.line.part(start..end).unwrap_or_default()
    }

    fn span(&self, first: usize, last: usize) -> Option<F> {
        if first > last || last >= self.count || last >= N {
            return None;
        }
        let start = match first.checked_sub(1) {
            Some(before) => self.ends.get(before)? + 1,
            None => 0,
        };
        let end = *self.ends.get(last)?;
        self.line.part(start..end)
    }
}

/// A line or a field of it: bytes as read, or text when the whole line was
/// checked to be UTF-8 at once (then its fields, split at ASCII tabs, are
/// text too and need no check of their own).
pub(crate) trait Field<'a>: Copy + Default {
    /// The field's bytes.
    fn bytes(self) -> &'a [u8];
    /// The field as text, `None` when it is not UTF-8.
    fn text(self) -> Option<&'a str>;
    /// The bytes in `range` (at tab boundaries).
    fn part(self, range: std::ops::Range<usize>) -> Option<Self>;
}

impl<'a> Field<'a> for &'a [u8] {
    fn bytes(self) -> &'a [u8] {
        self
    }
    fn text(self) -> Option<&'a str> {
        std::str::from_utf8(self).ok()
    }
    fn part(self, range: std::ops::Range<usize>) -> Option<Self> {
        self.get(range)
    }
}

impl<'a> Field<'a> for &'a str {
    fn bytes(self) -> &'a [u8] {
        self.as_bytes()
    }
    fn text(self) -> Option<&'a str> {
        Some(self)
    }
    fn part(self, range: std::ops::Range<usize>) -> Option<Self> {
        self.get(range)
    }
}

/// A field as text.
pub(crate) fn text<'a, F: Field<'a>, C: Columns<'a, F> + ?Sized>(
    cols: &C,
    i: usize,
    field: &'static str,
) -> std::result::Result<&'a str, RowError> {
    cols.col(i)
        .text()
        .ok_or_else(|| RowError::new(SkipReason::BadText, i + 1, field, "not UTF-8 text"))
}

/// A date `YYYYMMDD` (or `YYYYMMDDhhmmss`, or `YYYY-MM-DD`), at column `i`.
pub(crate) fn date(
    bytes: &[u8],
    i: usize,
    field: &'static str,
) -> std::result::Result<PartialDate, RowError> {
    let bad = |why: &str| {
        RowError::new(
            SkipReason::BadDate,
            i + 1,
            field,
            format!("{why}: {:?}", String::from_utf8_lossy(bytes)),
        )
    };
    if bytes.contains(&b'-') {
        // ISO dates, possibly partial (`2025-08`), as the writers write them.
        // A well-formed date that does not exist (`2018-02-30`) says so,
        // as the JSON loader does; any other text is not a date at all.
        let expected = "expected a date YYYY-MM-DD, YYYY-MM or YYYYMMDD";
        let text = std::str::from_utf8(bytes).map_err(|_| bad(expected))?;
        return text.parse::<PartialDate>().map_err(|e| {
            let well_formed = text.split('-').zip([4, 2, 2]).all(|(part, width)| {
                part.len() == width && part.bytes().all(|b| b.is_ascii_digit())
            }) && (1..=3).contains(&text.split('-').count());
            bad(if well_formed { e.reason() } else { expected })
        });
    }
    let digits: &[u8] = if bytes.len() == 8 || bytes.len() == 14 {
        bytes.get(..8).unwrap_or_default()
    } else {
        return Err(bad("expected a date YYYYMMDD or YYYY-MM-DD"));
    };
    if digits.len() != 8 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(bad("expected a date YYYYMMDD or YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| {
        digits
            .get(r)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let (y, m, d) = (num(0..4), num(4..6), num(6..8));
    PartialDate::ymd(y as u16, m as u8, d as u8).map_err(|e| bad(e.reason()))
}

/// Checks a CAMEO event code at column `column` (from 1): empty is a
/// missing field, anything but digits a malformed code.
pub(crate) fn check_code(
    code: &str,
    column: usize,
    field: &'static str,
) -> std::result::Result<(), RowError> {
    if code.is_empty() {
        Err(RowError::new(
            SkipReason::MissingField,
            column,
            field,
            "empty",
        ))
    } else if !code.bytes().all(|b| b.is_ascii_digit()) {
        Err(RowError::new(
            SkipReason::BadCode,
            column,
            field,
            format!("expected a CAMEO code (digits), found {code:?}"),
        ))
    } else {
        Ok(())
    }
}

/// A number type of rows, read with `FromStr`, with a quicker path for
/// the plain forms that make up nearly all rows.
pub(crate) trait Number: std::str::FromStr {
    /// The number `bytes` spell, when they are in a plain form, exactly as
    /// `FromStr` would read it; `None` sends them to `FromStr`.
    fn plain(bytes: &[u8]) -> Option<Self>;
}

impl Number for u32 {
    fn plain(bytes: &[u8]) -> Option<u32> {
        if bytes.is_empty() || bytes.len() > 9 {
            return None;
        }
        bytes.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }
}

impl Number for f64 {
    /// `-?D+(.D+)?` with at most 15 digits: the digits as an integer are
    /// exact in an `f64`, and so is the power of ten they are divided by, so
    /// the one correctly rounded division gives the float nearest to the
    /// decimal, as `FromStr` does (this is its own first path, Clinger's).
    fn plain(bytes: &[u8]) -> Option<f64> {
        const POWERS: [f64; 16] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        let (negative, rest) = match bytes {
            [b'-', rest @ ..] => (true, rest),
            _ => (false, bytes),
        };
        let (whole, fraction) = match rest.iter().position(|&b| b == b'.') {
            Some(dot) => (rest.get(..dot)?, rest.get(dot + 1..)?),
            None => (rest, &[][..]),
        };
        let has_dot = whole.len() != rest.len();
        if whole.is_empty() || (has_dot && fraction.is_empty()) {
            return None;
        }
        if whole.len() + fraction.len() > 15 {
            return None;
        }
        let mut digits = 0u64;
        for &b in whole.iter().chain(fraction) {
            if !b.is_ascii_digit() {
                return None;
            }
            digits = digits * 10 + u64::from(b - b'0');
        }
        let value = digits as f64 / POWERS.get(fraction.len()).copied()?;
        Some(if negative { -value } else { value })
    }
}

/// An optional number at column `i` (empty is `None`).
pub(crate) fn number<'a, T: Number, F: Field<'a>, C: Columns<'a, F> + ?Sized>(
    cols: &C,
    i: usize,
    field: &'static str,
) -> std::result::Result<Option<T>, RowError> {
    let bytes = cols.col(i).bytes();
    if bytes.is_empty() {
        return Ok(None);
    }
    if let Some(n) = T::plain(bytes) {
        return Ok(Some(n));
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .map(Some)
        .ok_or_else(|| {
            RowError::new(
                SkipReason::BadNumber,
                i + 1,
                field,
                format!(
                    "expected a number, found {:?}",
                    String::from_utf8_lossy(bytes)
                ),
            )
        })
}

#[cfg(all(test, feature = "zip"))]
mod zip_tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_zipped_gdelt_batch_reads_like_the_plain_file() {
        let plain = "tests/data/gdelt/20250820163000.export.first36.CSV";
        let dir = std::env::temp_dir().join(format!("diplograph-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let zipped = dir.join("20250820163000.export.CSV.zip");
        let mut writer = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
        writer
            .start_file(
                "20250820163000.export.CSV",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        writer.write_all(&std::fs::read(plain).unwrap()).unwrap();
        writer.finish().unwrap();

        let mut a = Importer::new();
        a.read_file(Format::Gdelt, plain).unwrap();
        let mut b = Importer::new();
        b.read_file(Format::from_path(&zipped).unwrap(), &zipped)
            .unwrap();
        let (a, ra) = a.finish().unwrap();
        let (b, rb) = b.finish().unwrap();
        assert_eq!(a, b);
        assert_eq!(ra, rb);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_columns_is_the_columns_joined_by_tabs() {
        for line in ["", "a", "a\tbb\t\tccc", "\t\tx\t", "é\tü\t\tß"] {
            let cols: Tabs<&str, 4> = Tabs::new(line);
            let all: Vec<&str> = line.split('\t').collect();
            for first in 0..6 {
                for last in 0..6 {
                    let expected = (first <= last && last < all.len() && last < 4)
                        .then(|| all[first..=last].join("\t"));
                    let span = cols.span(first, last).map(str::to_owned);
                    assert_eq!(span, expected, "{line:?} {first}..={last}");
                }
            }
        }
    }

    #[test]
    fn has_dash_agrees_with_a_byte_search() {
        let mut state = 7;
        for len in 0..24 {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| match next(&mut state) % 4 {
                        0 => b'-',
                        1 => 0xad,
                        2 => b'0' + (next(&mut state) % 10) as u8,
                        _ => (next(&mut state) % 256) as u8,
                    })
                    .collect();
                assert_eq!(has_dash(&bytes), bytes.contains(&b'-'), "{bytes:?}");
            }
            let plain = vec![b'2'; len];
            assert!(!has_dash(&plain));
            for at in 0..len {
                let mut one = plain.clone();
                one[at] = b'-';
                assert!(has_dash(&one), "{one:?}");
            }
        }
    }

    /// A small deterministic generator (splitmix64).
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shown(v: f64) -> String {
        let mut out = String::new();
        push_f64(&mut out, v);
        out
    }

    #[test]
    fn floats_are_written_as_display_writes_them() {
        let mut state = 7;
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.29,
            -1.3,
            2.75,
            10.0,
            -10.0,
            1e11,
            999_999_999_999.99,
            1e12,
            1e15,
            1e300,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.005,
            1.005,
            123.456,
        ];
        for _ in 0..200_000 {
            let r = next(&mut state);
            let k = (r % 2_000_000) as f64 - 1_000_000.0;
            values.push(k / 100.0);
            values.push(k / 10.0);
            values.push(((k / 1000.0) * 100.0).round() / 100.0);
            values.push(f64::from_bits(next(&mut state)));
            values.push((next(&mut state) >> 11) as f64 / (1u64 << 53) as f64 * 200.0 - 100.0);
        }
        for v in values {
            assert_eq!(shown(v), format!("{v}"), "{v:?} ({:#x})", v.to_bits());
        }
    }

    #[test]
    fn plain_numbers_read_as_from_str_reads_them() {
        let mut state = 11;
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1",
            "1.0",
            "-10.0",
            "3.4",
            "007.50",
            "1.",
            ".5",
            "-",
            "",
            "+1",
            "1e3",
            "1.5e3",
            " 1",
            "1 ",
            "nan",
            "inf",
            "-inf",
            "1.2.3",
            "--1",
            "0x10",
            "123456789012345",
            "1234567890123456",
            "0.123456789012345",
            "0.1234567890123456",
            "4294967295",
            "4294967296",
            "999999999",
            "1000000000",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for _ in 0..100_000 {
            let whole = next(&mut state) % 10_000_000;
            let digits = (next(&mut state) % 9) as usize;
            let fraction = next(&mut state) % 1_000_000_000;
            let sign = if next(&mut state) % 2 == 0 { "-" } else { "" };
            let mut t = format!("{sign}{whole}");
            if digits > 0 {
                let f = format!("{fraction:09}");
                t.push('.');
                t.push_str(f.get(..digits).unwrap());
            }
            texts.push(t);
        }
        for t in texts {
            let bytes = t.as_bytes();
            if let Some(v) = f64::plain(bytes) {
                let parsed: f64 = t.parse().unwrap();
                assert_eq!(v.to_bits(), parsed.to_bits(), "{t:?}");
            }
            if let Some(v) = u32::plain(bytes) {
                assert_eq!(Ok(v), t.parse::<u32>(), "{t:?}");
            }
        }
        assert_eq!(f64::plain(b"-1.25"), Some(-1.25));
        assert_eq!(u32::plain(b"42"), Some(42));
    }

    #[test]
    fn tabs_split_as_a_plain_split_does() {
        let mut state = 3;
        let alphabet = b"\t\tab\xc3\x09x \r";
        for len in 0..80 {
            for _ in 0..200 {
                let line: Vec<u8> = (0..len)
                    .map(|_| alphabet[(next(&mut state) % alphabet.len() as u64) as usize])
                    .collect();
                let expected: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
                let mut cols: [&[u8]; 16] = [&[]; 16];
                let n = split_tabs(line.as_slice(), &mut cols);
                assert_eq!(n, expected.len());
                for (got, want) in cols.iter().zip(&expected) {
                    assert_eq!(got, want);
                }
                let tabs: Tabs<&[u8], 16> = Tabs::new(line.as_slice());
                assert_eq!(tabs.count(), expected.len());
                for i in 0..20 {
                    assert_eq!(tabs.col(i), cols.col(i), "{i}");
                }
                if let Ok(text) = std::str::from_utf8(&line) {
                    let tabs: Tabs<&str, 16> = Tabs::new(text);
                    assert_eq!(tabs.count(), expected.len());
                    for i in 0..20 {
                        assert_eq!(tabs.col(i).as_bytes(), cols.col(i), "{i}");
                    }
                }
            }
        }
    }

    /// A reader giving a few bytes at a time, and an interruption now and then.
    struct Trickle<'a> {
        data: &'a [u8],
        calls: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if self.calls % 5 == 0 {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let n = (self.calls % 7 + 1).min(buf.len()).min(self.data.len());
            let (head, rest) = self.data.split_at(n);
            buf[..n].copy_from_slice(head);
            self.data = rest;
            Ok(n)
        }
    }

    #[test]
    fn lines_cut_by_the_buffer_read_as_whole_lines() {
        let gdelt = std::fs::read("tests/data/gdelt/20250820163000.export.first36.CSV").unwrap();
        // CRLF endings, blank lines and no final line ending too.
        let mut crlf = String::from_utf8(gdelt.clone())
            .unwrap()
            .replace('\n', "\r\n\n");
        crlf.truncate(crlf.trim_end().len());
        for (format, data) in [(Format::Gdelt, gdelt), (Format::Gdelt, crlf.into_bytes())] {
            let mut whole = Importer::new();
            whole.read(format, data.as_slice(), "x").unwrap();
            let mut cut = Importer::new();
            let reader = BufReader::with_capacity(
                3,
                Trickle {
                    data: &data,
                    calls: 0,
                },
            );
            cut.lines(reader, "x", false, gdelt::event_line).unwrap();
            let (a, ra) = whole.finish().unwrap();
            let (b, rb) = cut.finish().unwrap();
            assert_eq!(ra, rb);
            assert_eq!(a, b);
            assert_eq!(ra.rows_read, 36);
        }
    }

    #[test]
    fn a_meeting_moved_earlier_through_another_pair_merges_at_its_new_day() {
        // Rows of event `m1` join A–B and A–C in one meeting; the second
        // moves it ten days earlier, and reciprocal rows of either pair a
        // day from its new date merge into it (the A–B list, where the
        // meeting was made, learns the day the A–C row gave it).
        let row = |event: &str, date: &str, from: &str, to: &str| {
            format!("{event}\t{date}\t\t{from}\t{from}\t{from}\t{to}\t{to}\t{to}\t040\t1\t\t\t\n")
        };
        let tsv = [
            super::tsv::HEADER.join("\t") + "\n",
            row("m1", "2025-08-20", "usa", "rus"),
            row("m1", "2025-08-10", "usa", "ukr"),
            row("x", "2025-08-11", "rus", "usa"),
            row("y", "2025-08-09", "ukr", "usa"),
        ]
        .concat();
        let mut importer = Importer::new();
        importer
            .read(Format::CameoTsv, tsv.as_bytes(), "rows.tsv")
            .expect("well-formed rows");
        let (graph, report) = importer.finish().expect("a graph");
        assert_eq!(report.meetings, 1, "{report:?}");
        let (_, meeting) = graph.all_meetings().next().expect("one meeting");
        assert_eq!(
            meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2025-08-09")
        );
        let mut who: Vec<&str> = meeting
            .participants
            .iter()
            .map(|p| p.actor.as_str())
            .collect();
        who.sort_unstable();
        assert_eq!(who, ["rus", "ukr", "usa"]);
    }

    #[test]
    fn cached_dates_are_the_dates_read() {
        let mut importer = Importer::new();
        let texts = [
            "20250801",
            "20250801",
            "20250801120000",
            "20250230",
            "20250230",
            "2025-08-01",
            "2025-08",
            "2025080",
            "2025080x",
            "20251301000000",
            "20240229",
            "20250229",
            "20250801-1",
            "",
        ];
        for _ in 0..3 {
            for day in 1..=31 {
                for text in texts
                    .iter()
                    .map(|t| t.to_string())
                    .chain([format!("202501{day:02}")])
                {
                    let cached = importer.cached_date(text.as_bytes(), 1, "SQLDATE");
                    let read = date(text.as_bytes(), 1, "SQLDATE");
                    assert_eq!(format!("{cached:?}"), format!("{read:?}"), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn notes_are_written_as_coding_displays_them() {
        let date = PartialDate::ymd(2025, 8, 13).unwrap();
        let mut row = Row {
            prefix: "gdelt",
            id: "1258623905",
            group: None,
            date,
            added: None,
            source: None,
            target: None,
            code: Code::Cameo("042"),
            goldstein: Some(1.9),
            tone: Some(-1.3333),
            mentions: Some(3),
            url: None,
            publisher: None,
            place: None,
            fallback_source: None,
            gdelt_id: None,
        };
        let note = |row: &Row<'_>| {
            let mut out = String::new();
            write_note(&mut out, row);
            out
        };
        assert_eq!(
            note(&row),
            "cameo=042 goldstein=1.9 tone=-1.33 mentions=3 event=1258623905"
        );
        row.code = Code::Plover {
            event: "CONSULT",
            mode: Some("visit"),
            context: None,
        };
        row.goldstein = None;
        row.tone = Some(f64::NAN);
        row.mentions = None;
        let coding = Coding {
            plover: Some("CONSULT/visit".into()),
            tone: Some(f64::NAN),
            event: Some("1258623905".into()),
            ..Coding::default()
        };
        assert_eq!(note(&row), coding.to_string());
    }
}
