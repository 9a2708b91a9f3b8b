//! The `diplograph` command line: clap glue over the library.
//!
//! Formatting lives in the library ([`diplograph::report`]); this program only
//! parses arguments, loads datasets, writes text and picks exit codes: 0 on
//! success, 1 for a bad dataset or an I/O error, 2 for a usage error, 3 for
//! a question that cannot be read or names something the dataset does not
//! have. One module per command; `output`, `dataset` and `answer` (answers
//! as tables, JSON or CSV) hold what they share.

mod answer;
mod ask;
mod check;
mod convert;
mod dataset;
mod dot;
mod import;
mod output;
mod repl;
mod report;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, error::ErrorKind};

use ask::AskArgs;
use convert::ConvertArgs;
use convert::DatasetFormat;
use diplograph::io::{Limit, Limits};
use dot::DotArgs;
use import::ImportArgs;
use output::{eprint, eprint_chain};
use repl::ReplArgs;
use report::ReportArgs;

const EXAMPLES: &str = "\
Examples:
  diplograph ask \"who opposed the ceasefire stance?\"   Ask the bundled Washington 2025 dataset
  diplograph                          Report on the bundled dataset
  diplograph --no-evidence            The same, without the quoted sentences
  diplograph report --data talks.json Report on another dataset
  diplograph check talks.json         List every problem in a dataset file
  diplograph stats talks.json         Counts, date range, top stances and actors
  diplograph convert talks.json -     Check a dataset and print it pretty
  diplograph repl                     Ask questions one after another
  diplograph dot --view stance --stance ceasefire --as-of 2025-08-18 --format svg -o ceasefire.svg
                                      Draw who stands where on a stance (needs Graphviz for svg)
  diplograph dot --view meetings      The meetings as Graphviz DOT, in date order
  diplograph import gdelt 20250820163000.export.CSV -o graph.json
                                      Import GDELT events (also icews, plover, cameo-tsv)
  diplograph ask \"which meetings did Putin attend?\" --data 20250820163000.export.CSV
                                      Ask event data directly (format by extension or --data-format)

Exit codes: 0 success; 1 bad dataset or I/O error; 2 usage error; 3 bad question.";

const ASK_EXAMPLES: &str = "\
Examples:
  diplograph ask \"who opposed the ceasefire stance?\"
  diplograph ask \"who opposes the ceasefire as of 2025-08-17?\" --evidence
  diplograph ask \"which meetings did Zelenskyy attend?\" --format csv
  diplograph ask \"who met both Zelenskyy and Putin?\" --format json
  diplograph ask \"where do Trump and Macron disagree?\" --data talks.json
  echo \"who criticised Zelenskyy?\" | diplograph ask -

The language and the JSON output are described in docs/query-language.md.
Exit codes: 0 answered (possibly with no answer); 1 bad dataset; 2 usage
error; 3 a question that cannot be read or names something unknown.";

const CHECK_EXAMPLES: &str = "\
Examples:
  diplograph check talks.json         Every problem, with line, column and JSON path
  diplograph --data talks.json check  The same

Exits with 0 when the file is valid, 1 when it has problems.";

const STATS_EXAMPLES: &str = "\
Examples:
  diplograph stats                    The bundled dataset
  diplograph stats talks.json         Another dataset
  cat talks.json | diplograph stats - From standard input";

const CONVERT_EXAMPLES: &str = "\
Examples:
  diplograph convert talks.json talks-pretty.json     Check and pretty-print
  diplograph convert --compact talks.json small.json  One line, no spaces
  cat talks.json | diplograph convert - -             Standard input to standard output

Formats: json (the diplograph/1 dataset format; .json), gdelt (.csv),
gdelt-mentions (.csv named *mentions*), icews (.tab), plover (.jsonl) and
cameo-tsv (.tsv), chosen by --from/--to or the file extension. Event formats
are read in strict mode; plover and cameo-tsv can also be written.";

const IMPORT_EXAMPLES: &str = "\
Examples:
  diplograph import gdelt 20250820163000.export.CSV -o graph.json
  diplograph import gdelt *.export.CSV --mentions *.mentions.CSV -o graph.json
  diplograph import icews events.2018.tab -o icews.json --lenient
  diplograph import plover events.jsonl -o - | diplograph stats -

The report (rows read, imported, skipped by reason; what the graph holds)
goes to standard error. Without --lenient the first malformed row stops the
import with its file, line, column and field (exit code 1). The mapping is
described in docs/event-data.md.";

const REPL_EXAMPLES: &str = "\
Examples:
  diplograph repl                     Questions on the bundled dataset
  diplograph repl --data talks.json --evidence
  printf 'who opposed ceasefire?\\n.format json\\nrank actors\\n' | diplograph repl

On a terminal: line editing and history (up and down arrows), Ctrl-D to
leave. From a pipe: one question per line; exits with 3 if any question was
bad.";

const REPORT_EXAMPLES: &str = "\
Examples:
  diplograph report                   The bundled dataset
  diplograph report --no-evidence     Without the quoted sentences
  diplograph report --data talks.json Another dataset";

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

    /// The format of the --data file (default: from its extension, else
    /// json): json, gdelt, gdelt-mentions, icews, plover, cameo-tsv.
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    data_format: Option<DatasetFormat>,

    /// The largest JSON dataset to read, in bytes or with a K, M or G
    /// suffix (powers of 1024): 500M, 4G (default 1G).
    #[arg(long, global = true, value_name = "SIZE", value_parser = dataset::parse_size)]
    max_input_size: Option<usize>,

    /// Read JSON datasets without this program's limits on input size,
    /// string length, nesting and items per meeting: for trusted files.
    #[arg(long, global = true, conflicts_with = "max_input_size")]
    no_limits: bool,

    #[command(flatten)]
    report: ReportArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Answer a question in plain words, with its evidence.
    #[command(after_help = ASK_EXAMPLES)]
    Ask(AskArgs),
    /// Print who stands where on each stance, the meetings and the acts
    /// (the default).
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Check a dataset file and list every problem, with its line, column and
    /// JSON path.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        /// The dataset to check (default: the --data file).
        file: Option<PathBuf>,
    },
    /// Count what a dataset holds: items per kind, date range, top stances
    /// and actors.
    #[command(after_help = STATS_EXAMPLES)]
    Stats {
        /// The dataset (default: the --data file, else the bundled one); `-`
        /// for standard input.
        file: Option<PathBuf>,
    },
    /// Read a dataset and write it again, in another format or style.
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
    /// Ask questions one after another, with line editing and history.
    #[command(after_help = REPL_EXAMPLES)]
    Repl(ReplArgs),
    /// Draw the dataset with Graphviz: a stance, the meetings, an actor's
    /// neighbourhood or everything, as DOT, SVG or PNG.
    #[command(
        after_help = "DOT needs nothing else; svg and png run Graphviz's `dot`, which must be installed."
    )]
    Dot(DotArgs),
    /// Import event data (GDELT, ICEWS, PLOVER, CAMEO TSV) into a dataset,
    /// mapping CAMEO codes to meetings, acts and positions.
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
}

/// mimalloc, with the `mimalloc` feature (on by default): an import makes
/// millions of small strings, which mimalloc allocates faster and frees
/// five times faster than glibc's allocator (docs/performance.md, Import).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    dataset::set_format(cli.data_format);
    dataset::set_limits(match (cli.no_limits, cli.max_input_size) {
        (true, _) => Limits::unlimited(),
        (false, Some(size)) => Limits::new().input_size(size),
        (false, None) => Limits::new(),
    });
    let result = match cli.command {
        None => report::run(cli.data.as_deref(), &cli.report),
        // `--no-evidence` may come before or after `report`.
        Some(Command::Report(args)) => report::run(
            cli.data.as_deref(),
            &ReportArgs {
                no_evidence: args.no_evidence || cli.report.no_evidence,
            },
        ),
        Some(
            Command::Check { .. }
            | Command::Stats { .. }
            | Command::Convert(_)
            | Command::Ask(_)
            | Command::Repl(_)
            | Command::Import(_),
        ) if cli.report.no_evidence => Cli::command()
            .error(
                ErrorKind::ArgumentConflict,
                "--no-evidence applies to the report only",
            )
            .exit(),
        Some(Command::Ask(args)) => ask::run(cli.data.as_deref(), &args),
        Some(Command::Repl(args)) => repl::run(cli.data.as_deref(), &args),
        Some(Command::Convert(_)) if cli.data.is_some() => Cli::command()
            .error(ErrorKind::ArgumentConflict, "convert reads IN, not --data")
            .exit(),
        Some(Command::Convert(args)) => convert::run(&args),
        Some(Command::Import(_)) if cli.data.is_some() => Cli::command()
            .error(
                ErrorKind::ArgumentConflict,
                "import reads FILE..., not --data",
            )
            .exit(),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Stats { file }) => match (file, cli.data) {
            (Some(_), Some(_)) => Cli::command()
                .error(
                    ErrorKind::ArgumentConflict,
                    "give the dataset either as FILE or with --data, not both",
                )
                .exit(),
            (file, data) => stats::run(file.or(data).as_deref()),
        },
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
            if let Some(diplograph::Error::LimitExceeded { what, .. }) = err.downcast_ref() {
                let option = match what {
                    Limit::InputSize => "raise it with --max-input-size SIZE, or lift every limit",
                    _ => "lift the limits",
                };
                eprint(format_args!(
                    "hint: for a file you trust, {option} with --no-limits\n"
                ));
            }
            ExitCode::FAILURE
        }
    }
}
