//! Benchmarks of `diplograph`: building a graph, the typed queries, the
//! JSON dataset format and the Graphviz export, on seeded synthetic data
//! (see `gen/mod.rs`).
//!
//! ```text
//! cargo bench --bench diplograph                                  # ~1k actors, ~10k events
//! DIPLOGRAPH_BENCH_SCALE=icews14 cargo bench --bench diplograph   # 7k actors, 90k events
//! cargo bench --bench diplograph -- --test                        # smoke: each bench once
//! cargo bench --bench diplograph -- query/                        # one area
//! ```
//!
//! Ids are `area/workload` at the small scale and `area/workload/icews14`
//! at the large one, so the two scales keep separate results under
//! `target/criterion/` and are never compared with each other.
//! Results and the machine they were taken on are in `docs/performance.md`.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "benchmark setup: a failure is a bug in the generator and should stop the run"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use diplograph::DiplomaticGraph;

#[path = "gen/mod.rs"]
mod synthetic;

use synthetic::{Dataset, Picks, SEED, Scale};

/// Generated once per run and shared by every area.
struct Fixture {
    scale: Scale,
    dataset: Dataset,
    graph: DiplomaticGraph,
    picks: Picks,
    json: String,
}

impl Fixture {
    fn new() -> Self {
        let scale = Scale::from_env();
        let dataset = Dataset::generate(scale, SEED);
        let graph = dataset.clone().build();
        let picks = Picks::choose(&graph);
        let json = graph.to_json_string();
        let fixture = Fixture {
            scale,
            dataset,
            graph,
            picks,
            json,
        };
        fixture.describe();
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
            "fixture {}: {} sources, {} actors, {} stances, {} meetings, {} positions, {} acts, {} edges, {} bytes of JSON",
            self.scale.name,
            c.sources,
            c.actors,
            c.stances,
            c.meetings,
            c.positions,
            c.acts,
            c.edges,
            self.json.len()
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
    }

    /// Runs `f` as `group/name`, or `group/name/icews14` at that scale.
    fn bench(
        &self,
        group: &mut BenchmarkGroup<'_, WallTime>,
        name: &str,
        f: impl FnMut(&mut criterion::Bencher<'_, WallTime>),
    ) {
        if self.scale == Scale::SMALL {
            group.bench_function(name, f);
        } else {
            group.bench_function(BenchmarkId::new(name, self.scale.name), f);
        }
    }
}

/// Building a graph from model values through the `add_*` methods.
mod build {
    use criterion::{BatchSize, Criterion, SamplingMode, Throughput};

    use super::Fixture;

    pub fn benches(c: &mut Criterion, fx: &Fixture) {
        let mut group = c.benchmark_group("build");
        // One build takes milliseconds to a quarter of a second: flat
        // sampling (the same few iterations in every sample) keeps the run
        // short.
        group.sampling_mode(SamplingMode::Flat);
        group.throughput(Throughput::Elements(fx.dataset.events() as u64));

        // `build/add_items`: every source, actor, stance, meeting, position
        // and act added one by one, with each reference checked and every
        // index updated; meetings arrive in random date order, as when
        // merging reports. Throughput counts events (meetings + positions +
        // acts). The cloning of the input happens outside the timing; the
        // drop of the built graph too.
        fx.bench(&mut group, "add_items", |b| {
            b.iter_batched(
                || fx.dataset.clone(),
                |data| data.build(),
                BatchSize::PerIteration,
            );
        });

        // `build/add_items_date_sorted`: the same items with meetings
        // already in date order, as from a date-sorted event file. The
        // meeting indexes keep date order by sorted insertion, so this
        // shows what out-of-order arrival costs.
        let sorted = fx.dataset.clone().with_meetings_by_date();
        fx.bench(&mut group, "add_items_date_sorted", |b| {
            b.iter_batched(
                || sorted.clone(),
                |data| data.build(),
                BatchSize::PerIteration,
            );
        });
        group.finish();
    }
}

/// The typed queries, each on a hub and on a median actor or stance where
/// the index makes that matter; every result is driven to the end.
mod query {
    use std::hint::black_box;

    use criterion::Criterion;
    use diplograph::{ActKind, ActQuery, AsOf, MeetingQuery, Polarity, PositionQuery};

    use super::Fixture;
    use super::synthetic::day;

    pub fn benches(c: &mut Criterion, fx: &Fixture) {
        let g = &fx.graph;
        let p = &fx.picks;
        let mid_year = day(180);
        let mut group = c.benchmark_group("query");

        // `query/positions_as_of_busiest`: who supported the busiest stance
        // on 30 June. Served by the per-stance position list, then filtered
        // by validity and polarity: linear in the positions on the stance.
        fx.bench(&mut group, "positions_as_of_busiest", |b| {
            b.iter(|| {
                let q = PositionQuery::on(black_box(p.busiest_stance))
                    .polarity(Polarity::Supports)
                    .as_of(mid_year);
                g.positions(q).count()
            });
        });

        // `query/positions_as_of_median`: the same on a median stance, to
        // show the cost follows the stance's size, not the graph's.
        fx.bench(&mut group, "positions_as_of_median", |b| {
            b.iter(|| {
                let q = PositionQuery::on(black_box(p.median_stance))
                    .polarity(Polarity::Supports)
                    .as_of(mid_year);
                g.positions(q).count()
            });
        });

        // `query/positions_known_at_busiest`: as above, also keeping only
        // evidence published by 30 June: adds a source lookup (a hash of the
        // source key) per position.
        fx.bench(&mut group, "positions_known_at_busiest", |b| {
            b.iter(|| {
                let q = PositionQuery::on(black_box(p.busiest_stance))
                    .polarity(Polarity::Supports)
                    .as_of(mid_year)
                    .known_at(mid_year);
                g.positions(q).count()
            });
        });

        // `query/position_history`: the hub's timeline on the busiest stance.
        // One hash lookup of (actor, stance), then that timeline.
        fx.bench(&mut group, "position_history", |b| {
            b.iter(|| {
                g.position_history(black_box(p.hub), p.busiest_stance)
                    .count()
            });
        });

        // `query/acts_criticised_towards_hub`: who criticised the hub. One
        // hash lookup of (kind, target), then those acts.
        fx.bench(&mut group, "acts_criticised_towards_hub", |b| {
            b.iter(|| {
                g.acts(ActQuery::towards(black_box(p.hub)).kind(ActKind::Criticised))
                    .count()
            });
        });

        // `query/acts_criticised_towards_median`: the same for a median actor.
        fx.bench(&mut group, "acts_criticised_towards_median", |b| {
            b.iter(|| {
                g.acts(ActQuery::towards(black_box(p.median)).kind(ActKind::Criticised))
                    .count()
            });
        });

        // `query/meetings_between_hub`: the hub's meetings in the second
        // quarter. The actor's date-ordered meeting list, a binary search to
        // the window's start, a scan to its end.
        let (q2_start, q2_end) = (day(90), day(180));
        fx.bench(&mut group, "meetings_between_hub", |b| {
            b.iter(|| {
                g.meetings(MeetingQuery::with(black_box(p.hub)).between(q2_start, q2_end))
                    .count()
            });
        });

        // `query/meetings_between_median`: the same for a median actor.
        fx.bench(&mut group, "meetings_between_median", |b| {
            b.iter(|| {
                g.meetings(MeetingQuery::with(black_box(p.median)).between(q2_start, q2_end))
                    .count()
            });
        });

        // `query/met_both_hubs`: who met both of the two busiest actors, the
        // worst case: every participant of every held meeting of each,
        // collected into ordered maps.
        fx.bench(&mut group, "met_both_hubs", |b| {
            b.iter(|| g.met_both(black_box(p.hub), p.second_hub).len());
        });

        // `query/met_both_median`: the same for two median actors.
        fx.bench(&mut group, "met_both_median", |b| {
            b.iter(|| g.met_both(black_box(p.median), p.second_median).len());
        });

        // `query/compare_hubs`: where the two hubs agree or disagree now.
        // For each stance of the first, a timeline lookup for each actor.
        fx.bench(&mut group, "compare_hubs", |b| {
            b.iter(|| {
                g.compare(black_box(p.hub), p.second_hub, AsOf::latest())
                    .len()
            });
        });

        // `query/find_actor_key`: lookup by exact key, one hash lookup.
        let median_key = g.actor_key(p.median).expect("median actor").to_string();
        fx.bench(&mut group, "find_actor_key", |b| {
            b.iter(|| g.find_actor(black_box(&median_key)).is_ok());
        });

        // `query/find_actor_name`: lookup by full name in another case:
        // normalisation, then one hash lookup.
        let median_name = g.actor(p.median).expect("median actor").name.to_uppercase();
        fx.bench(&mut group, "find_actor_name", |b| {
            b.iter(|| g.find_actor(black_box(&median_name)).is_ok());
        });

        // `query/find_actor_word`: lookup by one word of the name (the
        // surname). No exact entry, so every known name is split into
        // words and checked: linear in the number of names and aliases.
        let surname = median_name
            .rsplit(' ')
            .next()
            .expect("a name has a word")
            .to_owned();
        fx.bench(&mut group, "find_actor_word", |b| {
            b.iter(|| g.find_actor(black_box(&surname)).is_ok());
        });

        // `query/find_actor_typo`: the surname with its last letter changed.
        // The word scan finds nothing, so every known name is also compared
        // by edit distance to suggest spellings: linear in the names, with a
        // bounded edit distance each.
        let mut typo = surname.clone();
        let last = if typo.pop() == Some('X') { 'Y' } else { 'X' };
        typo.push(last);
        fx.bench(&mut group, "find_actor_typo", |b| {
            b.iter(|| g.find_actor(black_box(&typo)).is_err());
        });
        group.finish();
    }
}

/// The JSON dataset format, both ways, on the whole generated graph.
mod json {
    use std::hint::black_box;

    use criterion::{Criterion, SamplingMode, Throughput};
    use diplograph::DiplomaticGraph;

    use super::Fixture;

    pub fn benches(c: &mut Criterion, fx: &Fixture) {
        let mut group = c.benchmark_group("json");
        group.sampling_mode(SamplingMode::Flat);
        group.throughput(Throughput::Bytes(fx.json.len() as u64));

        // `json/to_json_string`: saving, as pretty-printed JSON; throughput
        // in bytes written.
        fx.bench(&mut group, "to_json_string", |b| {
            b.iter(|| black_box(&fx.graph).to_json_string());
        });

        // `json/from_json_str`: loading, which parses and then adds every
        // item through the same checks as `build/add_items`; throughput in
        // bytes read.
        fx.bench(&mut group, "from_json_str", |b| {
            b.iter(|| DiplomaticGraph::from_json_str(black_box(&fx.json)).expect("round trip"));
        });

        // `json/parse_typed_floor`: parsing the same text into the model
        // types with plain serde_json, without the path tracking and the
        // checks and indexing of `from_json_str`. Not library API: a floor
        // that splits `from_json_str` into parsing and building.
        fx.bench(&mut group, "parse_typed_floor", |b| {
            b.iter(|| serde_json::from_str::<Document>(black_box(&fx.json)).expect("parses"));
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
}

/// Graphviz DOT export, on its own generated graph of about 100k edges
/// (the same at either scale, so `export/*` ids carry no scale).
mod export {
    use std::fmt::Write;
    use std::hint::black_box;

    use criterion::{Criterion, SamplingMode, Throughput};
    use diplograph::{DiplomaticGraph, DotOptions, View};

    use super::synthetic::{Dataset, Picks, SEED, Scale};

    /// Two thirds of ICEWS14: about 100k graph edges.
    const EXPORT: Scale = Scale {
        name: "export",
        actors: 4_700,
        stances: 150,
        meetings: 20_000,
        positions: 20_000,
        acts: 20_000,
        publishers: 6,
    };

    pub fn benches(c: &mut Criterion) {
        let graph = Dataset::generate(EXPORT, SEED).build();
        let picks = Picks::choose(&graph);
        let size = |options: DotOptions| graph.to_dot(options).to_string().len();
        let all = size(DotOptions::new(View::All));
        let hub = size(DotOptions::new(View::Actor(picks.hub)));
        let median = size(DotOptions::new(View::Actor(picks.median)));
        eprintln!(
            "export graph: {} edges; DOT of the whole graph {all} bytes, of the hub's view {hub} bytes, of a median actor's {median} bytes",
            graph.counts().edges
        );
        let mut group = c.benchmark_group("export");
        group.sampling_mode(SamplingMode::Flat);

        // `export/dot_all`: the whole graph (every actor, meeting, stance
        // and edge, with evidence tooltips) written to a byte counter: the cost of
        // choosing, styling and escaping, without the cost of storing the
        // text. Throughput in bytes of DOT written.
        group.throughput(Throughput::Bytes(all as u64));
        group.bench_function("dot_all", |b| {
            b.iter(|| write(black_box(&graph), DotOptions::new(View::All)));
        });

        // `export/dot_actor_hub`: the busiest actor's neighbourhood at depth
        // 1: thousands of meetings, their other participants' items walked
        // to decide what to draw.
        group.throughput(Throughput::Bytes(hub as u64));
        group.bench_function("dot_actor_hub", |b| {
            b.iter(|| write(black_box(&graph), DotOptions::new(View::Actor(picks.hub))));
        });

        // `export/dot_actor_median`: a median actor's neighbourhood: cost
        // follows the neighbourhood, not the graph.
        group.throughput(Throughput::Bytes(median as u64));
        group.bench_function("dot_actor_median", |b| {
            b.iter(|| {
                write(
                    black_box(&graph),
                    DotOptions::new(View::Actor(picks.median)),
                )
            });
        });
        group.finish();
    }

    /// Writes the DOT into a counter of bytes (not `io::sink`, whose
    /// `write_fmt` skips the formatting altogether).
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
}

/// Event-data import: GDELT 2.0 export rows, generated in memory.
mod import {
    use super::*;
    use criterion::Throughput;
    use diplograph::import::{Format, Importer, Mode};
    use synthetic::Rng;

    /// Rows in the generated export: 1M, or 10k in `--test` smoke runs.
    fn rows() -> usize {
        if std::env::args().any(|a| a == "--test") {
            10_000
        } else {
            1_000_000
        }
    }

    /// Countries, roles, codes and names drawn from for the rows.
    const COUNTRIES: &[&str] = &[
        "USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "IND", "JPN", "BRA", "TUR", "IRN", "ISR",
        "EGY", "ZAF", "NGA", "KOR", "PRK", "POL", "ITA", "ESP", "CAN", "MEX", "AUS", "SAU",
    ];
    const ROLES: &[&str] = &["", "", "GOV", "MIL", "LEG", "BUS", "CVL"];
    /// A realistic mix: about a quarter of rows are meetings (04x), a third
    /// acts or positions, the rest codes outside the mapping.
    const CODES: &[&str] = &[
        "040", "040", "042", "043", "046", "036", "051", "057", "111", "112", "120", "130", "100",
        "0256", "163", "010", "010", "020", "190", "173", "014", "061", "071", "141",
    ];
    const PEOPLE: &[&str] = &[
        "VLADIMIR PUTIN",
        "DONALD TRUMP",
        "XI JINPING",
        "EMMANUEL MACRON",
    ];

    /// A GDELT 2.0 export of `n` rows (61 tab-separated columns), seeded;
    /// with `codes`, each row's CAMEO code is drawn from them.
    pub fn export(n: usize, codes: &[&str]) -> Vec<u8> {
        let mut rng = Rng::new(SEED);
        let mut out = Vec::with_capacity(n * 420);
        for i in 0..n {
            let actor = |rng: &mut Rng| {
                let country = rng.pick(COUNTRIES);
                let role = rng.pick(ROLES);
                let name = if role == "GOV" && rng.chance(0.2) {
                    rng.pick(PEOPLE)
                } else {
                    country
                };
                (format!("{country}{role}"), name, country, role)
            };
            let (c1, n1, k1, r1) = actor(&mut rng);
            let (c2, n2, k2, r2) = actor(&mut rng);
            let code = rng.pick(codes);
            let day = 1 + rng.below(28);
            let tone = rng.unit() * 20.0 - 10.0;
            let url = format!(
                "https://news.example.org/{}/{}/article-{}.html",
                2025,
                day,
                i / 3
            );
            let row = format!(
                "{id}\t202508{day:02}\t202508\t2025\t2025.6110\t{c1}\t{n1}\t{k1}\t\t\t\t\t{r1}\t\t\t{c2}\t{n2}\t{k2}\t\t\t\t\t{r2}\t\t\t1\t{code}\t{base}\t{root}\t1\t1.0\t{m}\t1\t{m}\t{tone:.4}\t1\t{k1}\t{k1}\t{k1}\t\t0\t0\t{k1}\t1\t{k2}\t{k2}\t{k2}\t\t0\t0\t{k2}\t4\tWashington, District of Columbia, United States\tUS\tUSDC\t\t38.8951\t-77.0364\t531871\t20250829{hh:02}0000\t{url}\n",
                id = 1_258_000_000 + i,
                base = code.get(..3).unwrap_or(code),
                root = &code[..2],
                m = 1 + rng.below(10),
                hh = rng.below(24),
            );
            out.extend_from_slice(row.as_bytes());
        }
        out
    }

    /// Import throughput on one core, in rows per second (MB/s follow from
    /// the input size printed at start-up):
    ///
    /// * `import/gdelt_1m`: GDELT 2.0 rows with a realistic mix of codes
    ///   read, split, checked, mapped to meetings, acts and positions
    ///   (merging reciprocal rows) and built into a graph;
    /// * `import/gdelt_1m_unmapped`: the same rows with codes outside the
    ///   mapping, so only reading, splitting and checking each row (dates,
    ///   numbers, code) is measured: the reader's own speed.
    pub fn benches(c: &mut Criterion) {
        let n = rows();
        let mixed = export(n, CODES);
        let unmapped = export(n, &["190", "173", "010", "141"]);
        println!(
            "import input: {n} GDELT rows, {} bytes mixed ({:.0} bytes a row), {} bytes unmapped",
            mixed.len(),
            mixed.len() as f64 / n as f64,
            unmapped.len()
        );
        let mut group = c.benchmark_group("import");
        group.sampling_mode(criterion::SamplingMode::Flat);
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        for (name, input) in [("gdelt_1m", &mixed), ("gdelt_1m_unmapped", &unmapped)] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    let mut importer = Importer::new().mode(Mode::Strict);
                    importer
                        .read(Format::Gdelt, black_box(input.as_slice()), "bench.CSV")
                        .expect("generated rows are well formed");
                    importer.finish().expect("the import builds a graph")
                });
            });
        }
        group.finish();
    }
}

fn all(c: &mut Criterion) {
    let fixture = Fixture::new();
    build::benches(c, &fixture);
    query::benches(c, &fixture);
    json::benches(c, &fixture);
    export::benches(c);
    import::benches(c);
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
