//! The `diplograph` command line: clap glue over the library.
//!
//! Formatting lives in the library ([`diplograph::report`]); this program only
//! parses arguments, loads datasets, writes text and picks exit codes: 0 on
//! success, 1 for a bad dataset or an I/O error, 2 for a usage error. One
//! module per command; `output` holds what they share.

mod check;
mod dot;
mod output;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, error::ErrorKind};

use dot::DotArgs;
use output::eprint_chain;
use report::ReportArgs;

const EXAMPLES: &str = "\
Examples:
  diplograph                          Report on the bundled Washington 2025 dataset
  diplograph --no-evidence            The same, without the quoted sentences
  diplograph report --data talks.json Report on another dataset
  diplograph check talks.json         List every problem in a dataset file
  diplograph dot --view stance --stance ceasefire --as-of 2025-08-18 --format svg -o ceasefire.svg
                                      Draw who stands where on a stance (needs Graphviz for svg)
  diplograph dot --view meetings      The meetings as Graphviz DOT, in date order";

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
    /// Draw the dataset with Graphviz: a stance, the meetings, an actor's
    /// neighbourhood or everything, as DOT, SVG or PNG.
    #[command(
        after_help = "DOT needs nothing else; svg and png run Graphviz's `dot`, which must be installed."
    )]
    Dot(DotArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => report::run(cli.data.as_deref(), &cli.report),
        // `--no-evidence` may come before or after `report`.
        Some(Command::Report(args)) => report::run(
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
        Some(Command::Dot(mut args)) => {
            args.no_evidence |= cli.report.no_evidence;
            dot::run(cli.data.as_deref(), &args)
        }
        Some(Command::Check { file }) => match (file, cli.data) {
            (Some(file), None) | (None, Some(file)) => check::run(&file),
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
