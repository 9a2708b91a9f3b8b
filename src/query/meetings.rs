//! Meetings: of an actor, by status, in a window; participants; who met
//! both of two actors.

use crate::DiplomaticGraph;
use crate::model::{ActorId, Meeting, MeetingId, MeetingStatus, PartialDate, Participant};

use super::Cited;

/// Which meetings to return: options for [`DiplomaticGraph::meetings`].
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, MeetingQuery, MeetingStatus};
///
/// let graph = datasets::washington_2025();
/// let zelenskyy = graph.find_actor("Zelensky")?;
/// // Q7: the meetings Zelenskyy took part in, in date order.
/// let held: Vec<&str> = graph
///     .meetings(MeetingQuery::with(zelenskyy).status(MeetingStatus::Held))
///     .map(|m| m.meeting.key.as_str())
///     .collect();
/// assert_eq!(held, ["oval-office-2025-02", "washington-2025-08-18"]);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct MeetingQuery {
    /// The first actor asked for: most queries name one, and this keeps
    /// them from allocating.
    actor: Option<ActorId>,
    /// Any further actors, in the order asked.
    more_actors: Vec<ActorId>,
    statuses: Statuses,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    known_at: Option<PartialDate>,
}

/// A set of meeting statuses, one bit each (by `MeetingStatus::index`);
/// empty means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Statuses(u32);

impl Statuses {
    fn bit(status: MeetingStatus) -> u32 {
        u32::try_from(status.index())
            .ok()
            .and_then(|i| 1_u32.checked_shl(i))
            .unwrap_or(0)
    }

    fn allows(self, status: MeetingStatus) -> bool {
        self.0 == 0 || self.0 & Self::bit(status) != 0
    }

    /// The status, when the set holds exactly one.
    fn single(self) -> Option<MeetingStatus> {
        if self.0.count_ones() != 1 {
            return None;
        }
        MeetingStatus::ALL
            .get(usize::try_from(self.0.trailing_zeros()).ok()?)
            .copied()
    }
}

impl MeetingQuery {
    /// Every meeting, in date order.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.meetings(diplograph::MeetingQuery::all()).count(), 5);
    /// ```
    pub fn all() -> Self {
        MeetingQuery::default()
    }

    /// Meetings this actor took part in.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let putin = graph.find_actor("Putin")?;
    /// assert_eq!(graph.meetings(diplograph::MeetingQuery::with(putin)).count(), 3);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn with(actor: ActorId) -> Self {
        MeetingQuery::all().and(actor)
    }

    /// Also requires this actor to take part: `with(a).and(b)` gives the
    /// meetings of `a` and `b` together.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let (trump, putin) = (graph.find_actor("Trump")?, graph.find_actor("Putin")?);
    /// assert_eq!(graph.meetings(diplograph::MeetingQuery::with(trump).and(putin)).count(), 3);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn and(mut self, actor: ActorId) -> Self {
        match self.actor {
            None => self.actor = Some(actor),
            Some(first) if first == actor => {}
            Some(_) => {
                if !self.more_actors.contains(&actor) {
                    self.more_actors.push(actor);
                }
            }
        }
        self
    }

    /// Only meetings with this status; call again to allow several.
    ///
    /// ```
    /// use diplograph::{MeetingQuery, MeetingStatus};
    /// let graph = diplograph::datasets::washington_2025();
    /// // Q10: which meetings are proposed or planned?
    /// let q = MeetingQuery::all().status(MeetingStatus::Proposed).status(MeetingStatus::Planned);
    /// assert_eq!(graph.meetings(q).count(), 2);
    /// ```
    pub fn status(mut self, status: MeetingStatus) -> Self {
        self.statuses.0 |= Statuses::bit(status);
        self
    }

    /// Only dated meetings lying within `from`..=`until` (whole days of both
    /// partial dates included).
    ///
    /// ```
    /// use diplograph::MeetingQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// let august = MeetingQuery::all().between("2025-08".parse()?, "2025-08".parse()?);
    /// assert_eq!(graph.meetings(august).count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn between(mut self, from: PartialDate, until: PartialDate) -> Self {
        self.from = Some(from);
        self.until = Some(until);
        self
    }

    /// Only meetings reported by sources published by the last day of `date`.
    ///
    /// ```
    /// use diplograph::MeetingQuery;
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.meetings(MeetingQuery::all().known_at("2025-07".parse()?)).count(), 0);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn known_at(mut self, date: PartialDate) -> Self {
        self.known_at = Some(date);
        self
    }
}

impl From<ActorId> for MeetingQuery {
    fn from(actor: ActorId) -> Self {
        MeetingQuery::with(actor)
    }
}

impl From<MeetingStatus> for MeetingQuery {
    fn from(status: MeetingStatus) -> Self {
        MeetingQuery::all().status(status)
    }
}

/// A meeting found by a query, with its evidence.
///
/// ```
/// use diplograph::MeetingQuery;
/// let graph = diplograph::datasets::washington_2025();
/// let first = graph.meetings(MeetingQuery::all()).next().unwrap();
/// assert_eq!(first.meeting.key.as_str(), "oval-office-2025-02");
/// assert!(first.evidence().next().unwrap().quote().unwrap().contains("February"));
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct MeetingMatch<'g> {
    /// The meeting's id.
    pub id: MeetingId,
    /// The meeting.
    pub meeting: &'g Meeting,
    known_at: Option<PartialDate>,
    graph: &'g DiplomaticGraph,
}

impl<'g> MeetingMatch<'g> {
    /// The evidence that counts for this query, with its sources.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let m = graph.meetings(diplograph::MeetingQuery::all()).next().unwrap();
    /// assert!(m.evidence().next().is_some());
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = Cited<'g>> + 'g {
        self.graph.cited(&self.meeting.evidence, self.known_at)
    }
}

/// An actor who met both of two others, with the meetings.
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// let (vance, putin) = (graph.find_actor("Vance")?, graph.find_actor("Putin")?);
/// let contacts = graph.met_both(vance, putin);
/// assert_eq!(graph.actor(contacts[0].actor).unwrap().name, "Donald Trump");
/// assert_eq!(contacts[0].with_first.len(), 1); // the February visit
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// See
/// [`DiplomaticGraph::met_both`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Contact {
    /// The actor who met both.
    pub actor: ActorId,
    /// Held meetings with the first actor, in date order.
    pub with_first: Vec<MeetingId>,
    /// Held meetings with the second actor, in date order.
    pub with_second: Vec<MeetingId>,
}

impl DiplomaticGraph {
    /// Meetings matching a query, in date order (undated meetings last).
    ///
    /// **Cost**: with actors, linear in the first actor's meetings; with one
    /// status, in that status's meetings; a date window is found by binary
    /// search on the date-ordered index, then linear in the meetings inside.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, MeetingStatus};
    ///
    /// let graph = datasets::washington_2025();
    /// let proposed: Vec<&str> = graph.meetings(MeetingStatus::Proposed).map(|m| m.meeting.title.as_str()).collect();
    /// assert_eq!(proposed, ["Proposed trilateral meeting of Trump, Zelenskyy and Putin"]);
    /// ```
    pub fn meetings(
        &self,
        query: impl Into<MeetingQuery>,
    ) -> impl Iterator<Item = MeetingMatch<'_>> + '_ {
        let q = query.into();
        let list: &[MeetingId] = match (q.actor, q.statuses.single()) {
            (Some(actor), _) => self
                .index
                .meetings_by_actor
                .get(actor.index())
                .map(Vec::as_slice)
                .unwrap_or_default(),
            (None, Some(status)) => self
                .index
                .meetings_by_status
                .get(status.index())
                .map(Vec::as_slice)
                .unwrap_or_default(),
            (None, _) => &self.index.meetings_by_date,
        };
        // Each meeting's first and last day, packed as in `timeline_key`
        // (`Indexes::meeting_dates`, by id; undated meetings all ones):
        // valid days compare as they do, so the window is checked on
        // integers.
        let dates = &self.index.meeting_dates;
        let date_key = move |id: MeetingId| dates.get(id.index()).copied().unwrap_or(u64::MAX);
        let pack = |d: PartialDate| {
            (u64::from(d.year()) << 16)
                | (u64::from(d.month_number().unwrap_or(1)) << 8)
                | u64::from(d.day().unwrap_or(1))
        };
        // Skip, by binary search, the meetings that start before the window.
        let start = match q.from {
            Some(from) => {
                let first = pack(from.first_day());
                list.partition_point(|id| (date_key(*id) >> 32) < first)
            }
            None => 0,
        };
        let end_day = q.until.map(|u| pack(u.last_day()));
        let windowed = q.from.is_some() || q.until.is_some();
        let known_day = q.known_at.map(super::Day::last_of);
        list.get(start..)
            .unwrap_or_default()
            .iter()
            // Dated meetings come first, in date order: stop at the first one
            // that starts after the window, or at the undated ones.
            .take_while(move |id| match end_day {
                None => true,
                Some(end) => (date_key(**id) >> 32) <= end,
            })
            .filter_map(|id| Some((*id, self.meetings.get_index(id.index())?.1)))
            .filter(move |(id, entry)| {
                let m = &entry.meeting;
                let inside = match (m.date, end_day) {
                    (None, _) => !windowed,
                    (Some(_), None) => true,
                    (Some(_), Some(end)) => match m.end {
                        None => (date_key(*id) & u64::from(u32::MAX)) <= end,
                        Some(last) => pack(last.last_day()) <= end,
                    },
                };
                inside
                    && q.statuses.allows(m.status)
                    // The list is the first actor's when there is one.
                    && q.more_actors.iter().all(|a| entry.participants.contains(a))
                    && self.known_by(&m.evidence, known_day)
            })
            .map(move |(id, entry)| MeetingMatch {
                id,
                meeting: &entry.meeting,
                known_at: q.known_at,
                graph: self,
            })
    }

    /// One meeting as a query result, with the evidence known at `known_at`.
    pub(crate) fn meeting_match(
        &self,
        id: MeetingId,
        known_at: Option<PartialDate>,
    ) -> Option<MeetingMatch<'_>> {
        let (_, entry) = self.meetings.get_index(id.index())?;
        Some(MeetingMatch {
            id,
            meeting: &entry.meeting,
            known_at,
            graph: self,
        })
    }

    /// The participants of a meeting, with their ids, in the order given.
    ///
    /// **Cost**: linear in the participants.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// // Q6: who took part in the Alaska summit?
    /// let alaska = graph.find_meeting("Alaska summit")?;
    /// let names: Vec<&str> = graph
    ///     .participants(alaska)
    ///     .map(|(id, _)| graph.actor(id).unwrap().name.as_str())
    ///     .collect();
    /// assert_eq!(names, ["Donald Trump", "Vladimir Putin"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn participants(
        &self,
        meeting: MeetingId,
    ) -> impl Iterator<Item = (ActorId, &Participant)> + '_ {
        self.meetings
            .get_index(meeting.index())
            .into_iter()
            .flat_map(|(_, e)| {
                e.participants
                    .iter()
                    .copied()
                    .zip(e.meeting.participants.iter())
            })
    }

    /// The actors who took part in a held meeting with `first` and in a held
    /// meeting with `second` (not necessarily the same meeting), other than
    /// `first` and `second` themselves, in id order.
    ///
    /// Planned, proposed, cancelled, postponed and uncertain meetings do not
    /// count: they did not bring anyone together.
    ///
    /// **Cost**: linear in the participants of both actors' meetings,
    /// walking participation edges of the graph.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// // Q8: who has met both Zelenskyy and Putin?
    /// let (z, p) = (graph.find_actor("Zelenskyy")?, graph.find_actor("Putin")?);
    /// let both: Vec<&str> = graph.met_both(z, p).iter().map(|c| graph.actor(c.actor).unwrap().name.as_str()).collect();
    /// assert_eq!(both, ["Donald Trump"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn met_both(&self, first: ActorId, second: ActorId) -> Vec<Contact> {
        let contacts = |actor: ActorId| {
            let mut met: std::collections::BTreeMap<ActorId, Vec<MeetingId>> = Default::default();
            for m in self.meetings(MeetingQuery::with(actor).status(MeetingStatus::Held)) {
                for other in self.participant_ids(m.id) {
                    if other != first && other != second {
                        met.entry(other).or_default().push(m.id);
                    }
                }
            }
            met
        };
        let with_first = contacts(first);
        let mut with_second = contacts(second);
        with_first
            .into_iter()
            .filter_map(|(actor, meetings)| {
                let mut theirs = with_second.remove(&actor)?;
                theirs.dedup();
                let mut ours = meetings;
                ours.dedup();
                Some(Contact {
                    actor,
                    with_first: ours,
                    with_second: theirs,
                })
            })
            .collect()
    }
}
