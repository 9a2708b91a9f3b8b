//! How much memory a graph takes: builds the synthetic ICEWS14-scale graph
//! (7k actors, 90k events; the generator is `benches/gen/mod.rs`) under a
//! counting global allocator and prints the live heap bytes per event.
//!
//! ```text
//! cargo run --release --example memory
//! DIPLOGRAPH_BENCH_SCALE=small cargo run --release --example memory
//! ```
//!
//! With `query NAME [TIMES]` it also runs one query TIMES times (default
//! 1000) inside a function named `run_query`, for instruction counts:
//!
//! ```text
//! cargo build --release --example memory
//! valgrind --tool=callgrind --toggle-collect='*run_query*' \
//!     target/release/examples/memory query positions_as_of_busiest 1000
//! ```
//!
//! With `write DIR` it also writes the generated data to `DIR` in the two
//! forms the benchmarks read: `dataset.json` (the JSON dataset format) and
//! `events.gdelt.tsv` (GDELT 2.0 export rows, see `GdeltWriter`):
//!
//! ```text
//! DIPLOGRAPH_BENCH_SCALE=icews05-15 cargo run --release --example memory -- write /tmp/data
//! ```
//!
//! Figures and their reading are in `docs/performance.md`.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a measuring tool: a failure is a bug and should stop it"
)]

use std::alloc::System;
use std::hint::black_box;

use cap::Cap;
use diplograph::{ActKind, ActQuery, DiplomaticGraph, MeetingQuery, Polarity, PositionQuery};

#[path = "../benches/gen/mod.rs"]
mod synthetic;

use synthetic::{Dataset, GdeltWriter, Picks, SCALE_VAR, SEED, Scale, generate};

/// `System`, counting live and peak bytes.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

fn main() {
    let scale = if std::env::var_os(SCALE_VAR).is_some() {
        Scale::from_env()
    } else {
        Scale::ICEWS14
    };
    let base = ALLOCATOR.allocated();

    let dataset = Dataset::generate(scale, SEED);
    let events = dataset.events();
    let items = events + dataset.sources.len() + dataset.actors.len() + dataset.stances.len();
    let values = ALLOCATOR.allocated() - base;

    // Building moves the model values into the graph, so what is live
    // afterwards is the graph alone: the values plus petgraph and indexes.
    let graph = dataset.build();
    let built = ALLOCATOR.allocated() - base;
    let peak = ALLOCATOR.max_allocated() - base;

    let json = graph.to_json_string();
    let c = graph.counts();
    println!(
        "scale {}: {} sources, {} actors, {} stances, {} meetings, {} positions, {} acts ({events} events), {} edges",
        scale.name, c.sources, c.actors, c.stances, c.meetings, c.positions, c.acts, c.edges
    );
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "model values alone (Vec of items): {:>10} bytes = {:7.1} MiB = {:6.0} bytes/event",
        values,
        mib(values),
        values as f64 / events as f64
    );
    println!(
        "built graph (live heap):           {:>10} bytes = {:7.1} MiB = {:6.0} bytes/event, {:.0} bytes/item",
        built,
        mib(built),
        built as f64 / events as f64,
        built as f64 / items as f64
    );
    println!(
        "  of which petgraph + indexes:     {:>10} bytes = {:7.1} MiB = {:6.0} bytes/event",
        built.saturating_sub(values),
        mib(built.saturating_sub(values)),
        built.saturating_sub(values) as f64 / events as f64
    );
    println!(
        "peak heap while generating and building: {:.1} MiB",
        mib(peak)
    );
    println!(
        "dataset JSON (pretty):             {:>10} bytes = {:7.1} MiB = {:6.0} bytes/event",
        json.len(),
        mib(json.len()),
        json.len() as f64 / events as f64
    );
    drop(json);

    let mut args = std::env::args().skip(1);
    let command = args.next();
    if command.as_deref() == Some("write") {
        let dir = std::path::PathBuf::from(args.next().expect("write DIR"));
        std::fs::create_dir_all(&dir).expect("creating DIR");
        graph
            .save(dir.join("dataset.json"))
            .expect("writing dataset.json");
        let file = std::fs::File::create(dir.join("events.gdelt.tsv")).expect("creating the TSV");
        let mut rows = GdeltWriter::new(scale, std::io::BufWriter::new(file));
        generate(scale, SEED, &mut rows);
        let count = rows.rows;
        rows.finish().expect("writing events.gdelt.tsv");
        println!(
            "wrote {} and {count} GDELT rows to {}",
            dir.join("dataset.json").display(),
            dir.join("events.gdelt.tsv").display()
        );
    }
    if command.as_deref() == Some("query") {
        let name = args.next().expect("query NAME [TIMES]");
        let times: usize = args.next().map_or(1000, |t| t.parse().expect("TIMES"));
        let picks = Picks::choose(&graph);
        let found = run_query(&graph, &picks, scale, &name, times);
        println!("query {name} x{times}: {found} results in total");
    }
}

/// Runs the named query `times` times and returns the number of results,
/// summed. Kept out of line so callgrind can count only its instructions.
#[inline(never)]
fn run_query(
    graph: &DiplomaticGraph,
    picks: &Picks,
    scale: Scale,
    name: &str,
    times: usize,
) -> usize {
    let mid = scale.days() / 2;
    let mid_year = scale.day(mid);
    let mut total = 0;
    for _ in 0..times {
        let g = black_box(graph);
        total += match name {
            "positions_as_of_busiest" => g
                .positions(
                    PositionQuery::on(picks.busiest_stance)
                        .polarity(Polarity::Supports)
                        .as_of(mid_year),
                )
                .count(),
            "acts_criticised_towards_hub" => g
                .acts(ActQuery::towards(picks.hub).kind(ActKind::Criticised))
                .count(),
            "meetings_between_hub" => g
                .meetings(MeetingQuery::with(picks.hub).between(scale.day(mid - 89), mid_year))
                .count(),
            "met_both_hubs" => g.met_both(picks.hub, picks.second_hub).len(),
            "find_actor_word" => {
                let name = &g.actor(picks.median).expect("median").name;
                let surname = name.rsplit(' ').next().expect("a word");
                usize::from(g.find_actor(surname).is_ok())
            }
            other => panic!(
                "unknown query {other:?}; try positions_as_of_busiest, acts_criticised_towards_hub, \
                 meetings_between_hub, met_both_hubs or find_actor_word"
            ),
        };
    }
    total
}
