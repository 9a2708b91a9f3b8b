//! Running a parsed [`Question`]: names resolved to ids, then the typed
//! query it stands for.

use crate::DiplomaticGraph;
use crate::error::{Error, ItemKind, Result};
use crate::model::{ActorId, MeetingId, PartialDate, StanceId};
use crate::query::{ActQuery, AsOf, MeetingQuery, PositionQuery};

use super::{Answer, MAX_QUESTION_LEN, Name, Question, Tense, Time, Window};

/// Runs `question` on `graph`; `text` is the question as typed (empty when
/// unknown), for error messages.
pub(crate) fn run<'g>(
    graph: &'g DiplomaticGraph,
    text: &str,
    question: &Question,
) -> Result<Answer<'g>> {
    let names = Names { graph, text };
    Ok(match question {
        Question::Positions {
            actor,
            stance,
            polarities,
            time,
            act,
        } => {
            let stance = match (stance, act, actor) {
                // "who supported Zelenskyy?": an act, when the name is an
                // actor's and no stance's.
                (Some(s), Some(kind), None) => match graph.find_stance(&s.text) {
                    Ok(id) => Some(id),
                    Err(stance_error) => match graph.find_actor(&s.text) {
                        Ok(target) => {
                            let mut q = ActQuery::towards(target).kind(*kind);
                            if let Some(k) = time.known_at {
                                q = q.known_at(k);
                            }
                            return Ok(Answer::Acts(graph.acts(q).collect()));
                        }
                        Err(_) => return Err(names.error(s, "a stance", stance_error)),
                    },
                },
                (Some(s), _, _) => Some(names.stance(s)?),
                (None, _, _) => None,
            };
            let actor = actor.as_ref().map(|a| names.actor(a)).transpose()?;
            let mut q = position_query(stance, actor, time);
            for polarity in polarities {
                q = q.polarity(*polarity);
            }
            Answer::Positions(graph.positions(q).collect())
        }
        Question::Changes {
            actor,
            stance,
            time,
        } => {
            let stance = stance.as_ref().map(|s| names.stance(s)).transpose()?;
            let actor = actor.as_ref().map(|a| names.actor(a)).transpose()?;
            let time = Time {
                tense: Tense::Ever,
                ..*time
            };
            Answer::Changes(graph.position_changes(position_query(stance, actor, &time)))
        }
        Question::Meetings {
            actors,
            statuses,
            window,
            known_at,
        } => {
            let mut q = MeetingQuery::all();
            for actor in actors {
                q = q.and(names.actor(actor)?);
            }
            for status in statuses {
                q = q.status(*status);
            }
            if let Some((from, until)) = bounds(*window) {
                q = q.between(from, until);
            }
            if let Some(k) = known_at {
                q = q.known_at(*k);
            }
            Answer::Meetings(graph.meetings(q).collect())
        }
        Question::Participants { meeting, known_at } => {
            let id = names.meeting(meeting)?;
            let Some(found) = graph.meeting_match(id, *known_at) else {
                return Err(Error::UnknownId {
                    kind: ItemKind::Meeting,
                    index: id.index(),
                });
            };
            Answer::Participants {
                meeting: found,
                participants: graph.participants(id).collect(),
            }
        }
        Question::MetBoth { first, second } => {
            let (a, b) = (names.actor(first)?, names.actor(second)?);
            Answer::Contacts(graph.met_both(a, b))
        }
        Question::Acts {
            kinds,
            actor,
            target,
            stance,
            window,
            known_at,
        } => {
            let actor = actor.as_ref().map(|a| names.actor(a)).transpose()?;
            let target = target.as_ref().map(|t| names.actor(t)).transpose()?;
            let stance = stance.as_ref().map(|s| names.stance(s)).transpose()?;
            let mut q = match (actor, target) {
                (Some(a), Some(t)) => ActQuery::by(a).to_actor(t),
                (Some(a), None) => ActQuery::by(a),
                (None, Some(t)) => ActQuery::towards(t),
                (None, None) => ActQuery::all(),
            };
            for kind in kinds {
                q = q.kind(*kind);
            }
            if let Some(s) = stance {
                q = q.about(s);
            }
            if let Some((from, until)) = bounds(*window) {
                q = q.between(from, until);
            }
            if let Some(k) = known_at {
                q = q.known_at(*k);
            }
            Answer::Acts(graph.acts(q).collect())
        }
        Question::Compare {
            first,
            second,
            relation,
            time,
        } => {
            let (a, b) = (names.actor(first)?, names.actor(second)?);
            let mut alignments = graph.compare(a, b, as_of(time));
            if let Some(r) = relation {
                alignments.retain(|al| al.relation == *r);
            }
            Answer::Alignments(alignments)
        }
        Question::Offices { actors, time } => {
            let mut out = Vec::new();
            for name in actors {
                let id = names.actor(name)?;
                out.push((id, graph.offices(id, as_of(time)).collect()));
            }
            Answer::Offices(out)
        }
        Question::StanceRanking { top } => {
            let mut ranking = graph.stance_ranking();
            if *top {
                if let Some(first) = ranking.first().copied() {
                    ranking.retain(|s| (s.actors, s.positions) == (first.actors, first.positions));
                }
            }
            Answer::StanceRanking(ranking)
        }
        Question::ActorRanking { top } => {
            let mut ranking = graph.actor_ranking();
            if *top {
                if let Some(first) = ranking.first().copied() {
                    ranking.retain(|a| a.total() == first.total());
                }
            }
            Answer::ActorRanking(ranking)
        }
    })
}

fn position_query(stance: Option<StanceId>, actor: Option<ActorId>, time: &Time) -> PositionQuery {
    let mut q = match stance {
        Some(s) => PositionQuery::on(s),
        None => PositionQuery::all(),
    };
    if let Some(a) = actor {
        q = q.by(a);
    }
    q = match (time.as_of, time.tense) {
        (Some(date), _) => q.as_of(date),
        (None, Tense::Latest) => q.latest(),
        (None, Tense::Ever) => q,
    };
    match time.known_at {
        Some(k) => q.known_at(k),
        None => q,
    }
}

fn as_of(time: &Time) -> AsOf {
    let at = time.as_of.map_or(AsOf::latest(), AsOf::date);
    match time.known_at {
        Some(k) => at.known_at(k),
        None => at,
    }
}

/// A window's bounds, the open sides made the first and last years there are.
fn bounds(window: Window) -> Option<(PartialDate, PartialDate)> {
    if window.from.is_none() && window.until.is_none() {
        return None;
    }
    let from = window.from.or_else(|| PartialDate::year_only(1).ok())?;
    let until = window.until.or_else(|| PartialDate::year_only(9999).ok())?;
    Some((from, until))
}

/// Looks names up, turning a failed lookup into an error at the name.
struct Names<'g, 'a> {
    graph: &'g DiplomaticGraph,
    text: &'a str,
}

impl Names<'_, '_> {
    fn actor(&self, name: &Name) -> Result<ActorId> {
        self.graph
            .find_actor(&name.text)
            .map_err(|e| self.error(name, "an actor", e))
    }

    fn stance(&self, name: &Name) -> Result<StanceId> {
        self.graph
            .find_stance(&name.text)
            .map_err(|e| self.error(name, "a stance", e))
    }

    fn meeting(&self, name: &Name) -> Result<MeetingId> {
        self.graph
            .find_meeting(&name.text)
            .map_err(|e| self.error(name, "a meeting", e))
    }

    /// A lookup's [`Error::NotFound`] or [`Error::Ambiguous`] as an error at
    /// the name, with the suggestions or candidates.
    fn error(&self, name: &Name, what: &str, err: Error) -> Error {
        let found: String = name.text.chars().take(80).collect();
        let (expected, found, suggestions) = match err {
            Error::NotFound { suggestions, .. } => {
                (what.to_owned(), format!("{found:?}"), suggestions)
            }
            Error::Ambiguous { candidates, .. } => (
                format!("{what} named by one item only"),
                format!("{found:?}, which names several"),
                candidates,
            ),
            other => return other,
        };
        let question: String = if self.text.is_empty() {
            // A question parsed earlier: show the name where it stood.
            let pad = " ".repeat(name.column.saturating_sub(1).min(MAX_QUESTION_LEN));
            format!("{pad}{}", name.text)
        } else {
            self.text.chars().take(MAX_QUESTION_LEN).collect()
        };
        Error::Question {
            question,
            column: name.column,
            expected,
            found,
            suggestions,
        }
    }
}
