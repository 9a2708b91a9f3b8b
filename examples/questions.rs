//! Asks the bundled dataset the questions of the seed and prints each answer
//! with the sentence it rests on.
//!
//! Run with `cargo run --example questions`.

use diplograph::{
    ActKind, ActQuery, AsOf, Cited, DiplomaticGraph, MeetingQuery, MeetingStatus, Polarity,
    PositionQuery, Relation, datasets,
};

fn main() -> diplograph::Result<()> {
    let graph = datasets::washington_2025();
    let name = |id| graph.actor(id).map_or("?", |a| a.name.as_str());
    let washington: diplograph::PartialDate = "2025-08-18".parse()?;

    let ceasefire = graph.find_stance("ceasefire")?;
    heading("Who opposed a ceasefire before further negotiations, as of 2025-08-18?");
    for m in graph.positions(
        PositionQuery::on(ceasefire)
            .polarity(Polarity::Opposes)
            .as_of(washington),
    ) {
        answer(name(m.actor), m.evidence());
    }

    heading("Who supported it then?");
    for m in graph.positions(
        PositionQuery::on(ceasefire)
            .polarity(Polarity::Supports)
            .as_of(washington),
    ) {
        answer(name(m.actor), m.evidence());
    }

    heading("Who changed position on it, from what to what?");
    for c in graph.position_changes(PositionQuery::on(ceasefire)) {
        let when = c.date.map(|d| d.to_string()).unwrap_or_default();
        let what = format!(
            "{}: {} -> {} on {when}",
            name(c.actor),
            c.before.position.polarity.as_str(),
            c.after.position.polarity.as_str()
        );
        answer(&what, c.after.evidence());
    }

    heading("Who met both Zelenskyy and Putin?");
    let (zelenskyy, putin) = (graph.find_actor("Zelensky")?, graph.find_actor("Putin")?);
    for contact in graph.met_both(zelenskyy, putin) {
        let meetings: Vec<&str> = contact
            .with_first
            .iter()
            .chain(&contact.with_second)
            .filter_map(|id| graph.meeting(*id).map(|m| m.title.as_str()))
            .collect();
        println!("  {} ({})", name(contact.actor), meetings.join("; "));
    }

    heading("Which meetings did Zelenskyy take part in, in date order?");
    for m in graph.meetings(MeetingQuery::with(zelenskyy).status(MeetingStatus::Held)) {
        let when = m.meeting.date.map(|d| d.to_string()).unwrap_or_default();
        answer(&format!("{when} {}", m.meeting.title), m.evidence());
    }

    heading("Who criticised Zelenskyy, and when?");
    for m in graph.acts(ActQuery::towards(zelenskyy).kind(ActKind::Criticised)) {
        let when = m.act.date.map(|d| d.to_string()).unwrap_or_default();
        answer(&format!("{} in {when}", name(m.actor)), m.evidence());
    }

    heading("Where do Trump and Macron disagree?");
    let (trump, macron) = (graph.find_actor("Trump")?, graph.find_actor("Macron")?);
    for a in graph.compare(trump, macron, AsOf::latest()) {
        if a.relation == Relation::Disagree {
            let label = graph.stance(a.stance).map_or("?", |s| s.label.as_str());
            answer(label, a.first.evidence().chain(a.second.evidence()));
        }
    }

    heading("Which issue has the most actors with a recorded position?");
    if let Some(top) = graph.stance_ranking().first() {
        let label = graph.stance(top.stance).map_or("?", |s| s.label.as_str());
        println!("  {label} ({} actors)", top.actors);
    }
    print_offices(&graph)
}

fn print_offices(graph: &DiplomaticGraph) -> diplograph::Result<()> {
    heading("Which office does each of Rutte, Merz and Vance hold?");
    for name in ["Rutte", "Merz", "Vance"] {
        let id = graph.find_actor(name)?;
        for o in graph.offices(id, AsOf::latest()) {
            answer(&format!("{name}: {}", o.office.title), o.evidence());
        }
    }
    Ok(())
}

fn heading(question: &str) {
    println!("\n{question}");
}

fn answer<'g>(what: &str, evidence: impl Iterator<Item = Cited<'g>>) {
    println!("  {what}");
    for cited in evidence {
        if let Some(quote) = cited.quote() {
            println!("      \u{201c}{quote}\u{201d}");
        }
    }
}
