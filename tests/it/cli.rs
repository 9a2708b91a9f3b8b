//! The `diplograph` program, run as a real process.
//!
//! Only with the `cli` feature: without it there is no binary to run.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs the program with these arguments.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the diplograph binary runs")
}

/// The exit code, standard output and standard error of a run.
fn outcome(output: &Output) -> (Option<i32>, String, String) {
    (
        output.status.code(),
        String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8"),
    )
}

/// A file under the temporary directory with a name no other test (or test
/// run) uses, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &str) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let name = format!(
            "diplograph-cli-{}-{}-{nanos}.json",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, contents).expect("write a temporary dataset");
        TempFile(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Where `needle` is in `text`, failing the test if it is not there.
fn find(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} missing from:\n{text}"))
}

/// A small, valid dataset.
const SMALL: &str = r#"{
  "format": "diplograph/1",
  "title": "Lakeside talks",
  "sources": [ { "key": "wire", "title": "Wire report" } ],
  "actors": [
    { "key": "aster", "name": "Alice Aster", "kind": "person" },
    { "key": "birch", "name": "Bob Birch", "kind": "person" }
  ],
  "stances": [ { "key": "truce", "label": "A truce first" } ],
  "meetings": [
    { "key": "lake", "title": "Lakeside summit", "kind": "summit", "date": "2025-03-02",
      "participants": [ { "actor": "aster", "role": "host" }, { "actor": "birch", "role": "guest" } ] }
  ],
  "positions": [
    { "actor": "birch", "stance": "truce", "polarity": "supports", "until": "2025-03-02",
      "evidence": [ { "source": "wire", "quote": "Birch had called for a truce." } ] },
    { "actor": "birch", "stance": "truce", "polarity": "opposes", "from": "2025-03-02", "meeting": "lake",
      "evidence": [ { "source": "wire", "quote": "At the lake Birch dropped the truce." } ] }
  ]
}"#;

#[test]
fn no_arguments_reports_the_bundled_dataset() {
    let (code, out, err) = outcome(&run(&[]));
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");

    // The ceasefire stance, with Trump's change and the Europeans' support.
    let ceasefire = find(
        &out,
        "A ceasefire before further negotiations [ceasefire-first]",
    );
    let trump = find(&out, "  Donald Trump: supports → opposes on 2025-08-18\n");
    assert!(ceasefire < trump);
    assert!(out.contains("    supports until 2025-08-18 (reported)\n"));
    assert!(
        out.contains(
            "    opposes since 2025-08-18 (reported; at White House meeting on Ukraine)\n"
        )
    );
    assert!(out.contains("  Emmanuel Macron: supports since 2025-08-18"));
    assert!(out.contains("  Friedrich Merz: supports since 2025-08-18"));

    // Meetings in date order, the ones not held last and marked.
    let february = find(&out, "2025-02: Zelenskyy’s Oval Office visit");
    let alaska = find(&out, "2025-08-15: Alaska summit");
    let washington = find(&out, "2025-08-18: White House meeting on Ukraine");
    let trilateral = find(
        &out,
        "date unknown: Proposed trilateral meeting of Trump, Zelenskyy and Putin",
    );
    assert!(february < alaska && alaska < washington && washington < trilateral);
    assert!(out[trilateral..].contains("status: proposed"));
    assert!(out[trilateral..].contains("status: planned"));

    // A sentence of the article, quoted.
    assert!(out.contains(
        "      “At the same time, the U.S. president walked back earlier calls for a ceasefire.” — "
    ));
}

#[test]
fn report_is_the_default_command() {
    let (code, out, _) = outcome(&run(&["report"]));
    assert_eq!(code, Some(0));
    assert_eq!(out, outcome(&run(&[])).1);
}

#[test]
fn no_evidence_leaves_out_the_quotes() {
    for args in [
        &["--no-evidence"][..],
        &["report", "--no-evidence"],
        &["--no-evidence", "report"],
    ] {
        let (code, out, err) = outcome(&run(args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(
            out.contains("  Donald Trump: supports → opposes on 2025-08-18\n"),
            "{args:?}"
        );
        assert!(!out.contains('“'), "{args:?}");
    }
}

#[test]
fn data_reads_another_dataset_before_or_after_the_command() {
    let file = TempFile::new(SMALL);
    for args in [
        &["--data", file.arg()][..],
        &["--data", file.arg(), "report"],
        &["report", "--data", file.arg()],
    ] {
        let (code, out, err) = outcome(&run(args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(out.starts_with("Lakeside talks\n"), "{out}");
        assert!(
            out.contains("  Bob Birch: supports → opposes on 2025-03-02\n"),
            "{out}"
        );
        assert!(
            out.contains("      “At the lake Birch dropped the truce.” — Wire report\n"),
            "{out}"
        );
        assert!(
            out.contains("participants: Alice Aster (host), Bob Birch (guest)"),
            "{out}"
        );
        assert!(!out.contains("Zelenskyy"), "{out}");
    }
}

#[test]
fn data_with_malformed_json_fails_naming_file_line_and_column() {
    let file = TempFile::new(
        "{\n  \"format\": \"diplograph/1\",\n  \"actors\": [ { \"key\": \"x\" ]\n}\n",
    );
    let (code, out, err) = outcome(&run(&["--data", file.arg()]));
    assert_eq!(code, Some(1));
    assert!(out.is_empty(), "{out}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{err}");
    assert!(
        first.contains(&format!("{}:3:28 ", file.path().display())),
        "{err}"
    );
    assert!(err.contains("\n  caused by: "), "{err}");
}

#[test]
fn data_with_a_missing_file_fails_with_the_cause() {
    let missing = std::env::temp_dir().join(format!(
        "diplograph-cli-{}-missing.json",
        std::process::id()
    ));
    let missing = missing.to_str().unwrap();
    let (code, _, err) = outcome(&run(&["--data", missing]));
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!("error: cannot access {missing}\n  caused by: ")),
        "{err}"
    );
}

#[test]
fn check_lists_every_problem() {
    let text = r#"{ "format": "diplograph/1",
  "stances": [ { "key": "peace", "label": "" } ],
  "positions": [ { "actor": "nobody", "stance": "peace", "polarity": "supports" } ] }"#;
    let file = TempFile::new(text);
    let (code, out, err) = outcome(&run(&["check", file.arg()]));
    assert_eq!(code, Some(1));
    let name = file.path().display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!("empty label in stance `peace` at {name}:2:43 (stances[0].label)"),
            format!("unknown actor `nobody` at {name}:3:29 (positions[0].actor)"),
        ]
    );
    assert!(err.contains("2 problems"), "{err}");
}

#[test]
fn check_accepts_the_bundled_dataset() {
    let (code, out, err) = outcome(&run(&["check", "data/washington-2025.json"]));
    assert_eq!(code, Some(0), "{err}");
    let counts = diplograph::DiplomaticGraph::load("data/washington-2025.json")
        .unwrap()
        .counts();
    assert!(counts.positions > 0);
    assert_eq!(out, format!("ok: {counts}\n"));
    assert!(out.starts_with("ok: 1 source, "), "{out}");
}

#[test]
fn check_reads_the_data_option_too() {
    let file = TempFile::new(SMALL);
    let (code, out, _) = outcome(&run(&["--data", file.arg(), "check"]));
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "ok: 1 source, 2 actors, 1 stance, 1 meeting, 2 positions, 0 acts\n"
    );
}

#[test]
fn the_input_size_limit_can_be_raised_or_lifted() {
    let file = TempFile::new(SMALL);
    let size = SMALL.len();
    // One byte over the limit: refused, with the size, the limit and a way out.
    let small = format!("{}", size - 1);
    let (code, out, err) = outcome(&run(&[
        "--data",
        file.arg(),
        "--max-input-size",
        &small,
        "stats",
    ]));
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!(
            "input size in bytes is {size}, over the limit of {}",
            size - 1
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: for a file you trust, raise it with --max-input-size"),
        "{err}"
    );
    // The same file read with room to spare, or with no limits at all.
    for args in [&["--max-input-size", "1K"][..], &["--no-limits"]] {
        let mut all = vec!["--data", file.arg()];
        all.extend_from_slice(args);
        all.push("check");
        let (code, out, err) = outcome(&run(&all));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(out.starts_with("ok: 1 source"), "{args:?}: {out}");
    }
    // `check` lists the limit as the file's problem.
    let (code, out, _) = outcome(&run(&["check", file.arg(), "--max-input-size", "16"]));
    assert_eq!(code, Some(1));
    assert!(out.contains("over the limit of 16"), "{out}");
    // Sizes that are not sizes, and both options at once, are usage errors.
    for args in [
        &["--max-input-size", "4X", "stats"][..],
        &["--max-input-size", "", "stats"],
        &["--max-input-size", "99999999999999999999G", "stats"],
        &["--max-input-size", "1G", "--no-limits", "stats"],
    ] {
        let (code, _, err) = outcome(&run(args));
        assert_eq!(code, Some(2), "{args:?}: {err}");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["frobnicate"][..],
        &["check"],
        &["--data"],
        &["check", "a.json", "--data", "b.json"],
        &["--no-evidence", "check", "a.json"],
    ] {
        let (code, out, err) = outcome(&run(args));
        assert_eq!(code, Some(2), "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn help_shows_examples() {
    let (code, out, _) = outcome(&run(&["--help"]));
    assert_eq!(code, Some(0));
    assert!(out.contains("Examples:\n  diplograph "), "{out}");
    assert!(out.contains("check talks.json"), "{out}");
}
