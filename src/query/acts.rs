//! Acts between actors: who criticised, praised or pushed back against whom.

use crate::DiplomaticGraph;
use crate::graph::to_u32;
use crate::model::{Act, ActId, ActKind, ActorId, MeetingId, PartialDate, StanceId};

use super::Cited;

/// Which acts to return: options for [`DiplomaticGraph::acts`].
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, ActKind, ActQuery};
///
/// let graph = datasets::washington_2025();
/// let zelenskyy = graph.find_actor("Zelenskyy")?;
/// // Q9: who criticised Zelenskyy, and when?
/// let critics: Vec<(&str, String)> = graph
///     .acts(ActQuery::towards(zelenskyy).kind(ActKind::Criticised))
///     .map(|m| (graph.actor(m.actor).unwrap().name.as_str(), m.act.date.unwrap().to_string()))
///     .collect();
/// assert_eq!(critics, [("Donald Trump", "2025-02".to_string()), ("JD Vance", "2025-02".to_string())]);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct ActQuery {
    kinds: Kinds,
    actor: Option<ActorId>,
    target: Option<ActorId>,
    stance: Option<StanceId>,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    known_at: Option<PartialDate>,
}

/// A set of act kinds, one bit each (by `ActKind::index`); empty means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Kinds(u32);

impl Kinds {
    fn bit(kind: ActKind) -> u32 {
        1_u32.checked_shl(to_u32(kind.index())).unwrap_or(0)
    }

    fn allows(self, kind: ActKind) -> bool {
        self.0 == 0 || self.0 & Self::bit(kind) != 0
    }

    /// The kind, when the set holds exactly one.
    fn single(self) -> Option<ActKind> {
        if self.0.count_ones() != 1 {
            return None;
        }
        ActKind::ALL
            .get(usize::try_from(self.0.trailing_zeros()).ok()?)
            .copied()
    }
}

impl ActQuery {
    /// Every act.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.acts(diplograph::ActQuery::all()).count(), graph.counts().acts);
    /// ```
    pub fn all() -> Self {
        ActQuery::default()
    }

    /// Acts towards this actor.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let trump = graph.find_actor("Trump")?;
    /// assert!(graph.acts(diplograph::ActQuery::towards(trump)).count() >= 3);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn towards(target: ActorId) -> Self {
        ActQuery {
            target: Some(target),
            ..Self::default()
        }
    }

    /// Acts by this actor.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let rutte = graph.find_actor("Rutte")?;
    /// assert_eq!(graph.acts(diplograph::ActQuery::by(rutte)).count(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn by(actor: ActorId) -> Self {
        ActQuery {
            actor: Some(actor),
            ..Self::default()
        }
    }

    /// Also requires this actor to be the one acting.
    ///
    /// ```
    /// use diplograph::ActQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let (vance, zelenskyy) = (graph.find_actor("Vance")?, graph.find_actor("Zelenskyy")?);
    /// assert_eq!(graph.acts(ActQuery::towards(zelenskyy).from_actor(vance)).count(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn from_actor(mut self, actor: ActorId) -> Self {
        self.actor = Some(actor);
        self
    }

    /// Also requires this actor to be the target.
    ///
    /// ```
    /// use diplograph::ActQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let (macron, trump) = (graph.find_actor("Macron")?, graph.find_actor("Trump")?);
    /// assert_eq!(graph.acts(ActQuery::by(macron).to_actor(trump)).count(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn to_actor(mut self, target: ActorId) -> Self {
        self.target = Some(target);
        self
    }

    /// Only acts of this kind; call again to allow several.
    ///
    /// ```
    /// use diplograph::{ActKind, ActQuery};
    /// let graph = diplograph::datasets::washington_2025();
    /// let q = ActQuery::all().kind(ActKind::Praised).kind(ActKind::Thanked);
    /// assert_eq!(graph.acts(q).count(), 2);
    /// ```
    pub fn kind(mut self, kind: ActKind) -> Self {
        self.kinds.0 |= Kinds::bit(kind);
        self
    }

    /// Only acts concerning this stance.
    ///
    /// ```
    /// use diplograph::ActQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let ceasefire = graph.find_stance("ceasefire")?;
    /// assert_eq!(graph.acts(ActQuery::all().about(ceasefire)).count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn about(mut self, stance: StanceId) -> Self {
        self.stance = Some(stance);
        self
    }

    /// Only dated acts within `from`..=`until` (whole days of both included).
    ///
    /// ```
    /// use diplograph::ActQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let feb = ActQuery::all().between("2025-02".parse()?, "2025-02".parse()?);
    /// assert_eq!(graph.acts(feb).count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn between(mut self, from: PartialDate, until: PartialDate) -> Self {
        self.from = Some(from);
        self.until = Some(until);
        self
    }

    /// Only acts reported by sources published by the last day of `date`.
    ///
    /// ```
    /// use diplograph::ActQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.acts(ActQuery::all().known_at("2025-07".parse()?)).count(), 0);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn known_at(mut self, date: PartialDate) -> Self {
        self.known_at = Some(date);
        self
    }
}

impl From<ActKind> for ActQuery {
    fn from(kind: ActKind) -> Self {
        ActQuery::all().kind(kind)
    }
}

/// An act found by a query, with its evidence.
///
/// ```
/// use diplograph::{ActKind, ActQuery};
/// let graph = diplograph::datasets::washington_2025();
/// let m = graph.acts(ActKind::Thanked).next().unwrap();
/// assert_eq!(graph.actor(m.target).unwrap().name, "Donald Trump");
/// assert!(m.evidence().next().unwrap().quote().unwrap().contains("gratitude"));
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ActMatch<'g> {
    /// The act's id.
    pub id: ActId,
    /// The act.
    pub act: &'g Act,
    /// Who acted.
    pub actor: ActorId,
    /// Towards whom.
    pub target: ActorId,
    /// The meeting where it happened, if any.
    pub meeting: Option<MeetingId>,
    /// The stance it concerns, if any.
    pub stance: Option<StanceId>,
    known_at: Option<PartialDate>,
    graph: &'g DiplomaticGraph,
}

impl<'g> ActMatch<'g> {
    /// The evidence that counts for this query, with its sources.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let m = graph.acts(diplograph::ActQuery::all()).next().unwrap();
    /// assert!(m.evidence().next().is_some());
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = Cited<'g>> + 'g {
        self.graph.cited(&self.act.evidence, self.known_at)
    }
}

impl DiplomaticGraph {
    /// Acts matching a query, in insertion order.
    ///
    /// **Cost**: with one kind and a target, linear in the acts of that kind
    /// towards the target; with a target, in the acts towards it; with an
    /// actor, in the acts by it; with one kind, in the acts of that kind;
    /// otherwise in all acts.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, ActKind, ActQuery};
    ///
    /// let graph = datasets::washington_2025();
    /// let trump = graph.find_actor("Trump")?;
    /// // Q13: who pushed back against Trump?
    /// let who: Vec<&str> = graph
    ///     .acts(ActQuery::towards(trump).kind(ActKind::PushedBack))
    ///     .map(|m| graph.actor(m.actor).unwrap().name.as_str())
    ///     .collect();
    /// assert_eq!(who, ["Emmanuel Macron", "Friedrich Merz"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn acts(&self, query: impl Into<ActQuery>) -> impl Iterator<Item = ActMatch<'_>> + '_ {
        let q = query.into();
        let index = &self.index;
        let list: Option<&[ActId]> = match (q.kinds.single(), q.target, q.actor) {
            (Some(kind), Some(target), _) => Some(index.acts_of_kind_towards(kind, target)),
            (_, Some(target), _) => Some(
                index
                    .acts_by_target
                    .get(target.index())
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            ),
            (_, None, Some(actor)) => Some(
                index
                    .acts_by_actor
                    .get(actor.index())
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            ),
            (Some(kind), None, None) => Some(
                index
                    .acts_by_kind
                    .get(kind.index())
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            ),
            _ => None,
        };
        let ids = match list {
            Some(list) => Ids::List(list.iter()),
            None => Ids::All(0..self.acts.len()),
        };
        let known_day = q.known_at.map(super::Day::last_of);
        // The window packed once: an act's first day against `from`'s, its
        // last day against `until`'s (as `known_at` compares them).
        let window = (
            q.from.map(super::first_key),
            q.until.map(super::Day::last_of),
        );
        ids.filter_map(move |id| {
            let e = self.acts.get(id.index())?;
            let a = &e.act;
            let in_window = match window {
                (None, None) => true,
                (from, until) => a.date.is_some_and(|d| {
                    from.is_none_or(|f| super::first_key(d) >= f)
                        && until.is_none_or(|u| u.has_seen(d))
                }),
            };
            let keep = in_window
                && q.kinds.allows(a.kind)
                && q.actor.is_none_or(|x| x == e.actor)
                && q.target.is_none_or(|x| x == e.target)
                && q.stance.is_none_or(|s| e.stance == Some(s))
                && self.known_by(&a.evidence, known_day);
            keep.then_some(ActMatch {
                id,
                act: a,
                actor: e.actor,
                target: e.target,
                meeting: e.meeting,
                stance: e.stance,
                known_at: q.known_at,
                graph: self,
            })
        })
    }
}

/// The act ids a query walks: one index list, or every act. An enum
/// rather than a boxed iterator or a chain, so a query allocates nothing
/// and each step is one branch.
enum Ids<'g> {
    List(std::slice::Iter<'g, ActId>),
    All(std::ops::Range<usize>),
}

impl Iterator for Ids<'_> {
    type Item = ActId;

    #[inline]
    fn next(&mut self) -> Option<ActId> {
        match self {
            Ids::List(ids) => ids.next().copied(),
            Ids::All(ids) => ids.next().map(|i| ActId(to_u32(i))),
        }
    }
}
