//! The CAMEO dyadic TSV written by [`write_cameo_tsv`](super::write_cameo_tsv):
//! a header, then one row per event and pair of actors.

use super::{ActorRef, Code, Importer, Row, RowError, SkipReason, date, number, split_tabs, text};

/// The columns, in order.
pub(crate) const HEADER: [&str; 14] = [
    "event",
    "date",
    "added",
    "source_code",
    "source_key",
    "source_name",
    "target_code",
    "target_key",
    "target_name",
    "code",
    "goldstein",
    "tone",
    "mentions",
    "url",
];

/// One line; line 1 is the header.
pub(super) fn line(importer: &mut Importer, number_: usize, bytes: &[u8]) -> Result<(), RowError> {
    let mut cols: [&[u8]; 15] = [&[]; 15];
    let n = split_tabs(bytes, &mut cols);
    if number_ == 1 {
        let ok = n == HEADER.len()
            && HEADER
                .iter()
                .zip(cols.iter())
                .all(|(h, c)| h.as_bytes() == *c);
        return if ok {
            Ok(())
        } else {
            Err(RowError::new(
                SkipReason::BadRecord,
                1,
                "header",
                format!("expected the header {}", HEADER.join(" ")),
            ))
        };
    }
    if n != HEADER.len() {
        return Err(RowError::new(
            SkipReason::BadColumns,
            1,
            "row",
            format!("{n} columns; CAMEO TSV rows have {}", HEADER.len()),
        ));
    }
    let id = text(&cols, 0, "event")?;
    if id.is_empty() {
        return Err(RowError::new(SkipReason::MissingField, 1, "event", "empty"));
    }
    let event_date = date(cols.get(1).copied().unwrap_or_default(), 1, "date")?;
    let added_bytes = cols.get(2).copied().unwrap_or_default();
    let added = if added_bytes.is_empty() {
        None
    } else {
        Some(date(added_bytes, 2, "added")?)
    };
    let actor = |code: usize, key: usize, name: usize| -> Result<Option<ActorRef<'_>>, RowError> {
        let (code, key, name) = (
            text(&cols, code, "code")?,
            text(&cols, key, "key")?,
            text(&cols, name, "name")?,
        );
        Ok((!key.is_empty() || !code.is_empty()).then_some(ActorRef::Keyed { key, name, code }))
    };
    let source = actor(3, 4, 5)?;
    let target = actor(6, 7, 8)?;
    let code = text(&cols, 9, "code")?;
    if code.is_empty() {
        return Err(RowError::new(SkipReason::MissingField, 10, "code", "empty"));
    }
    let url = text(&cols, 13, "url")?;
    let row = Row {
        prefix: "event",
        id,
        group: Some(id),
        date: event_date,
        added,
        source,
        target,
        code: Code::Cameo(code),
        goldstein: number(&cols, 10, "goldstein")?,
        tone: number(&cols, 11, "tone")?,
        mentions: number(&cols, 12, "mentions")?,
        url: Some(url).filter(|u| !u.is_empty()),
        publisher: None,
        place: None,
        fallback_source: None,
        gdelt_id: None,
    };
    let outcome = importer.map_row(&row);
    importer.count(outcome);
    Ok(())
}
