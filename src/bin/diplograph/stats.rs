//! `diplograph stats [FILE]`: what a dataset holds, in numbers.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use diplograph::{ActQuery, DiplomaticGraph, PartialDate};

use crate::dataset;
use crate::output::{Outcome, print};

/// How many stances and actors the rankings show.
const TOP: usize = 5;

/// Prints the counts of a dataset, per kind, its date range and its top
/// stances and actors.
pub(crate) fn run(path: Option<&Path>) -> Outcome {
    let graph = dataset::load(path)?;
    print(format_args!("{}", stats(&graph)))
}

fn stats(graph: &DiplomaticGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", graph.title().unwrap_or("Untitled dataset"));
    let _ = writeln!(out, "counts: {}", graph.counts());
    let tally = |items: Vec<&'static str>| -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for item in items {
            *counts.entry(item).or_default() += 1;
        }
        let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(", ")
        }
    };
    let _ = writeln!(
        out,
        "actors by kind: {}",
        tally(graph.actors().map(|(_, a)| a.kind.as_str()).collect())
    );
    let _ = writeln!(
        out,
        "meetings by status: {}",
        tally(
            graph
                .all_meetings()
                .map(|(_, m)| m.status.as_str())
                .collect()
        )
    );
    let _ = writeln!(
        out,
        "meetings by kind: {}",
        tally(graph.all_meetings().map(|(_, m)| m.kind.as_str()).collect())
    );
    let _ = writeln!(
        out,
        "positions by polarity: {}",
        tally(
            graph
                .all_positions()
                .map(|(_, p)| p.polarity.as_str())
                .collect()
        )
    );
    let _ = writeln!(
        out,
        "acts by kind: {}",
        tally(graph.all_acts().map(|(_, a)| a.kind.as_str()).collect())
    );
    let mut dates: Vec<PartialDate> = Vec::new();
    for (_, m) in graph.all_meetings() {
        dates.extend(m.date);
        dates.extend(m.end);
    }
    for (_, p) in graph.all_positions() {
        dates.extend(p.from);
        dates.extend(p.until);
    }
    for m in graph.acts(ActQuery::all()) {
        dates.extend(m.act.date);
    }
    dates.sort_by(PartialDate::timeline_cmp);
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) => {
            let _ = writeln!(out, "dates: {first} to {last}");
        }
        _ => {
            let _ = writeln!(out, "dates: none");
        }
    }
    let _ = writeln!(out, "top stances:");
    for (i, s) in graph.stance_ranking().iter().take(TOP).enumerate() {
        if let Some(stance) = graph.stance(s.stance) {
            let _ = writeln!(
                out,
                "  {}. {} [{}]: {} actor{}, {} position{}",
                i + 1,
                stance.label,
                stance.key,
                s.actors,
                plural(s.actors),
                s.positions,
                plural(s.positions)
            );
        }
    }
    let _ = writeln!(out, "top actors:");
    for (i, a) in graph.actor_ranking().iter().take(TOP).enumerate() {
        if let Some(actor) = graph.actor(a.actor) {
            let _ = writeln!(
                out,
                "  {}. {} [{}]: {} held meeting{}, {} position{}, {} act{}",
                i + 1,
                actor.name,
                actor.key,
                a.meetings,
                plural(a.meetings),
                a.positions,
                plural(a.positions),
                a.acts,
                plural(a.acts)
            );
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
