//! Event data in and out: GDELT, ICEWS, PLOVER and CAMEO TSV on the real
//! samples (GDELT under `tests/data/gdelt`, ICEWS and PLOVER under
//! `../shared/data`, skipped with a message when absent).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use diplograph::import::{
    Format, ImportReport, Importer, LeftOut, Mode, SkipReason, WriteReport, write_cameo_tsv,
    write_plover_jsonl,
};
use diplograph::{DiplomaticGraph, Error, Role};

fn gdelt(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gdelt")
        .join(name)
}

/// A file under `../shared/data`, or `None` (with a message) when absent.
fn shared(path: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(path);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// Imports files in one mode; checks that the report adds up.
fn import(mode: Mode, files: &[(Format, &Path)]) -> (DiplomaticGraph, ImportReport) {
    let mut importer = Importer::new().mode(mode);
    for (format, path) in files {
        importer.read_file(*format, path).unwrap();
    }
    let (graph, report) = importer.finish().unwrap();
    assert!(report.adds_up(), "{report}");
    (graph, report)
}

/// Imports text in memory, in strict mode, named `name` in errors.
fn import_bytes(format: Format, bytes: &[u8], name: &str) -> (DiplomaticGraph, ImportReport) {
    let mut importer = Importer::new();
    importer.read(format, bytes, name).unwrap();
    importer.finish().unwrap()
}

/// Imports one file in strict and lenient mode; both give the same graph and
/// every row is accounted for.
fn check_sample(format: Format, path: &Path, rows: u64) -> (DiplomaticGraph, ImportReport) {
    let (strict, report) = import(Mode::Strict, &[(format, path)]);
    let (lenient, lenient_report) = import(Mode::Lenient, &[(format, path)]);
    assert_eq!(strict, lenient);
    assert_eq!(report, lenient_report);
    assert_eq!(report.rows_read, rows, "{report}");
    assert_eq!(report.rows_malformed(), 0, "{report}");
    eprintln!("{}:\n{report}", path.display());
    (strict, report)
}

/// The events of a graph, as comparable text: meetings with date, kind,
/// status and participants with roles; acts; positions.
fn events(graph: &DiplomaticGraph) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, m) in graph.all_meetings() {
        let mut who: Vec<String> = m
            .participants
            .iter()
            .map(|p| format!("{}:{}", p.actor, p.role.as_str()))
            .collect();
        who.sort();
        out.insert(format!(
            "meeting {:?} {} {} {}",
            m.date.map(|d| d.to_string()),
            m.kind.as_str(),
            m.status.as_str(),
            who.join(",")
        ));
    }
    for (_, a) in graph.all_acts() {
        out.insert(format!(
            "act {:?} {} {} {} {:?}",
            a.date.map(|d| d.to_string()),
            a.actor,
            a.kind.as_str(),
            a.target,
            a.stance
        ));
    }
    for (_, p) in graph.all_positions() {
        out.insert(format!(
            "position {:?} {} {} {:?}",
            p.from.map(|d| d.to_string()),
            p.actor,
            p.stance,
            p.polarity
        ));
    }
    out
}

/// Writes a graph in one event format, returning its report.
type Writer = fn(&DiplomaticGraph, &mut Vec<u8>) -> WriteReport;

/// Writes the graph as TSV and PLOVER, reads each back, and checks that the
/// events are the same.
fn check_round_trips(graph: &DiplomaticGraph) {
    let expected = events(graph);
    let writers: [(Format, &str, Writer); 2] = [
        (Format::CameoTsv, "out.tsv", |g, out| {
            write_cameo_tsv(g, out).unwrap()
        }),
        (Format::Plover, "out.jsonl", |g, out| {
            write_plover_jsonl(g, out).unwrap()
        }),
    ];
    for (format, name, write) in writers {
        let mut text = Vec::new();
        let written = write(graph, &mut text);
        // An imported graph holds only what the formats can: nothing is
        // left out or approximated (only the evidence of merged rows).
        assert!(written.left_out.is_empty(), "{name}: {written}");
        assert_eq!(written.approximated, 0, "{name}: {written}");
        let (back, report) = import_bytes(format, &text, name);
        assert_eq!(report.rows_read, written.rows as u64, "{name}");
        assert_eq!(events(&back), expected, "{name} round trip");
    }
}

#[test]
fn gdelt_2025_putin_us_meeting_is_one_merged_meeting() {
    let (graph, report) = check_sample(
        Format::Gdelt,
        &gdelt("20250820163000.export.first36.CSV"),
        36,
    );
    let putin = graph.find_actor("Putin").unwrap();
    let usa = graph.find_actor("usa").unwrap();
    let meetings: Vec<_> = graph
        .all_meetings()
        .filter(|(_, m)| m.participants.iter().any(|p| p.actor == "vladimir-putin"))
        .collect();
    assert_eq!(meetings.len(), 1, "one merged meeting");
    let (_, meeting) = meetings[0];
    let who: Vec<_> = meeting
        .participants
        .iter()
        .map(|p| p.actor.as_str())
        .collect();
    assert_eq!(who, ["vladimir-putin", "usa"]);
    assert_eq!(
        meeting.evidence.len(),
        2,
        "both rows (040 both ways) are its evidence"
    );
    assert_eq!(meeting.date.unwrap().to_string(), "2025-08-13");
    // Putin represents Russia.
    let links = &graph.actor(putin).unwrap().links;
    assert_eq!(links[0].target, "rus");
    assert!(graph.actor(usa).is_some());
    // Ukraine's government met the United States once, too.
    let ukraine: Vec<_> = graph
        .all_meetings()
        .filter(|(_, m)| m.participants.iter().any(|p| p.actor == "ukr.gov"))
        .collect();
    assert_eq!(ukraine.len(), 1);
    // The visit of Romania to the United States: 042 and 043, one meeting.
    let romania: Vec<_> = graph
        .all_meetings()
        .filter(|(_, m)| m.participants.iter().any(|p| p.actor == "rou"))
        .map(|(_, m)| m)
        .collect();
    assert_eq!(romania.len(), 1);
    assert_eq!(romania[0].participants[0].role, Role::Guest);
    assert_eq!(romania[0].participants[1].role, Role::Host);
    assert_eq!(report.meetings, 4);

    let answer = graph.ask("which meetings did Putin attend?").unwrap();
    let diplograph::Answer::Meetings(found) = answer else {
        panic!("{answer:?}");
    };
    let titles: Vec<_> = found.iter().map(|m| m.meeting.title.as_str()).collect();
    assert_eq!(titles, ["Vladimir Putin – United States consultation"]);
    // The evidence keeps the raw coding and the article's URL and date added.
    let evidence = &meeting.evidence[0];
    assert_eq!(
        evidence.note.as_deref(),
        Some("cameo=040 goldstein=1 tone=-1.3 mentions=1 event=1258623905")
    );
    let source = graph.source_by_key(evidence.source.as_str()).unwrap();
    assert!(source.url.as_deref().unwrap().starts_with("http"));
    assert_eq!(source.published.unwrap().to_string(), "2025-08-20");
    check_round_trips(&graph);
}

#[test]
fn gdelt_samples_import_in_strict_mode() {
    for name in ["events.csv", "eventsT.csv", "events1.csv"] {
        let (graph, report) = check_sample(Format::Gdelt, &gdelt(name), 100);
        assert!(report.rows_imported > 0, "{name}: {report}");
        assert!(report.meetings > 0, "{name}: {report}");
        check_round_trips(&graph);
    }
}

#[test]
fn gdelt_mentions_add_evidence_to_imported_events() {
    let (events_only, _) = import(Mode::Strict, &[(Format::Gdelt, &gdelt("events.csv"))]);
    let (graph, report) = import(
        Mode::Strict,
        &[
            (Format::GdeltMentions, &gdelt("mentions.csv")),
            (Format::Gdelt, &gdelt("events.csv")),
        ],
    );
    assert_eq!(report.rows_read, 200);
    assert!(report.mentions_attached > 0, "{report}");
    assert_eq!(
        report.mentions_attached + report.skipped[&SkipReason::UnknownEvent],
        100
    );
    let evidence = |g: &DiplomaticGraph| {
        g.all_meetings()
            .map(|(_, m)| m.evidence.len())
            .sum::<usize>()
            + g.all_acts().map(|(_, a)| a.evidence.len()).sum::<usize>()
    };
    assert!(evidence(&graph) > evidence(&events_only));
    assert_eq!(events(&graph), events(&events_only));
}

#[test]
fn cameo_lookups_agree_with_gdelt_except_the_known_fixes() {
    let text = std::fs::read_to_string(gdelt("CAMEO.goldsteinscale.txt")).unwrap();
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let (code, score) = line.split_once('\t').unwrap();
        let score: f32 = score.trim().parse().unwrap();
        let event = diplograph::import::cameo::event(code).unwrap();
        assert_eq!(event.goldstein, score, "{code}");
        checked += 1;
    }
    assert_eq!(checked, 311);
    let labels = std::fs::read_to_string(gdelt("cameoEvent.txt")).unwrap();
    for line in labels.lines().skip(1) {
        let code = line.split('\t').next().unwrap();
        assert!(diplograph::import::cameo::event(code).is_some(), "{code}");
    }
}

#[test]
fn icews_sample_imports_in_strict_mode() {
    let Some(path) = shared("andybega-icews/events.2018.sample.first500.tab") else {
        return;
    };
    let (graph, report) = check_sample(Format::Icews, &path, 500);
    assert!(report.meetings > 50, "{report}");
    // Pompeo and Kim Yong-chol negotiated (046 both ways): one meeting.
    let both: Vec<_> = graph
        .all_meetings()
        .filter(|(_, m)| {
            m.participants.iter().any(|p| p.actor == "mike-pompeo")
                && m.participants.iter().any(|p| p.actor == "kim-yong-chol")
        })
        .collect();
    assert_eq!(both.len(), 1);
    check_round_trips(&graph);
}

#[test]
fn plover_gold_standard_imports_in_strict_mode() {
    let Some(path) = shared("openeventdata-PLOVER/PLOVER_GSR_CAMEO.txt") else {
        return;
    };
    let (graph, report) = check_sample(Format::Plover, &path, 323);
    assert!(report.meetings > 5, "{report}");
    assert!(report.acts > 50, "{report}");
    check_round_trips(&graph);
}

#[test]
fn bad_rows_stop_a_strict_import_with_their_location() {
    let good = std::fs::read_to_string(gdelt("20250820163000.export.first36.CSV")).unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replacen("\t20240820\t", "\t20241320\t", 1);
    lines[4] = lines[4].replacen('\t', " ", 1);
    let text = lines.join("\n");
    let err = Importer::new()
        .read(Format::Gdelt, text.as_bytes(), "bad.CSV")
        .unwrap_err();
    let Error::EventRow {
        location, field, ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!((location.line, location.column, *field), (3, 2, "SQLDATE"));
    let message = err.to_string();
    assert!(message.starts_with("bad event row: "), "{err}");
    assert!(message.ends_with(" at bad.CSV:3:2 (SQLDATE)"), "{err}");

    let mut importer = Importer::new().mode(Mode::Lenient);
    importer
        .read(Format::Gdelt, text.as_bytes(), "bad.CSV")
        .unwrap();
    let (_, report) = importer.finish().unwrap();
    assert_eq!(report.rows_read, 36);
    assert_eq!(report.skipped[&SkipReason::BadDate], 1);
    assert_eq!(report.skipped[&SkipReason::BadColumns], 1);
    assert!(report.adds_up());
}

#[test]
fn the_bundled_dataset_round_trips_its_events() {
    // Hand-made data: acts and positions outside the CAMEO mapping are
    // written with the nearest code, so only the mapped kinds are compared.
    let graph = diplograph::datasets::washington_2025();
    let mut tsv = Vec::new();
    let written = write_cameo_tsv(&graph, &mut tsv).unwrap();
    let (back, report) = import_bytes(Format::CameoTsv, &tsv, "out.tsv");
    assert!(report.adds_up());
    assert_eq!(report.rows_read, written.rows as u64);
    // Every item is written or counted as left out.
    let left = |why| written.left_out.get(&why).copied().unwrap_or(0);
    let counts = graph.counts();
    assert_eq!(
        written.meetings + left(LeftOut::UndatedMeeting) + left(LeftOut::MeetingWithoutPair),
        counts.meetings
    );
    let undated = graph
        .all_meetings()
        .filter(|(_, m)| m.date.is_none())
        .count();
    assert!(undated > 0);
    assert_eq!(left(LeftOut::UndatedMeeting), undated);
    assert_eq!(written.acts + left(LeftOut::UndatedAct), counts.acts);
    assert_eq!(
        written.positions
            + written.positions_in_acts
            + left(LeftOut::UndatedPosition)
            + left(LeftOut::PositionOnOtherStance)
            + left(LeftOut::PositionWithoutCode),
        counts.positions
    );
    // The article's stances have no CAMEO code; its summit is written as a
    // consultation.
    let other_stances = graph
        .all_positions()
        .filter(|(_, p)| {
            p.from.is_some() && !["ceasefire", "sanctions"].contains(&p.stance.as_str())
        })
        .count();
    assert_eq!(left(LeftOut::PositionOnOtherStance), other_stances);
    assert!(written.approximated > 0, "{written}");
    assert!(!written.is_lossless());
    // Every meeting with a date and two participants comes back.
    let meetings = graph
        .all_meetings()
        .filter(|(_, m)| m.date.is_some() && m.participants.len() >= 2)
        .count();
    assert_eq!(back.counts().meetings, meetings);
}

/// Runs the program with these arguments: exit code, stdout, stderr.
#[cfg(feature = "cli")]
fn cli(args: &[&str]) -> (Option<i32>, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[cfg(feature = "cli")]
#[test]
fn cli_import_writes_a_dataset_and_reports_on_stderr() {
    let (code, stdout, stderr) = cli(&[
        "import",
        "gdelt",
        "tests/data/gdelt/20250820163000.export.first36.CSV",
        "-o",
        "-",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.starts_with("36 rows read: 11 imported, 25 skipped\n"),
        "{stderr}"
    );
    let graph = DiplomaticGraph::from_json_str(&stdout).unwrap();
    assert_eq!(graph.counts().meetings, 4);
}

/// A GDELT batch as GDELT publishes it, zipped, imports from the command
/// line (the default build reads `.zip`) into the graph the plain file
/// gives.
#[cfg(all(feature = "cli", feature = "zip"))]
#[test]
fn cli_import_reads_a_zipped_gdelt_batch() {
    use std::io::Write;
    let plain = gdelt("20250820163000.export.first36.CSV");
    let dir = std::env::temp_dir().join(format!("diplograph-cli-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let zipped = dir.join("20250820163000.export.CSV.zip");
    let mut archive = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
    archive
        .start_file(
            "20250820163000.export.CSV",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    archive.write_all(&std::fs::read(&plain).unwrap()).unwrap();
    archive.finish().unwrap();

    let zipped_arg = zipped.to_string_lossy();
    let (code, stdout, stderr) = cli(&["import", "gdelt", &zipped_arg, "-o", "-"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.starts_with("36 rows read: 11 imported, 25 skipped\n"),
        "{stderr}"
    );
    let from_zip = DiplomaticGraph::from_json_str(&stdout).unwrap();
    let (from_plain, _) = import(Mode::Strict, &[(Format::Gdelt, &plain)]);
    assert_eq!(events(&from_zip), events(&from_plain));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "cli")]
#[test]
fn cli_import_strict_stops_at_a_bad_row_and_lenient_skips_it() {
    let (code, _, stderr) = cli(&[
        "import",
        "gdelt",
        "tests/data/gdelt/mentions.csv",
        "-o",
        "-",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with(
            "error: bad event row: 16 columns; GDELT rows have 57, 58 or 61 at tests/data/gdelt/mentions.csv:1:1 (row)"
        ),
        "{stderr}"
    );
    let (code, _, stderr) = cli(&[
        "import",
        "gdelt",
        "tests/data/gdelt/mentions.csv",
        "-o",
        "-",
        "--lenient",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("skipped, wrong number of columns: 100"),
        "{stderr}"
    );
}

#[cfg(feature = "cli")]
#[test]
fn cli_data_accepts_event_files() {
    let (code, stdout, stderr) = cli(&[
        "ask",
        "which meetings did Putin attend?",
        "--data",
        "tests/data/gdelt/20250820163000.export.first36.CSV",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("Vladimir Putin – United States consultation"),
        "{stdout}"
    );
    let (code, stdout, stderr) = cli(&[
        "dot",
        "--view",
        "meetings",
        "--data-format",
        "gdelt",
        "--data",
        "tests/data/gdelt/events.csv",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("digraph"), "{stdout}");
    let (code, stdout, stderr) = cli(&[
        "convert",
        "tests/data/gdelt/20250820163000.export.first36.CSV",
        "-",
        "--to",
        "cameo-tsv",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("event\tdate\tadded\tsource_code"),
        "{stdout}"
    );
    // What an event format cannot hold is counted on standard error.
    let (code, stdout, stderr) = cli(&[
        "convert",
        "data/washington-2025.json",
        "-",
        "--to",
        "plover",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let report =
        write_plover_jsonl(&diplograph::datasets::washington_2025(), std::io::sink()).unwrap();
    assert_eq!(stderr, format!("{report}\n"));
    assert!(
        stderr.contains("left out, meetings without a date: "),
        "{stderr}"
    );
    assert_eq!(stdout.lines().count(), report.rows);
}

mod never_panics {
    use diplograph::import::{Format, Importer, Mode};
    use proptest::prelude::*;

    /// Lines made of tabs, digits, letters and bytes that are not UTF-8,
    /// with the column counts the formats expect among others.
    fn lines() -> impl Strategy<Value = Vec<u8>> {
        let field = prop_oneof![
            Just(String::new()),
            "[0-9]{1,14}",
            "[A-Z ]{1,12}",
            "-?[0-9]{1,2}\\.[0-9]{1,3}",
            Just("20250813".to_owned()),
            Just("040".to_owned()),
            Just("RUSGOV".to_owned()),
        ];
        let width = prop_oneof![Just(16usize), Just(20), Just(57), Just(61), 0usize..70];
        let row = width.prop_flat_map(move |n| prop::collection::vec(field.clone(), n));
        prop::collection::vec((row, any::<bool>()), 0..8).prop_map(|rows| {
            let mut out = Vec::new();
            for (fields, garble) in rows {
                out.extend_from_slice(fields.join("\t").as_bytes());
                if garble {
                    out.extend_from_slice(&[0xff, 0xfe, b'{', b'"']);
                }
                out.push(b'\n');
            }
            out
        })
    }

    proptest! {
        /// A lenient import of any lines never fails and always adds up, in
        /// every format; a strict one fails only with a located row error.
        #[test]
        fn any_lines_import_or_fail_with_a_location(input in lines()) {
            for format in [Format::Gdelt, Format::GdeltMentions, Format::Icews, Format::Plover, Format::CameoTsv] {
                let mut importer = Importer::new().mode(Mode::Lenient);
                let read = importer.read(format, input.as_slice(), "any");
                // ICEWS and CAMEO TSV headers are checked even when lenient.
                if read.is_ok() {
                    let (_, report) = importer.finish().unwrap();
                    prop_assert!(report.adds_up(), "{report}");
                } else {
                    prop_assert!(read.unwrap_err().location().is_some());
                }
                let mut strict = Importer::new();
                if let Err(e) = strict.read(format, input.as_slice(), "any") {
                    prop_assert!(matches!(e, diplograph::Error::EventRow { .. }), "{e}");
                }
            }
        }
    }
}

/// The first row of the 2025 GDELT batch with column `i` (from 0) replaced.
fn gdelt_row_with(i: usize, value: &[u8]) -> Vec<u8> {
    let text = std::fs::read(gdelt("20250820163000.export.first36.CSV")).unwrap();
    let first = text.split(|&b| b == b'\n').next().unwrap();
    let mut fields: Vec<&[u8]> = first.split(|&b| b == b'\t').collect();
    fields[i] = value;
    let mut row = fields.join(&b'\t');
    row.push(b'\n');
    row
}

/// A strict import's error for one input: its message, line, column and
/// field; and the reason a lenient import counts it under (the one
/// malformed reason it counts).
fn bad_input(
    format: Format,
    input: &[u8],
    name: &str,
) -> (String, usize, usize, String, SkipReason) {
    let err = Importer::new().read(format, input, name).unwrap_err();
    let Error::EventRow {
        location, field, ..
    } = &err
    else {
        panic!("{err:?}");
    };
    let (line, column, field) = (location.line, location.column, field.to_string());
    let mut lenient = Importer::new().mode(Mode::Lenient);
    lenient.read(format, input, name).unwrap();
    let (_, report) = lenient.finish().unwrap();
    assert!(report.adds_up(), "{report}");
    let reasons: Vec<_> = report
        .skipped
        .keys()
        .copied()
        .filter(|r| r.is_malformed())
        .collect();
    assert_eq!(reasons.len(), 1, "{report}");
    (err.to_string(), line, column, field, reasons[0])
}

#[test]
fn gdelt_errors_name_the_actor_column_and_the_reason() {
    // Actor1Name is GDELT's column 7, Actor2Name its column 17.
    for (i, field) in [(6, "Actor1Name"), (16, "Actor2Name")] {
        let row = gdelt_row_with(i, b"PUTIN \xff\xfe");
        let (message, line, column, found, reason) = bad_input(Format::Gdelt, &row, "b.CSV");
        assert_eq!(
            (line, column, found.as_str()),
            (1, i + 1, field),
            "{message}"
        );
        assert!(
            message.ends_with(&format!(" at b.CSV:1:{} ({field})", i + 1)),
            "{message}"
        );
        assert_eq!(reason, SkipReason::BadText);
    }
    // An event code with a letter is there, but is not a code.
    let row = gdelt_row_with(26, b"04X");
    let (message, line, column, field, reason) = bad_input(Format::Gdelt, &row, "b.CSV");
    assert_eq!((line, column, field.as_str()), (1, 27, "EventCode"));
    assert_eq!(
        message,
        "bad event row: expected a CAMEO code (digits), found \"04X\" at b.CSV:1:27 (EventCode)"
    );
    assert_eq!(reason, SkipReason::BadCode);
    assert!(reason.is_malformed());
    assert_eq!(reason.to_string(), "malformed event code");
    // An event id that is not a number is a bad number, not a missing one.
    let row = gdelt_row_with(0, b"abc");
    let (message, line, column, field, reason) = bad_input(Format::Gdelt, &row, "b.CSV");
    assert_eq!((line, column, field.as_str()), (1, 1, "GLOBALEVENTID"));
    assert_eq!(
        message,
        "bad event row: expected an event number, found \"abc\" at b.CSV:1:1 (GLOBALEVENTID)"
    );
    assert_eq!(reason, SkipReason::BadNumber);
    // Empty, they are missing.
    for (i, field) in [(0, "GLOBALEVENTID"), (26, "EventCode")] {
        let row = gdelt_row_with(i, b"");
        let (message, _, column, found, reason) = bad_input(Format::Gdelt, &row, "b.CSV");
        assert_eq!((column, found.as_str()), (i + 1, field), "{message}");
        assert_eq!(reason, SkipReason::MissingField, "{message}");
    }
}

/// An ICEWS file: the header and one row with these fields changed.
fn icews_with(changes: &[(usize, &str)]) -> String {
    let header = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t\
                  CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t\
                  Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude";
    let mut row: Vec<&str> = "32889836\t2018-06-01\tForeign Affairs (Bangladesh)\t\
                              Executive,Foreign Ministry,Government\tBangladesh\tConsult\t040\t1\t\
                              Mike Pompeo\tGovernment,Executive,Foreign Ministry\tUnited States\t\
                              47400351\t2\tVietnam News Agency Bulletin\tHanoi\tNA\tThanh Pho Ha Noi\t\
                              Vietnam\t21.0245\t105.841"
        .split('\t')
        .collect();
    for &(i, value) in changes {
        row[i] = value;
    }
    format!("{header}\n{}\n", row.join("\t"))
}

#[test]
fn icews_errors_say_a_date_does_not_exist_and_name_the_actor_column() {
    let good = icews_with(&[]);
    assert_eq!(
        import_bytes(Format::Icews, good.as_bytes(), "x.tab")
            .1
            .meetings,
        1
    );

    // Well formed, but February 2018 had 28 days.
    let text = icews_with(&[(1, "2018-02-30")]);
    let (message, line, column, field, reason) = bad_input(Format::Icews, text.as_bytes(), "x.tab");
    assert_eq!(
        message,
        "bad event row: February 2018 has 28 days: \"2018-02-30\" at x.tab:2:2 (Event Date)"
    );
    assert_eq!((line, column, field.as_str()), (2, 2, "Event Date"));
    assert_eq!(reason, SkipReason::BadDate);
    // Not a date at all.
    let text = icews_with(&[(1, "2018-2-3")]);
    let (message, ..) = bad_input(Format::Icews, text.as_bytes(), "x.tab");
    assert!(
        message.starts_with("bad event row: expected a date YYYY-MM-DD"),
        "{message}"
    );
    // A letter in the CAMEO code.
    let text = icews_with(&[(6, "04X")]);
    let (message, _, column, field, reason) = bad_input(Format::Icews, text.as_bytes(), "x.tab");
    assert_eq!((column, field.as_str()), (7, "CAMEO Code"), "{message}");
    assert_eq!(reason, SkipReason::BadCode);
}

#[test]
fn icews_actor_text_errors_name_the_column() {
    for (i, field) in [
        (2, "Source Name"),
        (9, "Target Sectors"),
        (10, "Target Country"),
    ] {
        let mut text = icews_with(&[(i, "@")]).into_bytes();
        let at = text.iter().position(|&b| b == b'@').unwrap();
        text[at] = 0xff;
        let (message, line, column, found, reason) = bad_input(Format::Icews, &text, "x.tab");
        assert_eq!(
            (line, column, found.as_str()),
            (2, i + 1, field),
            "{message}"
        );
        assert_eq!(reason, SkipReason::BadText);
    }
}

#[test]
fn broken_plover_records_are_located_where_serde_json_stopped() {
    // JSON Lines: the column is serde_json's, on the record's own line; the
    // message does not repeat serde_json's record-relative location.
    let lines = "{\"id\": \"a\", \"date\": \"2024-01-01\", \"event\": \"CONSULT\"}\n\
                 {\"id\": \"b\", \"date\": \"2024-01-01\" \"event\": \"CONSULT\"}\n";
    let (message, line, column, field, reason) =
        bad_input(Format::Plover, lines.as_bytes(), "p.jsonl");
    let at = lines.lines().nth(1).unwrap().find(" \"event\"").unwrap();
    assert_eq!((line, field.as_str()), (2, "record"), "{message}");
    assert_eq!(column, at + 2, "{message}"); // the `"` serde_json did not expect
    assert_eq!(
        message,
        format!(
            "bad event row: not a JSON record: expected `,` or `}}` at p.jsonl:2:{column} (record)"
        )
    );
    assert_eq!(reason, SkipReason::BadRecord);
    // Columns count characters, not bytes.
    let accented = "{\"id\": \"é\", \"date\": \"2024-01-01\" \"event\": \"CONSULT\"}\n";
    let (_, _, column, ..) = bad_input(Format::Plover, accented.as_bytes(), "p.jsonl");
    // é is two bytes and one character.
    assert_eq!(column, accented.find(" \"event\"").unwrap() + 1);
    // A JSON array: the line and column in the file, whether the error is
    // on the record's first line or a later one.
    let array = "[\n  {\"id\": \"a\", \"date\": \"2024-01-01\", \"event\": \"CONSULT\"},\n  {\"id\": \"b\", \"date\": \"2024-01-01\" \"event\": \"CONSULT\"},\n  {\"id\": \"c\",\n   \"date\": \"2024-01-01\",\n   \"event\": CONSULT}\n]\n";
    let (message, line, column, ..) = bad_input_first(array, "p.json");
    let third = array.lines().nth(2).unwrap();
    assert_eq!(
        (line, column),
        (3, third.find(" \"event\"").unwrap() + 2),
        "{message}"
    );
    let fixed = array.replacen("\"2024-01-01\" \"event\"", "\"2024-01-01\", \"event\"", 1);
    let (message, line, column, ..) = bad_input_first(&fixed, "p.json");
    let sixth = fixed.lines().nth(5).unwrap();
    assert_eq!(
        (line, column),
        (6, sixth.find("CONSULT").unwrap() + 1),
        "{message}"
    );
}

/// A strict PLOVER import's error: message, line, column.
fn bad_input_first(text: &str, name: &str) -> (String, usize, usize) {
    let err = Importer::new()
        .read(Format::Plover, text.as_bytes(), name)
        .unwrap_err();
    let location = err.location().unwrap();
    (err.to_string(), location.line, location.column)
}

/// What each event id became in a graph: `meeting KIND STATUS`, `act KIND
/// [on STANCE]`, `position STANCE POLARITY`, sorted, from the evidence.
fn outcomes(graph: &DiplomaticGraph) -> std::collections::BTreeMap<String, Vec<String>> {
    use diplograph::import::Coding;
    let mut out = std::collections::BTreeMap::<String, Vec<String>>::new();
    let mut add = |evidence: &[diplograph::Evidence], what: String| {
        for e in evidence {
            let coding = Coding::parse(e.note.as_deref().unwrap_or(""));
            out.entry(coding.event.unwrap())
                .or_default()
                .push(what.clone());
        }
    };
    for (_, m) in graph.all_meetings() {
        add(
            &m.evidence,
            format!("meeting {} {}", m.kind.as_str(), m.status.as_str()),
        );
    }
    for (_, a) in graph.all_acts() {
        let on = a
            .stance
            .as_ref()
            .map(|s| format!(" on {s}"))
            .unwrap_or_default();
        add(&a.evidence, format!("act {}{on}", a.kind.as_str()));
    }
    for (_, p) in graph.all_positions() {
        add(
            &p.evidence,
            format!("position {} {:?}", p.stance, p.polarity),
        );
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

/// PLOVER 0.8-style records without a `cameo` field: what each event, mode
/// and context becomes, through the importer. The expectations follow the
/// PLOVER codebook (the `meet` mode is "meetings and negotiations", `yield`
/// with a military context is de-escalation, RETREAT / `ceasefire`
/// implements a ceasefire, COERCE / `restrict` with an economic context is
/// an embargo, SANCTION / `withdraw` reduces relations).
#[test]
fn plover_records_without_cameo_map_by_event_mode_and_context() {
    let records = [
        // id, event, mode, context, actor, recipient
        (
            "retreat",
            "RETREAT",
            "\"ceasefire\"",
            "\"military\"",
            "RUS",
            None,
        ),
        (
            "retreat-ctx",
            "RETREAT",
            "null",
            "\"ceasefire\"",
            "UKR",
            None,
        ),
        (
            "request-meet",
            "REQUEST",
            "\"meet\"",
            "\"diplomatic\"",
            "USA",
            Some("RUS"),
        ),
        (
            "reject-meet",
            "REJECT",
            "\"meet\"",
            "\"diplomatic\"",
            "RUS",
            Some("UKR"),
        ),
        (
            "agree-meet",
            "AGREE",
            "\"meet\"",
            "null",
            "FRA",
            Some("DEU"),
        ),
        (
            "reject-yield",
            "REJECT",
            "\"yield\"",
            "[\"military\", \"diplomatic\"]",
            "RUS",
            Some("UKR"),
        ),
        (
            "request-yield",
            "REQUEST",
            "\"yield\"",
            "\"military\"",
            "TUR",
            Some("RUS"),
        ),
        (
            "request-ease",
            "REQUEST",
            "\"yield\"",
            "\"economic\"",
            "IRN",
            Some("USA"),
        ),
        (
            "reject-ease",
            "REJECT",
            "\"yield\"",
            "\"economic\"",
            "USA",
            Some("IRN"),
        ),
        (
            "coerce-embargo",
            "COERCE",
            "\"restrict\"",
            "\"economic\"",
            "GBR",
            Some("RUS"),
        ),
        (
            "coerce-curbs",
            "COERCE",
            "\"restrict\"",
            "\"rights_freedoms\"",
            "RUS",
            Some("GEO"),
        ),
        (
            "sanction-withdraw",
            "SANCTION",
            "\"withdraw\"",
            "\"diplomatic\"",
            "USA",
            Some("VEN"),
        ),
        (
            "sanction-cancel",
            "SANCTION",
            "\"cancel\"",
            "\"diplomatic\"",
            "ISR",
            Some("PSE"),
        ),
        (
            "accuse-disapprove",
            "ACCUSE",
            "\"disapprove\"",
            "null",
            "CHN",
            Some("JPN"),
        ),
        (
            "accuse-allege",
            "ACCUSE",
            "\"allege\"",
            "\"military\"",
            "UKR",
            Some("RUS"),
        ),
        (
            "accuse-investigate",
            "ACCUSE",
            "\"investigate\"",
            "\"legal\"",
            "NLD",
            Some("RUS"),
        ),
        (
            "consult-visit",
            "CONSULT",
            "\"visit\"",
            "null",
            "IND",
            Some("JPN"),
        ),
        (
            "threaten",
            "THREATEN",
            "\"restrict\"",
            "\"economic\"",
            "USA",
            Some("CHN"),
        ),
    ];
    let mut text = String::new();
    for (day, (id, event, mode, context, actor, recipient)) in records.iter().enumerate() {
        let recipient = recipient
            .map(|r| format!("[{{\"code\": \"{r}\", \"actorText\": \"{r}\"}}]"))
            .unwrap_or_else(|| "[]".into());
        text.push_str(&format!(
            "{{\"id\": \"{id}\", \"date\": \"2021-03-{:02}\", \"event\": \"{event}\", \"mode\": {mode}, \
             \"context\": {context}, \"actor\": [{{\"code\": \"{actor}\", \"actorText\": \"{actor}\"}}], \
             \"recipient\": {recipient}}}\n",
            day + 1
        ));
    }
    // A `cameo` field takes precedence: 040 is a held consultation, whatever
    // the event and mode say.
    text.push_str(
        "{\"id\": \"with-cameo\", \"date\": \"2021-04-01\", \"cameo\": \"040\", \"event\": \"REJECT\", \
         \"mode\": \"meet\", \"actor\": [\"USA\"], \"recipient\": [\"CAN\"]}\n",
    );
    let (graph, report) = import_bytes(Format::Plover, text.as_bytes(), "plover08.jsonl");
    assert!(report.adds_up(), "{report}");
    let found = outcomes(&graph);
    let expected: &[(&str, &[&str])] = &[
        ("retreat", &["position ceasefire Supports"]),
        ("retreat-ctx", &["position ceasefire Supports"]),
        ("request-meet", &["meeting consultation proposed"]),
        ("reject-meet", &["meeting consultation cancelled"]),
        ("agree-meet", &["meeting consultation planned"]),
        (
            "reject-yield",
            &["act rejected on ceasefire", "position ceasefire Opposes"],
        ),
        (
            "request-yield",
            &["act demanded on ceasefire", "position ceasefire Supports"],
        ),
        (
            "request-ease",
            &["act demanded on sanctions", "position sanctions Opposes"],
        ),
        (
            "reject-ease",
            &["act rejected on sanctions", "position sanctions Supports"],
        ),
        (
            "coerce-embargo",
            &["act sanctioned on sanctions", "position sanctions Supports"],
        ),
        ("sanction-cancel", &["meeting negotiation cancelled"]),
        ("accuse-disapprove", &["act criticised"]),
        ("accuse-allege", &["act accused"]),
        ("consult-visit", &["meeting visit held"]),
        ("threaten", &["act threatened"]),
        ("with-cameo", &["meeting consultation held"]),
    ];
    for (id, what) in expected {
        let what: Vec<String> = what.iter().map(|w| w.to_string()).collect();
        assert_eq!(found.get(*id), Some(&what), "{id}: {found:#?}");
    }
    // Break relations or halt talks: no sanctions; curbs on rights and an
    // investigation: outside the mapping.
    for id in ["sanction-withdraw", "coerce-curbs", "accuse-investigate"] {
        assert!(!found.contains_key(id), "{id}: {found:#?}");
    }
    assert_eq!(report.skipped[&SkipReason::UnmappedCode], 3, "{report}");
    assert_eq!(found.len(), expected.len());
    // The visitor is the guest, the recipient the host.
    let visit = graph
        .all_meetings()
        .find(|(_, m)| m.kind.as_str() == "visit")
        .unwrap()
        .1;
    let roles: Vec<_> = visit
        .participants
        .iter()
        .map(|p| (p.actor.as_str(), p.role))
        .collect();
    assert_eq!(roles, [("ind", Role::Guest), ("jpn", Role::Host)]);
    // The evidence keeps the event, mode and context.
    let note = graph
        .all_acts()
        .find(|(_, a)| a.kind.as_str() == "rejected")
        .unwrap()
        .1
        .evidence[0]
        .note
        .clone()
        .unwrap();
    assert_eq!(
        note,
        "plover=REJECT/yield/military,diplomatic event=reject-yield"
    );
}

/// The CAMEO-to-PLOVER table of PLOVER 0.8 (`CAMEO2PLOVER-2021.txt`): each
/// CAMEO code's event, mode and context map as the code does, except where
/// one combination stands for several codes that the CAMEO mapping tells
/// apart, listed here with the codes it shares.
#[test]
fn plover_combinations_map_as_the_cameo_codes_of_plover_s_own_table() {
    use diplograph::import::mapping::{cameo, plover};
    let Some(path) = shared("openeventdata-PLOVER/CAMEO2PLOVER-2021.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut differ = BTreeSet::new();
    let mut checked = 0;
    for line in text.lines() {
        // `0871: RETREAT, ceasefire, military # Declare truce, ceasefire`
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue; // comments, and the two-digit family headings
        }
        let fields = rest.split('#').next().unwrap();
        let mut parts = fields.splitn(3, ',').map(str::trim);
        let event = parts.next().unwrap();
        let mode = parts.next().filter(|m| !m.is_empty());
        let context = parts.next().filter(|c| !c.is_empty());
        checked += 1;
        if plover(event, mode, context) != cameo(code) {
            differ.insert(code.to_owned());
        }
    }
    assert!(checked > 250, "{checked}");
    // Each code whose combination it shares with codes the CAMEO mapping
    // maps otherwise, and why.
    let shared_combinations = [
        ("036", "AGREE has no mode: intent to meet is one of 030-039"),
        ("0354", "AGREE has no mode: intent to ease sanctions"),
        ("0356", "AGREE has no mode: intent to de-escalate"),
        (
            "043",
            "CONSULT / visit has the visitor as actor, 043 the host",
        ),
        (
            "045",
            "CONSULT without a mode is 040, 045 (mediate) and 046",
        ),
        (
            "046",
            "CONSULT without a mode is 040, 045 and 046 (negotiate)",
        ),
        ("051", "SUPPORT is 050-057, praise among them"),
        (
            "107",
            "REQUEST / meet, meetings and negotiations: also settlement",
        ),
        (
            "108",
            "REQUEST / meet, meetings and negotiations: also mediation",
        ),
        (
            "126",
            "REJECT / meet, meetings and negotiations: also mediation",
        ),
        (
            "127",
            "REJECT / meet, meetings and negotiations: also settlement",
        ),
        (
            "112",
            "ACCUSE / disapprove is mostly 110, 111, 113: criticism",
        ),
        ("114", "ACCUSE / allege is mostly 112x: accusations"),
        (
            "115",
            "ACCUSE / allege; 115 (lawsuit) is outside the CAMEO mapping",
        ),
        (
            "116",
            "ACCUSE / disapprove; 116 (guilty) is outside the CAMEO mapping",
        ),
        ("164", "SANCTION / withdraw is 161 and 165 as much as 164"),
    ];
    let expected: BTreeSet<String> = shared_combinations
        .iter()
        .map(|(code, _)| code.to_string())
        .collect();
    assert_eq!(differ, expected);
}

/// The kinds of the actors an import made, by key.
fn actor_kinds(
    graph: &DiplomaticGraph,
) -> std::collections::BTreeMap<String, diplograph::ActorKind> {
    graph
        .actors()
        .map(|(_, a)| (a.key.to_string(), a.kind))
        .collect()
}

/// The persons of a graph, by name in lower case.
fn person_names(graph: &DiplomaticGraph) -> BTreeSet<String> {
    graph
        .actors()
        .filter(|(_, a)| a.kind == diplograph::ActorKind::Person)
        .map(|(_, a)| a.name.to_lowercase())
        .collect()
}

/// Checks who is a person: each of `persons` is one (keyed by its name's
/// slug), none of `not_persons` is, and each of `organs` exists with its
/// kind.
fn check_persons(
    graph: &DiplomaticGraph,
    persons: &[&str],
    not_persons: &[&str],
    organs: &[(&str, diplograph::ActorKind)],
) {
    use diplograph::ActorKind;
    let kinds = actor_kinds(graph);
    let found = person_names(graph);
    for name in persons {
        assert!(
            found.contains(&name.to_lowercase()),
            "{name} is a person: {found:?}"
        );
    }
    for name in not_persons {
        assert!(!found.contains(&name.to_lowercase()), "{name} is no person");
    }
    for (key, kind) in organs {
        assert_eq!(kinds.get(*key), Some(kind), "{key}");
        assert_ne!(*kind, ActorKind::Person);
    }
}

/// Every row of a GDELT sample, recoded as a criticism (111) so that each
/// of its actors is resolved whatever its event was.
fn gdelt_every_actor(names: &[&str]) -> DiplomaticGraph {
    let mut importer = Importer::new();
    for name in names {
        let text = std::fs::read_to_string(gdelt(name)).unwrap();
        let mut recoded = String::new();
        for line in text.lines() {
            let mut fields: Vec<&str> = line.split('\t').collect();
            fields[26] = "111";
            recoded.push_str(&fields.join("\t"));
            recoded.push('\n');
        }
        importer
            .read(Format::Gdelt, recoded.as_bytes(), name)
            .unwrap();
    }
    importer.finish().unwrap().0
}

/// GDELT's actor names: persons are named with a country and a role;
/// nationality adjectives ("SOUTH AFRICAN" civilians and police), regions
/// ("WESTERN CAPE", its judiciary) and cities ("NEW YORK", its government)
/// name the country's organs.
#[test]
fn gdelt_persons_are_people_not_nationalities_or_places() {
    use diplograph::ActorKind::{Government, Group};
    let graph = gdelt_every_actor(&[
        "events.csv",
        "eventsT.csv",
        "events1.csv",
        "20250820163000.export.first36.CSV",
    ]);
    eprintln!("GDELT persons: {:?}", person_names(&graph));
    check_persons(
        &graph,
        &["Vladimir Putin", "Rupiah Banda"],
        &["South African", "Western Cape", "New York"],
        &[
            ("zaf.cvl", Group),
            ("zaf.cop", Government),
            ("zaf.jud", Government),
            ("usa.gov", Government),
        ],
    );
    // Putin represents Russia.
    let putin = graph.find_actor("vladimir-putin").unwrap();
    assert_eq!(graph.actor(putin).unwrap().links[0].target, "rus");
}

/// Every actor of the ICEWS sample, each in a row of its own that criticises
/// (111) an actor of no country, so that all of them are resolved.
fn icews_every_actor(path: &Path) -> DiplomaticGraph {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let mut seen = BTreeSet::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        for actor in [&fields[2..5], &fields[8..11]] {
            if !seen.insert(actor.join("\t")) {
                continue;
            }
            let mut row = fields.clone();
            row[0] = "1";
            row[6] = "111";
            row[2..5].copy_from_slice(actor);
            row[8..11].copy_from_slice(&["Amnesty International", "NA", "NA"]);
            row[11] = "1";
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
    }
    import_bytes(Format::Icews, out.as_bytes(), "every.tab").0
}

/// ICEWS names: people, whatever their sectors (Bill Clinton's are all a
/// party's, Mike Pompeo's the same as the American Institute in Taiwan's),
/// and not parties ("Rashtriya Janata Dal", "Jharkhand Mukti Morcha",
/// "Bharatiya Janata") nor bodies.
#[test]
fn icews_persons_are_people_not_parties_or_bodies() {
    use diplograph::ActorKind::{Group, Organisation};
    let Some(path) = shared("andybega-icews/events.2018.sample.first500.tab") else {
        return;
    };
    let graph = icews_every_actor(&path);
    eprintln!("ICEWS persons: {:?}", person_names(&graph));
    check_persons(
        &graph,
        &[
            "Donald Trump",
            "Recep Tayyip Erdoğan",
            "Mike Pompeo",
            "Kim Yong-chol",
            "Bashar al-Assad",
            "Moon Jae-in",
            "Tsai Ing-wen",
            "Nicolás Maduro",
            "Jüri Luik",
            "Bill Clinton",
            "Jolly Tavoro Nyame",
            "Kim Jong-Un",
            "Li Keqiang",
            "Ng Eng Hen",
            "Albert II",
            "Michelle O'Neill",
        ],
        &[
            "Rashtriya Janata Dal",
            "Jharkhand Mukti Morcha",
            "Bharatiya Janata",
            "American Institute in Taiwan",
            "All Progressives Congress",
            "Democratic Progressive Party",
            "Spanish Socialist Workers' Party",
            "Security Service of Ukraine",
            "Nigeria Police Force",
            "Economic and Financial Crimes Commission",
            "Election Commission of India",
            "Executive Office of the President",
            "Toronto Police Service",
            "Unspecified Actor",
            "Muslim Rights Concern",
            "Southeast Asia",
            "Shanghai Cooperation Organization",
            "Amnesty International",
        ],
        &[
            ("ind.rashtriya-janata-dal", Group),
            ("ind.jharkhand-mukti-morcha", Group),
            ("ind.bharatiya-janata", Group),
            ("usa.american-institute-in-taiwan", Group),
            ("org.muslim-rights-concern", Organisation),
        ],
    );
}

/// Every actor of the PLOVER gold standard, each in a THREATEN record of its
/// own towards a keyed actor, so that all of them are resolved.
fn plover_every_actor(path: &Path) -> DiplomaticGraph {
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = String::new();
    let mut n = 0;
    for record in &records {
        for field in ["source", "target"] {
            for actor in record[field].as_array().into_iter().flatten() {
                n += 1;
                let line = serde_json::json!({
                    "id": format!("a{n}"),
                    "date": "2000-01-01",
                    "event": "THREATEN",
                    "actor": [actor],
                    "recipient": [{"key": "someone", "actorText": "Someone"}],
                });
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
    }
    import_bytes(Format::Plover, out.as_bytes(), "every.jsonl").0
}

/// PLOVER's actor texts are what the sentence says: persons by name, but
/// also forces ("French warships", sector MIL), services ("Israeli
/// intelligence", SPY), places ("East Jerusalem", "in central Baghdad", CVL)
/// and bodies ("Kenya Anti-Corruption Commision"), which are the state's
/// organs, not people representing it.
#[test]
fn plover_persons_are_named_people_not_forces_places_or_bodies() {
    use diplograph::ActorKind::{Government, Group};
    let Some(path) = shared("openeventdata-PLOVER/PLOVER_GSR_CAMEO.txt") else {
        return;
    };
    let graph = plover_every_actor(&path);
    check_persons(
        &graph,
        &[
            "Carlos Menem",
            "Jean-Bertrand Aristide",
            "Alassane Ouattara",
        ],
        &[
            "French warships",
            "Egyptian warships",
            "Israeli intelligence",
            "East Jerusalem",
            "in central Baghdad",
            "Kenya Anti-Corruption Commision",
            "Turkish Kurd refugees",
            "Iraqi Kurds",
            "Bosnian Serbs",
            "Ethnic Albanians",
            "Ethnic Albanians in south Serbia",
            "Saudi businessman",
            "French farmers",
            "Syrian officers",
            "Iraqi towns",
            "villages near Macedonia",
            "militias in Tripoli",
            "Palestinian Islamic Jihad",
            "Alewite temple",
            "UNITA militarist wing",
            "Ibo traditional elders",
            "Hausa politicians",
            "Christian missionary from Calgary",
            "Tel Aviv",
            "La Prensa",
            "US Predator",
        ],
        &[
            ("fra.mil", Government),
            ("egy.mil", Government),
            ("isr.spy", Government),
            ("pse.cvl", Group),
            ("irq.cvl", Group),
            ("ken.gov", Government),
        ],
    );
    eprintln!("PLOVER persons: {:?}", person_names(&graph));
}
