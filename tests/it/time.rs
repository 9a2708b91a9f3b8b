//! Valid time ("as of") and report time ("known at") on small hand-built
//! graphs, and a seeded property test of `as_of` against the documented rule.

use diplograph::{
    Act, ActKind, Actor, ActorId, ActorKind, AsOf, Certainty, DiplomaticGraph, Evidence, Meeting,
    MeetingKind, MeetingQuery, Office, PartialDate, Polarity, Position, PositionQuery, Relation,
    Source, Stance, StanceId,
};

// ----- helpers ---------------------------------------------------------------

fn d(text: &str) -> PartialDate {
    text.parse().unwrap()
}

/// Actors `a` and `b`, stances `s` and `t`, and three sources: `early`
/// (published 2025-03-01), `late` (published in September 2025) and
/// `undated`.
fn base() -> DiplomaticGraph {
    let mut graph = DiplomaticGraph::new();
    graph
        .add_source(Source::new("early", "Early report").published(d("2025-03-01")))
        .unwrap();
    graph
        .add_source(Source::new("late", "Late report").published(d("2025-09")))
        .unwrap();
    graph
        .add_source(Source::new("undated", "Undated report"))
        .unwrap();
    graph
        .add_actor(Actor::new("a", "Actor A", ActorKind::Person))
        .unwrap();
    graph
        .add_actor(Actor::new("b", "Actor B", ActorKind::State))
        .unwrap();
    graph.add_stance(Stance::new("s", "Stance S")).unwrap();
    graph.add_stance(Stance::new("t", "Stance T")).unwrap();
    graph
}

/// The base graph with these positions added.
fn with_positions(positions: impl IntoIterator<Item = Position>) -> DiplomaticGraph {
    let mut graph = base();
    for p in positions {
        graph.add_position(p).unwrap();
    }
    graph
}

fn ids(graph: &DiplomaticGraph) -> (ActorId, ActorId, StanceId, StanceId) {
    (
        graph.actor_id("a").unwrap(),
        graph.actor_id("b").unwrap(),
        graph.stance_id("s").unwrap(),
        graph.stance_id("t").unwrap(),
    )
}

/// (polarity, certainty) of every position on `s` as of `date`.
fn on_s_as_of(graph: &DiplomaticGraph, date: &str) -> Vec<(Polarity, Certainty)> {
    let s = graph.stance_id("s").unwrap();
    graph
        .positions(PositionQuery::on(s).as_of(d(date)))
        .map(|m| (m.position.polarity, m.certainty))
        .collect()
}

/// Checks `on_s_as_of` for each (date, expected) row.
#[track_caller]
fn check_as_of(graph: &DiplomaticGraph, rows: &[(&str, &[(Polarity, Certainty)])]) {
    for (date, expected) in rows {
        assert_eq!(on_s_as_of(graph, date), *expected, "as of {date}");
    }
}

use Certainty::{Certain, Possible};
use Polarity::{Abstains, Conditional, Opposes, Supports};

// ----- as of -----------------------------------------------------------------

#[test]
fn a_position_holds_from_its_first_day_until_the_day_before_its_end() {
    let graph = with_positions([Position::new("a", "s", Supports)
        .from(d("2025-03-10"))
        .until(d("2025-03-20"))]);
    check_as_of(
        &graph,
        &[
            ("2025-03-09", &[]),
            ("2025-03-10", &[(Supports, Certain)]),
            ("2025-03-19", &[(Supports, Certain)]),
            ("2025-03-20", &[]),
            ("2025-03-21", &[]),
        ],
    );
}

#[test]
fn a_change_on_one_day_hands_over_without_overlap_or_gap() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-08-18")),
        Position::new("a", "s", Opposes).from(d("2025-08-18")),
    ]);
    check_as_of(
        &graph,
        &[
            ("2025-08-17", &[(Supports, Certain)]),
            ("2025-08-18", &[(Opposes, Certain)]),
        ],
    );
}

#[test]
fn a_partial_start_is_possible_inside_its_month_and_certain_after() {
    let graph = with_positions([Position::new("a", "s", Supports).from(d("2025-02"))]);
    check_as_of(
        &graph,
        &[
            ("2025-01-31", &[]),
            ("2025-02-01", &[(Supports, Possible)]),
            ("2025-02-27", &[(Supports, Possible)]),
            // By the end of February it had certainly started.
            ("2025-02-28", &[(Supports, Certain)]),
            ("2025-02", &[(Supports, Certain)]),
            ("2025-03-01", &[(Supports, Certain)]),
            ("2025-01", &[]),
        ],
    );
    // A start known to the year only.
    let graph = with_positions([Position::new("a", "s", Supports).from(d("2024"))]);
    check_as_of(
        &graph,
        &[
            ("2023-12-31", &[]),
            ("2024-06", &[(Supports, Possible)]),
            ("2024-12-30", &[(Supports, Possible)]),
            ("2024", &[(Supports, Certain)]),
            ("2025-01-01", &[(Supports, Certain)]),
        ],
    );
}

#[test]
fn a_partial_end_is_possible_inside_its_month_and_over_after() {
    let graph = with_positions([Position::new("a", "s", Opposes).until(d("2025-08"))]);
    check_as_of(
        &graph,
        &[
            ("2025-07-31", &[(Opposes, Certain)]),
            ("2025-08-01", &[(Opposes, Possible)]),
            ("2025-08-30", &[(Opposes, Possible)]),
            ("2025-08-31", &[]),
            ("2025-08", &[]),
            ("2025-07", &[(Opposes, Certain)]),
        ],
    );
}

#[test]
fn as_of_a_month_or_a_year_means_its_last_day() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-08-18")),
        Position::new("a", "s", Opposes).from(d("2025-08-18")),
    ]);
    check_as_of(
        &graph,
        &[
            ("2025-07", &[(Supports, Certain)]),
            // "As of August 2025" is the end of August: the change is done.
            ("2025-08", &[(Opposes, Certain)]),
            ("2025", &[(Opposes, Certain)]),
            ("2024", &[(Supports, Certain)]),
        ],
    );
    // Leap years: February 2024 ends on the 29th.
    let graph = with_positions([Position::new("a", "s", Supports).from(d("2024-02-29"))]);
    check_as_of(
        &graph,
        &[("2024-02", &[(Supports, Certain)]), ("2024-02-28", &[])],
    );
}

#[test]
fn unknown_bounds_are_open() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-08-18")),
        Position::new("b", "s", Conditional),
    ]);
    check_as_of(
        &graph,
        &[
            ("0001-01-01", &[(Supports, Certain), (Conditional, Certain)]),
            ("2025-08-17", &[(Supports, Certain), (Conditional, Certain)]),
            ("9999-12-31", &[(Conditional, Certain)]),
        ],
    );
}

#[test]
fn without_a_date_every_position_ever_recorded_counts() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-08-18")),
        Position::new("a", "s", Opposes).from(d("2025-08-18")),
        Position::new("b", "s", Abstains)
            .from(d("2020"))
            .until(d("2021")),
    ]);
    let (a, _, s, _) = ids(&graph);
    let all: Vec<(Polarity, Certainty)> = graph
        .positions(PositionQuery::on(s))
        .map(|m| (m.position.polarity, m.certainty))
        .collect();
    assert_eq!(
        all,
        [(Supports, Certain), (Opposes, Certain), (Abstains, Certain)]
    );
    // An actor's history is oldest first: unknown starts first.
    let history: Vec<Polarity> = graph
        .position_history(a, s)
        .map(|m| m.position.polarity)
        .collect();
    assert_eq!(history, [Supports, Opposes]);
}

#[test]
fn latest_keeps_only_positions_without_an_end() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-08-18")),
        Position::new("a", "s", Opposes).from(d("2025-08-18")),
        Position::new("b", "s", Abstains)
            .from(d("2020"))
            .until(d("2021")),
        Position::new("b", "t", Supports),
    ]);
    let (a, b, s, t) = ids(&graph);
    let latest = |q: PositionQuery| -> Vec<(ActorId, StanceId, Polarity, Certainty)> {
        graph
            .positions(q.latest())
            .map(|m| (m.actor, m.stance, m.position.polarity, m.certainty))
            .collect()
    };
    assert_eq!(latest(PositionQuery::on(s)), [(a, s, Opposes, Certain)]);
    assert_eq!(
        latest(PositionQuery::all().by(b)),
        [(b, t, Supports, Certain)]
    );
    assert_eq!(
        latest(PositionQuery::all()),
        [(a, s, Opposes, Certain), (b, t, Supports, Certain)]
    );
}

// ----- known at --------------------------------------------------------------

/// Four positions of `a` on `s`, each held at an unknown time: one cited by
/// the late source, one by both, one with no evidence, one by the undated
/// source.
fn cited_positions() -> DiplomaticGraph {
    with_positions([
        Position::new("a", "s", Supports).evidence(Evidence::new("late", "late says supports")),
        Position::new("a", "s", Opposes)
            .evidence(Evidence::new("late", "late says opposes"))
            .evidence(Evidence::new("early", "early says opposes")),
        Position::new("a", "s", Abstains),
        Position::new("a", "s", Conditional).evidence(Evidence::cite("undated")),
    ])
}

/// For each position known at `date` (all, with `None`): its polarity and
/// the quotes of the evidence that counts.
fn known(graph: &DiplomaticGraph, date: Option<&str>) -> Vec<(Polarity, Vec<Option<String>>)> {
    let s = graph.stance_id("s").unwrap();
    let mut q = PositionQuery::on(s);
    if let Some(date) = date {
        q = q.known_at(d(date));
    }
    graph
        .positions(q)
        .map(|m| {
            let quotes = m.evidence().map(|c| c.quote().map(str::to_owned)).collect();
            (m.position.polarity, quotes)
        })
        .collect()
}

fn quotes(texts: &[&str]) -> Vec<Option<String>> {
    texts.iter().map(|t| Some((*t).to_owned())).collect()
}

#[test]
fn known_at_counts_only_evidence_published_by_then() {
    let graph = cited_positions();
    // Nothing was published before March.
    assert_eq!(known(&graph, Some("2025-02-28")), []);
    assert_eq!(known(&graph, Some("2025-02")), []);
    // The early report: only its evidence counts, so only the second position.
    for date in ["2025-03-01", "2025-03", "2025-08-31"] {
        assert_eq!(
            known(&graph, Some(date)),
            [(Opposes, quotes(&["early says opposes"]))],
            "known at {date}"
        );
    }
    // The late report is dated to the month: it counts only once the whole
    // month is past the question's last day.
    assert_eq!(
        known(&graph, Some("2025-09-01")),
        [(Opposes, quotes(&["early says opposes"]))]
    );
    let both = [
        (Supports, quotes(&["late says supports"])),
        (
            Opposes,
            quotes(&["late says opposes", "early says opposes"]),
        ),
    ];
    for date in ["2025-09-30", "2025-09", "2025", "2030-01-01"] {
        assert_eq!(known(&graph, Some(date)), both, "known at {date}");
    }
}

#[test]
fn without_known_at_every_position_and_all_its_evidence_counts() {
    let graph = cited_positions();
    assert_eq!(
        known(&graph, None),
        [
            (Supports, quotes(&["late says supports"])),
            (
                Opposes,
                quotes(&["late says opposes", "early says opposes"])
            ),
            (Abstains, vec![]),
            (Conditional, vec![None]),
        ]
    );
    // Cited evidence names its source.
    let s = graph.stance_id("s").unwrap();
    let conditional = graph
        .positions(PositionQuery::on(s).polarity(Conditional))
        .next()
        .unwrap();
    let cited = conditional.evidence().next().unwrap();
    assert_eq!(cited.source.key.as_str(), "undated");
}

#[test]
fn known_at_hides_positions_without_evidence_or_with_only_undated_sources() {
    let graph = cited_positions();
    for date in ["2025-03-01", "2025", "9999"] {
        let found: Vec<Polarity> = known(&graph, Some(date))
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert!(!found.contains(&Abstains), "known at {date}");
        assert!(!found.contains(&Conditional), "known at {date}");
    }
}

#[test]
fn known_at_and_as_of_combine() {
    let graph = with_positions([
        Position::new("a", "s", Supports)
            .until(d("2025-08-18"))
            .evidence(Evidence::new("early", "early")),
        Position::new("a", "s", Opposes)
            .from(d("2025-08-18"))
            .evidence(Evidence::new("late", "late")),
    ]);
    let (_, _, s, _) = ids(&graph);
    let found = |as_of: &str, known_at: &str| -> Vec<Polarity> {
        graph
            .positions(PositionQuery::on(s).as_of(d(as_of)).known_at(d(known_at)))
            .map(|m| m.position.polarity)
            .collect()
    };
    assert_eq!(found("2025-08-17", "2025-03"), [Supports]);
    // Known in March, nothing says what held after the change.
    assert_eq!(found("2025-08-18", "2025-03"), []);
    assert_eq!(found("2025-08-18", "2025-09"), [Opposes]);
    assert_eq!(found("2025-08-17", "2025-09"), [Supports]);
}

// ----- changes ---------------------------------------------------------------

/// `a` supports `s` until 2025-03-10 (early report), opposes it until June
/// and supports it again from June (late report); `b` changes at an unknown
/// time.
fn changing() -> DiplomaticGraph {
    with_positions([
        Position::new("a", "s", Supports)
            .until(d("2025-03-10"))
            .evidence(Evidence::new("early", "a supports")),
        Position::new("a", "s", Opposes)
            .from(d("2025-03-10"))
            .until(d("2025-06"))
            .evidence(Evidence::new("late", "a opposes")),
        Position::new("a", "s", Supports)
            .from(d("2025-06"))
            .evidence(Evidence::new("late", "a supports again")),
        Position::new("b", "s", Supports).evidence(Evidence::new("late", "b supports")),
        Position::new("b", "s", Opposes).evidence(Evidence::new("late", "b opposes")),
        // Same polarity twice is no change.
        Position::new("b", "t", Supports).until(d("2025-01")),
        Position::new("b", "t", Supports).from(d("2025-01")),
    ])
}

/// (actor key, before, after, date) of each change the query finds.
fn changes(
    graph: &DiplomaticGraph,
    q: PositionQuery,
) -> Vec<(String, Polarity, Polarity, Option<String>)> {
    graph
        .position_changes(q)
        .iter()
        .map(|c| {
            (
                graph.actor_key(c.actor).unwrap().to_string(),
                c.before.position.polarity,
                c.after.position.polarity,
                c.date.map(|d| d.to_string()),
            )
        })
        .collect()
}

fn change(
    actor: &str,
    before: Polarity,
    after: Polarity,
    date: Option<&str>,
) -> (String, Polarity, Polarity, Option<String>) {
    (actor.to_owned(), before, after, date.map(str::to_owned))
}

#[test]
fn position_changes_are_ordered_by_actor_then_date() {
    let graph = changing();
    let (a, b, s, t) = ids(&graph);
    let all = [
        change("a", Supports, Opposes, Some("2025-03-10")),
        change("a", Opposes, Supports, Some("2025-06")),
        change("b", Supports, Opposes, None),
    ];
    assert_eq!(changes(&graph, PositionQuery::on(s)), all);
    assert_eq!(changes(&graph, PositionQuery::all()), all);
    assert_eq!(changes(&graph, PositionQuery::on(s).by(a)), all[..2]);
    assert_eq!(changes(&graph, PositionQuery::all().by(b)), all[2..]);
    assert_eq!(changes(&graph, PositionQuery::on(t)), []);
    // Polarity filters are ignored.
    assert_eq!(
        changes(&graph, PositionQuery::on(s).polarity(Abstains)),
        all
    );
}

#[test]
fn position_changes_as_of_keep_changes_dated_by_then() {
    let graph = changing();
    let (_, _, s, _) = ids(&graph);
    let as_of = |date: &str| changes(&graph, PositionQuery::on(s).as_of(d(date)));
    let first = change("a", Supports, Opposes, Some("2025-03-10"));
    let second = change("a", Opposes, Supports, Some("2025-06"));
    assert_eq!(as_of("2025-03-09"), []);
    assert_eq!(as_of("2025-03-10"), std::slice::from_ref(&first));
    assert_eq!(as_of("2025-05-31"), std::slice::from_ref(&first));
    // A change dated to June counts as soon as June may have begun.
    assert_eq!(as_of("2025-06-01"), [first.clone(), second.clone()]);
    // Undated changes are left out of as-of queries.
    assert_eq!(as_of("9999"), [first, second]);
}

#[test]
fn position_changes_known_at_only_see_known_positions() {
    let graph = changing();
    let (_, _, s, _) = ids(&graph);
    let known = |date: &str| changes(&graph, PositionQuery::on(s).known_at(d(date)));
    // Known in March: only a's first position, so no change yet.
    assert_eq!(known("2025-03"), []);
    assert_eq!(
        known("2025-09"),
        [
            change("a", Supports, Opposes, Some("2025-03-10")),
            change("a", Opposes, Supports, Some("2025-06")),
            change("b", Supports, Opposes, None),
        ]
    );
    // The matches of a change carry the query's report time.
    let found = graph.position_changes(PositionQuery::on(s).known_at(d("2025-09")));
    let quotes: Vec<&str> = found[0]
        .before
        .evidence()
        .filter_map(|c| c.quote())
        .collect();
    assert_eq!(quotes, ["a supports"]);
}

// ----- compare and offices -----------------------------------------------------

#[test]
fn compare_relates_positions_as_of_different_dates() {
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-06")),
        Position::new("a", "s", Opposes).from(d("2025-06")),
        Position::new("a", "t", Abstains),
        Position::new("b", "s", Supports).from(d("2025-02-01")),
        Position::new("b", "t", Supports),
    ]);
    let (a, b, s, t) = ids(&graph);
    let compare = |at: AsOf| -> Vec<(StanceId, Relation)> {
        graph
            .compare(a, b, at)
            .iter()
            .map(|al| (al.stance, al.relation))
            .collect()
    };
    // Before b took a position on s, only t is shared.
    assert_eq!(compare(AsOf::date(d("2025-01"))), [(t, Relation::Differ)]);
    assert_eq!(
        compare(AsOf::date(d("2025-05"))),
        [(s, Relation::Agree), (t, Relation::Differ)]
    );
    assert_eq!(
        compare(AsOf::date(d("2025-07"))),
        [(s, Relation::Disagree), (t, Relation::Differ)]
    );
    assert_eq!(
        compare(AsOf::latest()),
        [(s, Relation::Disagree), (t, Relation::Differ)]
    );
    // A plain date converts into an AsOf.
    let from_date: Vec<Relation> = graph
        .compare(a, b, d("2025-05"))
        .iter()
        .map(|al| al.relation)
        .collect();
    assert_eq!(from_date, [Relation::Agree, Relation::Differ]);
    // The alignment carries both positions, as of the date asked.
    let may = graph.compare(a, b, AsOf::date(d("2025-06-15")));
    assert_eq!(may[0].first.position.polarity, Opposes);
    assert_eq!(may[0].first.certainty, Possible);
    assert_eq!(may[0].second.position.polarity, Supports);
    // Results follow the first actor's stances.
    let reversed: Vec<StanceId> = graph
        .compare(b, a, AsOf::latest())
        .iter()
        .map(|al| al.stance)
        .collect();
    assert_eq!(reversed, [s, t]);
}

#[test]
fn compare_known_at_uses_only_known_positions() {
    let graph = with_positions([
        Position::new("a", "s", Supports)
            .until(d("2025-06"))
            .evidence(Evidence::cite("early")),
        Position::new("a", "s", Opposes)
            .from(d("2025-06"))
            .evidence(Evidence::cite("late")),
        Position::new("b", "s", Supports).evidence(Evidence::cite("early")),
    ]);
    let (a, b, _, _) = ids(&graph);
    let relations = |at: AsOf| -> Vec<Relation> {
        graph
            .compare(a, b, at)
            .iter()
            .map(|al| al.relation)
            .collect()
    };
    assert_eq!(
        relations(AsOf::date(d("2025-07")).known_at(d("2025-09"))),
        [Relation::Disagree]
    );
    // Known in March, nothing says what a thought in July.
    assert_eq!(
        relations(AsOf::date(d("2025-07")).known_at(d("2025-03"))),
        []
    );
    assert_eq!(
        relations(AsOf::date(d("2025-05")).known_at(d("2025-03"))),
        [Relation::Agree]
    );
    // In the latest state known in March a's open-ended position is unknown.
    assert_eq!(relations(AsOf::latest().known_at(d("2025-03"))), []);
}

#[test]
fn offices_as_of_dates() {
    let mut graph = base();
    let a = graph.actor_id("a").unwrap();
    graph
        .add_office(
            a,
            Office::new("Minister")
                .of("b")
                .from(d("2020-05"))
                .until(d("2024-01-15"))
                .evidence(Evidence::new("early", "minister")),
        )
        .unwrap();
    graph
        .add_office(
            a,
            Office::new("President")
                .of("b")
                .from(d("2024-01-15"))
                .evidence(Evidence::new("late", "president")),
        )
        .unwrap();
    graph.add_office(a, Office::new("Envoy")).unwrap();
    let offices = |at: AsOf| -> Vec<(String, Certainty)> {
        graph
            .offices(a, at)
            .map(|o| (o.office.title.clone(), o.certainty))
            .collect()
    };
    let o = |title: &str, c: Certainty| (title.to_owned(), c);
    assert_eq!(offices(AsOf::date(d("2020-04"))), [o("Envoy", Certain)]);
    assert_eq!(
        offices(AsOf::date(d("2020-05-10"))),
        [o("Minister", Possible), o("Envoy", Certain)]
    );
    assert_eq!(
        offices(AsOf::date(d("2024-01-14"))),
        [o("Minister", Certain), o("Envoy", Certain)]
    );
    assert_eq!(
        offices(AsOf::date(d("2024-01-15"))),
        [o("President", Certain), o("Envoy", Certain)]
    );
    assert_eq!(
        offices(d("2024").into()),
        [o("President", Certain), o("Envoy", Certain)]
    );
    assert_eq!(
        offices(AsOf::latest()),
        [o("President", Certain), o("Envoy", Certain)]
    );
    // Known at: the Envoy office has no evidence, so it is never known.
    assert_eq!(
        offices(AsOf::date(d("2023")).known_at(d("2025-03"))),
        [o("Minister", Certain)]
    );
    assert_eq!(offices(AsOf::latest().known_at(d("2025-03"))), []);
    assert_eq!(
        offices(AsOf::latest().known_at(d("2025-09"))),
        [o("President", Certain)]
    );
    let quotes: Vec<&str> = graph
        .offices(a, AsOf::latest().known_at(d("2025-09")))
        .flat_map(|m| m.evidence().filter_map(|c| c.quote()).collect::<Vec<_>>())
        .collect();
    assert_eq!(quotes, ["president"]);
}

// ----- meetings and acts in windows ----------------------------------------------

fn meetings_graph() -> DiplomaticGraph {
    let mut graph = base();
    for (key, date, end) in [
        ("undated", None, None),
        ("mar", Some("2025-03-01"), Some("2025-03-03")),
        ("feb15", Some("2025-02-15"), None),
        ("feb", Some("2025-02"), None),
        ("y2025", Some("2025"), None),
        ("jan31", Some("2025-01-31"), None),
    ] {
        let mut m = Meeting::new(key, key, MeetingKind::Bilateral)
            .participant(diplograph::Participant::new("a"))
            .evidence(Evidence::cite(if key == "feb" { "late" } else { "early" }));
        if let Some(date) = date {
            m = m.date(d(date));
        }
        if let Some(end) = end {
            m = m.end(d(end));
        }
        graph.add_meeting(m).unwrap();
    }
    graph
}

fn meeting_keys(graph: &DiplomaticGraph, q: MeetingQuery) -> Vec<&str> {
    graph.meetings(q).map(|m| m.meeting.key.as_str()).collect()
}

#[test]
fn meetings_come_in_timeline_order_with_undated_last() {
    let graph = meetings_graph();
    let a = graph.actor_id("a").unwrap();
    let order = ["y2025", "jan31", "feb", "feb15", "mar", "undated"];
    assert_eq!(meeting_keys(&graph, MeetingQuery::all()), order);
    assert_eq!(meeting_keys(&graph, MeetingQuery::with(a)), order);
}

#[test]
fn meetings_between_windows_with_partial_dates() {
    let graph = meetings_graph();
    let a = graph.actor_id("a").unwrap();
    for (from, until, expected) in [
        ("2025-02", "2025-02", &["feb", "feb15"][..]),
        ("2025-02-10", "2025-02-20", &["feb15"]),
        ("2025-02-01", "2025-02-28", &["feb", "feb15"]),
        ("2025-02-02", "2025-02-28", &["feb15"]),
        ("2025-02-01", "2025-02-27", &["feb15"]),
        // A meeting over several days must lie wholly inside.
        ("2025-01", "2025-03-02", &["jan31", "feb", "feb15"]),
        ("2025-01", "2025-03-03", &["jan31", "feb", "feb15", "mar"]),
        ("2025-03-02", "2025-03-03", &[]),
        ("2025", "2025", &["y2025", "jan31", "feb", "feb15", "mar"]),
        ("2025-01-31", "2025-01-31", &["jan31"]),
        ("2024", "2024", &[]),
        ("2026", "2024", &[]),
    ] {
        let window = MeetingQuery::all().between(d(from), d(until));
        assert_eq!(meeting_keys(&graph, window), expected, "{from}..{until}");
        let window = MeetingQuery::with(a).between(d(from), d(until));
        assert_eq!(
            meeting_keys(&graph, window),
            expected,
            "with a, {from}..{until}"
        );
    }
}

#[test]
fn meetings_known_at_need_a_source_published_by_then() {
    let graph = meetings_graph();
    let q = MeetingQuery::all().known_at(d("2025-03"));
    assert_eq!(
        meeting_keys(&graph, q),
        ["y2025", "jan31", "feb15", "mar", "undated"]
    );
    assert_eq!(
        meeting_keys(&graph, MeetingQuery::all().known_at(d("2025-02"))),
        Vec::<&str>::new()
    );
    let q = MeetingQuery::all()
        .between(d("2025-02"), d("2025-02"))
        .known_at(d("2025-09"));
    assert_eq!(meeting_keys(&graph, q), ["feb", "feb15"]);
}

#[test]
fn acts_between_windows() {
    let mut graph = base();
    for (date, kind) in [
        (Some("2025-02"), ActKind::Criticised),
        (Some("2025-02-15"), ActKind::Praised),
        (Some("2025-08-18"), ActKind::Thanked),
        (None, ActKind::Warned),
        (Some("2025"), ActKind::Invited),
    ] {
        let mut act = Act::new("a", kind, "b").evidence(Evidence::cite("early"));
        if let Some(date) = date {
            act = act.date(d(date));
        }
        graph.add_act(act).unwrap();
    }
    let (a, b, _, _) = ids(&graph);
    let kinds =
        |q: diplograph::ActQuery| -> Vec<ActKind> { graph.acts(q).map(|m| m.act.kind).collect() };
    use ActKind::{Criticised, Invited, Praised, Thanked, Warned};
    for (from, until, expected) in [
        ("2025-02", "2025-02", &[Criticised, Praised][..]),
        ("2025-02-10", "2025-02-20", &[Praised]),
        ("2025-02-15", "2025-08-18", &[Praised, Thanked]),
        ("2025", "2025", &[Criticised, Praised, Thanked, Invited]),
        ("2024", "2024", &[]),
    ] {
        let q = diplograph::ActQuery::all().between(d(from), d(until));
        assert_eq!(kinds(q), expected, "{from}..{until}");
        let q = diplograph::ActQuery::towards(b).between(d(from), d(until));
        assert_eq!(kinds(q), expected, "towards b, {from}..{until}");
        let q = diplograph::ActQuery::by(a).between(d(from), d(until));
        assert_eq!(kinds(q), expected, "by a, {from}..{until}");
    }
    // Without a window, undated acts count too, in insertion order.
    assert_eq!(
        kinds(diplograph::ActQuery::all()),
        [Criticised, Praised, Thanked, Warned, Invited]
    );
    assert_eq!(
        kinds(diplograph::ActQuery::all().known_at(d("2025-02"))),
        []
    );
}

// ----- property test: as_of against the documented rule --------------------------

/// A tiny xorshift generator, so the test needs no dependency and is
/// reproducible.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A date in 2023..=2025 at a random precision.
    fn date(&mut self) -> PartialDate {
        let year = 2023 + self.below(3) as u16;
        let month = 1 + self.below(12) as u8;
        match self.below(4) {
            0 => PartialDate::year_only(year).unwrap(),
            1 => PartialDate::month(year, month).unwrap(),
            _ => {
                let day = 1 + self.below(u64::from(days_in(year, month))) as u8;
                PartialDate::ymd(year, month, day).unwrap()
            }
        }
    }

    fn maybe_date(&mut self) -> Option<PartialDate> {
        (self.below(4) != 0).then(|| self.date())
    }
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 0000-03-01 of a day (civil-from-days inverse; any fixed epoch
/// does, only comparisons matter).
fn day_number(year: u16, month: u8, day: u8) -> i64 {
    let (y, m) = if month <= 2 {
        (i64::from(year) - 1, i64::from(month) + 9)
    } else {
        (i64::from(year), i64::from(month) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// First and last day numbers a partial date covers, from its parts.
fn span(date: PartialDate) -> (i64, i64) {
    let y = date.year();
    match (date.month_number(), date.day()) {
        (None, _) => (day_number(y, 1, 1), day_number(y, 12, 31)),
        (Some(m), None) => (day_number(y, m, 1), day_number(y, m, days_in(y, m))),
        (Some(m), Some(day)) => (day_number(y, m, day), day_number(y, m, day)),
    }
}

/// The rule of `Validity::at`, written from its documentation: evaluate on
/// the last day `q` of the question; `[from, until)` is half-open; it held
/// certainly when it held whatever day inside each partial bound is the
/// true one, possibly when that depends on the unknown day, and not at all
/// when it held on no choice of days.
fn reference(
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    at: PartialDate,
) -> Option<Certainty> {
    let q = span(at).1;
    // Over the possible start days: held if start <= q.
    let (start_always, start_sometimes) = match from {
        None => (true, true),
        Some(f) => {
            let (first, last) = span(f);
            (last <= q, first <= q)
        }
    };
    // Over the possible end days: held if q < end.
    let (end_always, end_sometimes) = match until {
        None => (true, true),
        Some(u) => {
            let (first, last) = span(u);
            (q < first, q < last)
        }
    };
    if !(start_sometimes && end_sometimes) {
        None
    } else if start_always && end_always {
        Some(Certainty::Certain)
    } else {
        Some(Certainty::Possible)
    }
}

#[test]
fn as_of_agrees_with_the_documented_rule_on_random_histories() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    let mut seen = [0usize; 3]; // none, possible, certain
    for _ in 0..300 {
        let mut graph = base();
        let (a, b, s, _) = ids(&graph);
        let n = 1 + rng.below(5);
        for _ in 0..n {
            let actor = if rng.below(2) == 0 { "a" } else { "b" };
            let polarity = [Supports, Opposes, Abstains, Conditional][rng.below(4) as usize];
            let mut p = Position::new(actor, "s", polarity);
            let (from, until) = (rng.maybe_date(), rng.maybe_date());
            if let Some(from) = from {
                p = p.from(from);
            }
            if let Some(until) = until {
                p = p.until(until);
            }
            match graph.add_position(p) {
                Ok(_) => {}
                Err(diplograph::Error::EndsBeforeStart { .. }) => {
                    // Check that the graph was right to refuse it.
                    let (from, until) = (span(from.unwrap()), span(until.unwrap()));
                    assert!(until.1 < from.0, "refused {from:?}..{until:?}");
                }
                Err(other) => panic!("{other:?}"),
            }
        }
        for _ in 0..10 {
            let at = rng.date();
            let expected: Vec<_> = graph
                .all_positions()
                .filter_map(|(id, p)| Some((id, reference(p.from, p.until, at)?)))
                .collect();
            let found: Vec<_> = graph
                .positions(PositionQuery::on(s).as_of(at))
                .map(|m| (m.id, m.certainty))
                .collect();
            assert_eq!(found, expected, "as of {at}");
            // Through each actor's timeline the same positions come out,
            // in timeline order rather than insertion order.
            for actor in [a, b] {
                let mut by_actor: Vec<_> = graph
                    .positions(PositionQuery::on(s).by(actor).as_of(at))
                    .map(|m| (m.id, m.certainty))
                    .collect();
                by_actor.sort();
                let mut want: Vec<_> = expected
                    .iter()
                    .copied()
                    .filter(|(id, _)| {
                        graph.position(*id).unwrap().actor
                            == graph.actor_key(actor).unwrap().as_str()
                    })
                    .collect();
                want.sort();
                assert_eq!(by_actor, want, "as of {at}, by {actor}");
            }
            for (_, p) in graph.all_positions() {
                match reference(p.from, p.until, at) {
                    None => seen[0] += 1,
                    Some(Certainty::Possible) => seen[1] += 1,
                    Some(Certainty::Certain) => seen[2] += 1,
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 3000);
    // The generator reaches every outcome often enough to mean something.
    assert!(seen.iter().all(|n| *n > 300), "{seen:?}");
}

#[test]
fn meetings_between_agree_with_a_reference_on_random_meetings() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for round in 0..100 {
        let mut graph = base();
        let a = graph.actor_id("a").unwrap();
        for i in 0..8 {
            let mut m = Meeting::new(format!("m{i}"), format!("Meeting {i}"), MeetingKind::Call);
            if rng.below(2) == 0 {
                m = m.participant(diplograph::Participant::new("a"));
            }
            if let Some(date) = rng.maybe_date() {
                m = m.date(date);
                if rng.below(3) == 0 {
                    let end = rng.date();
                    if span(end).1 >= span(date).0 {
                        m = m.end(end);
                    }
                }
            }
            graph.add_meeting(m).unwrap();
        }
        for _ in 0..10 {
            let (from, until) = (rng.date(), rng.date());
            let inside = |m: &Meeting| {
                m.date.is_some_and(|date| {
                    span(date).0 >= span(from).0 && span(m.end.unwrap_or(date)).1 <= span(until).1
                })
            };
            let mut expected: Vec<&Meeting> = graph
                .all_meetings()
                .map(|(_, m)| m)
                .filter(|m| inside(m))
                .collect();
            expected.sort_by(|x, y| {
                let (x, y) = (x.date.unwrap(), y.date.unwrap());
                span(x).cmp(&span(y))
            });
            let want: Vec<&str> = expected.iter().map(|m| m.key.as_str()).collect();
            let found = meeting_keys(&graph, MeetingQuery::all().between(from, until));
            assert_eq!(found, want, "round {round}: {from}..{until}");
            let with_a: Vec<&str> = expected
                .iter()
                .filter(|m| m.participants.iter().any(|p| p.actor == "a"))
                .map(|m| m.key.as_str())
                .collect();
            let found = meeting_keys(&graph, MeetingQuery::with(a).between(from, until));
            assert_eq!(found, with_a, "round {round}: with a, {from}..{until}");
        }
    }
}

// ----- known bugs: these assert the documented behaviour and fail today -----

#[test]
fn position_changes_of_one_actor_are_ordered_by_date_across_stances() {
    // `DiplomaticGraph::position_changes`: "Results are ordered by actor, then
    // date". They come ordered by actor, then stance, then date.
    let graph = with_positions([
        Position::new("a", "s", Supports).until(d("2025-06")),
        Position::new("a", "s", Opposes).from(d("2025-06")),
        Position::new("a", "t", Supports).until(d("2025-01")),
        Position::new("a", "t", Opposes).from(d("2025-01")),
    ]);
    let (a, _, _, _) = ids(&graph);
    let dates: Vec<Option<String>> = graph
        .position_changes(PositionQuery::all().by(a))
        .iter()
        .map(|c| c.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        dates,
        [Some("2025-01".to_owned()), Some("2025-06".to_owned())]
    );
}
