//! Writing the graph's events as PLOVER JSON Lines and CAMEO dyadic TSV.
//!
//! Both writers share one list of rows: a meeting becomes one row per
//! participant other than the first (or the guest, or the mediator), all with
//! the meeting's key as event id; an act one row; a position one row with no
//! target, unless an act of the same row already implies it. Each row takes
//! the CAMEO code recorded in its first evidence note when that code still
//! maps to the same thing, and otherwise the canonical code listed in
//! `docs/event-data.md`. Items without a date are not written.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::mapping::{self, Mapping};
use super::{Coding, tsv};
use crate::{
    Actor, ActorKind, DiplomaticGraph, Error, Evidence, Key, LinkKind, PartialDate, Result, Role,
};

/// One written row.
struct OutRow<'g> {
    event: String,
    date: PartialDate,
    source: &'g Key,
    target: Option<&'g Key>,
    code: &'static str,
    coding: Coding,
    url: Option<&'g str>,
    added: Option<PartialDate>,
}

/// Writes the graph's meetings, acts and positions as CAMEO dyadic TSV: a
/// header, then tab-separated rows `event date added source_code source_key
/// source_name target_code target_key target_name code goldstein tone
/// mentions url`. Returns the number of rows written.
///
/// # Errors
///
/// [`Error::Io`] when writing fails.
///
/// ```
/// use diplograph::import::{write_cameo_tsv, Format, Importer};
///
/// let graph = diplograph::datasets::washington_2025();
/// let mut out = Vec::new();
/// let rows = write_cameo_tsv(&graph, &mut out)?;
/// let mut importer = Importer::new();
/// importer.read(Format::CameoTsv, out.as_slice(), "events.tsv")?;
/// assert_eq!(importer.report().rows_read, rows as u64);
/// # Ok::<(), diplograph::Error>(())
/// ```
pub fn write_cameo_tsv(graph: &DiplomaticGraph, mut writer: impl Write) -> Result<usize> {
    let io = |source| Error::Io {
        path: "".into(),
        source,
    };
    let rows = rows(graph);
    writeln!(writer, "{}", tsv::HEADER.join("\t")).map_err(io)?;
    for row in &rows {
        let actor = |key: Option<&Key>| match key {
            Some(key) => {
                let name = actor_of(graph, key).map_or("", |a| a.name.as_str());
                format!("{}\t{key}\t{}", cameo_code(graph, key), clean(name))
            }
            None => "\t\t".to_owned(),
        };
        let opt = |v: Option<String>| v.unwrap_or_default();
        writeln!(
            writer,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&row.event),
            row.date,
            opt(row.added.map(|d| d.to_string())),
            actor(Some(row.source)),
            actor(row.target),
            row.code,
            opt(row.coding.goldstein.map(|g| g.to_string())),
            opt(row.coding.tone.map(|t| t.to_string())),
            opt(row.coding.mentions.map(|m| m.to_string())),
            clean(row.url.unwrap_or("")),
        )
        .map_err(io)?;
    }
    writer.flush().map_err(io)?;
    Ok(rows.len())
}

/// Writes the graph's meetings, acts and positions as PLOVER JSON Lines: one
/// record per row (see the module docs), with `id`, `group` (the event),
/// `date`, `event` and `mode` (PLOVER), `cameo`, `actor` and `recipient`
/// lists of `{code, key, actorText}`, and `goldstein`, `tone`, `mentions`,
/// `url`, `added` when known. Returns the number of records written.
///
/// # Errors
///
/// [`Error::Io`] when writing fails.
///
/// ```
/// use diplograph::import::{write_plover_jsonl, Format, Importer};
///
/// let graph = diplograph::datasets::washington_2025();
/// let mut out = Vec::new();
/// let records = write_plover_jsonl(&graph, &mut out)?;
/// let mut importer = Importer::new();
/// importer.read(Format::Plover, out.as_slice(), "events.jsonl")?;
/// assert_eq!(importer.report().rows_read, records as u64);
/// # Ok::<(), diplograph::Error>(())
/// ```
pub fn write_plover_jsonl(graph: &DiplomaticGraph, mut writer: impl Write) -> Result<usize> {
    let io = |source| Error::Io {
        path: "".into(),
        source,
    };
    let rows = rows(graph);
    let actor = |key: &Key| {
        json!({
            "code": cameo_code(graph, key),
            "key": key.as_str(),
            "actorText": actor_of(graph, key).map_or("", |a| a.name.as_str()),
        })
    };
    for (n, row) in rows.iter().enumerate() {
        let (event, mode) = mapping::plover_of(row.code);
        let mut record = Map::new();
        record.insert("id".into(), json!(format!("{}#{}", row.event, n + 1)));
        record.insert("group".into(), json!(row.event));
        record.insert("date".into(), json!(row.date.to_string()));
        record.insert("event".into(), json!(event));
        if let Some(mode) = mode {
            record.insert("mode".into(), json!(mode));
        }
        record.insert("cameo".into(), json!(row.code));
        record.insert("actor".into(), json!([actor(row.source)]));
        record.insert(
            "recipient".into(),
            Value::Array(row.target.map(actor).into_iter().collect()),
        );
        if let Some(g) = row.coding.goldstein {
            record.insert("goldstein".into(), json!(g));
        }
        if let Some(t) = row.coding.tone {
            record.insert("tone".into(), json!(t));
        }
        if let Some(m) = row.coding.mentions {
            record.insert("mentions".into(), json!(m));
        }
        if let Some(u) = row.url {
            record.insert("url".into(), json!(u));
        }
        if let Some(a) = row.added {
            record.insert("added".into(), json!(a.to_string()));
        }
        serde_json::to_writer(&mut writer, &Value::Object(record)).map_err(|e| io(e.into()))?;
        writeln!(writer).map_err(io)?;
    }
    writer.flush().map_err(io)?;
    Ok(rows.len())
}

/// Tabs and line breaks in a TSV field become spaces.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn actor_of<'g>(graph: &'g DiplomaticGraph, key: &Key) -> Option<&'g Actor> {
    graph.actor_id(key.as_str()).and_then(|id| graph.actor(id))
}

/// A CAMEO actor code for an actor: `RUS` for a state keyed `rus`, `RUSGOV`
/// for `rus.gov`, the state's code and `GOV` for a person representing it.
fn cameo_code(graph: &DiplomaticGraph, key: &Key) -> String {
    let k = key.as_str();
    let is_code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_lowercase());
    if is_code(k) {
        return k.to_ascii_uppercase();
    }
    if let Some((state, role)) = k.split_once('.') {
        if is_code(state) && is_code(role) {
            return format!("{state}{role}").to_ascii_uppercase();
        }
    }
    let Some(actor) = actor_of(graph, key) else {
        return String::new();
    };
    match actor.links.iter().find(|l| l.kind == LinkKind::Represents) {
        Some(link) if actor.kind == ActorKind::Person && is_code(link.target.as_str()) => {
            format!("{}GOV", link.target.as_str().to_ascii_uppercase())
        }
        _ => String::new(),
    }
}

fn coding_of(evidence: &[Evidence]) -> Coding {
    evidence
        .first()
        .and_then(|e| e.note.as_deref())
        .map(Coding::parse)
        .unwrap_or_default()
}

fn url_of<'g>(
    graph: &'g DiplomaticGraph,
    evidence: &[Evidence],
) -> (Option<&'g str>, Option<PartialDate>) {
    match evidence
        .first()
        .and_then(|e| graph.source_by_key(e.source.as_str()))
    {
        Some(s) => (s.url.as_deref(), s.published),
        None => (None, None),
    }
}

/// The code recorded for an item, if it still maps to `wanted`.
fn recorded(coding: &Coding, wanted: impl Fn(Mapping) -> bool) -> Option<&'static str> {
    let code = coding.cameo.as_deref()?;
    let event = super::cameo::event(code)?;
    wanted(mapping::cameo(event.code)).then_some(event.code)
}

/// Every row to write, in graph order: meetings, acts, positions.
fn rows(graph: &DiplomaticGraph) -> Vec<OutRow<'_>> {
    let mut out = Vec::new();
    for (_, m) in graph.all_meetings() {
        let (Some(date), true) = (m.date, m.participants.len() >= 2) else {
            continue;
        };
        let code = mapping::meeting_code(m.kind, m.status);
        // A visit is written from its host (043 to each guest), a mediation
        // from its mediator; other participants get 040.
        let lead_role = match code {
            "042" => Some(Role::Host),
            "045" => Some(Role::Mediator),
            _ => None,
        };
        let lead = lead_role
            .and_then(|r| m.participants.iter().find(|p| p.role == r))
            .or_else(|| m.participants.first());
        let Some(lead) = lead else { continue };
        let others = m.participants.iter().filter(|p| p.actor != lead.actor);
        let coding = coding_of(&m.evidence);
        let (url, added) = url_of(graph, &m.evidence);
        for other in others {
            let row_code = match code {
                "042" if lead.role == Role::Host && other.role == Role::Guest => "043",
                "042" => "040",
                _ => code,
            };
            out.push(OutRow {
                event: m.key.to_string(),
                date,
                source: &lead.actor,
                target: Some(&other.actor),
                code: row_code,
                coding: Coding {
                    cameo: Some(row_code.to_owned()),
                    ..coding.clone()
                },
                url,
                added,
            });
        }
    }
    let mut implied = std::collections::HashSet::new();
    for (id, act) in graph.all_acts() {
        let Some(date) = act.date else { continue };
        let stance = act.stance.as_ref().map(Key::as_str);
        let coding = coding_of(&act.evidence);
        let code = recorded(&coding, |m| {
            matches!(m, Mapping::Act { kind, stance: s } if kind == act.kind && s.map(|s| s.0) == stance)
        })
        .unwrap_or_else(|| mapping::act_code(act.kind, stance));
        if let Some((stance, polarity)) = mapping::cameo(code).position() {
            implied.insert((act.actor.clone(), stance, polarity, date.day_number()));
        }
        let (url, added) = url_of(graph, &act.evidence);
        out.push(OutRow {
            event: format!("act-{}", id.index()),
            date,
            source: &act.actor,
            target: Some(&act.target),
            code,
            coding,
            url,
            added,
        });
    }
    for (id, p) in graph.all_positions() {
        let Some(date) = p.from else { continue };
        let stance = p.stance.as_str();
        let Some(known) = [mapping::CEASEFIRE, mapping::SANCTIONS]
            .into_iter()
            .find(|s| *s == stance)
        else {
            continue;
        };
        if implied.contains(&(p.actor.clone(), known, p.polarity, date.day_number())) {
            continue;
        }
        let coding = coding_of(&p.evidence);
        let code = recorded(&coding, |m| m.position() == Some((known, p.polarity)))
            .or_else(|| mapping::position_code(known, p.polarity));
        let Some(code) = code else { continue };
        let (url, added) = url_of(graph, &p.evidence);
        out.push(OutRow {
            event: format!("position-{}", id.index()),
            date,
            source: &p.actor,
            target: None,
            code,
            coding,
            url,
            added,
        });
    }
    out
}
