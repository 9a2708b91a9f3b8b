//! The validation catalogue: one real example of every `Error` variant, its
//! message and location, checked against `docs/errors.md` so the document
//! cannot drift from the library.

use std::collections::BTreeSet;

use diplograph::io::{Limits, validate_json_str, validate_json_str_with};
use diplograph::{
    Actor, ActorKind, DiplomaticGraph, Error, Evidence, Office, Polarity, Position, Source, Stance,
    datasets,
};

/// A dataset with the given sections after `format`, one per line (so the
/// first section is on line 2).
fn doc(sections: &[&str]) -> String {
    let mut text = String::from("{ \"format\": \"diplograph/1\"");
    for section in sections {
        text.push_str(",\n");
        text.push_str(section);
    }
    text.push_str(" }");
    text
}

/// The one error of a dataset: loading fails with it, and validation finds
/// exactly it.
fn only_error(text: &str) -> Error {
    let err = DiplomaticGraph::from_json_str(text).unwrap_err();
    let all = validate_json_str(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].to_string(), err.to_string());
    err
}

/// The name of an error's variant, from its `Debug` form.
fn variant(error: &Error) -> String {
    let debug = format!("{error:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// One example: the error, and the location expected (line, column, JSON
/// path), or `None` for errors that have none.
struct Example {
    error: Error,
    location: Option<(usize, usize, &'static str)>,
}

fn example(error: Error, location: Option<(usize, usize, &'static str)>) -> Example {
    Example { error, location }
}

/// One example of every variant (several for `LimitExceeded`), produced by
/// the library.
fn examples() -> Vec<Example> {
    let actors = r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" } ]"#;
    let stances = r#"  "stances": [ { "key": "peace", "label": "Peace" } ]"#;
    let sources = r#"  "sources": [ { "key": "r", "title": "R" } ]"#;
    let mut out = vec![
        example(
            DiplomaticGraph::load("/nonexistent/x.json").unwrap_err(),
            None,
        ),
        example(
            only_error("{\n  \"format\": \"diplograph/1\",\n  \"colour\": 1 }"),
            Some((3, 10, "colour")),
        ),
        example(
            only_error(r#"{ "format": "diplograph/2" }"#),
            Some((1, 13, "format")),
        ),
        example(
            only_error(&doc(&[
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": "2025-02-30" } ]"#,
            ])),
            Some((2, 71, "meetings[0].date")),
        ),
        example(
            only_error(&doc(&[
                r#"  "actors": [ { "key": "Donald Trump", "name": "Donald Trump", "kind": "person" } ]"#,
            ])),
            Some((2, 24, "actors[0].key")),
        ),
        example(
            only_error(&doc(&[
                r#"  "actors": [ { "key": "nato", "name": "NATO", "kind": "organisation" },
                { "key": "nato", "name": "NATO again", "kind": "organisation" } ]"#,
            ])),
            Some((3, 26, "actors[1].key")),
        ),
        example(
            only_error(&doc(&[
                r#"  "positions": [ { "actor": "nobody", "stance": "peace", "polarity": "supports" } ]"#,
            ])),
            Some((2, 29, "positions[0].actor")),
        ),
        example(
            only_error(&doc(&[r#"  "stances": [ { "key": "peace", "label": "" } ]"#])),
            Some((2, 43, "stances[0].label")),
        ),
        example(
            only_error(&doc(&[
                actors,
                stances,
                r#"  "positions": [ { "actor": "a", "stance": "peace", "polarity": "supports", "from": "2025-08-18", "until": "2025-08-17" } ]"#,
            ])),
            Some((4, 108, "positions[0].until")),
        ),
        example(
            only_error(&doc(&[
                actors,
                r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "a" } ] } ]"#,
            ])),
            Some((3, 110, "meetings[0].participants[1].actor")),
        ),
        example(
            only_error(&doc(&[
                r#"  "stances": [ { "key": "a", "label": "A", "broader": "b" },
                 { "key": "b", "label": "B", "broader": "a" } ]"#,
            ])),
            Some((3, 57, "stances[1].broader")),
        ),
        example(
            only_error(&doc(&[
                sources,
                actors,
                stances,
                r#"  "positions": [ { "actor": "a", "stance": "peace", "polarity": "supports", "evidence": [ { "source": "r", "quote": "A backs peace." } ] },
                { "actor": "a", "stance": "peace", "polarity": "opposes", "evidence": [ { "source": "r", "quote": "A backs peace." } ] } ]"#,
            ])),
            Some((6, 64, "positions[1].polarity")),
        ),
        example(
            DiplomaticGraph::from_json_str_with(
                r#"{ "format": "diplograph/1" }"#,
                &Limits::new().input_size(16),
            )
            .unwrap_err(),
            Some((1, 1, "")),
        ),
        example(
            DiplomaticGraph::from_json_str_with(
                &doc(&[r#"  "title": "A title longer than sixteen bytes""#]),
                &Limits::new().string_len(16),
            )
            .unwrap_err(),
            Some((2, 12, "title")),
        ),
        example(
            DiplomaticGraph::from_json_str_with(
                &doc(&[r#"  "actors": [ [ [ ] ] ]"#]),
                &Limits::new().depth(3),
            )
            .unwrap_err(),
            Some((2, 17, "actors[0][0]")),
        ),
        example(
            DiplomaticGraph::from_json_str_with(
                &doc(&[
                    actors,
                    r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "b" }, { "actor": "c" } ] } ]"#,
                ]),
                &Limits::new().items_per_meeting(2),
            )
            .unwrap_err(),
            Some((3, 79, "meetings[0].participants")),
        ),
    ];
    // The API-only errors.
    let mut other = DiplomaticGraph::new();
    for i in 0..16 {
        other
            .add_actor(Actor::new(
                format!("a{i}"),
                format!("A{i}"),
                ActorKind::Person,
            ))
            .unwrap();
    }
    let foreign = other.actor_id("a15").unwrap();
    let mut graph = DiplomaticGraph::new();
    out.push(example(
        graph
            .add_office(foreign, Office::new("President"))
            .unwrap_err(),
        None,
    ));
    let washington = datasets::washington_2025();
    out.push(example(
        washington.find_actor("Zelenskky").unwrap_err(),
        None,
    ));
    out.push(example(
        washington.find_stance("guarantees").unwrap_err(),
        None,
    ));
    out.push(example(
        washington
            .ask("who met both Zelenskky and Putin?")
            .unwrap_err(),
        None,
    ));
    // An event-data row with a month that does not exist, in strict mode.
    let mut row = vec!["1"; 61];
    row[1] = "20251301";
    let text = row.join("\t") + "\n";
    let err = diplograph::import::Importer::new()
        .read(
            diplograph::import::Format::Gdelt,
            text.as_bytes(),
            "batch.CSV",
        )
        .unwrap_err();
    out.push(example(err, Some((1, 2, "SQLDATE"))));
    // The typed API gives the same errors without a location.
    graph.add_source(Source::new("r", "R")).unwrap();
    graph
        .add_actor(Actor::new("a", "A", ActorKind::Person))
        .unwrap();
    graph.add_stance(Stance::new("peace", "Peace")).unwrap();
    let quoted = || Evidence::new("r", "A backs peace.");
    graph
        .add_position(Position::new("a", "peace", Polarity::Supports).evidence(quoted()))
        .unwrap();
    let err = graph
        .add_position(Position::new("a", "peace", Polarity::Opposes).evidence(quoted()))
        .unwrap_err();
    assert!(err.location().is_none());
    assert_eq!(
        err.to_string(),
        "position of `a` on `peace` (opposes) contradicts an earlier one (supports) quoting the same words from `r`"
    );
    out
}

/// The messages of each variant's section of `docs/errors.md`: the lines of
/// every ```text block under a `## `Variant`` heading.
fn documented() -> Vec<(String, Vec<String>)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.md")).unwrap();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        if let Some(name) = line
            .strip_prefix("## `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            sections.push((name.to_owned(), Vec::new()));
        } else if line == "```text" {
            block = Some(String::new());
        } else if line == "```" {
            if let (Some(message), Some((_, messages))) = (block.take(), sections.last_mut()) {
                messages.push(message.trim_end_matches('\n').to_owned());
            }
        } else if let Some(message) = block.as_mut() {
            message.push_str(line);
            message.push('\n');
        }
    }
    sections
}

#[test]
fn every_example_has_its_message_and_location() {
    for Example { error, location } in examples() {
        let found = error
            .location()
            .map(|l| (l.line, l.column, l.path.as_str()));
        assert_eq!(found, location, "{error}");
        // The message ends with the location it carries.
        if let Some(l) = error.location() {
            assert!(error.to_string().ends_with(&l.to_string()), "{error}");
        }
    }
}

#[test]
fn the_error_catalogue_matches_the_library() {
    let documented = documented();
    let examples = examples();
    let mut produced = BTreeSet::new();
    for Example { error, .. } in &examples {
        let name = variant(error);
        let message = error.to_string();
        let section = documented
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("docs/errors.md has no section `{name}`"));
        assert!(
            section.1.contains(&message),
            "docs/errors.md, section `{name}`, should show the message\n{message}\nbut shows {:#?}",
            section.1
        );
        produced.insert(name);
    }
    let headings: BTreeSet<String> = documented.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(
        headings, produced,
        "every documented variant has an example here, and the reverse"
    );
    // Every message in the document is one the library produced.
    let messages: BTreeSet<String> = examples.iter().map(|e| e.error.to_string()).collect();
    for (name, shown) in &documented {
        for message in shown {
            assert!(
                messages.contains(message),
                "docs/errors.md, section `{name}`, shows a message no example produces:\n{message}"
            );
        }
    }
}

#[test]
fn check_reports_every_error_at_once() {
    // One error of each dataset kind in one file: validation lists them all,
    // in document order; loading stops at the first.
    let text = doc(&[
        r#"  "sources": [ { "key": "r", "title": "R" }, { "key": "r", "title": "R again" } ]"#,
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" }, { "key": "b", "name": " ", "kind": "person" } ]"#,
        r#"  "stances": [ { "key": "peace", "label": "Peace" } ]"#,
        r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "date": "2025-08-18", "end": "2025-08-17" } ]"#,
        r#"  "positions": [ { "actor": "a", "stance": "peace", "polarity": "supports", "evidence": [ { "source": "r", "quote": "Q." } ] }, { "actor": "a", "stance": "peace", "polarity": "opposes", "evidence": [ { "source": "r", "quote": "Q." } ] } ]"#,
    ]);
    let errors = validate_json_str_with(&text, &Limits::default());
    let names: Vec<String> = errors.iter().map(variant).collect();
    assert_eq!(
        names,
        [
            "DuplicateKey",
            "EmptyField",
            "EndsBeforeStart",
            "ContradictoryPosition"
        ]
    );
    let first = DiplomaticGraph::from_json_str(&text).unwrap_err();
    assert_eq!(first.to_string(), errors[0].to_string());
}

#[test]
fn positions_that_differ_in_time_or_words_do_not_contradict() {
    let base = |second: &str| {
        doc(&[
            r#"  "sources": [ { "key": "r", "title": "R" } ]"#,
            r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" } ]"#,
            r#"  "stances": [ { "key": "s", "label": "S" } ]"#,
            &format!(
                r#"  "positions": [ {{ "actor": "a", "stance": "s", "polarity": "supports", "until": "2025-08", "evidence": [ {{ "source": "r", "quote": "Q." }} ] }}, {second} ]"#
            ),
        ])
    };
    let ok = [
        // A change of position, at month precision, on the same words.
        r#"{ "actor": "a", "stance": "s", "polarity": "opposes", "from": "2025-08", "evidence": [ { "source": "r", "quote": "Q." } ] }"#,
        // Other words.
        r#"{ "actor": "a", "stance": "s", "polarity": "opposes", "evidence": [ { "source": "r", "quote": "Other." } ] }"#,
        // The same polarity.
        r#"{ "actor": "a", "stance": "s", "polarity": "supports", "evidence": [ { "source": "r", "quote": "Q." } ] }"#,
        // No quote: a source may report both at unknown times.
        r#"{ "actor": "a", "stance": "s", "polarity": "opposes", "evidence": [ { "source": "r" } ] }"#,
    ];
    for second in ok {
        let text = base(second);
        assert!(validate_json_str(&text).is_empty(), "{second}");
    }
    let clash = r#"{ "actor": "a", "stance": "s", "polarity": "opposes", "from": "2025-07-31", "evidence": [ { "source": "r", "quote": "Q." } ] }"#;
    let errors = validate_json_str(&base(clash));
    assert!(
        matches!(
            errors.as_slice(),
            [Error::ContradictoryPosition {
                polarity: Polarity::Opposes,
                earlier: Polarity::Supports,
                ..
            }]
        ),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_read_only_to_the_limit() {
    let limits = Limits::new().input_size(1 << 20);
    let err = DiplomaticGraph::load_with("/dev/zero", &limits).unwrap_err();
    assert!(
        matches!(
            err,
            Error::LimitExceeded { what: diplograph::io::Limit::InputSize, limit, found, .. }
                if limit == 1 << 20 && found == limit + 1
        ),
        "{err:?}"
    );
    let errors = DiplomaticGraph::validate_file_with("/dev/zero", &limits);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), err.to_string());
    assert!(err.to_string().ends_with("/dev/zero:1:1"), "{err}");
}

#[test]
fn validation_leaves_out_a_meeting_over_the_limit_and_goes_on() {
    let text = doc(&[
        r#"  "actors": [ { "key": "a", "name": "A", "kind": "person" }, { "key": "b", "name": "B", "kind": "person" } ]"#,
        r#"  "meetings": [ { "key": "m", "title": "M", "kind": "summit", "participants": [ { "actor": "a" }, { "actor": "b" } ] } ]"#,
        r#"  "acts": [ { "actor": "a", "kind": "praised", "target": "b", "meeting": "m" }, { "actor": "zz", "kind": "praised", "target": "b" } ]"#,
    ]);
    let errors = validate_json_str_with(&text, &Limits::new().items_per_meeting(1));
    let names: Vec<String> = errors.iter().map(variant).collect();
    assert_eq!(names, ["LimitExceeded", "UnknownKey", "UnknownKey"]);
    assert!(validate_json_str_with(&text, &Limits::new().items_per_meeting(2)).len() == 1);
}

/// The contradiction check looks only at positions sharing a quote: one
/// actor's 20,000 positions on one stance, alternating polarity, each on its
/// own words, load in linear time (0.1 s in a debug build; a first version
/// that checked the whole timeline took 7.7 s, growing with the square of
/// the count).
#[test]
fn many_positions_on_one_stance_load_without_a_quadratic_check() {
    let mut graph = DiplomaticGraph::new();
    graph.add_source(Source::new("r", "R")).unwrap();
    graph
        .add_actor(Actor::new("a", "A", ActorKind::State))
        .unwrap();
    graph.add_stance(Stance::new("s", "S")).unwrap();
    let started = std::time::Instant::now();
    for i in 0..20_000u32 {
        let polarity = if i % 2 == 0 {
            Polarity::Supports
        } else {
            Polarity::Opposes
        };
        graph
            .add_position(
                Position::new("a", "s", polarity)
                    .evidence(Evidence::new("r", format!("Said {i}."))),
            )
            .unwrap();
    }
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(3), "{elapsed:?}");
    // The same words the other way round are still refused.
    let err = graph
        .add_position(
            Position::new("a", "s", Polarity::Supports).evidence(Evidence::new("r", "Said 1.")),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::ContradictoryPosition { .. }),
        "{err:?}"
    );
}
