//! The vocabulary of diplomatic events. Nothing here knows about graphs.
//!
//! Nodes are [`Actor`]s, [`Meeting`]s and [`Stance`]s; edges are
//! participation (inside [`Meeting`]), [`Position`]s (actor to stance),
//! [`Act`]s (actor to actor) and [`Link`]s (actor to actor). Every claim
//! carries [`Evidence`] citing a [`Source`]. Items refer to each other by
//! [`Key`].

mod act;
mod actor;
mod evidence;
mod key;
mod meeting;
mod stance;
mod time;

pub use act::{Act, ActKind};
pub use actor::{Actor, ActorKind, Link, LinkKind, Office};
pub use evidence::{Evidence, Source};
pub use key::{ActId, ActorId, Key, MAX_KEY_LEN, MeetingId, PositionId, SourceId, StanceId};
pub use meeting::{Meeting, MeetingKind, MeetingStatus, Participant, Role, Tone};
pub use stance::{Hedging, Polarity, Position, Stance};
pub use time::{Certainty, DateError, PartialDate, Precision, Validity};

/// Pushes onto a builder's list, growing the first few steps by exactly
/// one: most items have one to three pieces of evidence, participants or
/// aliases, and `Vec::push` would make room for four at once (a single
/// evidence entry then took the room of four, in the item and in a graph).
pub(crate) fn push_small<T>(list: &mut Vec<T>, item: T) {
    if list.len() < 4 {
        list.reserve_exact(1);
    }
    list.push(item);
}
