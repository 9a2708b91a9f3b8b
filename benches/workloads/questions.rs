//! The questions asked of all three engines (W2 to W4): `diplograph`,
//! the hand-written petgraph floor (`floor.rs`) and, with the
//! `bench-oxigraph` feature, Oxigraph through SPARQL (`sparql.rs`).
//!
//! Each question is prepared once per engine (ids resolved, SPARQL
//! parsed), so the timings cover answering only. Every answer is a count
//! of matches, driven to the end. [`check`] asks every question of every
//! engine before anything is timed and stops the run if two engines
//! disagree.

use criterion::Criterion;
use diplograph::{
    ActKind, ActQuery, ActorId, DiplomaticGraph, MeetingQuery, PartialDate, Polarity,
    PositionQuery, StanceId,
};

use super::Fixture;

/// One question, in `diplograph`'s ids.
#[derive(Clone, Copy, Debug)]
pub enum Question {
    /// Who opposes stance S as of the middle day: positions on S with
    /// polarity Opposes valid on that day.
    OpposesAsOf(StanceId),
    /// Acts of kind Criticised towards actor A.
    CriticisedTowards(ActorId),
    /// Actor A's meetings (any status) that start on or after the window's
    /// first day and end on or before its last.
    MeetingsBetween(ActorId),
    /// Actor A's positions on stance S valid on the middle day, over A's
    /// long history on S.
    AsOfHistory(ActorId, StanceId),
    /// The same, keeping only positions with evidence published by the
    /// middle day (report time).
    KnownAtHistory(ActorId, StanceId),
    /// Who opposes stance S as of the middle day, as known on that day.
    OpposesKnownAt(StanceId),
}

/// A question with its bench name and workload.
#[derive(Clone, Copy, Debug)]
pub struct Compared {
    /// `w2`, `w3` or `w4`.
    pub workload: &'static str,
    /// The question's part of the bench id, e.g. `opposes_as_of_busiest`.
    pub name: &'static str,
    /// The question.
    pub question: Question,
}

/// The dates the questions ask about.
#[derive(Clone, Copy, Debug)]
pub struct Dates {
    /// The as-of and known-at day: the middle of the span.
    pub mid: PartialDate,
    /// The meeting window: the 90 days up to the middle day.
    pub from: PartialDate,
    /// The window's last day (the middle day).
    pub until: PartialDate,
}

/// Every compared question, on the fixture's hub and median picks.
pub fn compared(fx: &Fixture) -> Vec<Compared> {
    let p = &fx.picks;
    use Question::*;
    let q = |workload, name, question| Compared {
        workload,
        name,
        question,
    };
    vec![
        q("w2", "opposes_as_of_busiest", OpposesAsOf(p.busiest_stance)),
        q("w2", "opposes_as_of_median", OpposesAsOf(p.median_stance)),
        q("w2", "criticised_towards_hub", CriticisedTowards(p.hub)),
        q(
            "w2",
            "criticised_towards_median",
            CriticisedTowards(p.median),
        ),
        q("w3", "meetings_between_hub", MeetingsBetween(p.hub)),
        q("w3", "meetings_between_median", MeetingsBetween(p.median)),
        q(
            "w4",
            "as_of_long_history",
            AsOfHistory(p.hub, p.busiest_stance),
        ),
        q(
            "w4",
            "known_at_long_history",
            KnownAtHistory(p.hub, p.busiest_stance),
        ),
        q(
            "w4",
            "opposes_known_at_busiest",
            OpposesKnownAt(p.busiest_stance),
        ),
    ]
}

/// The answer of `diplograph`'s typed queries.
pub fn diplograph(g: &DiplomaticGraph, q: Question, d: &Dates) -> usize {
    match q {
        Question::OpposesAsOf(s) => g
            .positions(
                PositionQuery::on(s)
                    .polarity(Polarity::Opposes)
                    .as_of(d.mid),
            )
            .count(),
        Question::CriticisedTowards(a) => g
            .acts(ActQuery::towards(a).kind(ActKind::Criticised))
            .count(),
        Question::MeetingsBetween(a) => g
            .meetings(MeetingQuery::with(a).between(d.from, d.until))
            .count(),
        Question::AsOfHistory(a, s) => g.positions(PositionQuery::on(s).by(a).as_of(d.mid)).count(),
        Question::KnownAtHistory(a, s) => g
            .positions(PositionQuery::on(s).by(a).as_of(d.mid).known_at(d.mid))
            .count(),
        Question::OpposesKnownAt(s) => g
            .positions(
                PositionQuery::on(s)
                    .polarity(Polarity::Opposes)
                    .as_of(d.mid)
                    .known_at(d.mid),
            )
            .count(),
    }
}

/// Asks every compared question of every engine and panics on the first
/// disagreement, printing the answers.
pub fn check(fx: &Fixture) {
    for c in compared(fx) {
        let ours = diplograph(&fx.graph, c.question, &fx.dates);
        let floor = fx
            .floor
            .answer(&fx.floor.prepare(&fx.graph, c.question, &fx.dates));
        assert_eq!(
            ours, floor,
            "{}/{}: diplograph answers {ours}, the petgraph floor {floor}",
            c.workload, c.name
        );
        #[cfg(feature = "bench-oxigraph")]
        if let Some(rdf) = &fx.rdf {
            let sparql = rdf.answer(&rdf.prepare(&fx.graph, c.question, &fx.dates));
            assert_eq!(
                ours, sparql,
                "{}/{}: diplograph answers {ours}, Oxigraph {sparql}",
                c.workload, c.name
            );
        }
        eprintln!(
            "  {}/{}: {ours} matches, the same from every engine",
            c.workload, c.name
        );
    }
}

/// Benches the workload's compared questions on each engine, as
/// `workload/question/engine/scale`.
pub fn bench(c: &mut Criterion, fx: &Fixture, workload: &'static str) {
    let questions: Vec<Compared> = compared(fx)
        .into_iter()
        .filter(|q| q.workload == workload)
        .collect();
    {
        let mut group = c.benchmark_group(workload);
        for q in &questions {
            fx.bench(&mut group, &format!("{}/diplograph", q.name), |b| {
                b.iter(|| diplograph(std::hint::black_box(&fx.graph), q.question, &fx.dates));
            });
            let prepared = fx.floor.prepare(&fx.graph, q.question, &fx.dates);
            fx.bench(&mut group, &format!("{}/floor", q.name), |b| {
                b.iter(|| std::hint::black_box(&fx.floor).answer(&prepared));
            });
        }
        group.finish();
    }
    #[cfg(feature = "bench-oxigraph")]
    if let Some(rdf) = &fx.rdf {
        // Milliseconds a call: flat sampling, ten samples.
        let mut group = c.benchmark_group(workload);
        group.sampling_mode(criterion::SamplingMode::Flat);
        group.sample_size(10);
        for q in &questions {
            let prepared = rdf.prepare(&fx.graph, q.question, &fx.dates);
            fx.bench(&mut group, &format!("{}/oxigraph", q.name), |b| {
                b.iter(|| rdf.answer(&prepared));
            });
        }
        group.finish();
    }
}
