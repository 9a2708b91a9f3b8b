//! PLOVER records: JSON Lines, or one JSON array of records (as the PLOVER
//! gold-standard file). Both PLOVER 0.5 field names (`source`, `target`) and
//! later ones (`actor`, `recipient`) are read.

use std::borrow::Cow;
use std::io::BufRead;

use serde_json::Value;

use super::{ActorRef, Code, Importer, Row, RowError, SkipReason, date};
use crate::{Error, Result};

/// Reads JSON Lines or a JSON array from `reader`.
pub(super) fn read(importer: &mut Importer, mut reader: impl BufRead, name: &str) -> Result<()> {
    let io = |source| Error::Io {
        path: name.into(),
        source,
    };
    let first = loop {
        let buf = reader.fill_buf().map_err(io)?;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => break buf.get(i).copied(),
            None if buf.is_empty() => break None,
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    if first == Some(b'[') {
        let mut text = Vec::new();
        reader.read_to_end(&mut text).map_err(io)?;
        return array(importer, &text, name);
    }
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(io)? == 0 {
            return Ok(());
        }
        number += 1;
        if line.trim_ascii().is_empty() {
            continue;
        }
        importer.report.rows_read += 1;
        let (line_in, e) = match parse(&line) {
            Ok(value) => match record(importer, &value) {
                Ok(()) => continue,
                Err(e) => (0, e),
            },
            Err((line_in, e)) => (line_in, e),
        };
        importer.bad_row(name, number + line_in, e)?;
    }
}

/// The records of a JSON array, each located by the line it starts on.
fn array(importer: &mut Importer, text: &[u8], name: &str) -> Result<()> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = None;
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut start_line = 1usize;
    let mut start_column = 1usize;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth == 2 && b == b'{' {
                    start = Some(i);
                    start_line = line;
                    start_column = chars(text.get(line_start..i).unwrap_or_default()) + 1;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    if let Some(s) = start.take() {
                        importer.report.rows_read += 1;
                        let bytes = text.get(s..=i).unwrap_or_default();
                        let (line_in, e) = match parse(bytes) {
                            Ok(value) => match record(importer, &value) {
                                Ok(()) => continue,
                                Err(e) => (0, e),
                            },
                            // A column on the record's first line counts
                            // from the line's start, not the record's.
                            Err((0, mut e)) => {
                                e.column += start_column - 1;
                                (0, e)
                            }
                            Err(found) => found,
                        };
                        importer.bad_row(name, start_line + line_in, e)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The number of characters in `bytes` (read as UTF-8, each invalid
/// sequence one character).
fn chars(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).chars().count()
}

/// One record's text as JSON; when it is not, where serde_json stopped (the
/// line within the record, from 0, and the column in characters, from 1)
/// and why, without serde_json's own "at line L column C".
fn parse(bytes: &[u8]) -> std::result::Result<Value, (usize, RowError)> {
    serde_json::from_slice(bytes).map_err(|e| {
        let line_in = e.line().saturating_sub(1);
        let line_text = bytes
            .split(|&b| b == b'\n')
            .nth(line_in)
            .unwrap_or_default();
        let byte_column = e.column().min(line_text.len());
        let column = chars(line_text.get(..byte_column).unwrap_or_default()).max(1);
        let mut why = e.to_string();
        if let Some(at) = why.rfind(" at line ") {
            why.truncate(at);
        }
        (
            line_in,
            RowError::new(
                SkipReason::BadRecord,
                column,
                "record",
                format!("not a JSON record: {why}"),
            ),
        )
    })
}

/// A PLOVER sector as a CAMEO role: its primary code (`CVLalb`, civilians
/// of Albanian ethnicity, is `CVL`; `MILsrp` is `MIL`), none for an unknown
/// sector (`***`), else as written.
fn sector(text: &str) -> &str {
    match text.get(..3) {
        Some(primary) if super::cameo::role(primary).is_some() => primary,
        _ if !text.is_empty() && text.bytes().all(|b| b == b'*') => "",
        _ => text,
    }
}

/// The actors of a list field.
fn actors<'v>(record: &'v Value, names: [&str; 2]) -> Vec<ActorRef<'v>> {
    let list = names
        .iter()
        .find_map(|n| record.get(n))
        .and_then(Value::as_array);
    let mut out = Vec::new();
    for item in list.into_iter().flatten() {
        let (code, name, key, role) = match item {
            Value::String(s) => (s.as_str(), s.as_str(), None, ""),
            Value::Object(_) => {
                let s = |f: &str| item.get(f).and_then(Value::as_str);
                (
                    s("code").unwrap_or(""),
                    s("actorText").or_else(|| s("name")).unwrap_or(""),
                    s("key"),
                    sector(s("sector").unwrap_or("")),
                )
            }
            _ => continue,
        };
        out.push(match key {
            Some(key) => ActorRef::Keyed { key, name, code },
            None => ActorRef::Cameo {
                code,
                name,
                country: "",
                group: "",
                role,
                columns: None,
            },
        });
    }
    out
}

/// A mode or context: one value, or a list of them (joined with `, `),
/// as PLOVER allows several; `None` when absent, null or empty.
fn values(value: Option<&Value>) -> Option<Cow<'_, str>> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(Cow::Borrowed(s.as_str())),
        Value::Array(list) => {
            let parts: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| Cow::Owned(parts.join(", ")))
        }
        _ => None,
    }
}

/// One record.
fn record(importer: &mut Importer, value: &Value) -> std::result::Result<(), RowError> {
    let s = |f: &str| value.get(f).and_then(Value::as_str);
    let event = s("event").unwrap_or("");
    let cameo = s("cameo");
    if cameo.is_none() && event.eq_ignore_ascii_case("DOCUMENT") {
        importer.count(Err(SkipReason::UnmappedCode));
        return Ok(());
    }
    let id = s("id")
        .filter(|i| !i.is_empty())
        .ok_or_else(|| RowError::new(SkipReason::MissingField, 1, "id", "missing"))?;
    let date_text =
        s("date").ok_or_else(|| RowError::new(SkipReason::MissingField, 1, "date", "missing"))?;
    let event_date = date(date_text.as_bytes(), 0, "date")?;
    let added = s("added")
        .map(|a| date(a.as_bytes(), 0, "added"))
        .transpose()?;
    let mode = values(value.get("mode"));
    let context = values(value.get("context"));
    let code = match cameo {
        Some(c) => Code::Cameo(c),
        None if !event.is_empty() => Code::Plover {
            event,
            mode: mode.as_deref(),
            context: context.as_deref(),
        },
        None => {
            return Err(RowError::new(
                SkipReason::MissingField,
                1,
                "event",
                "missing",
            ));
        }
    };
    let num = |f: &'static str| -> std::result::Result<Option<f64>, RowError> {
        match value.get(f) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| RowError::new(SkipReason::BadNumber, 1, f, "not a number")),
        }
    };
    let goldstein = num("goldstein")?;
    let tone = num("tone")?;
    let mentions = num("mentions")?.map(|m| m as u32);
    let sources = actors(value, ["actor", "source"]);
    let mut targets = actors(value, ["recipient", "target"]);
    let is_meeting = matches!(
        match code {
            Code::Cameo(c) => super::mapping::cameo(c),
            Code::Plover {
                event,
                mode,
                context,
            } => super::mapping::plover(event, mode, context),
        },
        super::mapping::Mapping::Meeting { .. }
    );
    let mut pairs = Vec::new();
    let mut sources = sources.into_iter();
    if is_meeting {
        let first = sources.next();
        targets.splice(0..0, sources);
        for t in &targets {
            pairs.push((first, Some(*t)));
        }
        if targets.is_empty() {
            pairs.push((first, None));
        }
    } else {
        for src in sources {
            if targets.is_empty() {
                pairs.push((Some(src), None));
            }
            for t in &targets {
                pairs.push((Some(src), Some(*t)));
            }
        }
        if pairs.is_empty() {
            pairs.push((None, None));
        }
    }
    let group = s("group").unwrap_or(id);
    let mut outcome = Err(SkipReason::UnidentifiedActor);
    for (i, (source, target)) in pairs.into_iter().enumerate() {
        let row = Row {
            prefix: "plover",
            id,
            group: Some(group),
            date: event_date,
            added,
            source,
            target,
            code,
            goldstein,
            tone,
            mentions,
            url: s("url").filter(|u| !u.is_empty()),
            publisher: s("publication").or_else(|| s("publisher")),
            place: None,
            fallback_source: None,
            gdelt_id: None,
        };
        let result = importer.map_row(&row);
        if i == 0 || result.is_ok() {
            outcome = outcome.or(result);
        }
    }
    importer.count(outcome);
    Ok(())
}
