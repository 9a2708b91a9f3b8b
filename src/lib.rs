//! A typed, time-aware knowledge graph of diplomatic events.
//!
//! `diplograph` records who met whom, where, when and in what tone; who took
//! which position on which issue, when it changed, and on what evidence; and
//! answers questions about it, each answer with the sentence it rests on.
//!
//! ```
//! use diplograph::{datasets, Polarity, PositionQuery};
//!
//! // The bundled dataset models a report of the White House meeting of
//! // 18 August 2025 (Trump, Zelenskyy and European leaders).
//! let graph = datasets::washington_2025();
//! let ceasefire = graph.find_stance("ceasefire")?;
//!
//! // Who opposed a ceasefire before further negotiations, as of that day?
//! let query = PositionQuery::on(ceasefire)
//!     .polarity(Polarity::Opposes)
//!     .as_of("2025-08-18".parse()?);
//! for found in graph.positions(query) {
//!     let quote = found.evidence().next().and_then(|c| c.quote()).unwrap_or("");
//!     println!("{}: {quote}", graph.actor_of(&found).name);
//!     assert_eq!(graph.actor_of(&found).name, "Donald Trump");
//! }
//! # Ok::<(), diplograph::Error>(())
//! ```
//!
//! # The main types
//!
//! * [`DiplomaticGraph`], the store: add items with `add_*`, read them with
//!   accessors, ask with the [`query`] methods, load and save with [`io`].
//! * The model: [`Actor`], [`Meeting`], [`Stance`] (nodes); [`Position`],
//!   [`Act`], [`Link`] and participation (edges); [`Evidence`] citing a
//!   [`Source`]; [`PartialDate`] and [`Validity`] for time.
//! * [`DiplomaticGraph::ask`]: questions in plain words ("who opposed the
//!   ceasefire stance?"), answered with the same typed results as an
//!   [`Answer`]; see [`query::language`] and [`Question`].
//! * [`Error`], one error type with the location of what went wrong; the
//!   catalogue of its variants is `docs/errors.md`.
//! * [`io::Limits`], bounds on what loading accepts (input size, string
//!   length, nesting, items per meeting), so a hostile file cannot exhaust
//!   memory.
//! * [`import`]: GDELT, ICEWS and PLOVER event data in (CAMEO codes mapped
//!   to meetings, acts and positions, with an [`import::ImportReport`]) and
//!   PLOVER JSON Lines and CAMEO TSV out; see `docs/event-data.md`.
//! * [`Dot`], the graph as a Graphviz picture: `graph.to_dot(View::Meetings)`
//!   in one of four [`View`]s, styled and filtered by [`DotOptions`]; see
//!   [`export::dot`].
//!
//! # Time
//!
//! Every query can ask "as of" a date (valid time: when a position held) and
//! "known at" a date (report time: only evidence published by then counts).
//! Dates may be partial (`2025`, `2025-02`, `2025-02-28`); see
//! [`PartialDate`] for how they compare.
//!
//! # Cargo features
//!
//! * `cli` (default): the `diplograph` command-line program. Library users
//!   can turn it off with `default-features = false` and skip `clap`,
//!   `rustyline` and (unless they ask for the `zip` feature) `zip`.
//! * `mimalloc` (default): the command-line program's global allocator is
//!   mimalloc. An import makes millions of small strings: under mimalloc a
//!   million GDELT rows import about 10% faster than under glibc's
//!   allocator and their graph is freed five times faster. The library
//!   never sets an allocator: a program that links it picks its own (with
//!   the `mimalloc` crate, for the same gain).
//! * `zip` (on through `cli`): read GDELT's `.zip` batches directly in
//!   [`import::Importer::read_file`] and `Importer::read_zip`, with the
//!   `zip` crate (deflate only).
//! * `bench-mimalloc` (off): not for library users. It runs the benchmarks
//!   with mimalloc as their allocator instead of the system's.
//! * `bench-oxigraph` (off): not for library users. It only lets the
//!   benchmarks ask the same questions of Oxigraph's in-memory SPARQL store
//!   (`cargo bench --features bench-oxigraph`); the library never uses it.

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod datasets;
mod error;
pub mod export;
mod graph;
mod hash;
pub mod import;
pub mod io;
mod model;
pub mod query;
pub mod report;

pub use error::{Error, ItemKind, Location, Result};
pub use export::{Dot, DotOptions, RankDir, View};
pub use graph::{Batch, Counts, DiplomaticGraph};
pub use model::{
    Act, ActId, ActKind, Actor, ActorId, ActorKind, Certainty, DateError, Evidence, Hedging, Key,
    Link, LinkKind, MAX_KEY_LEN, Meeting, MeetingId, MeetingKind, MeetingStatus, Office,
    PartialDate, Participant, Polarity, Position, PositionId, Precision, Role, Source, SourceId,
    Stance, StanceId, Tone, Validity,
};
pub use query::{
    ActMatch, ActQuery, ActorCount, Alignment, Answer, AsOf, Cited, Contact, MeetingMatch,
    MeetingQuery, OfficeMatch, PositionChange, PositionMatch, PositionQuery, Question, Relation,
    StanceCount,
};

/// The dataset format this version reads and writes, as found in the
/// `format` field of every dataset file.
///
/// ```
/// assert_eq!(diplograph::FORMAT, "diplograph/1");
/// ```
pub const FORMAT: &str = "diplograph/1";

/// `DiplomaticGraph` can be shared between threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<DiplomaticGraph>();
    assert_send_sync::<Error>();
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The Rust example of the question language's guide, run as a doctest (its
/// question examples run in `tests/it/ask.rs`).
#[cfg(doctest)]
#[doc = include_str!("../docs/query-language.md")]
struct QueryLanguageDoctests;
/// The Graphviz page's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/graphviz.md")]
struct GraphvizDoctests;
/// The event-data page's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/event-data.md")]
struct EventDataDoctests;
/// The reliability page's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../docs/reliability.md")]
struct ReliabilityDoctests;
/// The model guide's example (the seed questions asked in Rust), compiled
/// and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../docs/model.md")]
struct ModelDoctests;
/// The dataset format's example (loading, saving, validating), compiled and
/// run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../docs/dataset-format.md")]
struct DatasetFormatDoctests;
