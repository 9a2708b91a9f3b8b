//! W4, as-of and known-at over long position histories, on all three
//! engines (`questions.rs`). The long history is the hub's on the busiest
//! stance: hundreds of positions at ICEWS scale, thousands at `10m`,
//! because the generator draws that pair again and again.
//!
//! * `w4/as_of_long_history/{diplograph,floor,oxigraph}`: the hub's
//!   positions on the busiest stance valid on the middle day.
//!   `diplograph`: one hash lookup of (actor, stance), then a scan of that
//!   timeline. Floor: the hub's outgoing edges to that stance
//!   (`edges_connecting`, i.e. a walk of all the hub's outgoing edges).
//! * `w4/known_at_long_history/...`: the same, counting only positions
//!   whose source was published by that day.
//! * `w4/opposes_known_at_busiest/...`: who opposes the busiest stance as
//!   of and as known on the middle day: the stance-wide as-of of W2 plus a
//!   source lookup per position kept.
//!
//! And, `diplograph` only:
//!
//! * `w4/position_history/diplograph`: the whole of the long history;
//! * `w4/compare_hubs/diplograph`: where the two hubs agree or disagree
//!   now: for each stance of the first, a timeline lookup for each actor.

use std::hint::black_box;

use criterion::Criterion;
use diplograph::AsOf;

use super::Fixture;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    super::questions::bench(c, fx, "w4");

    let g = &fx.graph;
    let p = &fx.picks;
    let mut group = c.benchmark_group("w4");
    fx.bench(&mut group, "position_history/diplograph", |b| {
        b.iter(|| {
            g.position_history(black_box(p.hub), p.busiest_stance)
                .count()
        });
    });
    fx.bench(&mut group, "compare_hubs/diplograph", |b| {
        b.iter(|| {
            g.compare(black_box(p.hub), p.second_hub, AsOf::latest())
                .len()
        });
    });
    group.finish();
}
