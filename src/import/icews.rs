//! ICEWS coded events: 20 tab-separated columns with a header. Event IDs
//! are unique only together with the event date.

use super::{ActorRef, Code, Importer, Row, RowError, SkipReason, date, number, split_tabs, text};

/// The header's first columns, checked on line 1.
const HEADER: [&str; 3] = ["Event ID", "Event Date", "Source Name"];

/// One line; line 1 is the header.
pub(super) fn line(importer: &mut Importer, number_: usize, bytes: &[u8]) -> Result<(), RowError> {
    let mut cols: [&[u8]; 21] = [&[]; 21];
    let n = split_tabs(bytes, &mut cols);
    if number_ == 1 {
        let ok = n == 20
            && HEADER
                .iter()
                .zip(cols.iter())
                .all(|(h, c)| c.trim_ascii() == h.as_bytes());
        return if ok {
            Ok(())
        } else {
            Err(RowError::new(
                SkipReason::BadRecord,
                1,
                "header",
                "expected the ICEWS header (Event ID, Event Date, Source Name, ...; 20 columns)",
            ))
        };
    }
    if n != 20 {
        return Err(RowError::new(
            SkipReason::BadColumns,
            1,
            "row",
            format!("{n} columns; ICEWS rows have 20"),
        ));
    }
    let id = text(&cols, 0, "Event ID")?;
    if id.is_empty() {
        return Err(RowError::new(
            SkipReason::MissingField,
            1,
            "Event ID",
            "empty",
        ));
    }
    let event_date = date(cols.get(1).copied().unwrap_or_default(), 1, "Event Date")?;
    let code = text(&cols, 6, "CAMEO Code")?;
    super::check_code(code, 7, "CAMEO Code")?;
    // Each actor's name, sectors and country: index and column name.
    type Fields = [(usize, &'static str); 3];
    let actor = |[
        (name, name_field),
        (sectors, sectors_field),
        (country, country_field),
    ]: Fields|
     -> Result<Option<ActorRef<'_>>, RowError> {
        let n = text(&cols, name, name_field)?;
        if n.is_empty() || n == "NA" {
            return Ok(None);
        }
        Ok(Some(ActorRef::Icews {
            name: n,
            sectors: text(&cols, sectors, sectors_field)?,
            country: text(&cols, country, country_field)?,
        }))
    };
    let source = actor([
        (2, "Source Name"),
        (3, "Source Sectors"),
        (4, "Source Country"),
    ])?;
    let target = actor([
        (8, "Target Name"),
        (9, "Target Sectors"),
        (10, "Target Country"),
    ])?;
    let story = text(&cols, 11, "Story ID")?;
    let publisher = text(&cols, 13, "Publisher")?;
    let city = text(&cols, 14, "City")?;
    let key_id = format!("{id}@{}", event_date);
    let row = Row {
        prefix: "icews",
        id: &key_id,
        group: None,
        date: event_date,
        added: None,
        source,
        target,
        code: Code::Cameo(code),
        goldstein: number(&cols, 7, "Intensity")?,
        tone: None,
        mentions: None,
        url: None,
        publisher: Some(publisher).filter(|p| !p.is_empty() && *p != "NA"),
        place: Some(city).filter(|c| *c != "NA"),
        fallback_source: Some((
            format!("icews-story-{}", super::slug_id(story)),
            format!(
                "ICEWS story {story}{}",
                if publisher.is_empty() {
                    String::new()
                } else {
                    format!(" ({publisher})")
                }
            ),
        )),
        gdelt_id: None,
    };
    let outcome = importer.map_row(&row);
    importer.count(outcome);
    Ok(())
}
