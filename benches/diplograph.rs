//! Benchmarks of `diplograph`, one module per workload (W1 to W7, in
//! `workloads/`), on seeded synthetic data (`gen/mod.rs`), with the point,
//! window and history questions (W2 to W4) also asked of a hand-written
//! petgraph floor and, with `--features bench-oxigraph`, of Oxigraph's
//! in-memory store through SPARQL, in the same run.
//!
//! ```text
//! cargo bench --bench diplograph                                   # small scale
//! DIPLOGRAPH_BENCH_SCALE=icews14 cargo bench --bench diplograph    # or icews05-15, 10m
//! cargo bench --bench diplograph --features bench-oxigraph         # with Oxigraph
//! cargo bench --bench diplograph -- w2/                            # one workload
//! cargo bench --bench diplograph -- --test                         # smoke: each bench once
//! ```
//!
//! Ids are `workload/question/engine/scale` (`w2/opposes_as_of_busiest/
//! floor/icews14`); criterion keeps each under `target/criterion/`, and
//! `benches/medians.py` turns them into the tables of
//! `docs/performance.md`, with the ratios between engines.
//!
//! Start-up prints what the questions ask about, the answers (checked to
//! be the same from every engine: a disagreement stops the run), and bytes
//! per event measured with a counting global allocator (`cap`, which adds
//! a few atomic additions to every allocation, for every engine alike).

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "benchmark setup: a failure is a bug in the generator and should stop the run"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cap::Cap;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use diplograph::DiplomaticGraph;

#[path = "gen/mod.rs"]
mod synthetic;

#[path = "workloads/floor.rs"]
mod floor;
#[path = "workloads/questions.rs"]
mod questions;
#[cfg(feature = "bench-oxigraph")]
#[path = "workloads/sparql.rs"]
mod sparql;
#[path = "workloads/w1_build.rs"]
mod w1_build;
#[path = "workloads/w2_point.rs"]
mod w2_point;
#[path = "workloads/w3_window.rs"]
mod w3_window;
#[path = "workloads/w4_history.rs"]
mod w4_history;
#[path = "workloads/w5_dot.rs"]
mod w5_dot;
#[path = "workloads/w6_import.rs"]
mod w6_import;
#[path = "workloads/w7_json.rs"]
mod w7_json;

use floor::Floor;
use questions::Dates;
use synthetic::{Dataset, Discard, Picks, SEED, Scale, generate};

/// `System`, counting live and peak bytes, for bytes per event.
#[cfg(not(feature = "bench-mimalloc"))]
#[global_allocator]
static ALLOCATOR: Cap<std::alloc::System> = Cap::new(std::alloc::System, usize::MAX);

/// mimalloc instead, with `--features bench-mimalloc`: what the command line
/// uses (see the `mimalloc` feature).
#[cfg(feature = "bench-mimalloc")]
#[global_allocator]
static ALLOCATOR: Cap<mimalloc::MiMalloc> = Cap::new(mimalloc::MiMalloc, usize::MAX);

/// Generated once per run and shared by every workload.
struct Fixture {
    scale: Scale,
    /// The model values; `None` at `10m`, which streams them into the
    /// graph and the floor instead of holding them too.
    dataset: Option<Dataset>,
    graph: DiplomaticGraph,
    floor: Floor,
    #[cfg(feature = "bench-oxigraph")]
    rdf: Option<sparql::Rdf>,
    picks: Picks,
    dates: Dates,
    /// The graph as JSON; `None` at `10m`.
    json: Option<String>,
}

/// Live heap bytes after `f` less before, and `f`'s result and time.
fn measured<T>(f: impl FnOnce() -> T) -> (T, usize, Duration) {
    let before = ALLOCATOR.allocated();
    let start = Instant::now();
    let value = f();
    let took = start.elapsed();
    (value, ALLOCATOR.allocated().saturating_sub(before), took)
}

/// The process's peak resident set (`VmHWM`), as `/proc` reports it.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "?".into())
}

impl Fixture {
    fn new() -> Self {
        let scale = Scale::from_env();
        let events = scale.events() as f64;
        let per_event = |bytes: usize| bytes as f64 / events;
        eprintln!(
            "fixture {}: generating {} events ({} actors, {} stances) over {} years from {}",
            scale.name,
            scale.events(),
            scale.actors,
            scale.stances,
            scale.years,
            scale.first_year
        );
        let (dataset, graph, floor, strings, graph_bytes, floor_bytes) = if scale
            == Scale::TEN_MILLION
        {
            // Streaming: generate three times rather than hold the items.
            let ((), _, generating) = measured(|| generate(scale, SEED, &mut Discard));
            let (strings, _, _) = measured(|| {
                let mut counter = synthetic::StringBytes::default();
                generate(scale, SEED, &mut counter);
                counter.bytes
            });
            let (graph, graph_bytes, building) = measured(|| {
                let mut graph = DiplomaticGraph::new();
                let mut batch = graph.batch();
                generate(scale, SEED, &mut batch);
                batch.finish();
                graph
            });
            let (floor, floor_bytes, flooring) = measured(|| {
                let mut floor = Floor::new(scale);
                generate(scale, SEED, &mut floor);
                floor.graph.shrink_to_fit();
                floor
            });
            let build = building.saturating_sub(generating).as_secs_f64();
            let floor_build = flooring.saturating_sub(generating).as_secs_f64();
            eprintln!(
                "w1 at {} (once each, streaming): generating alone {:.1} s; generating and building the graph {:.1} s, so building {build:.1} s = {:.2} M events/s; generating and building the floor {:.1} s, so {floor_build:.1} s = {:.2} M events/s",
                scale.name,
                generating.as_secs_f64(),
                building.as_secs_f64(),
                events / build / 1e6,
                flooring.as_secs_f64(),
                events / floor_build / 1e6
            );
            (None, graph, floor, strings, graph_bytes, floor_bytes)
        } else {
            let dataset = Dataset::generate(scale, SEED);
            let strings = dataset.event_string_bytes();
            let (graph, graph_bytes, building) = measured(|| dataset.clone().build());
            let (floor, floor_bytes, flooring) = measured(|| Floor::of(&dataset));
            eprintln!(
                "w1 at {} (once each, cloning included): graph {:.3} s, floor {:.3} s",
                scale.name,
                building.as_secs_f64(),
                flooring.as_secs_f64()
            );
            (
                Some(dataset),
                graph,
                floor,
                strings,
                graph_bytes,
                floor_bytes,
            )
        };
        eprintln!(
            "memory: diplograph {graph_bytes} bytes = {:.0} B/event ({:.0} B/event without the {:.0} B/event of the events' strings); floor {floor_bytes} bytes = {:.1} B/event",
            per_event(graph_bytes),
            per_event(graph_bytes.saturating_sub(strings)),
            per_event(strings),
            per_event(floor_bytes)
        );

        #[cfg(feature = "bench-oxigraph")]
        let rdf = dataset.as_ref().map(|data| {
            let (rdf, bytes, took) = measured(|| sparql::Rdf::load(data));
            eprintln!(
                "memory: oxigraph {bytes} bytes = {:.0} B/event; {} quads, loaded in {:.2} s ({:.0} k quads/s)",
                per_event(bytes),
                rdf.quads,
                took.as_secs_f64(),
                rdf.quads as f64 / took.as_secs_f64() / 1e3
            );
            rdf
        });
        #[cfg(feature = "bench-oxigraph")]
        if rdf.is_none() {
            eprintln!(
                "oxigraph: skipped at this scale (about 1.3 KB/event would not fit beside the graph)"
            );
        }

        let picks = Picks::choose(&graph);
        let mid = scale.days() / 2;
        let dates = Dates {
            mid: scale.day(mid),
            from: scale.day(mid - 89),
            until: scale.day(mid),
        };
        let json = dataset.as_ref().map(|_| graph.to_json_string());
        let fixture = Fixture {
            scale,
            dataset,
            graph,
            floor,
            #[cfg(feature = "bench-oxigraph")]
            rdf,
            picks,
            dates,
            json,
        };
        fixture.describe();
        questions::check(&fixture);
        eprintln!("peak resident set so far: {}", peak_rss());
        fixture
    }

    /// Prints what the queries run on, so results can be read against it.
    fn describe(&self) {
        let g = &self.graph;
        let p = &self.picks;
        let c = g.counts();
        let name = |a| g.actor(a).map_or("?", |a| a.name.as_str());
        let degree = |a| {
            (
                g.meetings(a).count(),
                g.acts(diplograph::ActQuery::towards(a)).count(),
            )
        };
        let on = |s| g.positions(s).count();
        eprintln!(
            "fixture {}: {} sources, {} actors, {} stances, {} meetings, {} positions, {} acts, {} edges, {} bytes of JSON; floor {} nodes, {} edges",
            self.scale.name,
            c.sources,
            c.actors,
            c.stances,
            c.meetings,
            c.positions,
            c.acts,
            c.edges,
            self.json.as_ref().map_or(0, String::len),
            self.floor.graph.node_count(),
            self.floor.graph.edge_count()
        );
        for (label, a) in [
            ("hub", p.hub),
            ("second hub", p.second_hub),
            ("median", p.median),
            ("second median", p.second_median),
        ] {
            let (meetings, towards) = degree(a);
            eprintln!(
                "  {label} actor {} ({}): {meetings} meetings, {towards} acts towards it",
                a.index(),
                name(a)
            );
        }
        eprintln!(
            "  busiest stance: {} positions; median stance: {} positions; hub's history on the busiest: {}",
            on(p.busiest_stance),
            on(p.median_stance),
            g.position_history(p.hub, p.busiest_stance).count()
        );
        eprintln!(
            "  as of / known at {}; meeting window {} to {}",
            self.dates.mid, self.dates.from, self.dates.until
        );
    }

    /// Runs `f` as `group/name/scale`.
    fn bench(
        &self,
        group: &mut BenchmarkGroup<'_, WallTime>,
        name: &str,
        f: impl FnMut(&mut criterion::Bencher<'_, WallTime>),
    ) {
        group.bench_function(BenchmarkId::new(name, self.scale.name), f);
    }
}

fn all(c: &mut Criterion) {
    let fixture = Fixture::new();
    w1_build::benches(c, &fixture);
    w2_point::benches(c, &fixture);
    w3_window::benches(c, &fixture);
    w4_history::benches(c, &fixture);
    w5_dot::benches(c, &fixture);
    w6_import::benches(c, &fixture);
    w7_json::benches(c, &fixture);
    black_box(fixture);
}

criterion_group! {
    name = benches;
    // Short runs: the machine is small and shared (see docs/performance.md).
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = all
}
criterion_main!(benches);
