//! Acts: what one actor did to another (criticised, praised, pushed back...).

use serde::{Deserialize, Serialize};

use super::{Evidence, Hedging, Key, PartialDate};

/// Something one actor did towards another: criticised, praised, thanked,
/// pushed back against, threatened, invited.
///
/// # Examples
///
/// ```
/// use diplograph::{Act, ActKind, Evidence};
///
/// let act = Act::new("macron", ActKind::PushedBack, "trump")
///     .date("2025-08-18".parse()?)
///     .meeting("washington-2025-08-18")
///     .stance("ceasefire-first")
///     .evidence(Evidence::new("report", "European leaders ... pushed back"));
/// assert_eq!(act.kind.as_str(), "pushed back against");
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Act {
    /// Who acted, by key.
    pub actor: Key,
    /// What they did.
    pub kind: ActKind,
    /// Towards whom, by key.
    pub target: Key,
    /// When, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The meeting where it happened, by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Key>,
    /// The stance it concerns, by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Key>,
    /// How directly the source attributes it.
    #[serde(default)]
    pub hedging: Hedging,
    /// What supports it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A curator's remark, such as what it was about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Act {
    /// `actor` did `kind` towards `target`, at an unknown time, as reported.
    ///
    /// ```
    /// use diplograph::{Act, ActKind};
    /// let a = Act::new("zelenskyy", ActKind::Thanked, "trump");
    /// assert_eq!(a.target.as_str(), "trump");
    /// ```
    pub fn new(actor: impl Into<Key>, kind: ActKind, target: impl Into<Key>) -> Self {
        Act {
            actor: actor.into(),
            kind,
            target: target.into(),
            date: None,
            meeting: None,
            stance: None,
            hedging: Hedging::default(),
            evidence: Vec::new(),
            note: None,
        }
    }

    /// Sets the date.
    ///
    /// ```
    /// use diplograph::{Act, ActKind};
    /// let a = Act::new("a", ActKind::Praised, "b").date("2025-02".parse()?);
    /// assert!(a.date.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn date(mut self, date: PartialDate) -> Self {
        self.date = Some(date);
        self
    }

    /// Names the meeting where it happened.
    ///
    /// ```
    /// use diplograph::{Act, ActKind};
    /// let a = Act::new("a", ActKind::Praised, "b").meeting("m");
    /// assert!(a.meeting.is_some());
    /// ```
    #[must_use]
    pub fn meeting(mut self, meeting: impl Into<Key>) -> Self {
        self.meeting = Some(meeting.into());
        self
    }

    /// Names the stance it concerns.
    ///
    /// ```
    /// use diplograph::{Act, ActKind};
    /// let a = Act::new("a", ActKind::Criticised, "b").stance("s");
    /// assert!(a.stance.is_some());
    /// ```
    #[must_use]
    pub fn stance(mut self, stance: impl Into<Key>) -> Self {
        self.stance = Some(stance.into());
        self
    }

    /// Sets the hedging.
    ///
    /// ```
    /// use diplograph::{Act, ActKind, Hedging};
    /// let a = Act::new("a", ActKind::Threatened, "b").hedging(Hedging::Alleged);
    /// assert_eq!(a.hedging, Hedging::Alleged);
    /// ```
    #[must_use]
    pub fn hedging(mut self, hedging: Hedging) -> Self {
        self.hedging = hedging;
        self
    }

    /// Adds evidence.
    ///
    /// ```
    /// use diplograph::{Act, ActKind, Evidence};
    /// let a = Act::new("a", ActKind::Thanked, "b").evidence(Evidence::new("r", "A thanked B."));
    /// assert_eq!(a.evidence.len(), 1);
    /// ```
    #[must_use]
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        super::push_small(&mut self.evidence, evidence);
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// use diplograph::{Act, ActKind};
    /// let a = Act::new("a", ActKind::Criticised, "b").note("over military aid");
    /// assert!(a.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// What an [`Act`] was.
///
/// Written in datasets in snake case: `"pushed_back"`.
///
/// ```
/// use diplograph::ActKind;
/// let kind: ActKind = serde_json::from_str("\"pushed_back\"")?;
/// assert_eq!(kind, ActKind::PushedBack);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActKind {
    /// Spoke well of.
    Praised,
    /// Expressed gratitude to.
    Thanked,
    /// Backed, endorsed.
    Supported,
    /// Found fault with.
    Criticised,
    /// Accused of wrongdoing.
    Accused,
    /// Pushed back against, disputed.
    PushedBack,
    /// Rejected a proposal or demand of.
    Rejected,
    /// Demanded something of.
    Demanded,
    /// Warned.
    Warned,
    /// Threatened.
    Threatened,
    /// Invited.
    Invited,
    /// Appealed to, requested something of.
    Appealed,
    /// Imposed sanctions on.
    Sanctioned,
}

impl ActKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// assert!(diplograph::ActKind::ALL.contains(&diplograph::ActKind::Threatened));
    /// ```
    pub const ALL: [ActKind; 13] = [
        ActKind::Praised,
        ActKind::Thanked,
        ActKind::Supported,
        ActKind::Criticised,
        ActKind::Accused,
        ActKind::PushedBack,
        ActKind::Rejected,
        ActKind::Demanded,
        ActKind::Warned,
        ActKind::Threatened,
        ActKind::Invited,
        ActKind::Appealed,
        ActKind::Sanctioned,
    ];

    /// The position of this kind in [`ALL`](Self::ALL).
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The words used in reports: "criticised", "pushed back against".
    ///
    /// ```
    /// assert_eq!(diplograph::ActKind::Criticised.as_str(), "criticised");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ActKind::Praised => "praised",
            ActKind::Thanked => "thanked",
            ActKind::Supported => "supported",
            ActKind::Criticised => "criticised",
            ActKind::Accused => "accused",
            ActKind::PushedBack => "pushed back against",
            ActKind::Rejected => "rejected",
            ActKind::Demanded => "demanded",
            ActKind::Warned => "warned",
            ActKind::Threatened => "threatened",
            ActKind::Invited => "invited",
            ActKind::Appealed => "appealed to",
            ActKind::Sanctioned => "sanctioned",
        }
    }
}
