//! Finding where a value sits in JSON text, for error messages.
//!
//! serde_json reports the position of syntax and type errors itself, but
//! errors found after parsing (a dangling key, a duplicate key) know only the
//! JSON path of the value. This small scanner walks the text along that path
//! and returns the value's byte offset. It runs only when there is an error to
//! report, so it favours simplicity over speed.

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A field of an object.
    Field(String),
    /// An element of an array.
    Index(usize),
}

/// Parses paths such as `positions[3].evidence[0].source`.
pub(crate) fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            let (name, indexes) = rest.split_at(open);
            if !name.is_empty() {
                steps.push(Step::Field(name.to_owned()));
            }
            rest = indexes;
            for index in rest.split('[').filter(|s| !s.is_empty()) {
                match index.trim_end_matches(']').parse() {
                    Ok(i) => steps.push(Step::Index(i)),
                    Err(_) => steps.push(Step::Field(index.to_owned())),
                }
            }
        } else {
            steps.push(Step::Field(rest.to_owned()));
        }
    }
    steps
}

/// The byte offset of the value at `path` in `text`, if the text is valid
/// enough to walk there.
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    for step in path {
        at = match step {
            Step::Field(name) => field(bytes, at, name)?,
            Step::Index(index) => element(bytes, at, *index)?,
        };
    }
    Some(at)
}

/// The string value at `offset`, unescaped, if a string starts there.
pub(crate) fn string_at(text: &str, offset: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let end = skip_string(bytes, offset)?;
    serde_json::from_str(text.get(offset..end)?).ok()
}

/// Line and column (both from 1, columns in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// `at` is on an opening quote; returns the offset after the closing one.
fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// `at` is on the start of a value; returns the offset after it.
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        open @ (b'{' | b'[') => {
            let close = if *open == b'{' { b'}' } else { b']' };
            let mut i = skip_ws(bytes, at + 1);
            if bytes.get(i) == Some(&close) {
                return Some(i + 1);
            }
            loop {
                if *open == b'{' {
                    i = skip_string(bytes, i)?;
                    i = skip_ws(bytes, i);
                    if bytes.get(i) != Some(&b':') {
                        return None;
                    }
                    i = skip_ws(bytes, i + 1);
                }
                i = skip_ws(bytes, skip_value(bytes, i)?);
                match bytes.get(i)? {
                    b',' => i = skip_ws(bytes, i + 1),
                    b if *b == close => return Some(i + 1),
                    _ => return None,
                }
            }
        }
        _ => {
            // A number, true, false or null.
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            (i > at).then_some(i)
        }
    }
}

/// `at` is on an object; returns the offset of the value of field `name`
/// (the last one, if the name repeats).
fn field(bytes: &[u8], at: usize, name: &str) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut found = None;
    let mut i = skip_ws(bytes, at + 1);
    while bytes.get(i) == Some(&b'"') {
        let key_end = skip_string(bytes, i)?;
        let key: Option<String> = bytes
            .get(i..key_end)
            .and_then(|raw| serde_json::from_slice(raw).ok());
        i = skip_ws(bytes, key_end);
        if bytes.get(i) != Some(&b':') {
            return found;
        }
        i = skip_ws(bytes, i + 1);
        if key.as_deref() == Some(name) {
            found = Some(i);
        }
        i = skip_ws(bytes, skip_value(bytes, i)?);
        if bytes.get(i) == Some(&b',') {
            i = skip_ws(bytes, i + 1);
        } else {
            break;
        }
    }
    found
}

/// `at` is on an array; returns the offset of element `index`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(bytes, at + 1);
    for _ in 0..index {
        i = skip_ws(bytes, skip_value(bytes, i)?);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
    }
    matches!(bytes.get(i), Some(b) if *b != b']').then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": "diplograph/1",
  "actors": [ {"key": "a"}, {"key": "b \"quoted\" [x]", "aliases": ["x", {"y": [1, 2]}]},
    {"key": "c", "name": "Ç"} ],
  "empty": [], "n": -1.5e3, "t": true
}"#;

    fn at(path: &str) -> Option<(usize, usize)> {
        locate(TEXT, &parse_path(path)).map(|o| line_column(TEXT, o))
    }

    #[test]
    fn parses_paths() {
        assert_eq!(
            parse_path("positions[3].evidence[0].source"),
            [
                Step::Field("positions".into()),
                Step::Index(3),
                Step::Field("evidence".into()),
                Step::Index(0),
                Step::Field("source".into()),
            ]
        );
        assert_eq!(parse_path(""), []);
    }

    #[test]
    fn finds_values_along_paths() {
        assert_eq!(at(""), Some((1, 1)));
        assert_eq!(at("format"), Some((2, 13)));
        assert_eq!(at("actors[0].key"), Some((3, 23)));
        assert_eq!(at("actors[1].aliases[1]"), Some((3, 74)));
        assert_eq!(at("actors[2].name"), Some((4, 26)));
        assert_eq!(at("n"), Some((5, 21)));
        assert_eq!(at("t"), Some((5, 34)));
        assert_eq!(at("actors[3]"), None);
        assert_eq!(at("empty[0]"), None);
        assert_eq!(at("missing"), None);
        let offset = locate(TEXT, &parse_path("actors[1].key")).unwrap();
        assert_eq!(string_at(TEXT, offset).as_deref(), Some("b \"quoted\" [x]"));
    }

    #[test]
    fn survives_truncated_and_hostile_text() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "{\"a\": [1,",
            "\"\\",
            "{\"a\": tru",
        ] {
            let _ = locate(text, &parse_path("a[0].b"));
            let _ = line_column(text, 100);
        }
    }
}
