//! Meetings: summits, visits, calls, held or only planned, and who took part.

use serde::{Deserialize, Serialize};

use super::{Evidence, Key, PartialDate};

/// A meeting between actors: a summit, a visit, a phone call, a negotiation
/// round. It may have been held, or only planned or proposed.
///
/// # Examples
///
/// ```
/// use diplograph::{Meeting, MeetingKind, MeetingStatus, Participant, Role, Tone};
///
/// let alaska = Meeting::new("alaska-summit", "Alaska summit", MeetingKind::Summit)
///     .date("2025-08-15".parse()?)
///     .place("Anchorage, Alaska")
///     .participant(Participant::new("trump").role(Role::Host))
///     .participant(Participant::new("putin").role(Role::Guest))
///     .tone(Tone::Cautious);
/// assert_eq!(alaska.status, MeetingStatus::Held);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Meeting {
    /// The stable key, such as `alaska-summit-2025-08-15`.
    pub key: Key,
    /// A short title.
    pub title: String,
    /// What sort of meeting.
    pub kind: MeetingKind,
    /// Whether it took place.
    #[serde(default)]
    pub status: MeetingStatus,
    /// The (first) day, if known, at the precision the source gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The last day of a meeting spanning several days (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Where, as the source names it ("Oval Office, White House, Washington").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who took part, and in what role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// The atmosphere, as reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
    /// What reports the meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Meeting {
    /// A held meeting with a key, title and kind, and nothing else yet.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind};
    /// let m = Meeting::new("call", "Phone call", MeetingKind::Call);
    /// assert!(m.participants.is_empty());
    /// ```
    pub fn new(key: impl Into<Key>, title: impl Into<String>, kind: MeetingKind) -> Self {
        Meeting {
            key: key.into(),
            title: title.into(),
            kind,
            status: MeetingStatus::default(),
            date: None,
            end: None,
            place: None,
            participants: Vec::new(),
            tone: None,
            evidence: Vec::new(),
            note: None,
        }
    }

    /// Sets the status.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind, MeetingStatus};
    /// let m = Meeting::new("t", "Trilateral", MeetingKind::Multilateral).status(MeetingStatus::Proposed);
    /// assert_eq!(m.status, MeetingStatus::Proposed);
    /// ```
    #[must_use]
    pub fn status(mut self, status: MeetingStatus) -> Self {
        self.status = status;
        self
    }

    /// Sets the (first) day.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind};
    /// let m = Meeting::new("v", "Visit", MeetingKind::Visit).date("2025-02".parse()?);
    /// assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2025-02"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn date(mut self, date: PartialDate) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the last day of a meeting over several days.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind};
    /// let m = Meeting::new("s", "Summit", MeetingKind::Summit)
    ///     .date("2025-06-24".parse()?)
    ///     .end("2025-06-25".parse()?);
    /// assert!(m.end.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn end(mut self, date: PartialDate) -> Self {
        self.end = Some(date);
        self
    }

    /// Sets the place.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind};
    /// let m = Meeting::new("s", "Summit", MeetingKind::Summit).place("Anchorage, Alaska");
    /// assert_eq!(m.place.as_deref(), Some("Anchorage, Alaska"));
    /// ```
    #[must_use]
    pub fn place(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// Adds a participant.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind, Participant};
    /// let m = Meeting::new("c", "Call", MeetingKind::Call).participant(Participant::new("trump"));
    /// assert_eq!(m.participants.len(), 1);
    /// ```
    #[must_use]
    pub fn participant(mut self, participant: Participant) -> Self {
        super::push_small(&mut self.participants, participant);
        self
    }

    /// Sets the tone.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind, Tone};
    /// let m = Meeting::new("w", "Talks", MeetingKind::Bilateral).tone(Tone::Warm);
    /// assert_eq!(m.tone, Some(Tone::Warm));
    /// ```
    #[must_use]
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = Some(tone);
        self
    }

    /// Adds evidence.
    ///
    /// ```
    /// use diplograph::{Evidence, Meeting, MeetingKind};
    /// let m = Meeting::new("w", "Talks", MeetingKind::Bilateral).evidence(Evidence::new("r", "They met."));
    /// assert_eq!(m.evidence.len(), 1);
    /// ```
    #[must_use]
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        super::push_small(&mut self.evidence, evidence);
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// use diplograph::{Meeting, MeetingKind};
    /// let m = Meeting::new("w", "Talks", MeetingKind::Bilateral).note("date from the public record");
    /// assert!(m.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// What sort of meeting a [`Meeting`] is.
///
/// ```
/// use diplograph::MeetingKind;
/// let graph = diplograph::datasets::washington_2025();
/// let alaska = graph.meeting(graph.find_meeting("alaska")?).unwrap();
/// assert_eq!(alaska.kind, MeetingKind::Summit);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingKind {
    /// Two parties meet.
    Bilateral,
    /// More than two parties meet.
    Multilateral,
    /// A meeting of heads of state or government.
    Summit,
    /// One party visits another (visitor and host).
    Visit,
    /// A telephone or video call.
    Call,
    /// Consultations short of negotiation.
    Consultation,
    /// Formal negotiations.
    Negotiation,
    /// Talks brokered by a mediator.
    Mediation,
    /// A conference with many participants.
    Conference,
}

impl MeetingKind {
    /// The lower-case words used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::MeetingKind::Call.as_str(), "call");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Bilateral => "bilateral",
            MeetingKind::Multilateral => "multilateral",
            MeetingKind::Summit => "summit",
            MeetingKind::Visit => "visit",
            MeetingKind::Call => "call",
            MeetingKind::Consultation => "consultation",
            MeetingKind::Negotiation => "negotiation",
            MeetingKind::Mediation => "mediation",
            MeetingKind::Conference => "conference",
        }
    }
}

/// Whether a [`Meeting`] took place.
///
/// Defaults to `Held`.
///
/// ```
/// use diplograph::MeetingStatus;
/// assert_eq!(MeetingStatus::default(), MeetingStatus::Held);
/// let graph = diplograph::datasets::washington_2025();
/// assert_eq!(graph.meetings(MeetingStatus::Planned).count(), 1);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingStatus {
    /// It took place.
    #[default]
    Held,
    /// It is scheduled or announced.
    Planned,
    /// Someone suggested it; nothing is agreed.
    Proposed,
    /// It was called off.
    Cancelled,
    /// It was put off to a later date.
    Postponed,
    /// The sources disagree or do not say.
    Uncertain,
}

impl MeetingStatus {
    /// Every status, in declaration order.
    ///
    /// ```
    /// assert_eq!(diplograph::MeetingStatus::ALL.len(), 6);
    /// ```
    pub const ALL: [MeetingStatus; 6] = [
        MeetingStatus::Held,
        MeetingStatus::Planned,
        MeetingStatus::Proposed,
        MeetingStatus::Cancelled,
        MeetingStatus::Postponed,
        MeetingStatus::Uncertain,
    ];

    /// The lower-case word used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::MeetingStatus::Proposed.as_str(), "proposed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Proposed => "proposed",
            MeetingStatus::Cancelled => "cancelled",
            MeetingStatus::Postponed => "postponed",
            MeetingStatus::Uncertain => "uncertain",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// An actor's part in a [`Meeting`].
///
/// # Examples
///
/// ```
/// use diplograph::{Participant, Role};
///
/// let p = Participant::new("macron").role(Role::DelegationMember);
/// assert_eq!(p.role, Role::DelegationMember);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Participant {
    /// The actor, by key.
    pub actor: Key,
    /// The part the actor played.
    #[serde(default)]
    pub role: Role,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Participant {
    /// The actor with key `actor`, as a plain participant.
    ///
    /// ```
    /// let p = diplograph::Participant::new("putin");
    /// assert_eq!(p.role, diplograph::Role::Participant);
    /// ```
    pub fn new(actor: impl Into<Key>) -> Self {
        Participant {
            actor: actor.into(),
            role: Role::default(),
            note: None,
        }
    }

    /// Sets the role.
    ///
    /// ```
    /// use diplograph::{Participant, Role};
    /// assert_eq!(Participant::new("trump").role(Role::Host).role, Role::Host);
    /// ```
    #[must_use]
    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// let p = diplograph::Participant::new("vance").note("present, per the report");
    /// assert!(p.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// The part an actor plays in a [`Meeting`].
///
/// ```
/// use diplograph::Role;
/// let graph = diplograph::datasets::washington_2025();
/// let washington = graph.find_meeting("washington-2025-08-18")?;
/// let hosts: Vec<_> = graph.participants(washington).filter(|(_, p)| p.role == Role::Host).collect();
/// assert_eq!(hosts.len(), 1);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Took part, no role given.
    #[default]
    Participant,
    /// Received the others.
    Host,
    /// Was received.
    Guest,
    /// Brokered the talks.
    Mediator,
    /// Came as a delegation.
    Delegation,
    /// Came as part of a delegation.
    DelegationMember,
    /// Attended without taking part.
    Observer,
}

impl Role {
    /// The words used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::Role::DelegationMember.as_str(), "delegation member");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Host => "host",
            Role::Guest => "guest",
            Role::Mediator => "mediator",
            Role::Delegation => "delegation",
            Role::DelegationMember => "delegation member",
            Role::Observer => "observer",
        }
    }
}

/// The reported atmosphere of a [`Meeting`], from hostile to warm.
///
/// ```
/// use diplograph::Tone;
/// assert!(Tone::Hostile < Tone::Cautious && Tone::Cautious < Tone::Warm);
/// ```
///
/// The variants are ordered: `Tone::Hostile < Tone::Warm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tone {
    /// Open confrontation.
    Hostile,
    /// Strained, with visible friction.
    Tense,
    /// Correct but distant.
    Cool,
    /// Nothing reported either way.
    Neutral,
    /// Guarded, "cautious optimism".
    Cautious,
    /// Friendly and businesslike.
    Cordial,
    /// Warm, a united front.
    Warm,
}

impl Tone {
    /// The lower-case word used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::Tone::Hostile.as_str(), "hostile");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Hostile => "hostile",
            Tone::Tense => "tense",
            Tone::Cool => "cool",
            Tone::Neutral => "neutral",
            Tone::Cautious => "cautious",
            Tone::Cordial => "cordial",
            Tone::Warm => "warm",
        }
    }
}
