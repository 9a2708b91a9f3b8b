//! W6, event-data import of GDELT 2.0 export rows (61 tab-separated
//! columns), generated in memory, on one core; throughput in rows per
//! second (MB/s follow from the input sizes printed at start-up).
//!
//! * `w6/gdelt_dataset/diplograph/SCALE`: the fixture's own data written
//!   as GDELT rows by `GdeltWriter` (a meeting as one row per guest,
//!   positions coded on the two stances CAMEO knows), read, split,
//!   checked, mapped, merged and built (`Importer::finish`);
//! * `w6/gdelt_1m/diplograph`: 1M rows (10k in `--test` runs) with a
//!   realistic mix of codes, actors and roles: about a quarter meetings,
//!   a third acts or positions, the rest outside the mapping;
//! * `w6/gdelt_1m_unmapped/diplograph`: the same rows with codes outside
//!   the mapping, so only reading, splitting and checking each row is
//!   measured: the reader's own speed.
//! * `w6/gdelt_1m_drop/diplograph`: dropping the graph the 1M mixed rows
//!   make. The two benches above time the import until the graph is ready
//!   (`iter_with_large_drop`); this one times what freeing it costs, which
//!   depends on the allocator (run with `--features bench-mimalloc` for
//!   mimalloc's figures).
//!
//! The 1M-row benches do not depend on the scale and run with `small`
//! only; the dataset bench is skipped at `10m`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use diplograph::import::{Format, Importer, Mode};

use super::Fixture;
use super::synthetic::{GdeltWriter, Rng, SEED, Scale, generate};

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
        // Three rows to an article (real GDELT batches hold two or three
        // events per URL), so the URL does not depend on the row's day.
        let url = format!("https://news.example.org/2025/08/article-{}.html", i / 3);
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

/// Rows of the fixture's data as GDELT, read and built.
fn import(
    input: &[u8],
) -> (
    diplograph::DiplomaticGraph,
    diplograph::import::ImportReport,
) {
    let mut importer = Importer::new().mode(Mode::Strict);
    importer
        .read(Format::Gdelt, black_box(input), "bench.CSV")
        .expect("generated rows are well formed");
    importer.finish().expect("the import builds a graph")
}

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("w6");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    if fx.dataset.is_some() {
        let rows = GdeltWriter::new(fx.scale, Vec::new());
        let mut rows = rows;
        generate(fx.scale, SEED, &mut rows);
        let count = rows.rows;
        let tsv = rows.finish().expect("writing to memory");
        let (graph, report) = import(&tsv);
        let c = graph.counts();
        eprintln!("w6: {report:?}");
        eprintln!(
            "w6: the fixture's data as {count} GDELT rows, {} bytes ({:.0} a row); imported: {} actors, {} meetings, {} positions, {} acts",
            tsv.len(),
            tsv.len() as f64 / count as f64,
            c.actors,
            c.meetings,
            c.positions,
            c.acts
        );
        drop(graph);
        group.throughput(Throughput::Elements(count as u64));
        fx.bench(&mut group, "gdelt_dataset/diplograph", |b| {
            b.iter_with_large_drop(|| import(&tsv));
        });
    }
    // The mixed 1M-row export is the same at every scale: run it with the
    // small scale only.
    if fx.scale == Scale::SMALL {
        let n = rows();
        let mixed = export(n, CODES);
        let unmapped = export(n, &["190", "173", "010", "141"]);
        eprintln!(
            "w6: {n} mixed GDELT rows, {} bytes mixed ({:.0} bytes a row), {} bytes unmapped",
            mixed.len(),
            mixed.len() as f64 / n as f64,
            unmapped.len()
        );
        group.throughput(Throughput::Elements(n as u64));
        for (name, input) in [
            ("gdelt_1m/diplograph", &mixed),
            ("gdelt_1m_unmapped/diplograph", &unmapped),
        ] {
            // Until the graph is ready: its drop is not timed (the
            // graph is what an import is for), but measured on its own below.
            group.bench_function(name, |b| {
                b.iter_with_large_drop(|| import(input));
            });
        }
        group.bench_function("gdelt_1m_drop/diplograph", |b| {
            b.iter_batched(|| import(&mixed), drop, BatchSize::PerIteration);
        });
    }
    group.finish();
}
