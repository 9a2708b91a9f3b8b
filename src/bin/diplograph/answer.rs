//! Answers to questions as tables, written as aligned text, JSON or CSV.
//!
//! Every kind of [`Answer`] becomes rows under named columns; each row keeps
//! the evidence of what it reports. The JSON form is documented in
//! `docs/cli.md` and `docs/query-language.md`.

use std::fmt::Write as _;

use clap::ValueEnum;
use diplograph::{Answer, Cited, DiplomaticGraph, MeetingId, PartialDate};
use serde_json::{Map, Value, json};

/// How `ask` and `repl` write answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Aligned columns, for reading.
    #[default]
    Table,
    /// One JSON object, for programs (schema in docs/cli.md).
    Json,
    /// Comma-separated values with a header line, for spreadsheets.
    Csv,
}

/// An answer as rows under named columns.
pub(crate) struct Table {
    kind: &'static str,
    columns: Vec<&'static str>,
    rows: Vec<Row>,
}

struct Row {
    cells: Vec<Cell>,
    evidence: Vec<Quote>,
}

/// A value in a table: nothing, text, an item (key and name), or a list of
/// items.
enum Cell {
    Empty,
    Text(String),
    Item { key: String, name: String },
    Items(Vec<(String, String)>),
}

struct Quote {
    source: String,
    title: String,
    quote: Option<String>,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Item { name, .. } => name.clone(),
            Cell::Items(items) => items
                .iter()
                .map(|(_, name)| name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Text(t) => Value::String(t.clone()),
            Cell::Item { key, name } => json!({ "key": key, "name": name }),
            Cell::Items(items) => Value::Array(
                items
                    .iter()
                    .map(|(key, name)| json!({ "key": key, "name": name }))
                    .collect(),
            ),
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn date(d: Option<PartialDate>) -> Cell {
    d.map_or(Cell::Empty, |d| text(d.to_string()))
}

fn quotes<'g>(evidence: impl Iterator<Item = Cited<'g>>) -> Vec<Quote> {
    evidence
        .map(|c| Quote {
            source: c.source.key.to_string(),
            title: c.source.title.clone(),
            quote: c.quote().map(str::to_owned),
        })
        .collect()
}

/// Builds table cells from a graph: actors, stances and meetings by id.
struct Cells<'g>(&'g DiplomaticGraph);

impl Cells<'_> {
    fn actor(&self, id: diplograph::ActorId) -> Cell {
        match self.0.actor(id) {
            Some(a) => Cell::Item {
                key: a.key.to_string(),
                name: a.name.clone(),
            },
            None => Cell::Empty,
        }
    }

    fn stance(&self, id: Option<diplograph::StanceId>) -> Cell {
        match id.and_then(|id| self.0.stance(id)) {
            Some(s) => Cell::Item {
                key: s.key.to_string(),
                name: s.label.clone(),
            },
            None => Cell::Empty,
        }
    }

    fn meeting(&self, id: Option<MeetingId>) -> Cell {
        match id.and_then(|id| self.0.meeting(id)) {
            Some(m) => Cell::Item {
                key: m.key.to_string(),
                name: m.title.clone(),
            },
            None => Cell::Empty,
        }
    }

    fn meetings(&self, ids: &[MeetingId]) -> Cell {
        Cell::Items(
            ids.iter()
                .filter_map(|id| self.0.meeting(*id))
                .map(|m| (m.key.to_string(), m.title.clone()))
                .collect(),
        )
    }

    fn meeting_quotes(&self, ids: &[MeetingId]) -> Vec<Quote> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(m) = self.0.meeting(*id) {
                for e in &m.evidence {
                    if let Some(source) = self.0.source_by_key(e.source.as_str()) {
                        out.push(Quote {
                            source: source.key.to_string(),
                            title: source.title.clone(),
                            quote: e.quote.clone(),
                        });
                    }
                }
            }
        }
        out
    }
}

/// The rows and columns of an answer.
pub(crate) fn table(graph: &DiplomaticGraph, answer: &Answer<'_>) -> Table {
    let c = Cells(graph);
    let (columns, rows): (Vec<&'static str>, Vec<Row>) = match answer {
        Answer::Positions(found) => (
            vec![
                "actor",
                "polarity",
                "stance",
                "from",
                "until",
                "hedging",
                "certainty",
                "meeting",
            ],
            found
                .iter()
                .map(|m| Row {
                    cells: vec![
                        c.actor(m.actor),
                        text(m.position.polarity.as_str()),
                        c.stance(Some(m.stance)),
                        date(m.position.from),
                        date(m.position.until),
                        text(m.position.hedging.as_str()),
                        text(certainty(m.certainty)),
                        c.meeting(m.meeting),
                    ],
                    evidence: quotes(m.evidence()),
                })
                .collect(),
        ),
        Answer::Changes(changes) => (
            vec!["actor", "stance", "before", "after", "date"],
            changes
                .iter()
                .map(|ch| Row {
                    cells: vec![
                        c.actor(ch.actor),
                        c.stance(Some(ch.stance)),
                        text(ch.before.position.polarity.as_str()),
                        text(ch.after.position.polarity.as_str()),
                        date(ch.date),
                    ],
                    evidence: quotes(ch.before.evidence().chain(ch.after.evidence())),
                })
                .collect(),
        ),
        Answer::Meetings(found) => (
            vec![
                "date",
                "meeting",
                "kind",
                "status",
                "tone",
                "place",
                "participants",
            ],
            found
                .iter()
                .map(|m| Row {
                    cells: vec![
                        date(m.meeting.date),
                        c.meeting(Some(m.id)),
                        text(m.meeting.kind.as_str()),
                        text(m.meeting.status.as_str()),
                        m.meeting.tone.map_or(Cell::Empty, |t| text(t.as_str())),
                        m.meeting.place.clone().map_or(Cell::Empty, Cell::Text),
                        Cell::Items(
                            graph
                                .participants(m.id)
                                .filter_map(|(id, _)| graph.actor(id))
                                .map(|a| (a.key.to_string(), a.name.clone()))
                                .collect(),
                        ),
                    ],
                    evidence: quotes(m.evidence()),
                })
                .collect(),
        ),
        Answer::Participants {
            meeting,
            participants,
        } => (
            vec!["actor", "role", "meeting"],
            participants
                .iter()
                .map(|(id, p)| Row {
                    cells: vec![
                        c.actor(*id),
                        text(p.role.as_str()),
                        c.meeting(Some(meeting.id)),
                    ],
                    evidence: quotes(meeting.evidence()),
                })
                .collect(),
        ),
        Answer::Contacts(contacts) => (
            vec!["actor", "with_first", "with_second"],
            contacts
                .iter()
                .map(|ct| {
                    let all: Vec<MeetingId> = ct
                        .with_first
                        .iter()
                        .chain(&ct.with_second)
                        .copied()
                        .collect();
                    Row {
                        cells: vec![
                            c.actor(ct.actor),
                            c.meetings(&ct.with_first),
                            c.meetings(&ct.with_second),
                        ],
                        evidence: c.meeting_quotes(&all),
                    }
                })
                .collect(),
        ),
        Answer::Acts(found) => (
            vec![
                "date", "actor", "act", "target", "stance", "meeting", "hedging",
            ],
            found
                .iter()
                .map(|m| Row {
                    cells: vec![
                        date(m.act.date),
                        c.actor(m.actor),
                        text(m.act.kind.as_str()),
                        c.actor(m.target),
                        c.stance(m.stance),
                        c.meeting(m.meeting),
                        text(m.act.hedging.as_str()),
                    ],
                    evidence: quotes(m.evidence()),
                })
                .collect(),
        ),
        Answer::Alignments(found) => (
            vec![
                "stance",
                "relation",
                "first",
                "first_polarity",
                "second",
                "second_polarity",
            ],
            found
                .iter()
                .map(|al| Row {
                    cells: vec![
                        c.stance(Some(al.stance)),
                        text(relation(al.relation)),
                        c.actor(al.first.actor),
                        text(al.first.position.polarity.as_str()),
                        c.actor(al.second.actor),
                        text(al.second.position.polarity.as_str()),
                    ],
                    evidence: quotes(al.first.evidence().chain(al.second.evidence())),
                })
                .collect(),
        ),
        Answer::Offices(found) => (
            vec!["actor", "office", "of", "from", "until", "certainty"],
            found
                .iter()
                .flat_map(|(actor, offices)| {
                    let c = &c;
                    let rows: Vec<Row> = if offices.is_empty() {
                        vec![Row {
                            cells: vec![
                                c.actor(*actor),
                                Cell::Empty,
                                Cell::Empty,
                                Cell::Empty,
                                Cell::Empty,
                                Cell::Empty,
                            ],
                            evidence: Vec::new(),
                        }]
                    } else {
                        offices
                            .iter()
                            .map(|o| Row {
                                cells: vec![
                                    c.actor(*actor),
                                    text(o.office.title.clone()),
                                    o.office
                                        .of
                                        .as_ref()
                                        .and_then(|k| c.0.actor_id(k.as_str()))
                                        .map_or(Cell::Empty, |id| c.actor(id)),
                                    date(o.office.from),
                                    date(o.office.until),
                                    text(certainty(o.certainty)),
                                ],
                                evidence: quotes(o.evidence()),
                            })
                            .collect()
                    };
                    rows
                })
                .collect(),
        ),
        Answer::StanceRanking(ranking) => (
            vec!["rank", "stance", "actors", "positions"],
            ranking
                .iter()
                .enumerate()
                .map(|(i, s)| Row {
                    cells: vec![
                        text((i + 1).to_string()),
                        c.stance(Some(s.stance)),
                        text(s.actors.to_string()),
                        text(s.positions.to_string()),
                    ],
                    evidence: Vec::new(),
                })
                .collect(),
        ),
        Answer::ActorRanking(ranking) => (
            vec!["rank", "actor", "total", "meetings", "positions", "acts"],
            ranking
                .iter()
                .enumerate()
                .map(|(i, a)| Row {
                    cells: vec![
                        text((i + 1).to_string()),
                        c.actor(a.actor),
                        text(a.total().to_string()),
                        text(a.meetings.to_string()),
                        text(a.positions.to_string()),
                        text(a.acts.to_string()),
                    ],
                    evidence: Vec::new(),
                })
                .collect(),
        ),
        // `Answer` may grow; a newer library's answers are shown as a count.
        other => (
            vec!["results"],
            vec![Row {
                cells: vec![text(other.len().to_string())],
                evidence: Vec::new(),
            }],
        ),
    };
    Table {
        kind: answer.kind(),
        columns,
        rows,
    }
}

fn certainty(c: diplograph::Certainty) -> &'static str {
    match c {
        diplograph::Certainty::Certain => "certain",
        diplograph::Certainty::Possible => "possible",
    }
}

fn relation(r: diplograph::Relation) -> &'static str {
    match r {
        diplograph::Relation::Agree => "agree",
        diplograph::Relation::Disagree => "disagree",
        diplograph::Relation::Differ => "differ",
        _ => "other",
    }
}

impl Table {
    /// The table in `format`, ending with a newline. `evidence` adds the
    /// quoted sentences to the table and CSV forms; JSON always has them.
    pub(crate) fn render(&self, question: &str, format: Format, evidence: bool) -> String {
        match format {
            Format::Table => self.text(evidence),
            Format::Json => self.json(question),
            Format::Csv => self.csv(evidence),
        }
    }

    fn text(&self, evidence: bool) -> String {
        if self.rows.is_empty() {
            return "no answer\n".to_owned();
        }
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect();
        // Leave out columns empty in every row.
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|i| {
                cells
                    .iter()
                    .any(|r| r.get(*i).is_some_and(|c| !c.is_empty()))
            })
            .collect();
        let width = |i: usize| {
            cells
                .iter()
                .filter_map(|r| r.get(i))
                .chain(self.columns.get(i).map(|h| h.to_string()).as_ref())
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = shown.iter().map(|i| width(*i)).collect();
        let line = |values: Vec<&str>| -> String {
            let mut out = String::new();
            for (n, (value, w)) in values.iter().zip(&widths).enumerate() {
                if n > 0 {
                    out.push_str("  ");
                }
                out.push_str(value);
                if n + 1 < widths.len() {
                    out.push_str(&" ".repeat(w.saturating_sub(value.chars().count())));
                }
            }
            out.trim_end().to_owned()
        };
        let mut out = String::new();
        let header: Vec<&str> = shown
            .iter()
            .map(|i| self.columns.get(*i).copied().unwrap_or_default())
            .collect();
        let _ = writeln!(out, "{}", line(header));
        for (row, texts) in self.rows.iter().zip(&cells) {
            let values: Vec<&str> = shown
                .iter()
                .map(|i| texts.get(*i).map_or("", String::as_str))
                .collect();
            let _ = writeln!(out, "{}", line(values));
            if evidence {
                for q in &row.evidence {
                    match &q.quote {
                        Some(quote) => {
                            let _ = writeln!(out, "    “{}” — {}", quote.trim(), q.title);
                        }
                        None => {
                            let _ = writeln!(out, "    see {}", q.title);
                        }
                    }
                }
            }
        }
        out
    }

    fn json(&self, question: &str) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (column, cell) in self.columns.iter().zip(&row.cells) {
                    object.insert((*column).to_owned(), cell.json());
                }
                let evidence: Vec<Value> = row
                    .evidence
                    .iter()
                    .map(|q| json!({ "source": q.source, "source_title": q.title, "quote": q.quote }))
                    .collect();
                object.insert("evidence".to_owned(), Value::Array(evidence));
                Value::Object(object)
            })
            .collect();
        let value = json!({
            "question": question,
            "kind": self.kind,
            "columns": self.columns,
            "rows": rows,
        });
        let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
        out.push('\n');
        out
    }

    fn csv(&self, evidence: bool) -> String {
        let mut out = String::new();
        let mut header: Vec<String> = self.columns.iter().map(|c| csv_field(c)).collect();
        if evidence {
            header.push("evidence".to_owned());
        }
        let _ = writeln!(out, "{}", header.join(","));
        for row in &self.rows {
            let mut fields: Vec<String> = row.cells.iter().map(|c| csv_field(&c.text())).collect();
            if evidence {
                let quotes: Vec<String> = row
                    .evidence
                    .iter()
                    .map(|q| q.quote.clone().unwrap_or_else(|| q.title.clone()))
                    .collect();
                fields.push(csv_field(&quotes.join(" | ")));
            }
            let _ = writeln!(out, "{}", fields.join(","));
        }
        out
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}
