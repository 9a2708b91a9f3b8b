//! The question language: the seed's fifteen questions in plain words,
//! through the library and through `diplograph ask` (JSON included); the
//! examples of `docs/query-language.md`; malformed, empty, huge and
//! random-byte questions; unknown names.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use diplograph::{Answer, Cited, DiplomaticGraph, Error, Question, datasets};

fn graph() -> DiplomaticGraph {
    datasets::washington_2025()
}

/// An answer as short lines, one per result, in the notation of the
/// examples in `docs/query-language.md`.
fn summary(g: &DiplomaticGraph, answer: &Answer<'_>) -> Vec<String> {
    let actor = |id| g.actor(id).unwrap().key.to_string();
    let stance = |id| g.stance(id).unwrap().key.to_string();
    let meeting = |id| g.meeting(id).unwrap().key.to_string();
    let date =
        |d: Option<diplograph::PartialDate>| d.map_or("undated".to_string(), |d| d.to_string());
    let snake = |v: &dyn erased::Snake| v.snake();
    match answer {
        Answer::Positions(found) => found
            .iter()
            .map(|m| {
                format!(
                    "{} {} {}",
                    actor(m.actor),
                    m.position.polarity.as_str(),
                    stance(m.stance)
                )
            })
            .collect(),
        Answer::Changes(changes) => changes
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}->{} {}",
                    actor(c.actor),
                    stance(c.stance),
                    c.before.position.polarity.as_str(),
                    c.after.position.polarity.as_str(),
                    date(c.date)
                )
            })
            .collect(),
        Answer::Meetings(found) => found.iter().map(|m| meeting(m.id)).collect(),
        Answer::Participants { participants, .. } => {
            participants.iter().map(|(id, _)| actor(*id)).collect()
        }
        Answer::Contacts(contacts) => contacts.iter().map(|c| actor(c.actor)).collect(),
        Answer::Acts(found) => found
            .iter()
            .map(|m| {
                format!(
                    "{} {} {} {}",
                    actor(m.actor),
                    snake(&m.act.kind),
                    actor(m.target),
                    date(m.act.date)
                )
            })
            .collect(),
        Answer::Alignments(found) => found
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    stance(a.stance),
                    format!("{:?}", a.relation).to_lowercase()
                )
            })
            .collect(),
        Answer::Offices(found) => found
            .iter()
            .flat_map(|(id, offices)| {
                let who = actor(*id);
                offices
                    .iter()
                    .map(move |o| format!("{who}: {}", o.office.title))
                    .collect::<Vec<_>>()
            })
            .collect(),
        Answer::StanceRanking(ranking) => ranking
            .iter()
            .map(|s| format!("{} {} {}", stance(s.stance), s.actors, s.positions))
            .collect(),
        Answer::ActorRanking(ranking) => ranking
            .iter()
            .map(|a| format!("{} {}", actor(a.actor), a.total()))
            .collect(),
        other => panic!("an answer this test does not know: {other:?}"),
    }
}

mod erased {
    /// The snake-case name serde gives an enumeration value.
    pub trait Snake {
        fn snake(&self) -> String;
    }
    impl<T: serde::Serialize> Snake for T {
        fn snake(&self) -> String {
            serde_json::to_value(self)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        }
    }
}

/// Every piece of evidence of an answer.
fn evidence<'g>(answer: &Answer<'g>, g: &'g DiplomaticGraph) -> Vec<String> {
    let quotes = |it: &mut dyn Iterator<Item = Cited<'g>>| -> Vec<String> {
        it.filter_map(|c| c.quote().map(str::to_owned)).collect()
    };
    match answer {
        Answer::Positions(found) => found
            .iter()
            .flat_map(|m| quotes(&mut m.evidence()))
            .collect(),
        Answer::Changes(changes) => changes
            .iter()
            .flat_map(|c| quotes(&mut c.before.evidence().chain(c.after.evidence())))
            .collect(),
        Answer::Meetings(found) => found
            .iter()
            .flat_map(|m| quotes(&mut m.evidence()))
            .collect(),
        Answer::Participants { meeting, .. } => quotes(&mut meeting.evidence()),
        Answer::Contacts(contacts) => contacts
            .iter()
            .flat_map(|c| c.with_first.iter().chain(&c.with_second))
            .flat_map(|id| g.meeting(*id).unwrap().evidence.iter())
            .filter_map(|e| e.quote.clone())
            .collect(),
        Answer::Acts(found) => found
            .iter()
            .flat_map(|m| quotes(&mut m.evidence()))
            .collect(),
        Answer::Alignments(found) => found
            .iter()
            .flat_map(|a| quotes(&mut a.first.evidence().chain(a.second.evidence())))
            .collect(),
        Answer::Offices(found) => found
            .iter()
            .flat_map(|(_, offices)| offices.iter().flat_map(|o| quotes(&mut o.evidence())))
            .collect(),
        _ => Vec::new(),
    }
}

/// The seed's questions in plain words, the answer in the notation of
/// [`summary`] (in order), and a phrase some evidence must quote ("" for
/// rankings, which are counts).
const QUESTIONS: [(&str, &[&str], &str); 15] = [
    (
        "who opposed the ceasefire stance as of 2025-08-18?",
        &["trump opposes ceasefire-first"],
        "walked back earlier calls for a ceasefire",
    ),
    (
        "who supported a ceasefire before further negotiations as of 2025-08-18?",
        &[
            "macron supports ceasefire-first",
            "merz supports ceasefire-first",
            "european-leaders supports ceasefire-first",
        ],
        "a ceasefire would be an essential step",
    ),
    (
        "who changed position on the ceasefire?",
        &["trump ceasefire-first supports->opposes 2025-08-18"],
        "walked back",
    ),
    (
        "what was Trump's position on the ceasefire before 2025-08-18?",
        &["trump supports ceasefire-first"],
        "earlier calls for a ceasefire",
    ),
    (
        "who rejected or favoured territorial concessions?",
        &[
            "trump supports territorial-concessions",
            "zelenskyy opposes territorial-concessions",
        ],
        "concessions on contested territories",
    ),
    (
        "who took part in the Alaska summit?",
        &["trump", "putin"],
        "summit with Putin in Alaska",
    ),
    (
        "which meetings did Zelenskyy take part in, in date order?",
        &["oval-office-2025-02", "washington-2025-08-18"],
        "last visit in February",
    ),
    (
        "who met both Zelenskyy and Putin?",
        &["trump"],
        "summit with Putin in Alaska",
    ),
    (
        "who criticised Zelenskyy, and when?",
        &[
            "trump criticised zelenskyy 2025-02",
            "vance criticised zelenskyy 2025-02",
        ],
        "sharp criticism from Trump and Vice President JD Vance",
    ),
    (
        "which meetings are proposed or planned, not yet held?",
        &["trilateral-proposed", "trump-putin-call-planned"],
        "a proposed trilateral meeting",
    ),
    (
        "who supports US participation in security guarantees for Ukraine?",
        &[
            "trump supports us-security-guarantees",
            "rutte supports us-security-guarantees",
        ],
        "as a breakthrough",
    ),
    (
        "on which issues do Trump and Macron disagree?",
        &["ceasefire-first disagree"],
        "pushed back",
    ),
    (
        "who pushed back against Trump?",
        &[
            "macron pushed_back trump 2025-08-18",
            "merz pushed_back trump 2025-08-18",
        ],
        "pushed back",
    ),
    (
        "which office does each of Rutte, Merz and Vance hold?",
        &[
            "rutte: Secretary General of NATO",
            "merz: Chancellor of Germany",
            "vance: Vice President of the United States",
        ],
        "German Chancellor Friedrich Merz",
    ),
    (
        "which issue has the most actors with a recorded position?",
        &["ceasefire-first 4 5"],
        "",
    ),
];

#[test]
fn the_seed_questions_in_plain_words_through_the_library() {
    let g = graph();
    for (question, expected, phrase) in QUESTIONS {
        let answer = g
            .ask(question)
            .unwrap_or_else(|e| panic!("{question}\n{e}"));
        assert_eq!(summary(&g, &answer), expected, "{question}");
        if !phrase.is_empty() {
            let quotes = evidence(&answer, &g);
            assert!(
                quotes.iter().any(|q| q.contains(phrase)),
                "{question}: no evidence quoting {phrase:?} in {quotes:?}"
            );
        }
    }
}

/// Runs the program with these arguments and this standard input.
fn run(args: &[&str], input: &[u8]) -> Output {
    run_os(args.iter().map(std::ffi::OsStr::new).collect(), input)
}

fn run_os(args: Vec<&std::ffi::OsStr>, input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The program may stop reading early (a question too long); a closed
        // pipe is fine.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A row of the program's JSON output in the notation of [`summary`], read
/// from the row's own cells, so the binary's answers are compared whole
/// (polarities, dates, kinds, titles, counts, order), not only by subject.
fn json_summary(kind: &str, row: &serde_json::Value) -> Vec<String> {
    let key = |cell: &str| row[cell]["key"].as_str().unwrap().to_owned();
    let plain = |cell: &str| match &row[cell] {
        serde_json::Value::Null => "undated".to_owned(),
        value => value.as_str().unwrap().to_owned(),
    };
    // Acts are written in report words ("pushed back against"); the
    // notation uses serde's name of the kind ("pushed_back").
    let act = || {
        let words = plain("act");
        let kind = diplograph::ActKind::ALL
            .into_iter()
            .find(|k| k.as_str() == words)
            .unwrap_or_else(|| panic!("no act kind reads {words:?}"));
        erased::Snake::snake(&kind)
    };
    let line = match kind {
        "positions" => format!("{} {} {}", key("actor"), plain("polarity"), key("stance")),
        "changes" => format!(
            "{} {} {}->{} {}",
            key("actor"),
            key("stance"),
            plain("before"),
            plain("after"),
            plain("date")
        ),
        "participants" | "contacts" => key("actor"),
        "meetings" => key("meeting"),
        "acts" => format!(
            "{} {} {} {}",
            key("actor"),
            act(),
            key("target"),
            plain("date")
        ),
        "alignments" => format!("{} {}", key("stance"), plain("relation")),
        "offices" => format!("{}: {}", key("actor"), plain("office")),
        "stance_ranking" => format!(
            "{} {} {}",
            key("stance"),
            plain("actors"),
            plain("positions")
        ),
        other => panic!("an answer kind this test does not know: {other}"),
    };
    vec![line]
}

#[test]
fn the_seed_questions_in_plain_words_through_the_binary_as_json() {
    for (question, expected, phrase) in QUESTIONS {
        let output = run(&["ask", question, "--format", "json"], b"");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{question}: {}",
            text(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
        assert_eq!(json["question"], question);
        let rows = json["rows"].as_array().unwrap();
        // The same answer as the library's, row for row, in order.
        let kind = json["kind"].as_str().unwrap();
        let got: Vec<String> = rows.iter().flat_map(|r| json_summary(kind, r)).collect();
        assert_eq!(got, *expected, "{question}: {json:#}");
        // Every column the output declares is in every row.
        for column in json["columns"].as_array().unwrap() {
            let column = column.as_str().unwrap();
            assert!(
                rows.iter().all(|r| r.get(column).is_some()),
                "{question}: a row lacks {column}"
            );
        }
        if !phrase.is_empty() {
            let quotes: Vec<&str> = rows
                .iter()
                .flat_map(|r| r["evidence"].as_array().unwrap())
                .filter_map(|e| e["quote"].as_str())
                .collect();
            assert!(
                quotes.iter().any(|q| q.contains(phrase)),
                "{question}: {quotes:?}"
            );
            for row in rows {
                for e in row["evidence"].as_array().unwrap() {
                    assert_eq!(e["source"], "washington-2025-report");
                }
            }
        }
    }
}

/// The cells of one CSV line (RFC 4180 quoting; no line breaks in cells).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

/// A JSON output cell as the CSV writes it: items by name, lists joined
/// with ", ", nothing for null.
fn by_name(cell: &serde_json::Value) -> String {
    match cell {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => o["name"].as_str().unwrap().to_owned(),
        serde_json::Value::Array(items) => items.iter().map(by_name).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[test]
fn the_seed_questions_through_the_binary_as_tables_and_csv() {
    for (question, expected, _) in QUESTIONS {
        let output = run(&["ask", question, "--evidence"], b"");
        assert_eq!(output.status.code(), Some(0), "{question}");
        let out = text(&output.stdout);
        // A header, then a line per result, each followed by its quotes.
        let rows = out
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with("    "))
            .count();
        assert_eq!(rows, expected.len(), "{question}\n{out}");
        // CSV holds the JSON output's rows, cell for cell, by name.
        let csv = text(&run(&["ask", question, "--format", "csv"], b"").stdout);
        let json = text(&run(&["ask", question, "--format", "json"], b"").stdout);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut lines = csv.lines().map(csv_cells);
        let columns: Vec<String> = json["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(lines.next().unwrap(), columns, "{question}");
        let rows: Vec<Vec<String>> = lines.collect();
        let want: Vec<Vec<String>> = json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| columns.iter().map(|c| by_name(&row[c.as_str()])).collect())
            .collect();
        assert_eq!(rows, want, "{question}\n{csv}");
        assert_eq!(rows.len(), expected.len(), "{question}");
    }
    let out = text(
        &run(
            &["ask", "who opposed the ceasefire stance?", "--evidence"],
            b"",
        )
        .stdout,
    );
    assert!(out.starts_with("actor         polarity  stance"), "{out}");
    assert!(
        out.contains("Donald Trump  opposes   A ceasefire before further negotiations"),
        "{out}"
    );
    assert!(out.contains("    “At the same time, the U.S. president walked back earlier calls for a ceasefire.” — "), "{out}");
}

#[test]
fn the_examples_of_the_language_doc_answer_as_written() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/query-language.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let g = graph();
    let mut examples = 0;
    let mut in_block = false;
    let mut pending: Option<(String, Vec<String>, Option<String>)> = None;
    let mut check = |example: Option<(String, Vec<String>, Option<String>)>| {
        let Some((question, expected, error)) = example else {
            return;
        };
        examples += 1;
        match (g.ask(&question), error) {
            (Ok(answer), None) => {
                let expected: Vec<String> =
                    expected.into_iter().filter(|l| l != "(none)").collect();
                assert_eq!(summary(&g, &answer), expected, "{question}");
                // Parsing alone gives the same question.
                let parsed = Question::parse(&question).unwrap();
                assert_eq!(
                    summary(&g, &g.answer(&parsed).unwrap()),
                    expected,
                    "{question}"
                );
            }
            (Err(err), Some(message)) => {
                assert!(err.to_string().contains(&message), "{question}: {err}");
            }
            (Ok(answer), Some(message)) => {
                panic!("{question}: answered {answer:?}, expected an error {message:?}")
            }
            (Err(err), None) => panic!("{question}: {err}"),
        }
    };
    for line in doc.lines() {
        if line.trim() == "```ask" {
            in_block = true;
            continue;
        }
        if in_block && line.trim() == "```" {
            in_block = false;
            check(pending.take());
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(question) = line.strip_prefix("? ") {
            check(pending.take());
            pending = Some((question.to_string(), Vec::new(), None));
        } else if let Some(answer) = line.strip_prefix("= ") {
            pending.as_mut().unwrap().1.push(answer.to_string());
        } else if let Some(error) = line.strip_prefix("! ") {
            pending.as_mut().unwrap().2 = Some(error.to_string());
        } else {
            assert!(
                line.trim().is_empty() || line.starts_with('#'),
                "a stray line in an ask block: {line}"
            );
        }
    }
    assert!(examples >= 30, "only {examples} examples");
}

/// The column, expectation and caret of a question error.
fn question_error(err: Error) -> (usize, String) {
    let Error::Question {
        column, expected, ..
    } = &err
    else {
        panic!("not a question error: {err:?}");
    };
    let message = err.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 3, "{message}");
    assert!(lines[2].trim_start() == "^", "{message}");
    (*column, expected.clone())
}

#[test]
fn malformed_questions_are_errors_with_a_caret_never_panics() {
    let g = graph();
    let huge = "who opposed the ceasefire ".repeat(40_000); // about 1 MB
    let deep = format!(
        "{}who opposed ceasefire{}",
        "(".repeat(2_000),
        ")".repeat(2_000)
    );
    let cases: Vec<(String, usize)> = vec![
        (String::new(), 1),
        ("   ".into(), 4),
        ("?".into(), 1),
        ("who".into(), 4),
        ("who opposed".into(), 12),
        ("who opposed the ceasefire as of".into(), 32),
        ("who opposed the ceasefire as of 2025-02-30".into(), 33),
        ("which meetings are frobbed?".into(), 20),
        ("who met both Zelenskyy".into(), 23),
        ("who met both Zelenskyy and Putin as of 2025".into(), 34),
        ("who opposed \"ceasefire".into(), 13),
        ("who opposed ceasefire )".into(), 23),
        ("why?".into(), 1),
        (huge.clone(), 10_001),
        (deep, 17),
        (
            "who opposed ((((((((((((((((((((ceasefire))))))))))))))))))))".into(),
            29,
        ),
    ];
    for (question, column) in cases {
        let err = g.ask(&question).unwrap_err();
        let (got, _) = question_error(err);
        assert_eq!(
            got,
            column,
            "{:?}",
            question.chars().take(60).collect::<String>()
        );
    }
    // Random bytes, read as text the way the command line reads them.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for len in [1, 2, 7, 64, 300, 5_000] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 24) as u8
                })
                .collect();
            let question = String::from_utf8_lossy(&bytes);
            if let Err(err) = g.ask(&question) {
                question_error(err);
            }
        }
    }
    // Every prefix of a real question is answered or refused, never a panic.
    let question =
        "which meetings did Zelenskyy take part in between 2025-01 and 2025-12, in date order?";
    for (i, _) in question.char_indices() {
        if let Err(err) = g.ask(&question[..i]) {
            question_error(err);
        }
    }
}

#[test]
fn the_binary_refuses_bad_questions_with_exit_code_3_and_a_caret() {
    let huge = "who opposed the ceasefire ".repeat(40_000);
    let random: Vec<u8> = (0..=255u8).rev().cycle().take(1_000).collect();
    for (args, input) in [
        (vec!["ask", ""], Vec::new()),
        (vec!["ask", "who met both Zelenskyy"], Vec::new()),
        (vec!["ask", "-"], huge.into_bytes()),
        (vec!["ask", "-"], random),
    ] {
        let output = run(&args, &input);
        let err = text(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{args:?}: {err}");
        assert!(output.stdout.is_empty());
        assert!(err.starts_with("error: bad question at column "), "{err}");
        assert!(err.lines().nth(2).is_some_and(|l| l.trim() == "^"), "{err}");
    }
    // Bytes that are not UTF-8 in the argument itself.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let question = std::ffi::OsStr::from_bytes(b"who opposed \xff\xfe?");
        let output = run_os(vec!["ask".as_ref(), question], b"");
        assert_eq!(output.status.code(), Some(3));
        assert!(
            text(&output.stderr).contains("at column 13"),
            "{}",
            text(&output.stderr)
        );
    }
}

#[test]
fn unknown_names_list_candidates() {
    let g = graph();
    for (question, column, suggestion) in [
        ("who met both Zelenskky and Putin?", 14, "zelenskyy"),
        ("who opposed the ceasfire?", 17, "ceasefire-first"),
        (
            "who took part in the Alaksa summit?",
            22,
            "alaska-summit-2025-08-15",
        ),
        (
            "who opposed security guarantees?",
            13,
            "us-security-guarantees",
        ),
    ] {
        let err = g.ask(question).unwrap_err();
        let message = err.to_string();
        let Error::Question {
            column: c,
            suggestions,
            ..
        } = err
        else {
            panic!("{message}")
        };
        assert_eq!(c, column, "{message}");
        assert!(suggestions.iter().any(|k| k == suggestion), "{message}");
        assert!(
            message.contains("did you mean") && message.contains(suggestion),
            "{message}"
        );
    }
    let output = run(&["ask", "who criticised Zelenskky?"], b"");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        text(&output.stderr).contains("did you mean `zelenskyy`?"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn names_tolerate_case_possessives_plurals_and_quotes() {
    let g = graph();
    for question in [
        "which meetings did ZELENSKY attend?",
        "Zelenskyy's meetings",
        "Zelenskyy’s held meetings",
        "which meetings did \"Volodymyr Zelenskyy\" attend?",
        "which meetings did the Zelenskyys attend?",
    ] {
        let answer = g
            .ask(question)
            .unwrap_or_else(|e| panic!("{question}\n{e}"));
        assert!(!answer.is_empty(), "{question}");
    }
}

#[test]
fn other_commands_stats_convert_and_repl() {
    // stats
    let output = run(&["stats"], b"");
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(out.contains("counts: 1 source, 16 actors"), "{out}");
    assert!(
        out.contains("meetings by status: held 3, planned 1, proposed 1"),
        "{out}"
    );
    assert!(out.contains("dates: 2025-02 to 2025-08-18"), "{out}");
    assert!(
        out.contains(
            "  1. A ceasefire before further negotiations [ceasefire-first]: 4 actors, 5 positions"
        ),
        "{out}"
    );
    assert!(
        out.contains("  1. Donald Trump [trump]: 3 held meetings, 4 positions, 1 act"),
        "{out}"
    );
    assert_eq!(
        text(&run(&["stats", "-"], datasets::WASHINGTON_2025_JSON.as_bytes()).stdout),
        out
    );

    // convert: compact and back, through standard input and output
    let output = run(
        &["convert", "--compact", "-", "-"],
        datasets::WASHINGTON_2025_JSON.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let compact = text(&output.stdout);
    assert_eq!(compact.lines().count(), 1);
    let pretty = text(&run(&["convert", "-", "-"], compact.as_bytes()).stdout);
    assert_eq!(pretty, datasets::WASHINGTON_2025_JSON);
    let output = run(&["convert", "-", "-"], b"{ \"format\": \"diplograph/9\" }");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("unsupported dataset format"));

    // repl from a pipe: one question per line, settings between them
    let output = run(
        &["repl"],
        b"who opposed the ceasefire stance?\n.format csv\nrank actors\n\n.format json\nwho met both Zelenskyy and Putin?\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(out.contains("Donald Trump  opposes"), "{out}");
    assert!(
        out.contains("rank,actor,total,meetings,positions,acts\n1,Donald Trump,8,3,4,1\n"),
        "{out}"
    );
    assert!(out.contains("\"kind\": \"contacts\""), "{out}");
    let output = run(&["repl"], b"who frobbed?\nwho opposed ceasefire\n");
    assert_eq!(output.status.code(), Some(3));
    assert!(text(&output.stdout).contains("Donald Trump"));
    assert!(text(&output.stderr).contains("^"));
}

#[test]
fn every_command_has_examples_in_its_help() {
    for command in ["ask", "check", "stats", "report", "convert", "repl"] {
        let output = run(&[command, "--help"], b"");
        let out = text(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(out.contains("Examples:\n  "), "{command}: {out}");
        assert!(
            out.contains(&format!("diplograph {command}"))
                || command == "repl" && out.contains("diplograph repl"),
            "{command}: {out}"
        );
    }
}

/// Word salad from the language's own keywords, names, dates and
/// punctuation: every question is answered or refused with a caret, never a
/// panic.
#[test]
fn word_salad_never_panics() {
    const VOCABULARY: &[&str] = &[
        "who",
        "whom",
        "which",
        "what",
        "where",
        "when",
        "did",
        "does",
        "do",
        "has",
        "was",
        "is",
        "opposed",
        "supports",
        "rejected",
        "or",
        "and",
        "both",
        "met",
        "took",
        "part",
        "in",
        "changed",
        "position",
        "on",
        "meetings",
        "acts",
        "by",
        "towards",
        "of",
        "kind",
        "criticised",
        "pushed",
        "back",
        "against",
        "as",
        "known",
        "at",
        "before",
        "after",
        "between",
        "since",
        "until",
        "2025",
        "2025-08",
        "2025-08-18",
        "0001",
        "9999-12-31",
        "Trump",
        "Zelenskyy's",
        "Putin",
        "ceasefire",
        "stance",
        "the",
        "a",
        "Alaska",
        "summit",
        "disagree",
        "agree",
        "with",
        "compare",
        "rank",
        "actors",
        "stances",
        "most",
        "active",
        "issue",
        "office",
        "hold",
        "each",
        "proposed",
        "held",
        "not",
        "yet",
        ",",
        "?",
        "(",
        ")",
        "\"",
        "“Macron”",
        "'s",
        "date",
        "order",
        "then",
        "when",
        "participants",
        "changes",
    ];
    let g = graph();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut answered = 0;
    for _ in 0..20_000 {
        let len = 1 + next(12);
        let words: Vec<&str> = (0..len)
            .map(|_| VOCABULARY[next(VOCABULARY.len())])
            .collect();
        let question = words.join(" ");
        match g.ask(&question) {
            Ok(_) => answered += 1,
            Err(err) => {
                question_error(err);
            }
        }
    }
    assert!(answered > 0);
}

#[test]
fn convert_writes_files_and_refuses_unknown_extensions() {
    let dir = std::env::temp_dir();
    let out = dir.join(format!("diplograph-convert-{}.json", std::process::id()));
    let out_arg = out.to_str().unwrap();
    let output = run(&["convert", "data/washington-2025.json", out_arg], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        datasets::WASHINGTON_2025_JSON
    );
    std::fs::remove_file(&out).unwrap();
    let xml = dir.join(format!("diplograph-convert-{}.xml", std::process::id()));
    let output = run(
        &[
            "convert",
            "data/washington-2025.json",
            xml.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("no dataset format has the extension `.xml`"));
    assert!(!xml.exists());
    let output = run(
        &[
            "convert",
            "--to",
            "json",
            "data/washington-2025.json",
            xml.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0));
    std::fs::remove_file(&xml).unwrap();
}

/// Every question of the language guide (those that answer and those that
/// fail), plus a few broken ones, asked by many threads of one shared graph:
/// each answer (or error) equals the single-threaded one.
#[test]
fn a_graph_shared_by_many_threads_answers_questions_like_one() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/query-language.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let mut questions: Vec<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("? "))
        .map(str::to_owned)
        .collect();
    assert!(questions.len() >= 30, "{}", questions.len());
    questions
        .extend(["who met both Zelenskky and Putin?", "((((who", "", "rank"].map(String::from));
    let g = graph();
    let ask = |q: &String| match g.ask(q) {
        Ok(answer) => format!("{answer:?}"),
        Err(err) => format!("error: {err}"),
    };
    let expected: Vec<String> = questions.iter().map(ask).collect();
    let threads = 8;
    let results: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let questions = &questions;
                let ask = &ask;
                scope.spawn(move || {
                    // Each thread starts at another question, so different
                    // questions run at the same time.
                    let n = questions.len();
                    let mut answers = vec![String::new(); n];
                    for round in 0..10 {
                        for i in 0..n {
                            let k = (i + t * 7 + round) % n;
                            answers[k] = ask(&questions[k]);
                        }
                    }
                    answers
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(results.len(), threads);
    for answers in results {
        for ((q, got), want) in questions.iter().zip(&answers).zip(&expected) {
            assert_eq!(got, want, "{q}");
        }
    }
}
