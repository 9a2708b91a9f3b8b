//! The JSON dataset format: what it rejects and where it says the problem is,
//! what it accepts, and load/save round trips.
//!
//! Most tests build a small document with [`doc`], one section per line, so
//! the line of a problem is its section's place in the list and the column
//! can be read off the line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use diplograph::io::{Limit, validate_json_str};
use diplograph::{
    Act, ActKind, Actor, ActorKind, DiplomaticGraph, Error, Evidence, Hedging, ItemKind, Link,
    LinkKind, Meeting, MeetingKind, MeetingStatus, Office, PartialDate, Participant, Polarity,
    Position, Role, Source, Stance, Tone, datasets,
};

// ----- helpers ---------------------------------------------------------------

/// Line 2 of a [`doc`]: one source.
const SOURCES: &str = r#"  "sources": [ { "key": "r", "title": "R" } ]"#;
/// Line 3 of a [`doc`]: two actors.
const ACTORS: &str = r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" }, { "key": "b", "name": "B", "kind": "state" } ]"#;
/// Line 4 of a [`doc`]: one stance.
const STANCES: &str = r#"  "stances": [ { "key": "s", "label": "S" } ]"#;
/// Line 5 of a [`doc`]: one meeting.
const MEETINGS: &str = r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit" } ]"#;

/// A dataset whose line 1 declares the format and whose line `n + 2` is
/// `sections[n]`.
fn doc(sections: &[&str]) -> String {
    let mut text = String::from("{ \"format\": \"diplograph/1\"");
    for section in sections {
        text.push_str(",\n");
        text.push_str(section);
    }
    text.push_str(" }");
    text
}

/// The standard sections (lines 2 to 5) followed by `last` on line 6.
fn doc6(last: &str) -> String {
    doc(&[SOURCES, ACTORS, STANCES, MEETINGS, last])
}

/// Loads `json`, which must fail at `path`, `line` and `column`, and returns
/// the error for the caller to check its variant and what it names.
///
/// Also checks that [`validate_json_str`] reports the same error first.
#[track_caller]
fn check_err(json: &str, path: &str, line: usize, column: usize) -> Error {
    let err = match DiplomaticGraph::from_json_str(json) {
        Ok(_) => panic!("accepted:\n{json}"),
        Err(err) => err,
    };
    let Some(at) = err.location() else {
        panic!("no location in {err:?}")
    };
    assert_eq!(
        (at.path.as_str(), at.line, at.column),
        (path, line, column),
        "{err}\n{json}"
    );
    assert_eq!(at.file, None);
    let all = validate_json_str(json);
    assert_eq!(
        all.first().map(ToString::to_string),
        Some(err.to_string()),
        "validate_json_str disagrees"
    );
    err
}

/// The key and kind of an [`Error::UnknownKey`].
#[track_caller]
fn unknown_key(err: &Error) -> (ItemKind, &str) {
    match err {
        Error::UnknownKey { kind, key, .. } => (*kind, key.as_str()),
        other => panic!("expected UnknownKey, got {other:?}"),
    }
}

/// The field and item of an [`Error::EmptyField`].
#[track_caller]
fn empty_field(err: &Error) -> (&str, &str) {
    match err {
        Error::EmptyField { field, item, .. } => (*field, item.as_str()),
        other => panic!("expected EmptyField, got {other:?}"),
    }
}

/// The serde message of an [`Error::Json`].
#[track_caller]
fn json_message(err: &Error) -> String {
    match err {
        Error::Json { source, .. } => source.to_string(),
        other => panic!("expected Json, got {other:?}"),
    }
}

fn date(text: &str) -> PartialDate {
    text.parse().unwrap()
}

/// A fresh, empty directory for one test, removed by [`TempDir::drop`].
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("diplograph-it-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// The names of the files in the directory, sorted.
    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

// ----- malformed JSON and the serde layer ------------------------------------

#[test]
fn standard_sections_load() {
    let graph = DiplomaticGraph::from_json_str(&doc6(
        r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports" } ]"#,
    ))
    .unwrap();
    let counts = graph.counts();
    assert_eq!(
        (
            counts.sources,
            counts.actors,
            counts.stances,
            counts.meetings,
            counts.positions
        ),
        (1, 2, 1, 1, 1)
    );
}

#[test]
fn rejects_bad_json_syntax() {
    for (json, path, line, column, message) in [
        // A syntax error between fields has no field to name: the path is
        // empty (the whole document), not serde_path_to_error's "?".
        (
            "{ \"format\": \"diplograph/1\", }",
            "",
            1,
            29,
            "trailing comma at line 1 column 29",
        ),
        (
            "{ \"format\": 'diplograph/1' }",
            "format",
            1,
            13,
            "expected value at line 1 column 13",
        ),
        // Inside an item, the path stops at the item.
        (
            "{ \"format\": \"diplograph/1\",\n  \"actors\": [ { \"key\": \"a\" \"name\": \"A\" } ] }",
            "actors[0]",
            2,
            28,
            "expected `,` or `}` at line 2 column 28",
        ),
        (
            "[]",
            "",
            1,
            2,
            "invalid length 0, expected struct Dataset with 9 elements at line 1 column 2",
        ),
        (
            "null",
            "",
            1,
            4,
            "invalid type: null, expected struct Dataset at line 1 column 4",
        ),
    ] {
        let err = check_err(json, path, line, column);
        assert!(matches!(err, Error::Json { .. }), "{err:?}");
        assert_eq!(json_message(&err), message);
    }
}

#[test]
fn rejects_trailing_garbage() {
    for (json, column) in [
        ("{ \"format\": \"diplograph/1\" } x", 30),
        ("{ \"format\": \"diplograph/1\" }{}", 29),
    ] {
        let err = check_err(json, "", 1, column);
        assert_eq!(
            json_message(&err),
            format!("trailing characters at line 1 column {column}")
        );
    }
}

#[test]
fn rejects_unknown_fields_at_top_level_and_inside_items() {
    for (json, path, line, column) in [
        (
            "{ \"format\": \"diplograph/1\",\n  \"colour\": 1 }".to_owned(),
            "colour",
            2,
            10,
        ),
        (
            doc6(
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "colour": "red" } ]"#,
            ),
            "positions[0].colour",
            6,
            80,
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "colour": "red" } ] } ]"#,
            ]),
            "actors[0].offices[0].colour",
            3,
            96,
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a", "colour": "red" } ] } ]"#,
            ]),
            "meetings[0].participants[0].colour",
            5,
            104,
        ),
        (
            doc6(
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "evidence": [ { "source": "r", "colour": "red" } ] } ]"#,
            ),
            "acts[0].evidence[0].colour",
            6,
            101,
        ),
    ] {
        let err = check_err(&json, path, line, column);
        let name = path.rsplit('.').next().unwrap();
        assert!(
            json_message(&err).starts_with(&format!("unknown field `{name}`, expected one of")),
            "{err:?}"
        );
    }
}

#[test]
fn rejects_missing_required_fields() {
    for (json, path, line, column, field) in [
        ("{ \"title\": \"T\" }".to_owned(), "", 1, 16, "format"),
        (
            doc(&[r#"  "actors": [ { "key": "a", "name": "A" } ]"#]),
            "actors[0]",
            2,
            41,
            "kind",
        ),
        (
            doc6(r#"  "positions": [ { "actor": "a", "stance": "s" } ]"#),
            "positions[0]",
            6,
            48,
            "polarity",
        ),
        (
            doc6(
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "evidence": [ { "quote": "Q" } ] } ]"#,
            ),
            "acts[0].evidence[0]",
            6,
            92,
            "source",
        ),
    ] {
        let err = check_err(&json, path, line, column);
        assert_eq!(
            json_message(&err),
            format!("missing field `{field}` at line {line} column {column}")
        );
    }
}

#[test]
fn rejects_unknown_kinds() {
    for (json, path, line, column, value) in [
        (
            doc(&[r#"  "actors": [ { "key": "a", "name": "A", "kind": "wizard" } ]"#]),
            "actors[0].kind",
            2,
            57,
            "wizard",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "duel" } ]"#,
            ]),
            "meetings[0].kind",
            5,
            58,
            "duel",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "call", "status": "imagined" } ]"#,
            ]),
            "meetings[0].status",
            5,
            80,
            "imagined",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "call", "tone": "icy" } ]"#,
            ]),
            "meetings[0].tone",
            5,
            73,
            "icy",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "call", "participants": [ { "actor": "a", "role": "spy" } ] } ]"#,
            ]),
            "meetings[0].participants[0].role",
            5,
            107,
            "spy",
        ),
        (
            doc6(r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "maybe" } ]"#),
            "positions[0].polarity",
            6,
            67,
            "maybe",
        ),
        (
            doc6(
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "hedging": "rumoured" } ]"#,
            ),
            "positions[0].hedging",
            6,
            93,
            "rumoured",
        ),
        (
            doc6(r#"  "acts": [ { "actor": "a", "kind": "hugged", "target": "b" } ]"#),
            "acts[0].kind",
            6,
            44,
            "hugged",
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "likes", "target": "a" } ] } ]"#,
            ]),
            "actors[0].links[0].kind",
            3,
            87,
            "likes",
        ),
    ] {
        let err = check_err(&json, path, line, column);
        assert!(
            json_message(&err).starts_with(&format!("unknown variant `{value}`, expected one of")),
            "{err:?}"
        );
    }
}

#[test]
fn rejects_values_of_the_wrong_type() {
    for (json, path, line, column, message) in [
        (
            doc(&[r#"  "actors": [ { "key": "a", "name": 5, "kind": "person" } ]"#]),
            "actors[0].name",
            2,
            37,
            "invalid type: integer `5`, expected a string",
        ),
        (
            doc(&[r#"  "actors": { "key": "a" }"#]),
            "actors",
            2,
            12,
            "invalid type: map, expected a sequence",
        ),
        (
            doc(&[
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "aliases": "Ay" } ]"#,
            ]),
            "actors[0].aliases",
            2,
            74,
            "invalid type: string \"Ay\", expected a sequence",
        ),
        (
            doc(&[r#"  "sources": [ { "key": 7, "title": "R" } ]"#]),
            "sources[0].key",
            2,
            25,
            "invalid type: integer `7`, expected a string",
        ),
        // A date that is not a string is a type error, not an invalid date.
        (
            doc(&[r#"  "sources": [ { "key": "r", "title": "R", "published": 2025 } ]"#]),
            "sources[0].published",
            2,
            60,
            "invalid type: integer `2025`, expected a date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
        ),
        (
            doc(&[r#"  "title": ["T"]"#]),
            "title",
            2,
            11,
            "invalid type: sequence, expected a string",
        ),
    ] {
        let err = check_err(&json, path, line, column);
        assert_eq!(
            json_message(&err),
            format!("{message} at line {line} column {column}")
        );
    }
}

#[test]
fn rejects_a_field_given_twice() {
    let json =
        doc(&[r#"  "actors": [ { "key": "a", "name": "A", "name": "B", "kind": "person" } ]"#]);
    // serde stops at the second key, before its value is known to be a name.
    let err = check_err(&json, "actors[0]", 2, 47);
    assert_eq!(
        json_message(&err),
        "duplicate field `name` at line 2 column 47"
    );
}

#[test]
fn rejects_unsupported_format_versions() {
    for (json, found, column) in [
        ("{ \"format\": \"diplograph/2\" }", "diplograph/2", 13),
        ("{ \"format\": \"\" }", "", 13),
        ("{ \"format\": 1 }", "1", 13),
        ("{ \"title\": \"T\", \"format\": null }", "null", 27),
    ] {
        let err = check_err(json, "format", 1, column);
        assert!(
            matches!(&err, Error::UnsupportedFormat { found: f, .. } if f == found),
            "{err:?}"
        );
    }
    // A hostile format string is cut short in the error.
    let long = format!("{{ \"format\": \"{}\" }}", "x".repeat(1000));
    let err = check_err(&long, "format", 1, 13);
    assert!(
        matches!(&err, Error::UnsupportedFormat { found, .. } if found.len() == 100),
        "{err:?}"
    );
}

// ----- dates -----------------------------------------------------------------

#[test]
fn rejects_invalid_dates_in_every_date_field() {
    // Each line holds `DATE` where the bad date goes; the column is the
    // date's opening quote.
    let rows: [(Vec<&str>, &str, usize, usize); 8] = [
        (
            vec![r#"  "sources": [ { "key": "r", "title": "R", "published": DATE } ]"#],
            "sources[0].published",
            2,
            57,
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "from": DATE } ]"#,
            ],
            "positions[0].from",
            6,
            81,
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "until": DATE } ]"#,
            ],
            "positions[0].until",
            6,
            82,
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "from": DATE } ] } ]"#,
            ],
            "actors[0].offices[0].from",
            3,
            97,
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "represents", "target": "a", "until": DATE } ] } ]"#,
            ],
            "actors[0].links[0].until",
            3,
            119,
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": DATE } ]"#,
            ],
            "meetings[0].date",
            5,
            71,
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "end": DATE } ]"#,
            ],
            "meetings[0].end",
            5,
            70,
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "date": DATE } ]"#,
            ],
            "acts[0].date",
            6,
            71,
        ),
    ];
    for (sections, path, line, column) in rows {
        for (bad, reason) in [
            ("2025-02-30", "February 2025 has 28 days"),
            ("2025-13", "month must be between 01 and 12"),
            ("25", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ] {
            let quoted = format!("\"{bad}\"");
            let sections: Vec<String> = sections
                .iter()
                .map(|s| s.replace("DATE", &quoted))
                .collect();
            let sections: Vec<&str> = sections.iter().map(String::as_str).collect();
            let json = doc(&sections);
            let err = check_err(&json, path, line, column);
            match &err {
                Error::InvalidDate { source, .. } => {
                    assert_eq!((source.text(), source.reason()), (bad, reason), "{path}");
                }
                other => panic!("expected InvalidDate for {path} = {bad}, got {other:?}"),
            }
            assert_eq!(
                err.to_string(),
                format!("invalid date `{bad}`: {reason} at line {line}, column {column} ({path})")
            );
        }
    }
}

#[test]
fn accepts_every_date_precision_and_leap_days() {
    let json = doc(&[
        r#"  "sources": [ { "key": "r", "title": "R", "published": "2024-02-29" } ]"#,
        ACTORS,
        STANCES,
        r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": "2025-08", "end": "2025-08-01" } ]"#,
        r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "from": "2025", "until": "2025-01-01" } ]"#,
    ]);
    let graph = DiplomaticGraph::from_json_str(&json).unwrap();
    let (_, p) = graph.all_positions().next().unwrap();
    assert_eq!(p.validity().to_string(), "2025 to 2025-01-01");
    let (_, m) = graph.all_meetings().next().unwrap();
    assert_eq!(
        (m.date, m.end),
        (Some(date("2025-08")), Some(date("2025-08-01")))
    );
}

// ----- keys --------------------------------------------------------------------

#[test]
fn rejects_invalid_keys() {
    let long = "k".repeat(129);
    let long_line = format!(r#"  "sources": [ {{ "key": "{long}", "title": "R" }} ]"#);
    for (json, path, line, column, kind, key) in [
        (
            doc(&[
                r#"  "actors": [ { "key": "Donald Trump", "name": "Donald Trump", "kind": "person" } ]"#,
            ]),
            "actors[0].key",
            2,
            24,
            ItemKind::Actor,
            "Donald Trump",
        ),
        (
            doc(&[r#"  "stances": [ { "key": "", "label": "S" } ]"#]),
            "stances[0].key",
            2,
            25,
            ItemKind::Stance,
            "",
        ),
        (
            doc(&[r#"  "meetings": [ { "key": "m/1", "title": "M", "kind": "summit" } ]"#]),
            "meetings[0].key",
            2,
            26,
            ItemKind::Meeting,
            "m/1",
        ),
        (
            doc(&[&long_line]),
            "sources[0].key",
            2,
            25,
            ItemKind::Source,
            long.as_str(),
        ),
    ] {
        let err = check_err(&json, path, line, column);
        assert!(
            matches!(&err, Error::InvalidKey { kind: k, key: x, .. } if *k == kind && x == key),
            "{err:?}"
        );
    }
    // 128 characters is still a key.
    let ok = format!(
        r#"  "sources": [ {{ "key": "{}", "title": "R" }} ]"#,
        "k".repeat(128)
    );
    assert!(DiplomaticGraph::from_json_str(&doc(&[&ok])).is_ok());
}

#[test]
fn rejects_duplicate_keys_at_the_second_key() {
    for (sections, path, line, column, kind, key) in [
        (
            vec![
                r#"  "sources": [ { "key": "r", "title": "R" }, { "key": "r", "title": "Again" } ]"#,
            ],
            "sources[1].key",
            2,
            55,
            ItemKind::Source,
            "r",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" }, { "key": "a", "name": "Again", "kind": "state" } ]"#,
            ],
            "actors[1].key",
            3,
            71,
            ItemKind::Actor,
            "a",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                r#"  "stances": [ { "key": "s", "label": "S" }, { "key": "s", "label": "Again" } ]"#,
            ],
            "stances[1].key",
            4,
            55,
            ItemKind::Stance,
            "s",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit" }, { "key": "m", "title": "Again", "kind": "call" } ]"#,
            ],
            "meetings[1].key",
            5,
            74,
            ItemKind::Meeting,
            "m",
        ),
    ] {
        let err = check_err(&doc(&sections), path, line, column);
        assert!(
            matches!(&err, Error::DuplicateKey { kind: k, key: x, .. } if *k == kind && x == key),
            "{err:?}"
        );
    }
}

#[test]
fn keys_of_different_kinds_do_not_clash() {
    let json = doc(&[
        r#"  "sources": [ { "key": "x", "title": "R" } ]"#,
        r#"  "actors": [ { "key": "x", "name": "X", "kind": "person" } ]"#,
        r#"  "stances": [ { "key": "x", "label": "X" } ]"#,
        r#"  "meetings": [ { "key": "x", "title": "X", "kind": "summit" } ]"#,
    ]);
    let graph = DiplomaticGraph::from_json_str(&json).unwrap();
    assert!(graph.actor_id("x").is_some() && graph.stance_id("x").is_some());
    assert!(graph.meeting_id("x").is_some() && graph.source_by_key("x").is_some());
}

#[test]
fn rejects_dangling_keys_in_every_reference_field() {
    use ItemKind::{Actor as A, Meeting as M, Source as R, Stance as S};
    for (json, path, line, column, kind, key) in [
        (
            doc6(
                r#"  "positions": [ { "actor": "nobody", "stance": "s", "polarity": "supports" } ]"#,
            ),
            "positions[0].actor",
            6,
            29,
            A,
            "nobody",
        ),
        // Keys are case-sensitive.
        (
            doc6(r#"  "positions": [ { "actor": "A", "stance": "s", "polarity": "supports" } ]"#),
            "positions[0].actor",
            6,
            29,
            A,
            "A",
        ),
        (
            doc6(
                r#"  "positions": [ { "actor": "a", "stance": "nothing", "polarity": "supports" } ]"#,
            ),
            "positions[0].stance",
            6,
            44,
            S,
            "nothing",
        ),
        (
            doc6(
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "meeting": "nowhere" } ]"#,
            ),
            "positions[0].meeting",
            6,
            84,
            M,
            "nowhere",
        ),
        (
            doc6(
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "evidence": [ { "source": "r" }, { "source": "rumour" } ] } ]"#,
            ),
            "positions[0].evidence[1].source",
            6,
            118,
            R,
            "rumour",
        ),
        (
            doc6(r#"  "acts": [ { "actor": "nobody", "kind": "praised", "target": "b" } ]"#),
            "acts[0].actor",
            6,
            24,
            A,
            "nobody",
        ),
        (
            doc6(r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "nobody" } ]"#),
            "acts[0].target",
            6,
            58,
            A,
            "nobody",
        ),
        (
            doc6(
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "meeting": "nowhere" } ]"#,
            ),
            "acts[0].meeting",
            6,
            74,
            M,
            "nowhere",
        ),
        (
            doc6(
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "stance": "nothing" } ]"#,
            ),
            "acts[0].stance",
            6,
            73,
            S,
            "nothing",
        ),
        (
            doc6(
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "evidence": [ { "source": "rumour" } ] } ]"#,
            ),
            "acts[0].evidence[0].source",
            6,
            89,
            R,
            "rumour",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "nobody" } ] } ]"#,
            ]),
            "meetings[0].participants[1].actor",
            5,
            110,
            A,
            "nobody",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "evidence": [ { "source": "rumour" } ] } ]"#,
            ]),
            "meetings[0].evidence[0].source",
            5,
            89,
            R,
            "rumour",
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "of": "nowhere" } ] } ]"#,
            ]),
            "actors[0].offices[0].of",
            3,
            95,
            A,
            "nowhere",
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "evidence": [ { "source": "rumour" } ] } ] } ]"#,
            ]),
            "actors[0].offices[0].evidence[0].source",
            3,
            115,
            R,
            "rumour",
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "represents", "target": "nowhere" } ] } ]"#,
            ]),
            "actors[0].links[0].target",
            3,
            105,
            A,
            "nowhere",
        ),
        (
            doc(&[
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "represents", "target": "a", "evidence": [ { "source": "rumour" } ] } ] } ]"#,
            ]),
            "actors[0].links[0].evidence[0].source",
            3,
            136,
            R,
            "rumour",
        ),
        (
            doc(&[
                SOURCES,
                ACTORS,
                r#"  "stances": [ { "key": "s", "label": "S", "broader": "nothing" } ]"#,
            ]),
            "stances[0].broader",
            4,
            55,
            S,
            "nothing",
        ),
    ] {
        let err = check_err(&json, path, line, column);
        assert_eq!(unknown_key(&err), (kind, key), "{path}");
    }
}

#[test]
fn accepts_references_to_actors_listed_later_and_to_itself() {
    let json = doc(&[
        SOURCES,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "of": "b" } ], "links": [ { "kind": "allied_with", "target": "a" }, { "kind": "represents", "target": "b" } ] }, { "key": "b", "name": "B", "kind": "state" } ]"#,
        r#"  "stances": [ { "key": "narrow", "label": "N", "broader": "broad" }, { "key": "broad", "label": "B" } ]"#,
    ]);
    let graph = DiplomaticGraph::from_json_str(&json).unwrap();
    let a = graph.actor(graph.actor_id("a").unwrap()).unwrap();
    assert_eq!(a.offices[0].of.as_ref().unwrap().as_str(), "b");
    assert_eq!(a.links.len(), 2);
    let narrow = graph.stance_id("narrow").unwrap();
    assert_eq!(graph.broader_stance(narrow), graph.stance_id("broad"));
    // An office or link naming an actor later in the list is still checked.
    let dangling = doc(&[
        SOURCES,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "represents", "target": "c" } ] }, { "key": "b", "name": "B", "kind": "state" } ]"#,
    ]);
    let err = check_err(&dangling, "actors[0].links[0].target", 3, 105);
    assert_eq!(unknown_key(&err), (ItemKind::Actor, "c"));
}

// ----- texts, intervals, participants, cycles ----------------------------------

#[test]
fn rejects_empty_names_titles_labels_quotes_and_aliases() {
    for (sections, path, line, column, field, item) in [
        (
            vec![r#"  "sources": [ { "key": "r", "title": "" } ]"#],
            "sources[0].title",
            2,
            39,
            "title",
            "source `r`",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": " ", "kind": "person" } ]"#,
            ],
            "actors[0].name",
            3,
            37,
            "name",
            "actor `a`",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "aliases": [ "Ay", "\t" ] } ]"#,
            ],
            "actors[0].aliases[1]",
            3,
            79,
            "alias",
            "actor `a`",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "" } ] } ]"#,
            ],
            "actors[0].offices[0].title",
            3,
            84,
            "title",
            "office",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                r#"  "stances": [ { "key": "s", "label": "" } ]"#,
            ],
            "stances[0].label",
            4,
            39,
            "label",
            "stance `s`",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                r#"  "stances": [ { "key": "s", "label": "S", "aliases": [ "" ] } ]"#,
            ],
            "stances[0].aliases[0]",
            4,
            57,
            "alias",
            "stance `s`",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "\n", "kind": "summit" } ]"#,
            ],
            "meetings[0].title",
            5,
            40,
            "title",
            "meeting `m`",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "evidence": [ { "source": "r", "quote": "" } ] } ]"#,
            ],
            "meetings[0].evidence[0].quote",
            5,
            103,
            "quote",
            "evidence citing `r`",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "evidence": [ { "source": "r", "quote": "" } ] } ]"#,
            ],
            "positions[0].evidence[0].quote",
            6,
            113,
            "quote",
            "evidence citing `r`",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "evidence": [ { "source": "r", "quote": " " } ] } ]"#,
            ],
            "acts[0].evidence[0].quote",
            6,
            103,
            "quote",
            "evidence citing `r`",
        ),
    ] {
        let err = check_err(&doc(&sections), path, line, column);
        assert_eq!(empty_field(&err), (field, item), "{path}");
    }
}

#[test]
fn rejects_intervals_that_end_before_they_start() {
    for (sections, path, line, column, item, from, until) in [
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                MEETINGS,
                r#"  "positions": [ { "actor": "a", "stance": "s", "polarity": "supports", "from": "2025-08-18", "until": "2025-08-17" } ]"#,
            ],
            "positions[0].until",
            6,
            104,
            "position of `a` on `s`",
            "2025-08-18",
            "2025-08-17",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "offices": [ { "title": "T", "from": "2025", "until": "2024-12-31" } ] } ]"#,
            ],
            "actors[0].offices[0].until",
            3,
            114,
            "office `T`",
            "2025",
            "2024-12-31",
        ),
        (
            vec![
                SOURCES,
                r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "member_of", "target": "a", "from": "2025-03", "until": "2025-02" } ] } ]"#,
            ],
            "actors[0].links[0].until",
            3,
            137,
            "link `member of` to `a`",
            "2025-03",
            "2025-02",
        ),
        (
            vec![
                SOURCES,
                ACTORS,
                STANCES,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": "2025-06-25", "end": "2025-06-24" } ]"#,
            ],
            "meetings[0].end",
            5,
            92,
            "meeting `m`",
            "2025-06-25",
            "2025-06-24",
        ),
    ] {
        let err = check_err(&doc(&sections), path, line, column);
        match &err {
            Error::EndsBeforeStart {
                item: i,
                from: f,
                until: u,
                ..
            } => assert_eq!(
                (i.as_str(), *f, *u),
                (item, date(from), date(until)),
                "{path}"
            ),
            other => panic!("expected EndsBeforeStart, got {other:?}"),
        }
    }
}

#[test]
fn rejects_a_participant_listed_twice() {
    let json = doc(&[
        SOURCES,
        ACTORS,
        STANCES,
        r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "b" }, { "actor": "a", "role": "host" } ] } ]"#,
    ]);
    let err = check_err(&json, "meetings[0].participants[2].actor", 5, 128);
    assert!(
        matches!(&err, Error::DuplicateParticipant { meeting, actor, .. } if meeting == "m" && actor == "a"),
        "{err:?}"
    );
}

#[test]
fn rejects_broader_stance_cycles() {
    for (line, path, column, stance, broader) in [
        (
            r#"  "stances": [ { "key": "s", "label": "S", "broader": "s" } ]"#,
            "stances[0].broader",
            55,
            "s",
            "s",
        ),
        (
            r#"  "stances": [ { "key": "s", "label": "S", "broader": "t" }, { "key": "t", "label": "T", "broader": "s" } ]"#,
            "stances[1].broader",
            101,
            "t",
            "s",
        ),
        (
            r#"  "stances": [ { "key": "s", "label": "S", "broader": "t" }, { "key": "t", "label": "T", "broader": "u" }, { "key": "u", "label": "U", "broader": "s" } ]"#,
            "stances[2].broader",
            147,
            "u",
            "s",
        ),
    ] {
        let err = check_err(&doc(&[SOURCES, ACTORS, line]), path, 4, column);
        assert!(
            matches!(&err, Error::BroaderCycle { stance: s, broader: b, .. } if s == stance && b == broader),
            "{err:?}"
        );
    }
}

// ----- robustness and validation ---------------------------------------------------

#[test]
fn truncated_bundled_dataset_is_rejected_without_panicking() {
    let text = datasets::WASHINGTON_2025_JSON;
    let end = text.trim_end().len();
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .filter(|i| *i < end)
        .step_by(97)
        .collect();
    assert!(cuts.len() > 100, "{}", cuts.len());
    for cut in cuts {
        let prefix = &text[..cut];
        let err = match DiplomaticGraph::from_json_str(prefix) {
            Ok(_) => panic!("accepted a prefix of {cut} bytes"),
            Err(err) => err,
        };
        match &err {
            Error::Json { source, location } => {
                assert!(source.is_eof(), "cut at {cut}: {err}");
                assert_eq!(
                    location.line,
                    prefix.matches('\n').count() + 1,
                    "cut at {cut}"
                );
            }
            other => panic!("cut at {cut}: expected Json, got {other:?}"),
        }
        let all = validate_json_str(prefix);
        assert_eq!(all.len(), 1, "cut at {cut}");
    }
}

#[test]
fn hostile_inputs_are_rejected_without_panicking() {
    for text in [
        "",
        " ",
        "null",
        "\"diplograph/1\"",
        "{",
        "{\"format\"",
        "{\"format\":",
        "{\"format\": \"diplograph/1\", \"actors\": [",
        "{\"format\": \"diplograph/1\", \"actors\": [{\"key\": \"\\",
        "\u{feff}{ \"format\": \"diplograph/1\" }",
        &"[".repeat(10_000),
        &format!(
            "{{ \"format\": \"diplograph/1\", \"title\": \"{}\" }}",
            "\\u0000".repeat(100)
        ),
    ] {
        let result = std::panic::catch_unwind(|| DiplomaticGraph::from_json_str(text));
        match result {
            Ok(Ok(_)) => {
                // Only the last input is valid: NUL characters are allowed in a title.
                assert!(text.contains("\\u0000"), "accepted {text:?}");
            }
            // Deep nesting stops at the depth limit (64 by default), before
            // serde_json's own recursion limit (128) would.
            Ok(Err(err)) if text.starts_with("[[") => assert!(
                matches!(
                    err,
                    Error::LimitExceeded {
                        what: Limit::Depth,
                        limit: 64,
                        found: 65,
                        ..
                    }
                ),
                "{err:?}"
            ),
            Ok(Err(err)) => assert!(matches!(err, Error::Json { .. }), "{err:?}"),
            Err(_) => panic!("panicked on {text:?}"),
        }
        let _ = validate_json_str(text);
    }
}

#[test]
fn validate_reports_every_error_in_document_order() {
    let json = doc(&[
        r#"  "sources": [ { "key": "r", "title": "R" }, { "key": "r", "title": "Again" } ]"#,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" }, { "key": "Bad Key", "name": "B", "kind": "state" } ]"#,
        r#"  "stances": [ { "key": "s", "label": "" }, { "key": "t", "label": "T" } ]"#,
        r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "a" } ] } ]"#,
        r#"  "positions": [ { "actor": "a", "stance": "t", "polarity": "supports", "from": "2025-08", "until": "2025-07" }, { "actor": "a", "stance": "s", "polarity": "opposes" } ]"#,
        r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "a", "meeting": "m" } ]"#,
    ]);
    let errors = validate_json_str(&json);
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "duplicate source key `r` at line 2, column 55 (sources[1].key)",
            "invalid actor key \"Bad Key\": use 1 to 128 ASCII letters, digits, `-`, `_`, `.` or `:` at line 3, column 71 (actors[1].key)",
            "empty label in stance `s` at line 4, column 39 (stances[0].label)",
            "actor `a` is listed twice in meeting `m` at line 5, column 110 (meetings[0].participants[1].actor)",
            "position of `a` on `t` ends (2025-07) before it starts (2025-08) at line 6, column 101 (positions[0].until)",
            // The stance with the empty label was left out, so the position on
            // it refers to an unknown stance; so does the act to the meeting.
            "unknown stance `s` at line 6, column 140 (positions[1].stance)",
            "unknown meeting `m` at line 7, column 74 (acts[0].meeting)",
        ]
    );
    // Loading stops at the first.
    let err = DiplomaticGraph::from_json_str(&json).unwrap_err();
    assert_eq!(err.to_string(), found[0]);
    // A valid dataset has none.
    assert!(validate_json_str(datasets::WASHINGTON_2025_JSON).is_empty());
}

#[test]
fn validate_stops_at_the_first_syntax_or_type_error() {
    let json = doc(&[
        r#"  "sources": [ { "key": "r", "title": "" } ]"#,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "wizard" } ]"#,
    ]);
    let errors = validate_json_str(&json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(matches!(errors[0], Error::Json { .. }), "{errors:?}");
}

#[test]
fn file_errors_name_the_file() {
    let path = fixture("invalid-several.json");
    let err = DiplomaticGraph::load(&path).unwrap_err();
    let at = err.location().unwrap();
    assert_eq!(at.file.as_deref(), Some(path.as_path()));
    assert_eq!(
        (at.line, at.column, at.path.as_str()),
        (6, 14, "actors[1].key")
    );
    assert_eq!(
        err.to_string(),
        format!(
            "duplicate actor key `trump` at {}:6:14 (actors[1].key)",
            path.display()
        )
    );
    let all = DiplomaticGraph::validate_file(&path);
    let found: Vec<(usize, usize, &str)> = all
        .iter()
        .map(|e| {
            let at = e.location().unwrap();
            assert_eq!(at.file.as_deref(), Some(path.as_path()));
            (at.line, at.column, at.path.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            (6, 14, "actors[1].key"),
            (9, 84, "meetings[0].end"),
            (13, 16, "positions[0].actor"),
        ]
    );
    assert!(matches!(all[0], Error::DuplicateKey { .. }));
    assert!(matches!(all[1], Error::EndsBeforeStart { .. }));
    assert_eq!(unknown_key(&all[2]), (ItemKind::Actor, "zelensky"));
}

#[test]
fn json_error_files_name_the_file() {
    let path = fixture("invalid-syntax.json");
    let err = DiplomaticGraph::load(&path).unwrap_err();
    match &err {
        Error::Json { location, .. } => {
            assert_eq!(location.file.as_deref(), Some(path.as_path()));
            assert_eq!((location.line, location.column), (4, 3));
        }
        other => panic!("expected Json, got {other:?}"),
    }
    let all = DiplomaticGraph::validate_file(&path);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].to_string(), err.to_string());
}

#[test]
fn load_and_validate_of_a_missing_file_is_an_io_error_naming_it() {
    let path = fixture("no-such-file.json");
    match DiplomaticGraph::load(&path) {
        Err(Error::Io { path: p, source }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected Io, got {other:?}"),
    }
    let all = DiplomaticGraph::validate_file(&path);
    assert!(
        matches!(all.as_slice(), [Error::Io { path: p, .. }] if *p == path),
        "{all:?}"
    );
    assert_eq!(all[0].location(), None);
    assert_eq!(
        all[0].to_string(),
        format!("cannot access {}", path.display())
    );
}

#[test]
fn load_of_a_file_that_is_not_utf8_is_an_io_error() {
    let dir = TempDir::new("not-utf8");
    let path = dir.path().join("latin1.json");
    std::fs::write(
        &path,
        b"{ \"format\": \"diplograph/1\", \"title\": \"Z\xe9lensky\" }",
    )
    .unwrap();
    match DiplomaticGraph::load(&path) {
        Err(Error::Io { path: p, source }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::InvalidData);
        }
        other => panic!("expected Io, got {other:?}"),
    }
}

// ----- readers and writers ------------------------------------------------------

/// A reader or writer that always fails.
struct Broken;

impl Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("unplugged"))
    }
}

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("unplugged"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::other("unplugged"))
    }
}

#[test]
fn reader_and_writer_failures_are_io_errors_without_a_path() {
    match DiplomaticGraph::from_json_reader(Broken) {
        Err(Error::Io { path, source }) => {
            assert_eq!(path, PathBuf::new());
            assert_eq!(source.to_string(), "unplugged");
        }
        other => panic!("expected Io, got {other:?}"),
    }
    match DiplomaticGraph::from_json_reader(&b"{ \"format\": \"\xff\" }"[..]) {
        Err(Error::Io { path, source }) => {
            assert_eq!(path, PathBuf::new());
            assert_eq!(source.kind(), std::io::ErrorKind::InvalidData);
        }
        other => panic!("expected Io, got {other:?}"),
    }
    let graph = datasets::washington_2025();
    match graph.to_json_writer(Broken) {
        Err(Error::Io { path, .. }) => assert_eq!(path, PathBuf::new()),
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn reader_errors_are_located_like_string_errors() {
    let json =
        doc6(r#"  "positions": [ { "actor": "nobody", "stance": "s", "polarity": "supports" } ]"#);
    let from_reader = DiplomaticGraph::from_json_reader(json.as_bytes()).unwrap_err();
    let from_str = DiplomaticGraph::from_json_str(&json).unwrap_err();
    assert_eq!(from_reader.to_string(), from_str.to_string());
    assert_eq!(from_reader.location(), from_str.location());
}

#[test]
fn writer_output_is_the_string_output_with_a_final_newline() {
    let graph = datasets::washington_2025();
    let mut out = Vec::new();
    graph.to_json_writer(&mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        graph.to_json_string() + "\n"
    );
}

// ----- round trips ---------------------------------------------------------------

#[test]
fn bundled_dataset_round_trips() {
    let graph = DiplomaticGraph::from_json_str(datasets::WASHINGTON_2025_JSON).unwrap();
    assert_eq!(graph, datasets::washington_2025());
    let first = graph.to_json_string();
    let again = DiplomaticGraph::from_json_str(&first).unwrap();
    assert_eq!(again, graph);
    assert_eq!(again.counts(), graph.counts());
    let second = again.to_json_string();
    assert_eq!(second, first);
    assert!(first.starts_with("{\n  \"format\": \"diplograph/1\",\n  \"title\": "));
    // The bundled file is in the form save writes, byte for byte, so a
    // curator's edit diffs cleanly.
    assert_eq!(first + "\n", datasets::WASHINGTON_2025_JSON);
}

/// A graph using every optional field, with awkward text.
fn everything() -> DiplomaticGraph {
    let mut graph = DiplomaticGraph::new();
    graph.set_title("Talks \"in\" Kyiv\nand Moscow \\ 2025");
    graph.set_description("Переговоры; مفاوضات; 協議; emoji 🕊️; tab\tend");
    graph
        .add_source(
            Source::new("tass", "ТАСС: переговоры")
                .publisher("ТАСС")
                .url("https://example.org/a?b=c&d=\"e\"")
                .published(date("2025-08-19"))
                .note("Russian-language"),
        )
        .unwrap();
    graph
        .add_source(Source::new("jazeera", "الجزيرة").published(date("2025")))
        .unwrap();
    graph.add_source(Source::new("undated", "No date")).unwrap();
    graph
        .add_actor(Actor::new("russia", "Российская Федерация", ActorKind::State).alias("Россия"))
        .unwrap();
    graph
        .add_actor(Actor::new("qatar", "دولة قطر", ActorKind::State).alias("قطر"))
        .unwrap();
    let mut link = Link::new(LinkKind::Represents, "russia").evidence(
        Evidence::new("tass", "Лавров заявил: «мы готовы»")
            .note("quote with \"quotes\", a \\ and a\nnewline"),
    );
    link.from = Some(date("2004-03"));
    link.until = Some(date("2030"));
    link.note = Some("note on a link".into());
    let mut office = Office::new("Министр иностранных дел")
        .of("russia")
        .from(date("2004-03-09"))
        .until(date("2030-01"))
        .evidence(Evidence::cite("tass"));
    office.note = Some("note on an office".into());
    graph
        .add_actor(
            Actor::new("lavrov", "Сергей Лавров", ActorKind::Person)
                .alias("Sergei Lavrov")
                .alias("Lavrov")
                .office(office)
                .link(link)
                .link(Link::new(LinkKind::AlliedWith, "lavrov"))
                .note("links to himself are allowed"),
        )
        .unwrap();
    graph
        .add_actor(Actor::new(
            "al-thani",
            "محمد بن عبدالرحمن آل ثاني",
            ActorKind::Person,
        ))
        .unwrap();
    graph
        .add_stance(
            Stance::new("talks", "Talks")
                .alias("negotiations")
                .description("Any talks.")
                .note("top"),
        )
        .unwrap();
    graph
        .add_stance(Stance::new("talks:doha", "Talks in Doha").broader("talks"))
        .unwrap();
    let mut participant = Participant::new("al-thani")
        .role(Role::Mediator)
        .note("hosted");
    participant.note = Some("hosted \"informally\"".into());
    graph
        .add_meeting(
            Meeting::new("doha-1", "Doha round «1»", MeetingKind::Mediation)
                .status(MeetingStatus::Postponed)
                .date(date("2025-09"))
                .end(date("2025-09-30"))
                .place("الدوحة")
                .participant(Participant::new("lavrov").role(Role::Guest))
                .participant(participant)
                .tone(Tone::Cool)
                .evidence(Evidence::new("jazeera", "تأجيل الجولة"))
                .note("postponed"),
        )
        .unwrap();
    graph
        .add_position(
            Position::new("lavrov", "talks:doha", Polarity::Conditional)
                .from(date("2025-08"))
                .until(date("2025-09-15"))
                .hedging(Hedging::Alleged)
                .meeting("doha-1")
                .evidence(Evidence::new("tass", "«если…»"))
                .evidence(Evidence::cite("undated"))
                .note("only if the talks are in Doha"),
        )
        .unwrap();
    graph
        .add_position(
            Position::new("qatar", "talks", Polarity::Abstains).hedging(Hedging::Inferred),
        )
        .unwrap();
    graph
        .add_position(Position::new("russia", "talks", Polarity::Neutral).hedging(Hedging::Stated))
        .unwrap();
    graph
        .add_act(
            Act::new("lavrov", ActKind::Sanctioned, "qatar")
                .date(date("2025-09-01"))
                .meeting("doha-1")
                .stance("talks")
                .hedging(Hedging::Inferred)
                .evidence(Evidence::new("jazeera", "\\ backslash \u{2028} separator"))
                .note("fictional"),
        )
        .unwrap();
    graph
}

#[test]
fn every_optional_field_and_awkward_text_survives_save_and_load() {
    let graph = everything();
    let text = graph.to_json_string();
    let again = DiplomaticGraph::from_json_str(&text).unwrap();
    assert_eq!(again, graph);
    assert_eq!(again.to_json_string(), text);
    assert_eq!(again.title(), graph.title());
    assert_eq!(again.description(), graph.description());
    assert_eq!(again.counts(), graph.counts());
    for key in ["russia", "qatar", "lavrov", "al-thani"] {
        assert_eq!(again.actor_id(key), graph.actor_id(key), "{key}");
    }
    for key in ["talks", "talks:doha"] {
        assert_eq!(again.stance_id(key), graph.stance_id(key), "{key}");
    }
    assert_eq!(again.meeting_id("doha-1"), graph.meeting_id("doha-1"));
    let ids = |g: &DiplomaticGraph| {
        g.sources()
            .map(|(id, s)| (id, s.key.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&again), ids(&graph));
    // Spot-check fields that `==` also covers, so a broken `==` cannot hide a loss.
    let lavrov = again.actor(again.actor_id("lavrov").unwrap()).unwrap();
    assert_eq!(lavrov.name, "Сергей Лавров");
    assert_eq!(lavrov.offices[0].until, Some(date("2030-01")));
    assert_eq!(lavrov.links[0].from, Some(date("2004-03")));
    assert_eq!(
        lavrov.links[0].evidence[0].note.as_deref(),
        Some("quote with \"quotes\", a \\ and a\nnewline")
    );
    let (_, position) = again.all_positions().next().unwrap();
    assert_eq!(
        (position.polarity, position.hedging),
        (Polarity::Conditional, Hedging::Alleged)
    );
    let (_, meeting) = again.all_meetings().next().unwrap();
    assert_eq!(
        (meeting.status, meeting.tone, meeting.end),
        (
            MeetingStatus::Postponed,
            Some(Tone::Cool),
            Some(date("2025-09-30"))
        )
    );
    assert_eq!(
        meeting.participants[1].note.as_deref(),
        Some("hosted \"informally\"")
    );
    let doha = again.stance_id("talks:doha").unwrap();
    assert_eq!(again.broader_stance(doha), again.stance_id("talks"));
    assert_eq!(again.source_by_key("undated").unwrap().published, None);
}

#[test]
fn save_then_load_gives_an_equal_graph() {
    let dir = TempDir::new("save-load");
    for (name, graph) in [
        ("bundled.json", datasets::washington_2025()),
        ("everything.json", everything()),
        ("empty.json", DiplomaticGraph::new()),
    ] {
        let path = dir.path().join(name);
        graph.save(&path).unwrap();
        let loaded = DiplomaticGraph::load(&path).unwrap();
        assert_eq!(loaded, graph, "{name}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            graph.to_json_string() + "\n"
        );
    }
    assert_eq!(
        dir.listing(),
        ["bundled.json", "empty.json", "everything.json"]
    );
}

#[test]
fn save_into_a_missing_directory_fails_naming_the_path_and_leaves_nothing() {
    let dir = TempDir::new("save-missing");
    let path = dir.path().join("missing").join("out.json");
    match datasets::washington_2025().save(&path) {
        Err(Error::Io { path: p, source }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected Io, got {other:?}"),
    }
    assert!(dir.listing().is_empty(), "{:?}", dir.listing());
}

#[test]
fn save_onto_a_directory_fails_and_removes_its_temporary_file() {
    let dir = TempDir::new("save-onto-dir");
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    match datasets::washington_2025().save(&target) {
        Err(Error::Io { path, .. }) => assert_eq!(path, target),
        other => panic!("expected Io, got {other:?}"),
    }
    assert_eq!(dir.listing(), ["taken"]);
    assert!(target.is_dir());
}

#[test]
fn save_over_an_existing_file_replaces_it_completely() {
    let dir = TempDir::new("save-over");
    let path = dir.path().join("out.json");
    // Longer than anything the small graph writes, so leftovers would show.
    std::fs::write(&path, "x".repeat(1_000_000)).unwrap();
    let mut graph = DiplomaticGraph::new();
    graph.set_title("small");
    graph.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, graph.to_json_string() + "\n");
    assert_eq!(DiplomaticGraph::load(&path).unwrap(), graph);
    // And saving a bigger graph over the small one.
    datasets::washington_2025().save(&path).unwrap();
    assert_eq!(
        DiplomaticGraph::load(&path).unwrap(),
        datasets::washington_2025()
    );
    assert_eq!(dir.listing(), ["out.json"]);
}

// ----- columns count characters ---------------------------------------------------

#[test]
fn located_errors_count_columns_in_characters() {
    // "’" is one character and three bytes.
    let json = "{ \"format\": \"diplograph/1\", \"title\": \"Zelenskyy’s\",\n  \"actors\": [ { \"key\": \"zelenskyy’s\", \"name\": \"Зеленський\", \"kind\": \"person\" } ] }";
    let err = check_err(json, "actors[0].key", 2, 24);
    assert!(matches!(err, Error::InvalidKey { .. }));
    let json = "{ \"format\": \"diplograph/1\",\n  \"actors\": [ { \"key\": \"z\", \"name\": \"Зеленський\", \"kind\": \"person\", \"aliases\": [ \"\" ] } ] }";
    let err = check_err(json, "actors[0].aliases[0]", 2, 82);
    assert_eq!(empty_field(&err), ("alias", "actor `z`"));
}

#[test]
fn arrays_are_rejected_in_place_of_objects() {
    // serde's derived Deserialize would read a struct from an array of its
    // fields in declaration order; the format is objects, so the loader
    // refuses arrays where objects belong, with their place.
    for (json, line, column, path) in [
        (r#"["diplograph/1"]"#, 1, 1, ""),
        (
            "{ \"format\": \"diplograph/1\",\n  \"actors\": [ [\"a\", \"A\", \"person\"] ] }",
            2,
            15,
            "actors[0]",
        ),
        (
            "{ \"format\": \"diplograph/1\", \"sources\": [ { \"key\": \"r\", \"title\": \"[R]\" } ],\n  \"actors\": [ { \"key\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n    \"offices\": [ { \"title\": \"O\", \"evidence\": [ [\"r\"] ] } ] } ] }",
            3,
            48,
            "actors[0].offices[0].evidence[0]",
        ),
    ] {
        let err = DiplomaticGraph::from_json_str(json).unwrap_err();
        assert!(matches!(err, Error::Json { .. }), "{err:?}");
        let at = err.location().unwrap();
        assert_eq!(
            (at.line, at.column, at.path.as_str()),
            (line, column, path),
            "{json}"
        );
        assert_eq!(
            std::error::Error::source(&err).unwrap().to_string(),
            "invalid type: sequence, expected a JSON object"
        );
        assert_eq!(validate_json_str(json).len(), 1);
    }
}

// ----- known bugs: these assert the documented behaviour and fail today -----

#[test]
fn json_errors_count_columns_in_characters_too() {
    // Location's docs: "columns count characters". serde_json counts bytes.
    let json = "{ \"format\": \"diplograph/1\", \"title\": \"Zelenskyy’s\", \"colour\": 1 }";
    let err = DiplomaticGraph::from_json_str(json).unwrap_err();
    let at = err.location().unwrap();
    assert_eq!((at.line, at.column, at.path.as_str()), (1, 60, "colour"));
}

#[test]
fn json_error_columns_count_from_one() {
    // Location's docs: "Lines and columns count from 1". serde_json reports
    // column 0 at the end of input that ends a line.
    for (text, line) in [("", 1), ("{ \"format\": \"diplograph/1\",\n", 2)] {
        let err = DiplomaticGraph::from_json_str(text).unwrap_err();
        let at = err.location().unwrap();
        assert_eq!((at.line, at.column), (line, 1), "{text:?}: {err}");
    }
}

#[test]
fn validate_reports_deferred_office_link_and_broader_errors_in_document_order() {
    // Offices, links and broader stances are checked after every actor or
    // stance is in; their errors must still come out in document order.
    let json = doc(&[
        SOURCES,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person", "links": [ { "kind": "represents", "target": "nowhere" } ] }, { "key": "b", "name": "", "kind": "state" } ]"#,
        r#"  "stances": [ { "key": "s", "label": "S", "broader": "nothing" }, { "key": "t", "label": " " } ]"#,
    ]);
    let paths: Vec<String> = validate_json_str(&json)
        .iter()
        .map(|e| e.location().unwrap().path.clone())
        .collect();
    assert_eq!(
        paths,
        [
            "actors[0].links[0].target",
            "actors[1].name",
            "stances[0].broader",
            "stances[1].label",
        ]
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_keeps_the_link() {
    let dir = std::env::temp_dir().join(format!("diplograph-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let real = dir.join("real.json");
    let link = dir.join("link.json");
    std::fs::write(&real, "old").unwrap();
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let graph = datasets::washington_2025();
    graph.save(&link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(DiplomaticGraph::load(&real).unwrap(), graph);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn saving_to_a_pipe_writes_into_it_rather_than_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = std::env::temp_dir().join(format!("diplograph-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let graph = datasets::washington_2025();
    graph.save(&fifo).unwrap();
    // Checked before joining: a replaced pipe would leave the reader waiting.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let text = reader.join().unwrap();
    assert_eq!(DiplomaticGraph::from_json_str(&text).unwrap(), graph);
    std::fs::remove_dir_all(&dir).unwrap();
}
