//! Typed queries over a [`DiplomaticGraph`](crate::DiplomaticGraph).
//!
//! Each query takes an options value (or something that converts into one,
//! such as an id) and returns results that borrow the graph. Every result
//! carries its evidence, resolved to its [`Source`](crate::Source), through an
//! `evidence()` method.
//!
//! ```
//! use diplograph::{datasets, MeetingQuery, MeetingStatus};
//!
//! let graph = datasets::washington_2025();
//! let zelenskyy = graph.find_actor("Zelensky")?;
//! for m in graph.meetings(MeetingQuery::with(zelenskyy).status(MeetingStatus::Held)) {
//!     let quote = m.evidence().next().and_then(|c| c.quote()).unwrap_or("");
//!     println!("{} {}: {quote}", m.meeting.date.map(|d| d.to_string()).unwrap_or_default(), m.meeting.title);
//! }
//! # Ok::<(), diplograph::Error>(())
//! ```
//!
//! # Two kinds of time
//!
//! * **Valid time**, "as of": when a position or office held. A query made
//!   `as_of(d)` keeps what held on the last day of `d` (see
//!   [`Validity::at`](crate::Validity::at)); results say whether that is
//!   [`Certain`](crate::Certainty::Certain) or only
//!   [`Possible`](crate::Certainty::Possible) given partial dates.
//! * **Report time**, "known at": when a source said so. A query made
//!   `known_at(k)` keeps only evidence whose source was published on or
//!   before the last day of `k`, and only items with at least one such piece
//!   of evidence. A source with no publication date never counts as known.
//!
//! | question | method | cost |
//! |---|---|---|
//! | who supports/opposes stance S (as of D, known at K) | [`positions`](crate::DiplomaticGraph::positions) | positions on S |
//! | an actor's history on a stance | [`position_history`](crate::DiplomaticGraph::position_history) | that history |
//! | who changed position, from what to what | [`position_changes`](crate::DiplomaticGraph::position_changes) | positions on S (or of A) |
//! | meetings of an actor, by status, in a window | [`meetings`](crate::DiplomaticGraph::meetings) | the actor's (or status's) meetings |
//! | participants of a meeting | [`participants`](crate::DiplomaticGraph::participants) | its participants |
//! | who met both A and B | [`met_both`](crate::DiplomaticGraph::met_both) | participants of A's and B's meetings |
//! | acts by kind between actors | [`acts`](crate::DiplomaticGraph::acts) | acts of that kind towards the target |
//! | where A and B agree or disagree | [`compare`](crate::DiplomaticGraph::compare) | positions of A and B |
//! | offices of an actor as of D | [`offices`](crate::DiplomaticGraph::offices) | the actor's offices |
//! | stances ranked by positions | [`stance_ranking`](crate::DiplomaticGraph::stance_ranking) | all positions |
//! | actors ranked by activity | [`actor_ranking`](crate::DiplomaticGraph::actor_ranking) | actors, their meetings and positions |
//! | a question in words | [`ask`](crate::DiplomaticGraph::ask) | parsing (linear in its length), name lookups, then the query it asks |
//! | actor by key, name or alias | [`find_actor`](crate::DiplomaticGraph::find_actor) | one hash lookup |

mod acts;
mod evidence;
pub mod language;
mod lookup;
mod meetings;
mod positions;
mod ranking;

pub use acts::{ActMatch, ActQuery};
pub use evidence::Cited;
pub use language::{Answer, Question};
pub use meetings::{Contact, MeetingMatch, MeetingQuery};
pub use positions::{
    Alignment, AsOf, OfficeMatch, PositionChange, PositionMatch, PositionQuery, Relation,
    StanceCount,
};
pub use ranking::ActorCount;
