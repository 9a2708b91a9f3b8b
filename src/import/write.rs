//! Writing the graph's events as PLOVER JSON Lines and CAMEO dyadic TSV.
//!
//! Both writers share one list of rows: a meeting becomes one row per
//! participant other than the first (or the guest, or the mediator), all with
//! the meeting's key as event id; an act one row; a position one row with no
//! target, unless an act of the same row already implies it. Each row takes
//! the CAMEO code recorded in its first evidence note when that code still
//! maps to the same thing, and otherwise the canonical code listed in
//! `docs/event-data.md`. Items without a date are not written. Each writer
//! returns a [`WriteReport`]: what it wrote, and what of the graph the
//! format could not hold.

use std::collections::BTreeMap;
use std::fmt;
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

/// What a writer wrote, and what of the graph it could not write: event
/// formats hold less than the graph, and nothing is left out without being
/// counted here.
///
/// The formats never hold an item's key, title, place, tone, notes,
/// hedging or end of validity, nor a meeting participant's role beyond host,
/// guest and mediator (see `docs/event-data.md`); the report counts whole
/// items left out, items written with a code that reads back as something
/// else, and evidence not written.
///
/// # Examples
///
/// ```
/// use diplograph::import::{write_cameo_tsv, LeftOut};
///
/// let graph = diplograph::datasets::washington_2025();
/// let report = write_cameo_tsv(&graph, std::io::sink())?;
/// // Most of the article's positions are on stances of its own, with no CAMEO code.
/// assert_eq!(report.left_out[&LeftOut::PositionOnOtherStance], 9);
/// assert!(!report.is_lossless());
/// assert!(report.to_string().starts_with(&format!("{} rows written", report.rows)));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteReport {
    /// Rows (TSV) or records (PLOVER) written.
    pub rows: usize,
    /// Meetings written, each as one row per participant but its lead.
    pub meetings: usize,
    /// Acts written, one row each.
    pub acts: usize,
    /// Positions written as rows of their own.
    pub positions: usize,
    /// Positions not written as rows because an act row of the same actor,
    /// stance, polarity and day implies them (reading it back restores them).
    pub positions_in_acts: usize,
    /// Items not written, by reason.
    pub left_out: BTreeMap<LeftOut, usize>,
    /// Items written with a code that reads back as something else: a
    /// meeting kind or status the format has no code for (a summit is
    /// written as a consultation, 040), an act kind that shares its code
    /// with another (thanked is written as praised, 051), an act's stance
    /// other than the ceasefire and sanctions.
    pub approximated: usize,
    /// Evidence beyond each written item's first, not written (each row
    /// carries one source and coding).
    pub evidence_left_out: usize,
}

impl WriteReport {
    /// Whether everything the formats can hold was written: no item left
    /// out, none approximated, no evidence left out.
    ///
    /// ```
    /// let report = diplograph::import::WriteReport::default();
    /// assert!(report.is_lossless());
    /// ```
    #[must_use]
    pub fn is_lossless(&self) -> bool {
        self.left_out.values().all(|&n| n == 0)
            && self.approximated == 0
            && self.evidence_left_out == 0
    }

    fn leave_out(&mut self, why: LeftOut) {
        *self.left_out.entry(why).or_insert(0) += 1;
    }
}

impl fmt::Display for WriteReport {
    /// Several lines: rows written and of what, then each count of what
    /// was left out or approximated, when not zero.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let report = diplograph::import::write_plover_jsonl(&graph, std::io::sink())?;
    /// let text = report.to_string();
    /// assert!(text.contains("left out, positions on stances without a CAMEO code: 9"), "{text}");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} rows written: {} meetings, {} acts, {} positions ({} more within acts)",
            self.rows, self.meetings, self.acts, self.positions, self.positions_in_acts
        )?;
        for (why, n) in &self.left_out {
            write!(f, "\n  left out, {why}: {n}")?;
        }
        if self.approximated > 0 {
            write!(
                f,
                "\n  written with a code that reads back as another kind, status or stance: {}",
                self.approximated
            )?;
        }
        if self.evidence_left_out > 0 {
            write!(
                f,
                "\n  evidence beyond each item's first, not written: {}",
                self.evidence_left_out
            )?;
        }
        Ok(())
    }
}

/// Why an item was not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LeftOut {
    /// A meeting without a date.
    UndatedMeeting,
    /// A meeting with fewer than two participants (a row needs a pair).
    MeetingWithoutPair,
    /// An act without a date.
    UndatedAct,
    /// A position without a start date.
    UndatedPosition,
    /// A position on a stance other than the ceasefire and sanctions, which
    /// CAMEO has codes for.
    PositionOnOtherStance,
    /// A position whose polarity has no code (abstains, neutral,
    /// conditional).
    PositionWithoutCode,
}

impl fmt::Display for LeftOut {
    /// ```
    /// use diplograph::import::LeftOut;
    /// assert_eq!(LeftOut::UndatedMeeting.to_string(), "meetings without a date");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UndatedMeeting => "meetings without a date",
            Self::MeetingWithoutPair => "meetings with fewer than two participants",
            Self::UndatedAct => "acts without a date",
            Self::UndatedPosition => "positions without a start date",
            Self::PositionOnOtherStance => "positions on stances without a CAMEO code",
            Self::PositionWithoutCode => "positions whose polarity has no CAMEO code",
        })
    }
}

/// Writes the graph's meetings, acts and positions as CAMEO dyadic TSV: a
/// header, then tab-separated rows `event date added source_code source_key
/// source_name target_code target_key target_name code goldstein tone
/// mentions url`. Returns what was written and what was left out.
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
/// let report = write_cameo_tsv(&graph, &mut out)?;
/// let mut importer = Importer::new();
/// importer.read(Format::CameoTsv, out.as_slice(), "events.tsv")?;
/// assert_eq!(importer.report().rows_read, report.rows as u64);
/// # Ok::<(), diplograph::Error>(())
/// ```
pub fn write_cameo_tsv(graph: &DiplomaticGraph, mut writer: impl Write) -> Result<WriteReport> {
    let io = |source| Error::Io {
        path: "".into(),
        source,
    };
    let (rows, report) = rows(graph);
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
    Ok(report)
}

/// Writes the graph's meetings, acts and positions as PLOVER JSON Lines: one
/// record per row (see the module docs), with `id`, `group` (the event),
/// `date`, `event`, `mode` and `context` (PLOVER), `cameo`, `actor` and `recipient`
/// lists of `{code, key, actorText}`, and `goldstein`, `tone`, `mentions`,
/// `url`, `added` when known. Returns what was written and what was left
/// out.
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
/// let report = write_plover_jsonl(&graph, &mut out)?;
/// let mut importer = Importer::new();
/// importer.read(Format::Plover, out.as_slice(), "events.jsonl")?;
/// assert_eq!(importer.report().rows_read, report.rows as u64);
/// # Ok::<(), diplograph::Error>(())
/// ```
pub fn write_plover_jsonl(graph: &DiplomaticGraph, mut writer: impl Write) -> Result<WriteReport> {
    let io = |source| Error::Io {
        path: "".into(),
        source,
    };
    let (rows, report) = rows(graph);
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
        if let Some(context) = mapping::plover_context_of(row.code) {
            record.insert("context".into(), json!(context));
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
    Ok(report)
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

/// Every row to write, in graph order: meetings, acts, positions; and the
/// report of what they hold.
fn rows(graph: &DiplomaticGraph) -> (Vec<OutRow<'_>>, WriteReport) {
    let mut out = Vec::new();
    let mut report = WriteReport::default();
    for (_, m) in graph.all_meetings() {
        let Some(date) = m.date else {
            report.leave_out(LeftOut::UndatedMeeting);
            continue;
        };
        if m.participants.len() < 2 {
            report.leave_out(LeftOut::MeetingWithoutPair);
            continue;
        }
        let code = mapping::meeting_code(m.kind, m.status);
        let reads_back = matches!(mapping::cameo(code),
            Mapping::Meeting { kind, status, .. } if kind == m.kind && status == m.status);
        report.approximated += usize::from(!reads_back);
        report.meetings += 1;
        report.evidence_left_out += m.evidence.len().saturating_sub(1);
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
        let Some(date) = act.date else {
            report.leave_out(LeftOut::UndatedAct);
            continue;
        };
        let stance = act.stance.as_ref().map(Key::as_str);
        let coding = coding_of(&act.evidence);
        let same = |m| matches!(m, Mapping::Act { kind, stance: s } if kind == act.kind && s.map(|s| s.0) == stance);
        let code = recorded(&coding, same).unwrap_or_else(|| mapping::act_code(act.kind, stance));
        report.approximated += usize::from(!same(mapping::cameo(code)));
        report.acts += 1;
        report.evidence_left_out += act.evidence.len().saturating_sub(1);
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
        let Some(date) = p.from else {
            report.leave_out(LeftOut::UndatedPosition);
            continue;
        };
        let stance = p.stance.as_str();
        let Some(known) = [mapping::CEASEFIRE, mapping::SANCTIONS]
            .into_iter()
            .find(|s| *s == stance)
        else {
            report.leave_out(LeftOut::PositionOnOtherStance);
            continue;
        };
        if implied.contains(&(p.actor.clone(), known, p.polarity, date.day_number())) {
            report.positions_in_acts += 1;
            continue;
        }
        let coding = coding_of(&p.evidence);
        let code = recorded(&coding, |m| m.position() == Some((known, p.polarity)))
            .or_else(|| mapping::position_code(known, p.polarity));
        let Some(code) = code else {
            report.leave_out(LeftOut::PositionWithoutCode);
            continue;
        };
        report.positions += 1;
        report.evidence_left_out += p.evidence.len().saturating_sub(1);
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
    report.rows = out.len();
    (out, report)
}
