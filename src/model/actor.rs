//! Actors: people, states, organisations, groups, and the offices and links
//! between them.

use serde::{Deserialize, Serialize};

use super::{Evidence, Key, PartialDate, Validity};

/// Someone or something that takes part in diplomacy.
///
/// # Examples
///
/// ```
/// use diplograph::{Actor, ActorKind, Link, LinkKind, Office};
///
/// let zelenskyy = Actor::new("zelenskyy", "Volodymyr Zelenskyy", ActorKind::Person)
///     .alias("Zelensky")
///     .alias("Zelenskiy")
///     .office(Office::new("President of Ukraine").of("ukraine"))
///     .link(Link::new(LinkKind::Represents, "ukraine"));
/// assert_eq!(zelenskyy.aliases.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Actor {
    /// The stable key, such as `trump`.
    pub key: Key,
    /// The name to show, such as "Donald Trump".
    pub name: String,
    /// What sort of actor this is.
    pub kind: ActorKind,
    /// Other names that resolve to this actor ("Zelensky", "JD Vance").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Offices held, each with its validity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
    /// Links to other actors: whom this actor represents, what it is a member of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Actor {
    /// An actor with a key, a name and a kind.
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind};
    /// let nato = Actor::new("nato", "NATO", ActorKind::Organisation);
    /// assert_eq!(nato.kind, ActorKind::Organisation);
    /// ```
    pub fn new(key: impl Into<Key>, name: impl Into<String>, kind: ActorKind) -> Self {
        Actor {
            key: key.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            offices: Vec::new(),
            links: Vec::new(),
            note: None,
        }
    }

    /// Adds another name for this actor.
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind};
    /// let a = Actor::new("vance", "JD Vance", ActorKind::Person).alias("J.D. Vance");
    /// assert_eq!(a.aliases, ["J.D. Vance"]);
    /// ```
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        super::push_small(&mut self.aliases, alias.into());
        self
    }

    /// Adds an office.
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Office};
    /// let a = Actor::new("rutte", "Mark Rutte", ActorKind::Person)
    ///     .office(Office::new("Secretary General of NATO").of("nato"));
    /// assert_eq!(a.offices[0].title, "Secretary General of NATO");
    /// ```
    #[must_use]
    pub fn office(mut self, office: Office) -> Self {
        super::push_small(&mut self.offices, office);
        self
    }

    /// Adds a link to another actor.
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Link, LinkKind};
    /// let a = Actor::new("merz", "Friedrich Merz", ActorKind::Person)
    ///     .link(Link::new(LinkKind::Represents, "germany"));
    /// assert_eq!(a.links[0].target.as_str(), "germany");
    /// ```
    #[must_use]
    pub fn link(mut self, link: Link) -> Self {
        super::push_small(&mut self.links, link);
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind};
    /// let a = Actor::new("x", "X", ActorKind::Group).note("as named in the report");
    /// assert!(a.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// What sort of actor an [`Actor`] is.
///
/// ```
/// use diplograph::ActorKind;
/// let graph = diplograph::datasets::washington_2025();
/// let nato = graph.find_actor("NATO")?;
/// assert_eq!(graph.actor(nato).unwrap().kind, ActorKind::Organisation);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A person: a head of state, a minister, an envoy.
    Person,
    /// A sovereign state.
    State,
    /// An international or national organisation: NATO, the UN, an agency.
    Organisation,
    /// A government or administration acting as one ("the U.S. administration").
    Government,
    /// An informal group or bloc ("European leaders", "European officials").
    Group,
    /// A delegation sent to a meeting.
    Delegation,
    /// A non-state armed or political movement.
    Movement,
    /// Anything else; say what in the note.
    Other,
}

impl ActorKind {
    /// The lower-case word used in datasets and reports.
    ///
    /// ```
    /// assert_eq!(diplograph::ActorKind::Organisation.as_str(), "organisation");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Government => "government",
            ActorKind::Group => "group",
            ActorKind::Delegation => "delegation",
            ActorKind::Movement => "movement",
            ActorKind::Other => "other",
        }
    }
}

/// An office an actor holds: "President of Ukraine", "Secretary General of NATO".
///
/// # Examples
///
/// ```
/// use diplograph::Office;
///
/// let office = Office::new("Chancellor of Germany").of("germany").from("2025-05-06".parse()?);
/// assert_eq!(office.of.as_ref().map(|k| k.as_str()), Some("germany"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Office {
    /// The title of the office.
    pub title: String,
    /// The state or organisation the office belongs to, by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Key>,
    /// The first day the office was held, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// The first day it was no longer held, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// What says the actor holds it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Office {
    /// An office with a title, held at an unknown time.
    ///
    /// ```
    /// let o = diplograph::Office::new("Vice President of the United States");
    /// assert_eq!(o.from, None);
    /// ```
    pub fn new(title: impl Into<String>) -> Self {
        Office {
            title: title.into(),
            of: None,
            from: None,
            until: None,
            evidence: Vec::new(),
            note: None,
        }
    }

    /// Names the state or organisation the office belongs to.
    ///
    /// ```
    /// let o = diplograph::Office::new("Secretary General").of("nato");
    /// assert!(o.of.is_some());
    /// ```
    #[must_use]
    pub fn of(mut self, actor: impl Into<Key>) -> Self {
        self.of = Some(actor.into());
        self
    }

    /// Sets the first day the office was held.
    ///
    /// ```
    /// let o = diplograph::Office::new("P").from("2019-05-20".parse()?);
    /// assert!(o.from.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn from(mut self, date: PartialDate) -> Self {
        self.from = Some(date);
        self
    }

    /// Sets the first day the office was no longer held.
    ///
    /// ```
    /// let o = diplograph::Office::new("P").until("2025-01-20".parse()?);
    /// assert!(o.until.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn until(mut self, date: PartialDate) -> Self {
        self.until = Some(date);
        self
    }

    /// Adds evidence.
    ///
    /// ```
    /// use diplograph::{Evidence, Office};
    /// let o = Office::new("P").evidence(Evidence::new("report", "President X said..."));
    /// assert_eq!(o.evidence.len(), 1);
    /// ```
    #[must_use]
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        super::push_small(&mut self.evidence, evidence);
        self
    }

    /// When the office was held.
    ///
    /// ```
    /// let o = diplograph::Office::new("P").from("2019".parse()?);
    /// assert_eq!(o.validity().to_string(), "since 2019");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn validity(&self) -> Validity {
        Validity {
            from: self.from,
            until: self.until,
        }
    }
}

/// A relation from one actor to another that is not an event: whom a person
/// represents, what a state is a member of.
///
/// # Examples
///
/// ```
/// use diplograph::{Link, LinkKind};
///
/// let link = Link::new(LinkKind::MemberOf, "european-leaders");
/// assert_eq!(link.kind, LinkKind::MemberOf);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Link {
    /// What the relation is.
    pub kind: LinkKind,
    /// The other actor, by key.
    pub target: Key,
    /// The first day the link held, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// The first day it no longer held, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// What supports it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Link {
    /// A link of `kind` to the actor with key `target`.
    ///
    /// ```
    /// use diplograph::{Link, LinkKind};
    /// let l = Link::new(LinkKind::Represents, "france");
    /// assert_eq!(l.target.as_str(), "france");
    /// ```
    pub fn new(kind: LinkKind, target: impl Into<Key>) -> Self {
        Link {
            kind,
            target: target.into(),
            from: None,
            until: None,
            evidence: Vec::new(),
            note: None,
        }
    }

    /// Adds evidence.
    ///
    /// ```
    /// use diplograph::{Evidence, Link, LinkKind};
    /// let l = Link::new(LinkKind::Represents, "france").evidence(Evidence::new("r", "French President Emmanuel Macron"));
    /// assert_eq!(l.evidence.len(), 1);
    /// ```
    #[must_use]
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        super::push_small(&mut self.evidence, evidence);
        self
    }

    /// When the link held.
    ///
    /// ```
    /// use diplograph::{Link, LinkKind};
    /// assert_eq!(Link::new(LinkKind::MemberOf, "nato").validity().from, None);
    /// ```
    pub fn validity(&self) -> Validity {
        Validity {
            from: self.from,
            until: self.until,
        }
    }
}

/// What a [`Link`] says.
///
/// ```
/// use diplograph::LinkKind;
/// let graph = diplograph::datasets::washington_2025();
/// let macron = graph.actor(graph.find_actor("Macron")?).unwrap();
/// assert!(macron.links.iter().any(|l| l.kind == LinkKind::MemberOf && l.target == "european-leaders"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LinkKind {
    /// A person or delegation acts for a state or organisation.
    Represents,
    /// A member of an organisation, group or bloc.
    MemberOf,
    /// A part of a larger actor (an administration of a state).
    PartOf,
    /// Allied with, without membership.
    AlliedWith,
}

impl LinkKind {
    /// The words used in reports: "represents", "member of".
    ///
    /// ```
    /// assert_eq!(diplograph::LinkKind::MemberOf.as_str(), "member of");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Represents => "represents",
            LinkKind::MemberOf => "member of",
            LinkKind::PartOf => "part of",
            LinkKind::AlliedWith => "allied with",
        }
    }
}
