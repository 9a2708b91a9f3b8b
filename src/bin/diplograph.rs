//! The `diplograph` command line: clap glue over the library.
//!
//! Formatting lives in the library ([`diplograph::report`]); this file only
//! parses arguments, loads datasets, writes text and picks exit codes: 0 on
//! success, 1 for a bad dataset or an I/O error, 2 for a usage error.

use std::error::Error as StdError;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, error::ErrorKind};
use diplograph::DiplomaticGraph;
use diplograph::report::Report;

const EXAMPLES: &str = "\
Examples:
  diplograph                          Report on the bundled Washington 2025 dataset
  diplograph --no-evidence            The same, without the quoted sentences
  diplograph report --data talks.json Report on another dataset
  diplograph check talks.json         List every problem in a dataset file";

/// A typed, time-aware knowledge graph of diplomatic events.
///
/// With no command, prints the report of the dataset (the bundled one unless
/// --data names another).
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, after_help = EXAMPLES)]
struct Cli {
    /// Read this dataset file instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    #[command(flatten)]
    report: ReportArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print who stands where on each stance, the meetings and the acts
    /// (the default).
    Report(ReportArgs),
    /// Check a dataset file and list every problem, with its line, column and
    /// JSON path.
    #[command(after_help = "Exits with 0 when the file is valid, 1 when it has problems.")]
    Check {
        /// The dataset to check (default: the --data file).
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
struct ReportArgs {
    /// Leave out the quoted evidence.
    #[arg(long)]
    no_evidence: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => report(cli.data.as_deref(), &cli.report),
        // `--no-evidence` may come before or after `report`.
        Some(Command::Report(args)) => report(
            cli.data.as_deref(),
            &ReportArgs {
                no_evidence: args.no_evidence || cli.report.no_evidence,
            },
        ),
        Some(Command::Check { .. }) if cli.report.no_evidence => Cli::command()
            .error(
                ErrorKind::ArgumentConflict,
                "--no-evidence applies to the report, not to check",
            )
            .exit(),
        Some(Command::Check { file }) => match (file, cli.data) {
            (Some(file), None) | (None, Some(file)) => check(&file),
            (Some(_), Some(_)) => Cli::command()
                .error(
                    ErrorKind::ArgumentConflict,
                    "give the file to check either as FILE or with --data, not both",
                )
                .exit(),
            (None, None) => Cli::command()
                .error(
                    ErrorKind::MissingRequiredArgument,
                    "check needs a FILE (or --data FILE)",
                )
                .exit(),
        },
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprint_chain(err.as_ref());
            ExitCode::FAILURE
        }
    }
}

type Outcome = Result<ExitCode, Box<dyn StdError>>;

/// Prints the report of the dataset.
fn report(data: Option<&Path>, args: &ReportArgs) -> Outcome {
    let graph = match data {
        Some(path) => DiplomaticGraph::load(path)?,
        None => diplograph::datasets::washington_2025(),
    };
    let report = if args.no_evidence {
        Report::new(&graph).without_evidence()
    } else {
        Report::new(&graph).with_evidence()
    };
    print(format_args!("{report}"))
}

/// Prints every problem of a dataset file, or `ok:` and its counts.
fn check(path: &Path) -> Outcome {
    let errors = DiplomaticGraph::validate_file(path);
    if errors.is_empty() {
        let graph = DiplomaticGraph::load(path)?;
        return print(format_args!("ok: {}\n", graph.counts()));
    }
    let mut lines = String::new();
    for err in &errors {
        lines.push_str(&one_line(err));
        lines.push('\n');
    }
    print(format_args!("{lines}"))?;
    let n = errors.len();
    eprint(format_args!(
        "error: {} has {n} problem{}\n",
        path.display(),
        if n == 1 { "" } else { "s" }
    ));
    Ok(ExitCode::FAILURE)
}

/// Writes to standard output. A closed pipe (`diplograph | head`) ends the
/// program quietly and successfully, as it does for other Unix tools.
fn print(text: fmt::Arguments<'_>) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_fmt(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => Err(Box::new(err)),
    }
}

/// An error and its causes on one line: `error: cause: cause`.
fn one_line(err: &dyn StdError) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        line.push_str(": ");
        line.push_str(&cause.to_string());
        source = cause.source();
    }
    line
}

/// Prints `error: ...` and then each cause on its own line.
fn eprint_chain(err: &dyn StdError) {
    let mut text = format!("error: {err}\n");
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(&format!("  caused by: {cause}\n"));
        source = cause.source();
    }
    eprint(format_args!("{text}"));
}

/// Writes to standard error; unlike `eprintln!`, never panics if it is closed.
fn eprint(text: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(text);
}
