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
pub(crate) use lookup::Words;
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

use crate::model::{Certainty, PartialDate, Polarity};

/// The last day of a query's date (an `as_of` or `known_at`), as a number
/// that compares with the bounds of stored dates without counting days.
///
/// Valid calendar days packed as `year, month, day` compare as the days
/// do. An unknown day of a stored date's last month is packed as 31 and an
/// unknown month as 12, which is exact once the query's day is packed as 31
/// too when it is the last day of its month: a query day can then never
/// fall between the true last day and 31. So one packing per query, and per
/// item a few integer comparisons instead of day counting (see the test
/// below, which checks this against [`Validity::at`](crate::Validity::at)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Day(u32);

fn pack(year: u16, month: u8, day: u8) -> u32 {
    (u32::from(year) << 9) | (u32::from(month) << 5) | u32::from(day)
}

/// The first day a date covers (exact: its real first day, packed).
pub(crate) fn first_key(d: PartialDate) -> u32 {
    pack(
        d.year(),
        d.month_number().unwrap_or(1),
        d.day().unwrap_or(1),
    )
}

/// The last day a stored date covers, an unknown day packed as 31.
fn last_key(d: PartialDate) -> u32 {
    pack(
        d.year(),
        d.month_number().unwrap_or(12),
        d.day().unwrap_or(31),
    )
}

impl Day {
    /// The last day of `date`.
    pub(crate) fn last_of(date: PartialDate) -> Day {
        let last = date.last_day();
        let (year, month) = (last.year(), last.month_number().unwrap_or(12));
        // The last day of its month when the next day is a first (or
        // there is none: 9999-12-31).
        let month_end = date.day_after().is_none_or(|next| next.day() == Some(1));
        let day = if month_end {
            31
        } else {
            last.day().unwrap_or(31)
        };
        Day(pack(year, month, day))
    }

    /// Whether something valid from `from` until `until` held on this day,
    /// and how surely: [`Validity::at`](crate::Validity::at).
    pub(crate) fn holds(
        self,
        from: Option<PartialDate>,
        until: Option<PartialDate>,
    ) -> Option<Certainty> {
        let day = self.0;
        let mut certainty = Certainty::Certain;
        if let Some(from) = from {
            if day < first_key(from) {
                return None;
            }
            if day < last_key(from) {
                certainty = Certainty::Possible;
            }
        }
        if let Some(until) = until {
            if day >= last_key(until) {
                return None;
            }
            if day >= first_key(until) {
                certainty = Certainty::Possible;
            }
        }
        Some(certainty)
    }

    /// Whether a source published on `published` was out by this day;
    /// equally, whether all of `published` lies on or before this day.
    pub(crate) fn has_seen(self, published: PartialDate) -> bool {
        last_key(published) <= self.0
    }

    /// Whether something first known on `known` (a [`known_key`]) was
    /// known by this day.
    pub(crate) fn has_seen_key(self, known: u32) -> bool {
        known <= self.0
    }
}

/// What a scan needs to know of a position without reading it: its
/// polarity, whether it is open-ended, and the first and last packed days
/// of its `from` and `until`, enough to tell whether it holds on a day and
/// how surely. Kept per position (`Indexes::position_spans`) and beside
/// each id in a stance's list (`Indexes::positions_by_stance`), 20 bytes
/// each, so stance-wide scans decide every position without touching the
/// entries, which they read only for the matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PositionSpan {
    /// First and last packed day of `from` (0 and 0 when unknown).
    from_first: u32,
    from_last: u32,
    /// First and last packed day of `until` (`u32::MAX` when unknown).
    until_first: u32,
    until_last: u32,
    polarity: Polarity,
    open: bool,
}

impl PositionSpan {
    /// The span of `position`.
    pub(crate) fn of(position: &crate::Position) -> PositionSpan {
        PositionSpan {
            from_first: position.from.map_or(0, first_key),
            from_last: position.from.map_or(0, last_key),
            until_first: position.until.map_or(u32::MAX, first_key),
            until_last: position.until.map_or(u32::MAX, last_key),
            polarity: position.polarity,
            open: position.until.is_none(),
        }
    }

    /// The polarity.
    pub(crate) fn polarity(self) -> Polarity {
        self.polarity
    }

    /// Whether the position is open-ended (no `until`).
    pub(crate) fn open(self) -> bool {
        self.open
    }

    /// False only when the position cannot hold on `day`: exactly when
    /// [`Day::holds`] gives `None`.
    pub(crate) fn may_hold(self, day: Day) -> bool {
        self.from_first <= day.0 && day.0 < self.until_last
    }

    /// Whether the position holds on `day`, and how surely: exactly
    /// [`Day::holds`] of its `from` and `until`, from the packed days.
    pub(crate) fn holds(self, day: Day) -> Option<Certainty> {
        if !self.may_hold(day) {
            return None;
        }
        if day.0 < self.from_last || day.0 >= self.until_first {
            Some(Certainty::Possible)
        } else {
            Some(Certainty::Certain)
        }
    }
}

/// A publication date packed for [`Day::has_seen_key`]: `has_seen(p)` is
/// `has_seen_key(known_key(p))`, and the earliest of several is their
/// least.
pub(crate) fn known_key(published: PartialDate) -> u32 {
    last_key(published)
}

#[cfg(test)]
mod tests {
    use super::Day;
    use crate::model::{PartialDate, Validity};

    fn dates() -> Vec<PartialDate> {
        let mut all = Vec::new();
        for year in [2023, 2024, 2025] {
            all.extend(PartialDate::year_only(year));
            for month in 1..=12 {
                all.extend(PartialDate::month(year, month));
                for day in 1..=31 {
                    all.extend(PartialDate::ymd(year, month, day));
                }
            }
        }
        all
    }

    #[test]
    fn spans_reject_only_what_holds_rejects() {
        use crate::{Polarity, Position};
        let all = dates();
        let bounds: Vec<Option<PartialDate>> = std::iter::once(None)
            .chain(all.iter().copied().step_by(11).map(Some))
            .collect();
        let days: Vec<PartialDate> = all.iter().copied().step_by(5).collect();
        for from in &bounds {
            for until in &bounds {
                let mut p = Position::new("a", "s", Polarity::Opposes);
                p.from = *from;
                p.until = *until;
                let span = super::PositionSpan::of(&p);
                assert_eq!(span.open(), until.is_none());
                for d in &days {
                    let day = Day::last_of(*d);
                    let holds = day.holds(*from, *until);
                    assert_eq!(
                        span.may_hold(day),
                        holds.is_some(),
                        "{from:?}..{until:?} on {d}"
                    );
                    assert_eq!(span.holds(day), holds, "{from:?}..{until:?} on {d}");
                }
            }
        }
    }

    #[test]
    fn packed_days_agree_with_day_numbers() {
        let all = dates();
        let bounds: Vec<PartialDate> = all.iter().copied().step_by(7).collect();
        for q in &all {
            let day = Day::last_of(*q);
            for b in &bounds {
                assert_eq!(day.has_seen_key(super::known_key(*b)), day.has_seen(*b));
                assert_eq!(
                    super::first_key(*q) >= super::first_key(*b),
                    q.day_number() >= b.day_number(),
                    "{q} from {b}"
                );
                assert_eq!(
                    day.has_seen(*b),
                    b.last_day_number() <= q.last_day_number(),
                    "{b} seen by {q}"
                );
                for v in [
                    Validity::since(*b),
                    Validity::until(*b),
                    Validity::between(*b, *b),
                ] {
                    assert_eq!(day.holds(v.from, v.until), v.at(*q), "{v:?} at {q}");
                }
            }
            for pair in bounds.windows(2).step_by(5) {
                if let [from, until] = pair {
                    let v = Validity::between(*from, *until);
                    assert_eq!(day.holds(v.from, v.until), v.at(*q), "{v:?} at {q}");
                }
            }
        }
    }
}
