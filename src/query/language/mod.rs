//! The question language: questions in plain words, answered by the typed
//! queries.
//!
//! [`DiplomaticGraph::ask`] reads a question such as "who opposed the
//! ceasefire stance?", finds the actors, stances and meetings it names, runs
//! the typed query it stands for and returns an [`Answer`] holding the same
//! result types as the typed API ([`PositionMatch`], [`MeetingMatch`],
//! [`ActMatch`]...), each with its evidence. [`Question::parse`] gives the
//! parsed question, so a program can inspect it before running it with
//! [`DiplomaticGraph::answer`].
//!
//! ```
//! use diplograph::{datasets, Answer};
//!
//! let graph = datasets::washington_2025();
//! let Answer::Positions(found) = graph.ask("who opposed the ceasefire stance?")? else {
//!     unreachable!("a question about positions");
//! };
//! assert_eq!(graph.actor_of(&found[0]).name, "Donald Trump");
//! let quote = found[0].evidence().next().and_then(|c| c.quote()).unwrap_or("");
//! assert!(quote.contains("walked back earlier calls for a ceasefire"));
//! # Ok::<(), diplograph::Error>(())
//! ```
//!
//! The grammar, the rules for names and time, and many examples are in
//! `docs/query-language.md`; every example there is run as a test.
//!
//! # Tense
//!
//! Past verbs ask about any time: "who *opposed* X" lists every position
//! against X ever recorded. Present verbs ask about the latest state: "who
//! *opposes* X" lists the positions still held (with no end date). `as of
//! DATE` asks about that date instead, whatever the tense; `before DATE`
//! means as of the day before; `known at DATE` keeps only what sources
//! published by then say.
//!
//! # Limits
//!
//! A question is at most [`MAX_QUESTION_LEN`] characters and nests
//! parentheses at most [`MAX_DEPTH`] deep. No question, however malformed,
//! panics: every problem is an [`Error::Question`] pointing at its column.

mod lexer;
mod parser;
mod run;

use crate::DiplomaticGraph;
use crate::error::{Error, Result};
use crate::model::{ActKind, ActorId, MeetingStatus, PartialDate, Participant, Polarity};
use crate::query::{
    ActMatch, ActorCount, Alignment, Contact, MeetingMatch, OfficeMatch, PositionChange,
    PositionMatch, Relation, StanceCount,
};

/// The longest question [`Question::parse`] reads, in characters.
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// let long = "who ".repeat(diplograph::query::language::MAX_QUESTION_LEN);
/// assert!(graph.ask(&long).unwrap_err().to_string().contains("at most 10000 characters"));
/// ```
pub const MAX_QUESTION_LEN: usize = 10_000;

/// How deeply a question may nest parentheses.
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// assert!(graph.ask("((who opposed ceasefire))").is_ok());
/// let deep = format!("{}who opposed ceasefire{}", "(".repeat(100), ")".repeat(100));
/// assert!(graph.ask(&deep).is_err());
/// ```
pub const MAX_DEPTH: usize = 16;

/// A parsed question: which typed query to run, with the names still as
/// typed (they are looked up when the question runs).
///
/// # Examples
///
/// ```
/// use diplograph::{Polarity, Question};
/// use diplograph::query::language::Tense;
///
/// let q = Question::parse("who opposes the ceasefire as of 2025-08-17?")?;
/// let Question::Positions { stance: Some(stance), polarities, time, .. } = &q else {
///     unreachable!()
/// };
/// assert_eq!(stance.text, "ceasefire");
/// assert_eq!(stance.column, 17);
/// assert_eq!(polarities, &[Polarity::Opposes]);
/// assert_eq!(time.tense, Tense::Latest);
/// assert_eq!(time.as_of.map(|d| d.to_string()).as_deref(), Some("2025-08-17"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Question {
    /// Positions on a stance and/or of an actor, with polarities (none: any),
    /// at a time: "who opposed X", "what does A support", "what was A's
    /// position on X before D". Runs [`DiplomaticGraph::positions`].
    Positions {
        /// The actor whose positions are asked for, if any.
        actor: Option<Name>,
        /// The stance, if any.
        stance: Option<Name>,
        /// The polarities asked for; empty for any.
        polarities: Vec<Polarity>,
        /// Tense, as-of and known-at dates.
        time: Time,
        /// For a verb that also names an act ("supported", "rejected"): the
        /// act to ask about instead when the stance name is an actor's
        /// ("who supported Zelenskyy?").
        act: Option<ActKind>,
    },
    /// Changes of position, on a stance and/or of an actor: "who changed
    /// position on X". Runs [`DiplomaticGraph::position_changes`].
    Changes {
        /// The actor, if any.
        actor: Option<Name>,
        /// The stance, if any.
        stance: Option<Name>,
        /// An as-of date keeps the changes made by then.
        time: Time,
    },
    /// Meetings of all the actors named (none: every meeting), by status
    /// (none: any), in a window: "which meetings did A attend", "which
    /// meetings are proposed", "meetings between A and B in 2025-08". Runs
    /// [`DiplomaticGraph::meetings`]; results in date order.
    Meetings {
        /// Actors who all took part.
        actors: Vec<Name>,
        /// Statuses allowed; empty for any.
        statuses: Vec<MeetingStatus>,
        /// The dates the meetings lie in.
        window: Window,
        /// Only meetings reported by sources published by then.
        known_at: Option<PartialDate>,
    },
    /// Who took part in a meeting: "who took part in the Alaska summit".
    /// Runs [`DiplomaticGraph::participants`].
    Participants {
        /// The meeting.
        meeting: Name,
        /// Only evidence published by then.
        known_at: Option<PartialDate>,
    },
    /// Who met both of two actors at held meetings: "who met both A and B".
    /// Runs [`DiplomaticGraph::met_both`].
    MetBoth {
        /// The first actor.
        first: Name,
        /// The second actor.
        second: Name,
    },
    /// Acts of some kinds (none: any), by and/or towards actors, about a
    /// stance, in a window: "who criticised A", "whom did A criticise".
    /// Runs [`DiplomaticGraph::acts`].
    Acts {
        /// Kinds allowed; empty for any.
        kinds: Vec<ActKind>,
        /// Who acted, if given.
        actor: Option<Name>,
        /// Towards whom, if given.
        target: Option<Name>,
        /// The stance it concerned, if given.
        stance: Option<Name>,
        /// The dates the acts lie in.
        window: Window,
        /// Only acts reported by sources published by then.
        known_at: Option<PartialDate>,
    },
    /// Where two actors agree or disagree: "where do A and B disagree".
    /// Runs [`DiplomaticGraph::compare`].
    Compare {
        /// The first actor.
        first: Name,
        /// The second actor.
        second: Name,
        /// The relation asked for; `None` for all.
        relation: Option<Relation>,
        /// The latest state, or as of a date.
        time: Time,
    },
    /// The offices of actors: "which office does each of A, B and C hold".
    /// Runs [`DiplomaticGraph::offices`].
    Offices {
        /// The actors.
        actors: Vec<Name>,
        /// The latest state, or as of a date.
        time: Time,
    },
    /// Stances by the number of actors with a position on them: "which
    /// issue has the most actors with a recorded position". Runs
    /// [`DiplomaticGraph::stance_ranking`].
    StanceRanking {
        /// Only the first (with any tied with it), not the whole ranking.
        top: bool,
    },
    /// Actors by activity: "who is the most active actor". Runs
    /// [`DiplomaticGraph::actor_ranking`].
    ActorRanking {
        /// Only the first (with any tied with it), not the whole ranking.
        top: bool,
    },
}

/// A name in a question, as typed (articles and a trailing "stance" or
/// "issue" left out), with its column for error messages.
///
/// ```
/// use diplograph::Question;
/// let Question::MetBoth { first, second } = Question::parse("who met both Zelenskyy and Putin?")? else {
///     unreachable!()
/// };
/// assert_eq!((first.text.as_str(), first.column), ("Zelenskyy", 14));
/// assert_eq!((second.text.as_str(), second.column), ("Putin", 28));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Name {
    /// The words of the name.
    pub text: String,
    /// The column of its first character, from 1.
    pub column: usize,
}

/// When a question about positions or offices asks: its tense, and its
/// as-of and known-at dates.
///
/// ```
/// use diplograph::Question;
/// use diplograph::query::language::Tense;
/// let Question::Positions { time, .. } = Question::parse("who supported the ceasefire known at 2025-09?")? else {
///     unreachable!()
/// };
/// assert_eq!(time.tense, Tense::Ever);
/// assert_eq!(time.as_of, None);
/// assert_eq!(time.known_at.map(|d| d.to_string()).as_deref(), Some("2025-09"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Time {
    /// Any time ("opposed") or the latest state ("opposes"); an as-of date
    /// takes precedence over both.
    pub tense: Tense,
    /// The date asked about (`as of D`; `before D` gives the day before D).
    pub as_of: Option<PartialDate>,
    /// Only what sources published by then say.
    pub known_at: Option<PartialDate>,
}

/// The tense of a question's verb.
///
/// ```
/// use diplograph::Question;
/// use diplograph::query::language::Tense;
/// let tense = |q: &str| match Question::parse(q) {
///     Ok(Question::Positions { time, .. }) => time.tense,
///     other => unreachable!("{other:?}"),
/// };
/// assert_eq!(tense("who opposed the ceasefire?"), Tense::Ever);
/// assert_eq!(tense("who opposes the ceasefire?"), Tense::Latest);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tense {
    /// Past: at any time.
    #[default]
    Ever,
    /// Present: the latest state, what holds with no end date.
    Latest,
}

/// A range of dates, open on either side, that meetings or acts must lie in:
/// `between D1 and D2`, `in D`, `since D`, `until D`, `before D`, `after D`.
///
/// ```
/// use diplograph::Question;
/// let Question::Meetings { window, .. } = Question::parse("which meetings were held in 2025-08?")? else {
///     unreachable!()
/// };
/// assert_eq!(window.from.map(|d| d.to_string()).as_deref(), Some("2025-08"));
/// assert_eq!(window.until, window.from);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Window {
    /// The first date (all its days included), if bounded.
    pub from: Option<PartialDate>,
    /// The last date (all its days included), if bounded.
    pub until: Option<PartialDate>,
}

/// The answer to a question: the results of the typed query it ran, each
/// with its evidence (through the results' `evidence()` methods; for
/// contacts, through their meetings).
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, Answer};
///
/// let graph = datasets::washington_2025();
/// match graph.ask("who criticised Zelenskyy, and when?")? {
///     Answer::Acts(acts) => {
///         for m in &acts {
///             let who = &graph.actor(m.actor).unwrap().name;
///             println!("{who} on {}", m.act.date.unwrap());
///         }
///         assert_eq!(acts.len(), 2);
///     }
///     other => unreachable!("{other:?}"),
/// }
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Answer<'g> {
    /// Positions, as [`DiplomaticGraph::positions`] returns them.
    Positions(Vec<PositionMatch<'g>>),
    /// Changes of position, as [`DiplomaticGraph::position_changes`]
    /// returns them.
    Changes(Vec<PositionChange<'g>>),
    /// Meetings in date order, as [`DiplomaticGraph::meetings`] returns them.
    Meetings(Vec<MeetingMatch<'g>>),
    /// A meeting and its participants, as
    /// [`DiplomaticGraph::participants`] returns them.
    Participants {
        /// The meeting, with its evidence.
        meeting: MeetingMatch<'g>,
        /// Its participants, with their roles.
        participants: Vec<(ActorId, &'g Participant)>,
    },
    /// Actors who met both of two others, as [`DiplomaticGraph::met_both`]
    /// returns them.
    Contacts(Vec<Contact>),
    /// Acts, as [`DiplomaticGraph::acts`] returns them.
    Acts(Vec<ActMatch<'g>>),
    /// Stances with both actors' positions, as [`DiplomaticGraph::compare`]
    /// returns them (filtered by relation if the question asked for one).
    Alignments(Vec<Alignment<'g>>),
    /// For each actor asked about, in the question's order, its offices.
    Offices(Vec<(ActorId, Vec<OfficeMatch<'g>>)>),
    /// Stances ranked, as [`DiplomaticGraph::stance_ranking`] returns them.
    StanceRanking(Vec<StanceCount>),
    /// Actors ranked, as [`DiplomaticGraph::actor_ranking`] returns them.
    ActorRanking(Vec<ActorCount>),
}

impl Answer<'_> {
    /// A lower-case name of the variant, as used in the command line's JSON
    /// output: `positions`, `changes`, `meetings`, `participants`,
    /// `contacts`, `acts`, `alignments`, `offices`, `stance_ranking`,
    /// `actor_ranking`.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.ask("who met both Zelenskyy and Putin?")?.kind(), "contacts");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Answer::Positions(_) => "positions",
            Answer::Changes(_) => "changes",
            Answer::Meetings(_) => "meetings",
            Answer::Participants { .. } => "participants",
            Answer::Contacts(_) => "contacts",
            Answer::Acts(_) => "acts",
            Answer::Alignments(_) => "alignments",
            Answer::Offices(_) => "offices",
            Answer::StanceRanking(_) => "stance_ranking",
            Answer::ActorRanking(_) => "actor_ranking",
        }
    }

    /// How many results the answer has (for offices, how many offices in
    /// all; for participants, how many participants).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.ask("who took part in the Alaska summit?")?.len(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        match self {
            Answer::Positions(v) => v.len(),
            Answer::Changes(v) => v.len(),
            Answer::Meetings(v) => v.len(),
            Answer::Participants { participants, .. } => participants.len(),
            Answer::Contacts(v) => v.len(),
            Answer::Acts(v) => v.len(),
            Answer::Alignments(v) => v.len(),
            Answer::Offices(v) => v.iter().map(|(_, o)| o.len()).sum(),
            Answer::StanceRanking(v) => v.len(),
            Answer::ActorRanking(v) => v.len(),
        }
    }

    /// Whether the answer has no results: nobody, nothing, never.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.ask("who opposed the ceasefire known at 2025-07?")?.is_empty());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Question {
    /// Parses a question without running it.
    ///
    /// # Errors
    ///
    /// [`Error::Question`] with the column at fault and what was expected
    /// there, for a question that is empty, longer than
    /// [`MAX_QUESTION_LEN`] characters, nested deeper than [`MAX_DEPTH`], or
    /// not in the language.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Error, Question};
    ///
    /// assert!(matches!(Question::parse("who met both Zelenskyy and Putin?")?, Question::MetBoth { .. }));
    /// match Question::parse("who met both Zelenskyy?") {
    ///     Err(Error::Question { column, expected, .. }) => {
    ///         assert_eq!(column, 23);
    ///         assert_eq!(expected, "`and` and a second actor");
    ///     }
    ///     other => unreachable!("{other:?}"),
    /// }
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Question> {
        if let Some((at, _)) = text.char_indices().nth(MAX_QUESTION_LEN) {
            let shown = text.get(..at).unwrap_or_default();
            let len = text.chars().count();
            return Err(error_at(
                shown,
                MAX_QUESTION_LEN + 1,
                &format!("a question of at most {MAX_QUESTION_LEN} characters"),
                &format!("{len} characters"),
            ));
        }
        let tokens = lexer::tokens(text)?;
        parser::Parser::new(text, &tokens).question()
    }
}

impl DiplomaticGraph {
    /// Answers a question in plain words: parses it ([`Question::parse`]),
    /// then runs it ([`answer`](Self::answer)).
    ///
    /// The language is described in the [module docs](crate::query::language)
    /// and `docs/query-language.md`: positions by polarity and time, changes
    /// of position, meetings, participants, who met both of two actors, acts,
    /// agreements and disagreements, offices, and rankings.
    ///
    /// **Cost**: linear in the length of the question, plus the lookups of
    /// the names it contains, plus the cost of the typed query it asks.
    ///
    /// # Errors
    ///
    /// [`Error::Question`] for a question that cannot be parsed, or that
    /// names an actor, stance or meeting the graph does not have (the error
    /// then suggests close names).
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, Answer, Error};
    ///
    /// let graph = datasets::washington_2025();
    /// let Answer::Contacts(contacts) = graph.ask("who met both Zelenskyy and Putin?")? else {
    ///     unreachable!()
    /// };
    /// assert_eq!(graph.actor(contacts[0].actor).unwrap().name, "Donald Trump");
    ///
    /// match graph.ask("who opposed the ceasfire?") {
    ///     Err(Error::Question { suggestions, .. }) => assert_eq!(suggestions[0].as_str(), "ceasefire-first"),
    ///     other => unreachable!("{other:?}"),
    /// }
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn ask(&self, question: &str) -> Result<Answer<'_>> {
        let parsed = Question::parse(question)?;
        run::run(self, question, &parsed)
    }

    /// Runs a parsed question.
    ///
    /// # Errors
    ///
    /// [`Error::Question`] for a name the graph does not have; the column is
    /// the name's, the question shown is the name itself when the question's
    /// text is not at hand (use [`ask`](Self::ask) to have it).
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, Question};
    ///
    /// let graph = datasets::washington_2025();
    /// let question = Question::parse("which meetings are proposed or planned?")?;
    /// assert_eq!(graph.answer(&question)?.len(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn answer(&self, question: &Question) -> Result<Answer<'_>> {
        run::run(self, "", question)
    }
}

/// An [`Error::Question`] at `column` of `question`.
pub(crate) fn error_at(question: &str, column: usize, expected: &str, found: &str) -> Error {
    Error::Question {
        question: question.chars().take(MAX_QUESTION_LEN).collect(),
        column,
        expected: expected.to_owned(),
        found: found.to_owned(),
        suggestions: Vec::new(),
    }
}
