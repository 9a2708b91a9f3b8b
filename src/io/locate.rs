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

/// In valid JSON text, finds an array standing where the dataset format
/// wants an object: the whole document, or an element of a list. (Every
/// list of the format holds objects or strings, never arrays, and serde would
/// otherwise read an object from an array of its fields.) Returns the array's
/// byte offset and JSON path.
pub(crate) fn array_for_object(text: &str) -> Option<(usize, String)> {
    // In valid JSON, an array that is a field's value follows a `:`; one
    // that is an element of an array follows `[` or `,`; the document
    // follows nothing. A first pass looks behind every `[` without minding
    // strings, which is fast; only if one looks wrong (it may be inside a
    // string, such as "see [1], [2]") does a second pass skip strings.
    let bytes = text.as_bytes();
    let wrong = |at: usize| {
        let before = bytes
            .get(..at)
            .and_then(|head| head.iter().rev().find(|b| !b.is_ascii_whitespace()));
        matches!(before, None | Some(b'[' | b','))
    };
    if !memchr::memchr_iter(b'[', bytes).any(wrong) {
        return None;
    }
    let mut i = 0;
    while let Some(step) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr2(b'"', b'[', rest))
    {
        let at = i + step;
        if bytes.get(at) == Some(&b'"') {
            i = skip_string(bytes, at)?;
            continue;
        }
        if wrong(at) {
            return Some((at, path_to(text, at)));
        }
        i = at + 1;
    }
    None
}

/// The JSON path of the value starting at byte `target` of valid JSON text.
pub(crate) fn path_to(text: &str, target: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < target {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => {
                let end = skip_string(bytes, i).unwrap_or(target);
                if expect_key {
                    let key = bytes
                        .get(i..end)
                        .and_then(|raw| serde_json::from_slice(raw).ok());
                    if let Some(Frame::Object(name)) = stack.last_mut() {
                        *name = key;
                    }
                }
                i = end;
                continue;
            }
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => expect_key = false,
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                _ => expect_key = true,
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(name)) if path.is_empty() => path.push_str(name),
            Frame::Object(Some(name)) => {
                path.push('.');
                path.push_str(name);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
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
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        match bytes.get(i)? {
            b'\\' => i += 2,
            _ => return Some(i + 1),
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
    fn finds_arrays_standing_for_objects() {
        assert_eq!(array_for_object(TEXT), None);
        assert_eq!(
            array_for_object(r#"{"a": ["x, [y]", "[[z", "\\", "[\"["]}"#),
            None
        );
        assert_eq!(array_for_object("  [1]"), Some((2, String::new())));
        let text = r#"{"a": [{"b": ["x", "]["]}, {"c": 1}, ["d"]]}"#;
        let (at, path) = array_for_object(text).unwrap();
        assert_eq!((at, path.as_str()), (37, "a[2]"));
        let text = r#"{"a\"b": {"c": [[]]}}"#;
        assert_eq!(
            array_for_object(text).map(|(_, p)| p).as_deref(),
            Some("a\"b.c[0]")
        );
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
            let _ = array_for_object(text);
            let _ = line_column(text, 100);
        }
    }
}
