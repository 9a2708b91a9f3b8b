//! The fifteen questions of `../shared/seed/QUESTIONS.md`, answered from the
//! bundled dataset through the typed API, each with the article's sentence as
//! evidence.

use std::collections::BTreeSet;

use diplograph::{
    ActKind, ActQuery, ActorId, AsOf, Cited, DiplomaticGraph, MeetingQuery, MeetingStatus,
    Polarity, PositionQuery, Relation, datasets,
};

fn graph() -> DiplomaticGraph {
    let graph = datasets::washington_2025();
    assert!(!graph.is_empty(), "the bundled dataset failed to load");
    graph
}

fn date(text: &str) -> diplograph::PartialDate {
    text.parse().unwrap()
}

fn actor(graph: &DiplomaticGraph, name: &str) -> ActorId {
    graph.find_actor(name).unwrap()
}

fn keys(graph: &DiplomaticGraph, ids: impl IntoIterator<Item = ActorId>) -> BTreeSet<String> {
    ids.into_iter()
        .map(|id| graph.actor(id).unwrap().key.to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Asserts some piece of evidence quotes a sentence containing `phrase`.
fn assert_quotes<'g>(evidence: impl IntoIterator<Item = Cited<'g>>, phrase: &str) {
    let quotes: Vec<&str> = evidence.into_iter().filter_map(|c| c.quote()).collect();
    assert!(
        quotes.iter().any(|q| q.contains(phrase)),
        "no evidence quoting {phrase:?} in {quotes:?}"
    );
}

#[test]
fn q01_who_opposed_the_ceasefire_as_of_the_washington_meeting() {
    let g = graph();
    let ceasefire = g.find_stance("ceasefire").unwrap();
    let found: Vec<_> = g
        .positions(
            PositionQuery::on(ceasefire)
                .polarity(Polarity::Opposes)
                .as_of(date("2025-08-18")),
        )
        .collect();
    assert_eq!(keys(&g, found.iter().map(|m| m.actor)), set(&["trump"]));
    assert_eq!(found[0].certainty, diplograph::Certainty::Certain);
    assert_quotes(
        found[0].evidence(),
        "walked back earlier calls for a ceasefire",
    );
}

#[test]
fn q02_who_supported_a_ceasefire_first_then() {
    let g = graph();
    let ceasefire = g.find_stance("ceasefire before negotiations").unwrap();
    let found: Vec<_> = g
        .positions(
            PositionQuery::on(ceasefire)
                .polarity(Polarity::Supports)
                .as_of(date("2025-08-18")),
        )
        .collect();
    assert_eq!(
        keys(&g, found.iter().map(|m| m.actor)),
        set(&["european-leaders", "macron", "merz"])
    );
    for m in &found {
        assert_quotes(m.evidence(), "a ceasefire would be an essential step");
    }
}

#[test]
fn q03_who_changed_position_on_the_ceasefire() {
    let g = graph();
    let ceasefire = g.find_stance("ceasefire").unwrap();
    let changes = g.position_changes(PositionQuery::on(ceasefire));
    assert_eq!(changes.len(), 1);
    let change = &changes[0];
    assert_eq!(keys(&g, [change.actor]), set(&["trump"]));
    assert_eq!(change.before.position.polarity, Polarity::Supports);
    assert_eq!(change.after.position.polarity, Polarity::Opposes);
    assert_eq!(change.date, Some(date("2025-08-18")));
    assert_eq!(
        change.after.meeting,
        g.meeting_id("washington-2025-08-18"),
        "the change happened at the Washington meeting"
    );
    assert_quotes(change.before.evidence(), "earlier calls for a ceasefire");
    assert_quotes(change.after.evidence(), "walked back");
    // Across every stance, Trump's ceasefire change is the only one.
    assert_eq!(g.position_changes(PositionQuery::all()).len(), 1);
}

#[test]
fn q04_trumps_ceasefire_position_before_the_washington_meeting() {
    let g = graph();
    let trump = actor(&g, "Trump");
    let ceasefire = g.find_stance("ceasefire").unwrap();
    let before: Vec<_> = g
        .positions(
            PositionQuery::on(ceasefire)
                .by(trump)
                .as_of(date("2025-08-17")),
        )
        .collect();
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].position.polarity, Polarity::Supports);
    assert_quotes(before[0].evidence(), "earlier calls for a ceasefire");
}

#[test]
fn q05_who_rejected_and_who_favoured_territorial_concessions() {
    let g = graph();
    let concessions = g.find_stance("territorial concessions").unwrap();
    let by = |polarity| {
        let found: Vec<_> = g
            .positions(PositionQuery::on(concessions).polarity(polarity))
            .collect();
        for m in &found {
            assert_quotes(m.evidence(), "concessions on contested territories");
        }
        keys(&g, found.iter().map(|m| m.actor))
    };
    assert_eq!(by(Polarity::Opposes), set(&["zelenskyy"]));
    assert_eq!(by(Polarity::Supports), set(&["trump"]));
}

#[test]
fn q06_who_took_part_in_the_alaska_summit() {
    let g = graph();
    let alaska = g.find_meeting("Alaska summit").unwrap();
    let who = keys(&g, g.participants(alaska).map(|(id, _)| id));
    assert_eq!(who, set(&["putin", "trump"]));
    let found = g
        .meetings(MeetingQuery::with(actor(&g, "Putin")).status(MeetingStatus::Held))
        .find(|m| m.id == alaska)
        .unwrap();
    assert_quotes(found.evidence(), "summit with Putin in Alaska");
}

#[test]
fn q07_zelenskyys_meetings_in_date_order() {
    let g = graph();
    let zelenskyy = actor(&g, "Zelensky");
    let held: Vec<_> = g
        .meetings(MeetingQuery::with(zelenskyy).status(MeetingStatus::Held))
        .collect();
    let held_keys: Vec<&str> = held.iter().map(|m| m.meeting.key.as_str()).collect();
    assert_eq!(held_keys, ["oval-office-2025-02", "washington-2025-08-18"]);
    assert_quotes(held[0].evidence(), "last visit in February");
    assert_quotes(held[1].evidence(), "met in Washington on Monday");
    // The trilateral is only proposed: among all his meetings, it comes last
    // (undated) and is not held.
    let all: Vec<_> = g.meetings(MeetingQuery::with(zelenskyy)).collect();
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].meeting.status, MeetingStatus::Proposed);
}

#[test]
fn q08_who_met_both_zelenskyy_and_putin() {
    let g = graph();
    let contacts = g.met_both(actor(&g, "Zelenskyy"), actor(&g, "Putin"));
    assert_eq!(keys(&g, contacts.iter().map(|c| c.actor)), set(&["trump"]));
    let trump = &contacts[0];
    let with_zelenskyy: Vec<&str> = trump
        .with_first
        .iter()
        .map(|id| g.meeting(*id).unwrap().key.as_str())
        .collect();
    let with_putin: Vec<&str> = trump
        .with_second
        .iter()
        .map(|id| g.meeting(*id).unwrap().key.as_str())
        .collect();
    assert_eq!(
        with_zelenskyy,
        ["oval-office-2025-02", "washington-2025-08-18"]
    );
    assert_eq!(with_putin, ["alaska-summit-2025-08-15"]);
}

#[test]
fn q09_who_criticised_zelenskyy_and_when() {
    let g = graph();
    let found: Vec<_> = g
        .acts(ActQuery::towards(actor(&g, "Zelenskyy")).kind(ActKind::Criticised))
        .collect();
    assert_eq!(
        keys(&g, found.iter().map(|m| m.actor)),
        set(&["trump", "vance"])
    );
    for m in &found {
        assert_eq!(m.act.date, Some(date("2025-02")));
        assert_eq!(m.meeting, g.meeting_id("oval-office-2025-02"));
        assert_quotes(
            m.evidence(),
            "sharp criticism from Trump and Vice President JD Vance",
        );
    }
}

#[test]
fn q10_which_meetings_are_proposed_or_planned() {
    let g = graph();
    let found: Vec<_> = g
        .meetings(
            MeetingQuery::all()
                .status(MeetingStatus::Proposed)
                .status(MeetingStatus::Planned),
        )
        .collect();
    let statuses: BTreeSet<(String, MeetingStatus)> = found
        .iter()
        .map(|m| (m.meeting.key.to_string(), m.meeting.status))
        .collect();
    assert_eq!(
        statuses,
        BTreeSet::from([
            ("trilateral-proposed".to_string(), MeetingStatus::Proposed),
            (
                "trump-putin-call-planned".to_string(),
                MeetingStatus::Planned
            ),
        ])
    );
    let trilateral = found
        .iter()
        .find(|m| m.meeting.key == "trilateral-proposed")
        .unwrap();
    assert_eq!(
        keys(&g, g.participants(trilateral.id).map(|(id, _)| id)),
        set(&["putin", "trump", "zelenskyy"])
    );
    assert_quotes(trilateral.evidence(), "a proposed trilateral meeting");
    let call = found
        .iter()
        .find(|m| m.meeting.key == "trump-putin-call-planned")
        .unwrap();
    assert_quotes(call.evidence(), "speak directly with Putin");
}

#[test]
fn q11_who_supports_us_participation_in_security_guarantees() {
    let g = graph();
    let stance = g.find_stance("US security guarantees").unwrap();
    let found: Vec<_> = g
        .positions(
            PositionQuery::on(stance)
                .polarity(Polarity::Supports)
                .latest(),
        )
        .collect();
    assert_eq!(
        keys(&g, found.iter().map(|m| m.actor)),
        set(&["rutte", "trump"])
    );
    let trump = found.iter().find(|m| g.actor_of(m).key == "trump").unwrap();
    assert_quotes(
        trump.evidence(),
        "would participate in providing security guarantees",
    );
    let rutte = found.iter().find(|m| g.actor_of(m).key == "rutte").unwrap();
    assert_quotes(rutte.evidence(), "as a breakthrough");
}

#[test]
fn q12_where_trump_and_macron_disagree() {
    let g = graph();
    let (trump, macron) = (actor(&g, "Trump"), actor(&g, "Macron"));
    let disagreements: Vec<_> = g
        .compare(trump, macron, AsOf::latest())
        .into_iter()
        .filter(|a| a.relation == Relation::Disagree)
        .collect();
    let stances: Vec<&str> = disagreements
        .iter()
        .map(|a| g.stance(a.stance).unwrap().key.as_str())
        .collect();
    assert_eq!(stances, ["ceasefire-first"]);
    assert_quotes(disagreements[0].first.evidence(), "walked back");
    assert_quotes(disagreements[0].second.evidence(), "pushed back");
    // As of the eve of the meeting, Macron had no recorded position yet and
    // there was nothing to disagree on.
    assert!(
        g.compare(trump, macron, AsOf::date(date("2025-08-17")))
            .is_empty()
    );
}

#[test]
fn q13_who_pushed_back_against_trump() {
    let g = graph();
    let ceasefire = g.find_stance("ceasefire").unwrap();
    let found: Vec<_> = g
        .acts(ActQuery::towards(actor(&g, "Trump")).kind(ActKind::PushedBack))
        .collect();
    assert_eq!(
        keys(&g, found.iter().map(|m| m.actor)),
        set(&["macron", "merz"])
    );
    for m in &found {
        assert_eq!(m.stance, Some(ceasefire), "over the ceasefire");
        assert_quotes(m.evidence(), "pushed back");
    }
}

#[test]
fn q14_offices_of_rutte_merz_and_vance() {
    let g = graph();
    for (name, title, phrase) in [
        (
            "Rutte",
            "Secretary General of NATO",
            "NATO Secretary General Mark Rutte",
        ),
        (
            "Merz",
            "Chancellor of Germany",
            "German Chancellor Friedrich Merz",
        ),
        (
            "Vance",
            "Vice President of the United States",
            "Vice President JD Vance",
        ),
    ] {
        let offices: Vec<_> = g
            .offices(actor(&g, name), AsOf::date(date("2025-08-18")))
            .collect();
        let titles: Vec<&str> = offices.iter().map(|o| o.office.title.as_str()).collect();
        assert_eq!(titles, [title], "{name}");
        assert_quotes(offices[0].evidence(), phrase);
    }
}

#[test]
fn q15_the_issue_with_the_most_actors_holding_a_position() {
    let g = graph();
    let ranking = g.stance_ranking();
    let top = ranking[0];
    assert_eq!(g.stance(top.stance).unwrap().key, "ceasefire-first");
    assert_eq!((top.actors, top.positions), (4, 5));
    assert!(
        ranking[1].actors < top.actors,
        "the ceasefire leads outright: {ranking:?}"
    );
}

/// Every quote in the bundled dataset is a sentence of the seed article,
/// verbatim.
#[test]
fn every_quote_is_a_sentence_of_the_article() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/washington-2025-article.txt");
    let Ok(article) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: the seed article is not at {} (it lives outside the repository)",
            path.display()
        );
        return;
    };
    let value: serde_json::Value = serde_json::from_str(datasets::WASHINGTON_2025_JSON).unwrap();
    let mut quotes = Vec::new();
    collect_quotes(&value, &mut quotes);
    assert!(quotes.len() > 20, "{}", quotes.len());
    for quote in quotes {
        assert!(article.contains(&quote), "not in the article: {quote}");
    }
}

fn collect_quotes(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("quote", serde_json::Value::String(q)) => out.push(q.clone()),
                    _ => collect_quotes(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_quotes(v, out)),
        _ => {}
    }
}

/// Every position, act and meeting of the bundled dataset carries evidence.
#[test]
fn every_claim_has_evidence() {
    let g = graph();
    for (_, p) in g.all_positions() {
        assert!(!p.evidence.is_empty(), "{p:?}");
    }
    for (_, a) in g.all_acts() {
        assert!(!a.evidence.is_empty(), "{a:?}");
    }
    for (_, m) in g.all_meetings() {
        assert!(!m.evidence.is_empty(), "{m:?}");
    }
}
