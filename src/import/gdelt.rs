//! GDELT event exports (2.0: 61 columns; 1.0: 57 or 58) and GDELT 2.0
//! Mentions (16 columns): tab-separated, no header, no quoting.

use super::{
    ActorRef, Code, Columns, Field, Importer, Row, RowError, SkipReason, Tabs, date, number,
    split_tabs, text,
};

/// Column positions that differ between GDELT versions.
struct Layout {
    action_place: usize,
    added: usize,
    url: Option<usize>,
}

const V2: Layout = Layout {
    action_place: 52,
    added: 59,
    url: Some(60),
};
const V1_DAILY: Layout = Layout {
    action_place: 50,
    added: 56,
    url: Some(57),
};
const V1_BACKFILE: Layout = Layout {
    action_place: 50,
    added: 56,
    url: None,
};

/// The columns of one actor: where they start (column 6 or 16, from 1) and
/// their names in GDELT's codebook, for errors.
struct ActorColumns {
    start: usize,
    code: &'static str,
    name: &'static str,
    country: &'static str,
    group: &'static str,
    role: &'static str,
}

const ACTOR1: ActorColumns = ActorColumns {
    start: 5,
    code: "Actor1Code",
    name: "Actor1Name",
    country: "Actor1CountryCode",
    group: "Actor1KnownGroupCode",
    role: "Actor1Type1Code",
};
const ACTOR2: ActorColumns = ActorColumns {
    start: 15,
    code: "Actor2Code",
    name: "Actor2Name",
    country: "Actor2CountryCode",
    group: "Actor2KnownGroupCode",
    role: "Actor2Type1Code",
};

/// One actor's columns (Actor1 or Actor2).
fn actor<'a, F: Field<'a>, C: Columns<'a, F> + ?Sized>(
    cols: &C,
    which: &ActorColumns,
) -> Result<Option<ActorRef<'a>>, RowError> {
    let start = which.start;
    let code = text(cols, start, which.code)?;
    if code.is_empty() {
        return Ok(None);
    }
    Ok(Some(ActorRef::Cameo {
        code,
        name: text(cols, start + 1, which.name)?,
        country: text(cols, start + 2, which.country)?,
        group: text(cols, start + 3, which.group)?,
        role: text(cols, start + 7, which.role)?,
        columns: cols.span(start, start + 7).and_then(Field::text),
    }))
}

/// One export row. A row that is UTF-8 as a whole (nearly all) is split as
/// text, so its fields need no check of their own; any other row is split
/// as bytes and each text field checked, to name the one at fault.
pub(super) fn event_line(
    importer: &mut Importer,
    _line: usize,
    bytes: &[u8],
) -> Result<(), RowError> {
    match std::str::from_utf8(bytes) {
        Ok(line) => event_row(importer, line),
        Err(_) => event_row(importer, bytes),
    }
}

fn event_row<'a, F: Field<'a>>(importer: &mut Importer, line: F) -> Result<(), RowError> {
    let cols: Tabs<F, 62> = Tabs::new(line);
    let n = cols.count();
    let layout = match n {
        61 => &V2,
        58 => &V1_DAILY,
        57 => &V1_BACKFILE,
        _ => {
            return Err(RowError::new(
                SkipReason::BadColumns,
                1,
                "row",
                format!("{n} columns; GDELT rows have 57, 58 or 61"),
            ));
        }
    };
    let (id_text, id) = event_id(&cols)?;
    let event_date = importer.cached_date(cols.col(1).bytes(), 1, "SQLDATE")?;
    let code = text(&cols, 26, "EventCode")?;
    super::check_code(code, 27, "EventCode")?;
    let goldstein = number(&cols, 30, "GoldsteinScale")?;
    let mentions = number(&cols, 31, "NumMentions")?;
    let tone = number(&cols, 34, "AvgTone")?;
    let added_bytes = cols.col(layout.added).bytes();
    let added = if added_bytes.is_empty() {
        None
    } else {
        Some(importer.cached_date(added_bytes, layout.added, "DATEADDED")?)
    };
    let url = match layout.url {
        Some(i) => Some(text(&cols, i, "SOURCEURL")?).filter(|u| !u.is_empty()),
        None => None,
    };
    let row = Row {
        prefix: "gdelt",
        id: id_text,
        group: None,
        date: event_date,
        added,
        source: actor(&cols, &ACTOR1)?,
        target: actor(&cols, &ACTOR2)?,
        code: Code::Cameo(code),
        goldstein,
        tone,
        mentions,
        url,
        publisher: None,
        place: Some(text(&cols, layout.action_place, "ActionGeo_FullName")?),
        fallback_source: None,
        gdelt_id: Some(id),
    };
    let outcome = importer.map_row(&row);
    importer.count(outcome);
    Ok(())
}

/// The GLOBALEVENTID of a row (the first column of events and mentions),
/// as written and as a number.
fn event_id<'a, F: Field<'a>, C: Columns<'a, F> + ?Sized>(
    cols: &C,
) -> Result<(&'a str, u64), RowError> {
    let id_text = text(cols, 0, "GLOBALEVENTID")?;
    if id_text.is_empty() {
        return Err(RowError::new(
            SkipReason::MissingField,
            1,
            "GLOBALEVENTID",
            "empty",
        ));
    }
    let id = id_text.parse().map_err(|_| {
        RowError::new(
            SkipReason::BadNumber,
            1,
            "GLOBALEVENTID",
            format!("expected an event number, found {id_text:?}"),
        )
    })?;
    Ok((id_text, id))
}

/// One Mentions row: GLOBALEVENTID, EventTimeDate, MentionTimeDate,
/// MentionType, MentionSourceName, MentionIdentifier, ..., Confidence (12th).
pub(super) fn mention_line(
    importer: &mut Importer,
    _line: usize,
    bytes: &[u8],
) -> Result<(), RowError> {
    let mut cols: [&[u8]; 17] = [&[]; 17];
    let n = split_tabs(bytes, &mut cols);
    if n != 16 {
        return Err(RowError::new(
            SkipReason::BadColumns,
            1,
            "row",
            format!("{n} columns; GDELT mentions have 16"),
        ));
    }
    let (_, id) = event_id(&cols)?;
    let published = date(
        cols.get(2).copied().unwrap_or_default(),
        2,
        "MentionTimeDate",
    )?;
    let url = text(&cols, 5, "MentionIdentifier")?;
    let confidence = number(&cols, 11, "Confidence")?;
    importer.mention(id, url, confidence, Some(published));
    Ok(())
}
