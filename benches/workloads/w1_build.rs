//! W1, build: a graph from in-memory model values through the `add_*`
//! methods, in events per second, beside the floor's build from the same
//! values. Bytes per event are measured once at start-up with the counting
//! allocator and printed (see `Fixture::new`), not timed here.
//!
//! * `w1/add_items/diplograph`: every source, actor, stance, meeting,
//!   position and act added one by one, each reference checked and every
//!   index updated; meetings in random date order, as when merging reports
//!   (date order at `10m`, see `Scale::TEN_MILLION`). Cloning the input
//!   and dropping the graph happen outside the timing.
//! * `w1/add_items_date_sorted/diplograph`: the same with meetings in
//!   date order, as from a date-sorted event file: shows what out-of-order
//!   arrival costs (the store keeps date-ordered lists by sorted insertion).
//! * `w1/add_items_batch/diplograph`: the same items, meetings in random
//!   date order, through one `graph.batch()`, the bulk path for loaders
//!   and importers: the same checks, with the date-ordered lists sorted
//!   once when the batch ends instead of kept sorted item by item.
//! * `w1/add_items/floor`: the floor's nodes and edges from the same
//!   values (read by reference, so no cloning to exclude).
//!
//! At `10m` nothing is repeated: the graph (through one batch) and the floor are each built
//! once, streaming from the generator, and the times printed at start-up.

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};

use super::Fixture;
use super::floor::Floor;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    let Some(dataset) = &fx.dataset else {
        eprintln!("w1: built once at start-up at this scale (see above)");
        return;
    };
    let mut group = c.benchmark_group("w1");
    // One build takes milliseconds to seconds: flat sampling (the same few
    // iterations in every sample), ten samples.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.throughput(Throughput::Elements(dataset.events() as u64));
    fx.bench(&mut group, "add_items/diplograph", |b| {
        b.iter_batched(
            || dataset.clone(),
            |data| data.build(),
            BatchSize::PerIteration,
        );
    });
    fx.bench(&mut group, "add_items_batch/diplograph", |b| {
        b.iter_batched(
            || dataset.clone(),
            |data| data.build_batch(),
            BatchSize::PerIteration,
        );
    });
    let sorted = dataset.clone().with_meetings_by_date();
    fx.bench(&mut group, "add_items_date_sorted/diplograph", |b| {
        b.iter_batched(
            || sorted.clone(),
            |data| data.build(),
            BatchSize::PerIteration,
        );
    });
    drop(sorted);
    fx.bench(&mut group, "add_items/floor", |b| {
        b.iter(|| Floor::of(std::hint::black_box(dataset)));
    });
    group.finish();
}
