//! Stances, the issues positions are taken on, and the positions themselves.

use serde::{Deserialize, Serialize};

use super::{Evidence, Key, PartialDate, Validity};

/// An issue or proposition that actors take positions on: "a ceasefire before
/// further negotiations", "territorial concessions".
///
/// # Examples
///
/// ```
/// use diplograph::Stance;
///
/// let stance = Stance::new("ceasefire-first", "A ceasefire before further negotiations")
///     .alias("ceasefire")
///     .broader("ceasefire");
/// assert_eq!(stance.broader.as_ref().map(|k| k.as_str()), Some("ceasefire"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Stance {
    /// The stable key, such as `ceasefire-first`.
    pub key: Key,
    /// The proposition, in words.
    pub label: String,
    /// Other names that resolve to this stance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A longer description of what supporting it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A broader stance this one refines, by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broader: Option<Key>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Stance {
    /// A stance with a key and a label.
    ///
    /// ```
    /// let s = diplograph::Stance::new("nato-membership", "Ukraine's NATO membership");
    /// assert_eq!(s.label, "Ukraine's NATO membership");
    /// ```
    pub fn new(key: impl Into<Key>, label: impl Into<String>) -> Self {
        Stance {
            key: key.into(),
            label: label.into(),
            aliases: Vec::new(),
            description: None,
            broader: None,
            note: None,
        }
    }

    /// Adds another name.
    ///
    /// ```
    /// let s = diplograph::Stance::new("k", "L").alias("truce");
    /// assert_eq!(s.aliases, ["truce"]);
    /// ```
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        super::push_small(&mut self.aliases, alias.into());
        self
    }

    /// Sets the description.
    ///
    /// ```
    /// let s = diplograph::Stance::new("k", "L").description("Supporting means...");
    /// assert!(s.description.is_some());
    /// ```
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Names the broader stance this one refines.
    ///
    /// ```
    /// let s = diplograph::Stance::new("k", "L").broader("security-guarantees");
    /// assert!(s.broader.is_some());
    /// ```
    #[must_use]
    pub fn broader(mut self, broader: impl Into<Key>) -> Self {
        self.broader = Some(broader.into());
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// let s = diplograph::Stance::new("k", "L").note("as framed by the report");
    /// assert!(s.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// An actor's position on a stance, over an interval of valid time.
///
/// A change of position is two positions: the earlier one ends (`until`) on
/// the day the later one starts (`from`).
///
/// # Examples
///
/// ```
/// use diplograph::{Evidence, Hedging, Polarity, Position};
///
/// let walked_back = Position::new("trump", "ceasefire-first", Polarity::Opposes)
///     .from("2025-08-18".parse()?)
///     .meeting("washington-2025-08-18")
///     .hedging(Hedging::Reported)
///     .evidence(Evidence::new("report", "the U.S. president walked back earlier calls for a ceasefire."));
/// assert_eq!(walked_back.validity().to_string(), "since 2025-08-18");
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Position {
    /// Who holds the position, by key.
    pub actor: Key,
    /// On what, by key.
    pub stance: Key,
    /// For, against, or neither.
    pub polarity: Polarity,
    /// The first day it held, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// The first day it no longer held, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// How directly the source attributes it.
    #[serde(default)]
    pub hedging: Hedging,
    /// The meeting where it was expressed, by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Key>,
    /// What supports it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A curator's remark, such as the condition of a conditional position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Position {
    /// `actor` takes `polarity` on `stance`, at an unknown time, as reported.
    ///
    /// ```
    /// use diplograph::{Hedging, Polarity, Position};
    /// let p = Position::new("zelenskyy", "territorial-concessions", Polarity::Opposes);
    /// assert_eq!(p.hedging, Hedging::Reported);
    /// ```
    pub fn new(actor: impl Into<Key>, stance: impl Into<Key>, polarity: Polarity) -> Self {
        Position {
            actor: actor.into(),
            stance: stance.into(),
            polarity,
            from: None,
            until: None,
            hedging: Hedging::default(),
            meeting: None,
            evidence: Vec::new(),
            note: None,
        }
    }

    /// Sets the first day it held.
    ///
    /// ```
    /// use diplograph::{Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Supports).from("2025".parse()?);
    /// assert!(p.from.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn from(mut self, date: PartialDate) -> Self {
        self.from = Some(date);
        self
    }

    /// Sets the first day it no longer held.
    ///
    /// ```
    /// use diplograph::{Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Supports).until("2025-08-18".parse()?);
    /// assert!(p.until.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn until(mut self, date: PartialDate) -> Self {
        self.until = Some(date);
        self
    }

    /// Sets the hedging.
    ///
    /// ```
    /// use diplograph::{Hedging, Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Opposes).hedging(Hedging::Alleged);
    /// assert_eq!(p.hedging, Hedging::Alleged);
    /// ```
    #[must_use]
    pub fn hedging(mut self, hedging: Hedging) -> Self {
        self.hedging = hedging;
        self
    }

    /// Names the meeting where it was expressed.
    ///
    /// ```
    /// use diplograph::{Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Supports).meeting("washington");
    /// assert!(p.meeting.is_some());
    /// ```
    #[must_use]
    pub fn meeting(mut self, meeting: impl Into<Key>) -> Self {
        self.meeting = Some(meeting.into());
        self
    }

    /// Adds evidence.
    ///
    /// ```
    /// use diplograph::{Evidence, Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Supports).evidence(Evidence::new("r", "A backs S."));
    /// assert_eq!(p.evidence.len(), 1);
    /// ```
    #[must_use]
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        super::push_small(&mut self.evidence, evidence);
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// use diplograph::{Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Conditional).note("if Europe leads");
    /// assert!(p.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// When it held.
    ///
    /// ```
    /// use diplograph::{Polarity, Position};
    /// let p = Position::new("a", "s", Polarity::Supports).until("2025-08-18".parse()?);
    /// assert_eq!(p.validity().to_string(), "until 2025-08-18");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn validity(&self) -> Validity {
        Validity {
            from: self.from,
            until: self.until,
        }
    }
}

/// Where an actor stands on a stance.
///
/// ```
/// use diplograph::{Polarity, PositionQuery};
/// let graph = diplograph::datasets::washington_2025();
/// let nato = graph.find_stance("NATO membership for Ukraine")?;
/// let m = graph.positions(PositionQuery::on(nato)).next().unwrap();
/// assert_eq!(m.position.polarity, Polarity::Opposes);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// For it.
    Supports,
    /// Against it.
    Opposes,
    /// Declines to take a side when asked to (a vote, a declaration).
    Abstains,
    /// Takes no side.
    Neutral,
    /// For it only under a condition (say which in the note).
    Conditional,
}

impl Polarity {
    /// The word used in datasets and reports: "supports", "opposes".
    ///
    /// ```
    /// assert_eq!(diplograph::Polarity::Opposes.as_str(), "opposes");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Supports => "supports",
            Polarity::Opposes => "opposes",
            Polarity::Abstains => "abstains",
            Polarity::Neutral => "neutral",
            Polarity::Conditional => "conditional",
        }
    }
}

/// How directly a source attributes a position or act.
///
/// Defaults to `Reported`.
///
/// ```
/// use diplograph::{Hedging, PositionQuery};
/// let graph = diplograph::datasets::washington_2025();
/// let nato = graph.find_stance("ukraine-nato-membership")?;
/// // "Reports suggest the U.S. administration is weighing..."
/// let m = graph.positions(PositionQuery::on(nato)).next().unwrap();
/// assert_eq!(m.position.hedging, Hedging::Alleged);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Hedging {
    /// The actor said so on the record ("Zelenskyy has publicly rejected...").
    Stated,
    /// The source reports it as fact ("Trump signalled...").
    #[default]
    Reported,
    /// The source hedges ("Reports suggest...").
    Alleged,
    /// The curator concluded it from the text; the source does not say it outright.
    Inferred,
}

impl Hedging {
    /// The word used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::Hedging::Alleged.as_str(), "alleged");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Hedging::Stated => "stated",
            Hedging::Reported => "reported",
            Hedging::Alleged => "alleged",
            Hedging::Inferred => "inferred",
        }
    }
}
