//! Positions on stances: who stands where, since when, who changed, who
//! agrees; and offices as of a date.

use crate::DiplomaticGraph;
use crate::graph::to_u32;
use crate::model::{
    ActorId, Certainty, MeetingId, Office, PartialDate, Polarity, Position, PositionId, StanceId,
};

use super::{Cited, Day};

/// Which positions to return: options for [`DiplomaticGraph::positions`].
///
/// Without [`as_of`](Self::as_of) or [`latest`](Self::latest) a query returns
/// every position ever recorded ("who *opposed*"); with `as_of(d)` only those
/// that held on `d` ("who *opposes*, as of d").
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, Polarity, PositionQuery};
///
/// let graph = datasets::washington_2025();
/// let ceasefire = graph.find_stance("ceasefire-first")?;
/// let trump = graph.find_actor("Trump")?;
/// // Q4: Trump's position before the Washington meeting.
/// let before: Vec<Polarity> = graph
///     .positions(PositionQuery::on(ceasefire).by(trump).as_of("2025-08-17".parse()?))
///     .map(|m| m.position.polarity)
///     .collect();
/// assert_eq!(before, [Polarity::Supports]);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct PositionQuery {
    stance: Option<StanceId>,
    actor: Option<ActorId>,
    polarities: Polarities,
    scope: Scope,
    known_at: Option<PartialDate>,
}

/// A set of polarities, one bit each; empty means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Polarities(u8);

impl Polarities {
    fn bit(polarity: Polarity) -> u8 {
        match polarity {
            Polarity::Supports => 1,
            Polarity::Opposes => 2,
            Polarity::Abstains => 4,
            Polarity::Neutral => 8,
            Polarity::Conditional => 16,
        }
    }

    fn allows(self, polarity: Polarity) -> bool {
        self.0 == 0 || self.0 & Self::bit(polarity) != 0
    }
}

/// A [`Scope`] made ready for checking many items: an `as_of` date packed
/// once.
#[derive(Clone, Copy, Debug)]
enum Held {
    Ever,
    Latest,
    At(Day),
}

impl Held {
    /// [`holds`](Self::holds) from a position's packed span, without
    /// reading the position.
    fn of_span(self, span: super::PositionSpan) -> Option<Certainty> {
        match self {
            Held::Ever => Some(Certainty::Certain),
            Held::Latest => span.open().then_some(Certainty::Certain),
            Held::At(day) => span.holds(day),
        }
    }

    fn holds(self, from: Option<PartialDate>, until: Option<PartialDate>) -> Option<Certainty> {
        match self {
            Held::Ever => Some(Certainty::Certain),
            Held::Latest => until.is_none().then_some(Certainty::Certain),
            Held::At(day) => day.holds(from, until),
        }
    }
}

/// A `known_at` date, with its last day packed once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Known {
    pub(crate) date: Option<PartialDate>,
    pub(crate) day: Option<Day>,
}

impl Known {
    pub(crate) fn new(date: Option<PartialDate>) -> Known {
        Known {
            date,
            day: date.map(Day::last_of),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Scope {
    #[default]
    Ever,
    Latest,
    At(PartialDate),
}

impl PositionQuery {
    /// Every position in the graph (linear in the number of positions).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let all = graph.positions(diplograph::PositionQuery::all()).count();
    /// assert_eq!(all, graph.counts().positions);
    /// ```
    pub fn all() -> Self {
        PositionQuery::default()
    }

    /// Positions on one stance.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let nato = graph.find_stance("ukraine-nato-membership")?;
    /// assert_eq!(graph.positions(diplograph::PositionQuery::on(nato)).count(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn on(stance: StanceId) -> Self {
        PositionQuery {
            stance: Some(stance),
            ..Self::default()
        }
    }

    /// Positions of one actor, on every stance (or on the stance given with
    /// [`on`](Self::on)).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let trump = graph.find_actor("trump")?;
    /// assert!(graph.positions(diplograph::PositionQuery::all().by(trump)).count() >= 4);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn by(mut self, actor: ActorId) -> Self {
        self.actor = Some(actor);
        self
    }

    /// Only positions with this polarity; call again to allow several.
    ///
    /// ```
    /// use diplograph::{Polarity, PositionQuery};
    /// let graph = diplograph::datasets::washington_2025();
    /// let stance = graph.find_stance("territorial-concessions")?;
    /// let q = PositionQuery::on(stance).polarity(Polarity::Supports).polarity(Polarity::Opposes);
    /// assert_eq!(graph.positions(q).count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn polarity(mut self, polarity: Polarity) -> Self {
        self.polarities.0 |= Polarities::bit(polarity);
        self
    }

    /// Only positions that held on the last day of `date`.
    ///
    /// ```
    /// use diplograph::{Polarity, PositionQuery};
    /// let graph = diplograph::datasets::washington_2025();
    /// let ceasefire = graph.find_stance("ceasefire-first")?;
    /// let q = PositionQuery::on(ceasefire).polarity(Polarity::Opposes).as_of("2025-08-18".parse()?);
    /// let who: Vec<_> = graph.positions(q).map(|m| graph.actor_of(&m).name.clone()).collect();
    /// assert_eq!(who, ["Donald Trump"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn as_of(mut self, date: PartialDate) -> Self {
        self.scope = Scope::At(date);
        self
    }

    /// Only positions still held: those with no end date.
    ///
    /// ```
    /// use diplograph::PositionQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let trump = graph.find_actor("trump")?;
    /// let ceasefire = graph.find_stance("ceasefire-first")?;
    /// assert_eq!(graph.positions(PositionQuery::on(ceasefire).by(trump).latest()).count(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn latest(mut self) -> Self {
        self.scope = Scope::Latest;
        self
    }

    /// Only what sources published by the last day of `date` say.
    ///
    /// ```
    /// use diplograph::PositionQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// // The report appeared in August 2025: nothing was known in July.
    /// assert_eq!(graph.positions(PositionQuery::all().known_at("2025-07".parse()?)).count(), 0);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn known_at(mut self, date: PartialDate) -> Self {
        self.known_at = Some(date);
        self
    }
}

impl From<StanceId> for PositionQuery {
    fn from(stance: StanceId) -> Self {
        PositionQuery::on(stance)
    }
}

/// A position found by a query, with its evidence.
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, PositionQuery};
///
/// let graph = datasets::washington_2025();
/// let concessions = graph.find_stance("territorial-concessions")?;
/// for m in graph.positions(PositionQuery::on(concessions)) {
///     let quote = m.evidence().next().and_then(|c| c.quote()).unwrap();
///     println!("{} {}: {quote}", graph.actor_of(&m).name, m.position.polarity.as_str());
/// }
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct PositionMatch<'g> {
    /// The position's id.
    pub id: PositionId,
    /// The position.
    pub position: &'g Position,
    /// Who holds it.
    pub actor: ActorId,
    /// On what.
    pub stance: StanceId,
    /// The meeting where it was expressed, if any.
    pub meeting: Option<MeetingId>,
    /// For an as-of query, how surely it held then; otherwise `Certain`.
    pub certainty: Certainty,
    known_at: Option<PartialDate>,
    graph: &'g DiplomaticGraph,
}

impl<'g> PositionMatch<'g> {
    /// The evidence that counts for this query (all of it, unless the query
    /// was made `known_at` a date), with its sources.
    ///
    /// ```
    /// use diplograph::PositionQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let m = graph.positions(PositionQuery::all()).next().unwrap();
    /// assert!(m.evidence().count() >= 1);
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = Cited<'g>> + 'g {
        self.graph.cited(&self.position.evidence, self.known_at)
    }
}

/// Options for valid and report time in [`DiplomaticGraph::compare`] and
/// [`DiplomaticGraph::offices`]: as of the latest state (the default) or as
/// of a date, and optionally known at a date.
///
/// # Examples
///
/// ```
/// use diplograph::AsOf;
///
/// let latest = AsOf::latest();
/// let then = AsOf::date("2025-08-17".parse()?).known_at("2025-09".parse()?);
/// assert_ne!(latest, then);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct AsOf {
    date: Option<PartialDate>,
    known_at: Option<PartialDate>,
}

impl AsOf {
    /// The latest state: what holds with no end date.
    ///
    /// ```
    /// assert_eq!(diplograph::AsOf::latest(), diplograph::AsOf::default());
    /// ```
    pub fn latest() -> Self {
        AsOf::default()
    }

    /// The state on the last day of `date`.
    ///
    /// ```
    /// let _ = diplograph::AsOf::date("2025-08-18".parse()?);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn date(date: PartialDate) -> Self {
        AsOf {
            date: Some(date),
            known_at: None,
        }
    }

    /// Only what sources published by the last day of `date` say.
    ///
    /// ```
    /// let _ = diplograph::AsOf::latest().known_at("2025-09".parse()?);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn known_at(mut self, date: PartialDate) -> Self {
        self.known_at = Some(date);
        self
    }

    fn scope(self) -> Scope {
        match self.date {
            Some(d) => Scope::At(d),
            None => Scope::Latest,
        }
    }
}

impl From<PartialDate> for AsOf {
    fn from(date: PartialDate) -> Self {
        AsOf::date(date)
    }
}

/// A change of an actor's position on a stance: two consecutive positions
/// with different polarities.
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, Polarity, PositionQuery};
///
/// let graph = datasets::washington_2025();
/// let ceasefire = graph.find_stance("ceasefire")?;
/// let changes = graph.position_changes(PositionQuery::on(ceasefire));
/// let change = &changes[0];
/// assert_eq!(graph.actor(change.actor).unwrap().name, "Donald Trump");
/// assert_eq!((change.before.position.polarity, change.after.position.polarity),
///            (Polarity::Supports, Polarity::Opposes));
/// assert_eq!(change.date.map(|d| d.to_string()).as_deref(), Some("2025-08-18"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct PositionChange<'g> {
    /// Who changed.
    pub actor: ActorId,
    /// On what.
    pub stance: StanceId,
    /// The earlier position.
    pub before: PositionMatch<'g>,
    /// The later position.
    pub after: PositionMatch<'g>,
    /// When: the later position's start, else the earlier one's end.
    pub date: Option<PartialDate>,
}

/// How two actors' positions on one stance relate.
///
/// ```
/// use diplograph::{AsOf, Relation};
/// let graph = diplograph::datasets::washington_2025();
/// let (macron, merz) = (graph.find_actor("Macron")?, graph.find_actor("Merz")?);
/// let relations: Vec<Relation> = graph.compare(macron, merz, AsOf::latest()).iter().map(|a| a.relation).collect();
/// assert_eq!(relations, [Relation::Agree]);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Relation {
    /// Same polarity.
    Agree,
    /// One supports, the other opposes.
    Disagree,
    /// Different, but not opposite (one abstains, one is conditional...).
    Differ,
}

impl Relation {
    fn between(a: Polarity, b: Polarity) -> Relation {
        match (a, b) {
            _ if a == b => Relation::Agree,
            (Polarity::Supports, Polarity::Opposes) | (Polarity::Opposes, Polarity::Supports) => {
                Relation::Disagree
            }
            _ => Relation::Differ,
        }
    }
}

/// Two actors' positions on one stance, and how they relate.
///
/// ```
/// use diplograph::AsOf;
/// let graph = diplograph::datasets::washington_2025();
/// let (trump, zelenskyy) = (graph.find_actor("Trump")?, graph.find_actor("Zelenskyy")?);
/// let alignments = graph.compare(trump, zelenskyy, AsOf::latest());
/// let a = &alignments[0];
/// assert_eq!(graph.stance(a.stance).unwrap().key.as_str(), "territorial-concessions");
/// assert_eq!((a.first.actor, a.second.actor), (trump, zelenskyy));
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// See
/// [`DiplomaticGraph::compare`].
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Alignment<'g> {
    /// The stance.
    pub stance: StanceId,
    /// How the positions relate.
    pub relation: Relation,
    /// The first actor's position.
    pub first: PositionMatch<'g>,
    /// The second actor's position.
    pub second: PositionMatch<'g>,
}

/// An office held, with its evidence; see [`DiplomaticGraph::offices`].
///
/// ```
/// use diplograph::{AsOf, Certainty};
/// let graph = diplograph::datasets::washington_2025();
/// let vance = graph.find_actor("JD Vance")?;
/// let office = graph.offices(vance, AsOf::latest()).next().unwrap();
/// assert_eq!(office.office.title, "Vice President of the United States");
/// assert_eq!(office.certainty, Certainty::Certain);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct OfficeMatch<'g> {
    /// The office.
    pub office: &'g Office,
    /// How surely it was held at the date asked (`Certain` for the latest state).
    pub certainty: Certainty,
    known_at: Option<PartialDate>,
    graph: &'g DiplomaticGraph,
}

impl<'g> OfficeMatch<'g> {
    /// The evidence that counts for this query, with its sources.
    ///
    /// ```
    /// use diplograph::AsOf;
    /// let graph = diplograph::datasets::washington_2025();
    /// let rutte = graph.find_actor("Rutte")?;
    /// let office = graph.offices(rutte, AsOf::latest()).next().unwrap();
    /// assert!(office.evidence().next().unwrap().quote().unwrap().contains("NATO Secretary General"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = Cited<'g>> + 'g {
        self.graph.cited(&self.office.evidence, self.known_at)
    }
}

/// A stance with the number of actors and positions recorded on it.
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// let ranking = graph.stance_ranking();
/// assert_eq!(ranking.len(), graph.counts().stances);
/// assert!(ranking.windows(2).all(|w| w[0].actors >= w[1].actors));
/// ```
///
/// See
/// [`DiplomaticGraph::stance_ranking`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StanceCount {
    /// The stance.
    pub stance: StanceId,
    /// Distinct actors with a position on it.
    pub actors: usize,
    /// Positions on it (an actor that changed counts once per position).
    pub positions: usize,
}

impl DiplomaticGraph {
    /// Positions matching a query: on a stance, by an actor, of a polarity,
    /// as of a date, known at a date.
    ///
    /// Results come in insertion order; with an actor, stance by stance (in
    /// the order the actor first took a position on each), each stance's
    /// positions in date order (the actor's history).
    ///
    /// **Cost**: with a stance, linear in the positions on that stance; with
    /// an actor and a stance, linear in that actor's positions on it; with an
    /// actor only, in the actor's positions; otherwise in all positions.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, Polarity, PositionQuery};
    ///
    /// let graph = datasets::washington_2025();
    /// let ceasefire = graph.find_stance("ceasefire-first")?;
    /// // Q2: who supported a ceasefire first, as of the Washington meeting?
    /// let mut who: Vec<&str> = graph
    ///     .positions(PositionQuery::on(ceasefire).polarity(Polarity::Supports).as_of("2025-08-18".parse()?))
    ///     .map(|m| graph.actor_of(&m).key.as_str())
    ///     .collect();
    /// who.sort();
    /// assert_eq!(who, ["european-leaders", "macron", "merz"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn positions(
        &self,
        query: impl Into<PositionQuery>,
    ) -> impl Iterator<Item = PositionMatch<'_>> + '_ {
        let q = query.into();
        let ids = match (q.stance, q.actor) {
            (Some(stance), Some(actor)) => Ids::List(self.timeline(actor, stance).iter()),
            (Some(stance), None) => {
                let list = self.index.positions_by_stance.get(stance.index());
                Ids::Spanned(list.map(Vec::as_slice).unwrap_or_default().iter())
            }
            (None, Some(actor)) => Ids::Nested(
                self.index
                    .stances_by_actor
                    .get(actor.index())
                    .into_iter()
                    .flatten()
                    .flat_map(move |s| self.timeline(actor, *s).iter()),
            ),
            (None, None) => Ids::All((0..self.positions.len()).map(|i| PositionId(to_u32(i)))),
        };
        let (polarities, held, known) = (q.polarities, q.scope.held(), Known::new(q.known_at));
        let (spans, first_known) = (&self.index.position_spans, &self.index.position_known);
        ids.filter_map(move |(id, span)| {
            // Reject from the dense arrays first (the stance's own spans,
            // read in sequence, or the spans by id); read the entry only
            // for positions that may match.
            let span = span.or_else(|| spans.get(id.index()));
            let Some(span) = span else {
                // Every position has a span; this is only a fallback.
                let entry = self.positions.get(id.index())?;
                if !polarities.allows(entry.position.polarity) {
                    return None;
                }
                return self.entry_match(id, entry, held, known);
            };
            if !polarities.allows(span.polarity()) {
                return None;
            }
            let certainty = held.of_span(*span)?;
            // The packed day its evidence was first known; the sources
            // themselves only if the index somehow lacks it.
            let seen = match (known.day, first_known.get(id.index())) {
                (None, _) => Some(true),
                (Some(day), Some(first)) => Some(day.has_seen_key(*first)),
                (Some(_), None) => None,
            };
            if seen == Some(false) {
                return None;
            }
            let entry = self.positions.get(id.index())?;
            if seen.is_none() && !self.known_by(&entry.position.evidence, known.day) {
                return None;
            }
            Some(self.matched(id, entry, certainty, known))
        })
    }

    /// One actor's positions on one stance, oldest first.
    ///
    /// **Cost**: a binary search among the actor's stances, then linear in
    /// that history.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, Polarity};
    ///
    /// let graph = datasets::washington_2025();
    /// let trump = graph.find_actor("Donald Trump")?;
    /// let ceasefire = graph.find_stance("ceasefire-first")?;
    /// let history: Vec<Polarity> =
    ///     graph.position_history(trump, ceasefire).map(|m| m.position.polarity).collect();
    /// assert_eq!(history, [Polarity::Supports, Polarity::Opposes]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn position_history(
        &self,
        actor: ActorId,
        stance: StanceId,
    ) -> impl Iterator<Item = PositionMatch<'_>> + '_ {
        self.positions(PositionQuery::on(stance).by(actor))
    }

    /// Changes of position: for each actor and stance the query selects,
    /// consecutive positions (in date order) whose polarities differ.
    ///
    /// The query's stance and actor select the histories to look at, and its
    /// `known_at` which positions count; an `as_of` date keeps the changes
    /// dated on or before it (undated changes are then left out). Polarity
    /// filters are ignored. Results are ordered by actor id, then date
    /// (undated changes last), then stance id.
    ///
    /// **Cost**: linear in the positions on the stance (or of the actor).
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, PositionQuery};
    ///
    /// let graph = datasets::washington_2025();
    /// // Before the Washington meeting, nobody had changed.
    /// let ceasefire = graph.find_stance("ceasefire")?;
    /// let q = PositionQuery::on(ceasefire).as_of("2025-08-17".parse()?);
    /// assert!(graph.position_changes(q).is_empty());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn position_changes(&self, query: impl Into<PositionQuery>) -> Vec<PositionChange<'_>> {
        let q = query.into();
        let known = Known::new(q.known_at);
        let mut pairs: Vec<(ActorId, StanceId)> = match (q.stance, q.actor) {
            (Some(s), Some(a)) => vec![(a, s)],
            (Some(s), None) => {
                let mut actors: Vec<ActorId> = self
                    .index
                    .positions_by_stance
                    .get(s.index())
                    .into_iter()
                    .flatten()
                    .filter_map(|(p, _)| self.positions.get(p.index()).map(|e| e.actor))
                    .collect();
                actors.sort_unstable();
                actors.dedup();
                actors.into_iter().map(|a| (a, s)).collect()
            }
            (None, Some(a)) => self
                .index
                .stances_by_actor
                .get(a.index())
                .into_iter()
                .flatten()
                .map(|s| (a, *s))
                .collect(),
            (None, None) => self.index.timeline_pairs().collect(),
        };
        pairs.sort_unstable();
        let mut changes = Vec::new();
        for (actor, stance) in pairs {
            let history: Vec<PositionMatch<'_>> = self
                .timeline(actor, stance)
                .iter()
                .filter_map(|id| self.position_match(*id, Held::Ever, known))
                .collect();
            for pair in history.windows(2) {
                let [before, after] = pair else { continue };
                if before.position.polarity == after.position.polarity {
                    continue;
                }
                let date = after.position.from.or(before.position.until);
                if let Scope::At(limit) = q.scope {
                    let dated_by = date.is_some_and(|d| d.day_number() <= limit.last_day_number());
                    if !dated_by {
                        continue;
                    }
                }
                changes.push(PositionChange {
                    actor,
                    stance,
                    before: *before,
                    after: *after,
                    date,
                });
            }
        }
        changes.sort_by(|a, b| {
            let by_date = match (a.date, b.date) {
                (Some(x), Some(y)) => x.timeline_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            a.actor
                .cmp(&b.actor)
                .then(by_date)
                .then(a.stance.cmp(&b.stance))
        });
        changes
    }

    /// The stances on which both actors have a position as of a date (or in
    /// their latest state), with how the positions relate.
    ///
    /// For each stance the actor's position is the one holding at the date
    /// (the latest-starting one if several do); in the latest state, the one
    /// with no end date. Results follow the first actor's stances in the
    /// order it took positions on them.
    ///
    /// **Cost**: linear in both actors' positions.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, AsOf, Relation};
    ///
    /// let graph = datasets::washington_2025();
    /// let trump = graph.find_actor("Trump")?;
    /// let macron = graph.find_actor("Macron")?;
    /// // Q12: where do Trump and Macron disagree?
    /// let disagree: Vec<&str> = graph
    ///     .compare(trump, macron, AsOf::latest())
    ///     .into_iter()
    ///     .filter(|a| a.relation == Relation::Disagree)
    ///     .map(|a| graph.stance(a.stance).unwrap().key.as_str())
    ///     .collect();
    /// assert_eq!(disagree, ["ceasefire-first"]);
    /// // On 17 August Macron had no recorded position: nothing to compare.
    /// assert!(graph.compare(trump, macron, AsOf::date("2025-08-17".parse()?)).is_empty());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn compare(
        &self,
        first: ActorId,
        second: ActorId,
        at: impl Into<AsOf>,
    ) -> Vec<Alignment<'_>> {
        let at = at.into();
        let (held, known) = (at.scope().held(), Known::new(at.known_at));
        let current = |actor: ActorId, stance: StanceId| -> Option<PositionMatch<'_>> {
            self.timeline(actor, stance)
                .iter()
                .rev()
                .find_map(|id| self.position_match(*id, held, known))
        };
        self.index
            .stances_by_actor
            .get(first.index())
            .into_iter()
            .flatten()
            .filter_map(|stance| {
                let a = current(first, *stance)?;
                let b = current(second, *stance)?;
                Some(Alignment {
                    stance: *stance,
                    relation: Relation::between(a.position.polarity, b.position.polarity),
                    first: a,
                    second: b,
                })
            })
            .collect()
    }

    /// The offices an actor holds as of a date (or in the latest state: those
    /// with no end date), with their evidence.
    ///
    /// **Cost**: linear in the actor's offices.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, AsOf};
    ///
    /// let graph = datasets::washington_2025();
    /// let merz = graph.find_actor("Merz")?;
    /// let titles: Vec<&str> = graph.offices(merz, AsOf::latest()).map(|o| o.office.title.as_str()).collect();
    /// assert_eq!(titles, ["Chancellor of Germany"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn offices(
        &self,
        actor: ActorId,
        at: impl Into<AsOf>,
    ) -> impl Iterator<Item = OfficeMatch<'_>> + '_ {
        let at = at.into();
        let (held, known) = (at.scope().held(), Known::new(at.known_at));
        self.actor(actor)
            .into_iter()
            .flat_map(|a| a.offices.iter())
            .filter_map(move |office| {
                let certainty = held.holds(office.from, office.until)?;
                self.known_by(&office.evidence, known.day)
                    .then_some(OfficeMatch {
                        office,
                        certainty,
                        known_at: at.known_at,
                        graph: self,
                    })
            })
    }

    /// Stances ranked by the number of distinct actors with a position on
    /// them, then by the number of positions, then by insertion order.
    ///
    /// **Cost**: linear in the number of positions.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// // Q15: which issue has the most actors with a recorded position?
    /// let top = graph.stance_ranking()[0];
    /// assert_eq!(graph.stance(top.stance).unwrap().key.as_str(), "ceasefire-first");
    /// assert_eq!(top.actors, 4);
    /// ```
    pub fn stance_ranking(&self) -> Vec<StanceCount> {
        let mut ranking: Vec<StanceCount> = self
            .stances()
            .map(|(stance, _)| {
                let ids = self
                    .index
                    .positions_by_stance
                    .get(stance.index())
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let mut actors: Vec<ActorId> = ids
                    .iter()
                    .filter_map(|(p, _)| self.positions.get(p.index()).map(|e| e.actor))
                    .collect();
                actors.sort_unstable();
                actors.dedup();
                StanceCount {
                    stance,
                    actors: actors.len(),
                    positions: ids.len(),
                }
            })
            .collect();
        ranking.sort_by(|a, b| {
            b.actors
                .cmp(&a.actors)
                .then(b.positions.cmp(&a.positions))
                .then(a.stance.cmp(&b.stance))
        });
        ranking
    }

    /// The actor holding a matched position.
    ///
    /// # Panics
    ///
    /// Never for a match made by this graph; a match from another graph may
    /// name an actor this one does not have.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::PositionQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let m = graph.positions(PositionQuery::all()).next().unwrap();
    /// assert!(!graph.actor_of(&m).name.is_empty());
    /// ```
    #[track_caller]
    #[allow(clippy::expect_used)] // documented panic; the ids come from this graph
    pub fn actor_of(&self, m: &PositionMatch<'_>) -> &crate::Actor {
        self.actor(m.actor)
            .expect("a position match names an actor of the graph that made it")
    }

    fn timeline(&self, actor: ActorId, stance: StanceId) -> &[PositionId] {
        self.index.timeline(actor, stance)
    }

    fn position_match(
        &self,
        id: PositionId,
        held: Held,
        known: Known,
    ) -> Option<PositionMatch<'_>> {
        let entry = self.positions.get(id.index())?;
        self.entry_match(id, entry, held, known)
    }

    fn entry_match<'g>(
        &'g self,
        id: PositionId,
        entry: &'g crate::graph::PositionEntry,
        held: Held,
        known: Known,
    ) -> Option<PositionMatch<'g>> {
        let p = &entry.position;
        let certainty = held.holds(p.from, p.until)?;
        if let Some(day) = known.day {
            // The packed day its evidence was first known; the sources
            // themselves only if the index somehow lacks it.
            let seen = match self.index.position_known.get(id.index()) {
                Some(first) => day.has_seen_key(*first),
                None => self.known_by(&p.evidence, known.day),
            };
            if !seen {
                return None;
            }
        }
        Some(self.matched(id, entry, certainty, known))
    }

    /// The match of a position already known to hold and to be known.
    fn matched<'g>(
        &'g self,
        id: PositionId,
        entry: &'g crate::graph::PositionEntry,
        certainty: Certainty,
        known: Known,
    ) -> PositionMatch<'g> {
        PositionMatch {
            id,
            position: &entry.position,
            actor: entry.actor,
            stance: entry.stance,
            meeting: entry.meeting,
            certainty,
            known_at: known.date,
            graph: self,
        }
    }
}

impl Scope {
    fn held(self) -> Held {
        match self {
            Scope::Ever => Held::Ever,
            Scope::Latest => Held::Latest,
            Scope::At(date) => Held::At(Day::last_of(date)),
        }
    }
}

/// The position ids a query walks: one list, an actor's timelines one
/// after the other, or every position. An enum rather than a boxed
/// iterator, so a query allocates nothing.
enum Ids<'g, N, A> {
    List(std::slice::Iter<'g, PositionId>),
    /// A stance's positions, each with its span.
    Spanned(std::slice::Iter<'g, (PositionId, super::PositionSpan)>),
    Nested(N),
    All(A),
}

impl<'g, N, A> Iterator for Ids<'g, N, A>
where
    N: Iterator<Item = &'g PositionId>,
    A: Iterator<Item = PositionId>,
{
    /// An id, with its span when the list carries them.
    type Item = (PositionId, Option<&'g super::PositionSpan>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Ids::List(ids) => ids.next().map(|id| (*id, None)),
            Ids::Spanned(list) => list.next().map(|(id, span)| (*id, Some(span))),
            Ids::Nested(ids) => ids.next().map(|id| (*id, None)),
            Ids::All(ids) => ids.next().map(|id| (id, None)),
        }
    }
}
