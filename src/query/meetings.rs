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
    actors: Vec<ActorId>,
    statuses: Vec<MeetingStatus>,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    known_at: Option<PartialDate>,
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
        if !self.actors.contains(&actor) {
            self.actors.push(actor);
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
        if !self.statuses.contains(&status) {
            self.statuses.push(status);
        }
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
        let list: &[MeetingId] = match (q.actors.first(), q.statuses.as_slice()) {
            (Some(actor), _) => self
                .index
                .meetings_by_actor
                .get(actor.index())
                .map(Vec::as_slice)
                .unwrap_or_default(),
            (None, [status]) => self
                .index
                .meetings_by_status
                .get(status.index())
                .map(Vec::as_slice)
                .unwrap_or_default(),
            (None, _) => &self.index.meetings_by_date,
        };
        // Skip, by binary search, the meetings that start before the window.
        let start = match q.from {
            Some(from) => {
                let first = from.day_number();
                list.partition_point(|id| {
                    self.meeting(*id)
                        .and_then(|m| m.date)
                        .is_some_and(|d| d.day_number() < first)
                })
            }
            None => 0,
        };
        let end_day = q.until.map(|u| u.last_day_number());
        let windowed = q.from.is_some() || q.until.is_some();
        list.get(start..)
            .unwrap_or_default()
            .iter()
            .filter_map(|id| Some((*id, self.meetings.get_index(id.index())?.1)))
            // Dated meetings come first, in date order: stop at the first one
            // that starts after the window, or at the undated ones.
            .take_while(move |(_, entry)| match end_day {
                None => true,
                Some(end) => entry.meeting.date.is_some_and(|d| d.day_number() <= end),
            })
            .filter(move |(_, entry)| {
                let m = &entry.meeting;
                let inside = match (m.date, end_day) {
                    (None, _) => !windowed,
                    (Some(_), None) => true,
                    (Some(date), Some(end)) => m.end.unwrap_or(date).last_day_number() <= end,
                };
                inside
                    && (q.statuses.is_empty() || q.statuses.contains(&m.status))
                    && q.actors.iter().all(|a| entry.participants.contains(a))
                    && self.is_known(&m.evidence, q.known_at)
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
