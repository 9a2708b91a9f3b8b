//! Actors ranked by how much the graph records them doing.

use crate::DiplomaticGraph;
use crate::model::{ActorId, MeetingStatus};

use super::MeetingQuery;

/// An actor with the number of held meetings, positions and acts recorded
/// for it; see [`DiplomaticGraph::actor_ranking`].
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// let top = graph.actor_ranking()[0];
/// assert_eq!(graph.actor(top.actor).unwrap().name, "Donald Trump");
/// assert_eq!(top.total(), top.meetings + top.positions + top.acts);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActorCount {
    /// The actor.
    pub actor: ActorId,
    /// Held meetings it took part in (planned, proposed and other meetings
    /// that did not take place do not count).
    pub meetings: usize,
    /// Positions it took (an actor that changed counts once per position).
    pub positions: usize,
    /// Acts it did (acts towards it do not count).
    pub acts: usize,
}

impl ActorCount {
    /// Held meetings, positions and acts together: how active the actor is.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let ranking = graph.actor_ranking();
    /// assert!(ranking.windows(2).all(|w| w[0].total() >= w[1].total()));
    /// ```
    pub fn total(&self) -> usize {
        self.meetings + self.positions + self.acts
    }
}

impl DiplomaticGraph {
    /// Actors ranked by activity: the number of held meetings they took part
    /// in, positions they took and acts they did, together
    /// ([`ActorCount::total`]); ties by positions, then by insertion order.
    /// Every actor is listed, the inactive ones last with a total of 0.
    ///
    /// **Cost**: linear in the number of actors plus their meetings and
    /// positions (the per-actor meeting, stance and act indexes).
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// // Who is the most active actor?
    /// let ranking = graph.actor_ranking();
    /// let top = ranking[0];
    /// assert_eq!(graph.actor(top.actor).unwrap().key.as_str(), "trump");
    /// assert_eq!((top.meetings, top.positions, top.acts), (3, 4, 1));
    /// assert_eq!(ranking.len(), graph.counts().actors);
    /// ```
    pub fn actor_ranking(&self) -> Vec<ActorCount> {
        let mut ranking: Vec<ActorCount> = self
            .actors()
            .map(|(actor, _)| {
                let meetings = self
                    .meetings(MeetingQuery::with(actor).status(MeetingStatus::Held))
                    .count();
                let positions = self
                    .index
                    .stances_by_actor
                    .get(actor.index())
                    .into_iter()
                    .flatten()
                    .map(|stance| self.index.timeline(actor, *stance).len())
                    .sum();
                let acts = self
                    .index
                    .acts_by_actor
                    .get(actor.index())
                    .map_or(0, Vec::len);
                ActorCount {
                    actor,
                    meetings,
                    positions,
                    acts,
                }
            })
            .collect();
        ranking.sort_by(|a, b| {
            b.total()
                .cmp(&a.total())
                .then(b.positions.cmp(&a.positions))
                .then(a.actor.cmp(&b.actor))
        });
        ranking
    }
}
