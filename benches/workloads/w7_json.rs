//! W7, the JSON dataset format, both ways, on the fixture graph;
//! throughput in bytes of JSON (MB/s).
//!
//! * `w7/to_json_string/diplograph`: saving, pretty-printed;
//! * `w7/from_json_str/diplograph`: loading: parse, check the shape, then
//!   add every item through the same checks as W1;
//! * `w7/parse_typed_floor/serde`: parsing the same text into the model
//!   types with plain `serde_json`, without the checks and indexing of
//!   `from_json_str`. Not library API: a floor that splits loading into
//!   parsing and building.
//!
//! Skipped at `10m` (the text alone would take about 4 GB).

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, Throughput};
use diplograph::DiplomaticGraph;

use super::Fixture;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    let Some(json) = &fx.json else {
        eprintln!("w7: skipped at this scale");
        return;
    };
    let mut group = c.benchmark_group("w7");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(json.len() as u64));
    fx.bench(&mut group, "to_json_string/diplograph", |b| {
        b.iter(|| black_box(&fx.graph).to_json_string());
    });
    fx.bench(&mut group, "from_json_str/diplograph", |b| {
        b.iter(|| DiplomaticGraph::from_json_str(black_box(json)).expect("round trip"));
    });
    fx.bench(&mut group, "parse_typed_floor/serde", |b| {
        b.iter(|| serde_json::from_str::<Document>(black_box(json)).expect("parses"));
    });
    group.finish();
}

/// The dataset document's item lists, for the parse floor.
#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "parsed only to be dropped")]
struct Document {
    sources: Vec<diplograph::Source>,
    actors: Vec<diplograph::Actor>,
    stances: Vec<diplograph::Stance>,
    meetings: Vec<diplograph::Meeting>,
    positions: Vec<diplograph::Position>,
    acts: Vec<diplograph::Act>,
}
