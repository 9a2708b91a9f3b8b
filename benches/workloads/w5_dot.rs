//! W5, Graphviz DOT export of the fixture graph, written into a byte
//! counter (a `fmt::Write` that only adds up lengths; not `io::sink`,
//! whose `write_fmt` skips formatting), so the figures cover choosing what
//! to draw, styling and escaping, but not storing the text. Throughput is
//! bytes of DOT per second.
//!
//! * `w5/dot_all/diplograph`: `View::All`: every actor, meeting and
//!   stance, every edge, evidence tooltips;
//! * `w5/dot_actor_hub/diplograph`: `View::Actor(hub)`, depth 1: the
//!   busiest actor's thousands of meetings and the edges among them;
//! * `w5/dot_actor_median/diplograph`: `View::Actor(median)`: a small
//!   picture, whose cost follows the neighbourhood, not the graph.
//!
//! Skipped at `10m` (gigabytes of DOT a call).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, SamplingMode, Throughput};
use diplograph::{DiplomaticGraph, DotOptions, View};

use super::Fixture;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    if fx.dataset.is_none() {
        eprintln!("w5: skipped at this scale");
        return;
    }
    let graph = &fx.graph;
    let picks = &fx.picks;
    let views = [
        ("dot_all/diplograph", View::All),
        ("dot_actor_hub/diplograph", View::Actor(picks.hub)),
        ("dot_actor_median/diplograph", View::Actor(picks.median)),
    ];
    let mut group = c.benchmark_group("w5");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for (name, view) in views {
        let size = write(graph, DotOptions::new(view));
        eprintln!("w5/{name}: {size} bytes of DOT");
        group.throughput(Throughput::Bytes(size as u64));
        fx.bench(&mut group, name, |b| {
            b.iter(|| write(black_box(graph), DotOptions::new(view)));
        });
    }
    group.finish();
}

/// Writes the DOT into a counter of bytes.
fn write(graph: &DiplomaticGraph, options: DotOptions) -> usize {
    let mut counter = Counter(0);
    write!(counter, "{}", graph.to_dot(options)).expect("a counter accepts everything");
    counter.0
}

struct Counter(usize);

impl std::fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += black_box(s).len();
        Ok(())
    }
}
