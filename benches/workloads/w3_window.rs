//! W3, meetings in a date window, on all three engines (`questions.rs`):
//!
//! * `w3/meetings_between_{hub,median}/{diplograph,floor,oxigraph}`: the
//!   hub's or a median actor's meetings in the 90 days up to the middle
//!   day of the span. `diplograph`: the actor's date-ordered meeting list,
//!   a binary search to the window's start, a scan to its end. Floor: the
//!   actor's outgoing edges (all its participations, positions and acts),
//!   each participation's dates checked.
//!
//! And, `diplograph` only:
//!
//! * `w3/meetings_between_all/diplograph`: every meeting in that window
//!   (the date-ordered list of all meetings);
//! * `w3/met_both_{hubs,median}/diplograph`: who met both of two actors;
//!   for the two hubs, every participant of every held meeting of each,
//!   collected into ordered maps.

use std::hint::black_box;

use criterion::{Criterion, SamplingMode};
use diplograph::MeetingQuery;

use super::Fixture;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    super::questions::bench(c, fx, "w3");

    let g = &fx.graph;
    let p = &fx.picks;
    let (from, until) = (fx.dates.from, fx.dates.until);
    let mut group = c.benchmark_group("w3");
    fx.bench(&mut group, "meetings_between_all/diplograph", |b| {
        b.iter(|| {
            black_box(g)
                .meetings(MeetingQuery::all().between(from, until))
                .count()
        });
    });
    group.finish();
    // Milliseconds to seconds a call at the large scales: flat sampling,
    // ten samples.
    let mut group = c.benchmark_group("w3");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    fx.bench(&mut group, "met_both_hubs/diplograph", |b| {
        b.iter(|| g.met_both(black_box(p.hub), p.second_hub).len());
    });
    fx.bench(&mut group, "met_both_median/diplograph", |b| {
        b.iter(|| g.met_both(black_box(p.median), p.second_median).len());
    });
    group.finish();
}
