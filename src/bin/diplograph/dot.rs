//! `diplograph dot`: a Graphviz picture of the dataset, as DOT or rendered
//! to SVG or PNG by the installed `dot` program.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::{Args, CommandFactory, ValueEnum, error::ErrorKind};
use diplograph::{DotOptions, PartialDate, View};

use crate::Cli;
use crate::output::{Outcome, eprint, print_bytes};

/// The Graphviz program that renders SVG and PNG.
const DOT_PROGRAM: &str = "dot";

#[derive(Debug, Args)]
pub(crate) struct DotArgs {
    /// What to draw: one stance (--stance), the meetings, one actor's
    /// neighbourhood (--actor, --depth) or the whole graph.
    #[arg(long, value_enum)]
    view: ViewArg,

    /// The stance to draw with --view stance: a key, label or alias, any case.
    #[arg(long, value_name = "STANCE")]
    stance: Option<String>,

    /// The actor to draw with --view actor: a key, name or alias, any case.
    #[arg(long, value_name = "ACTOR")]
    actor: Option<String>,

    /// How many steps from the actor to go, with --view actor.
    #[arg(long, value_name = "N", default_value_t = 1)]
    depth: u32,

    /// Draw the state on this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<PartialDate>,

    /// Draw only what sources published by this date say.
    #[arg(long, value_name = "DATE")]
    known_at: Option<PartialDate>,

    /// The output format; svg and png run Graphviz's `dot`.
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    format: Format,

    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,

    /// Leave out the evidence tooltips and source links.
    #[arg(long)]
    pub(crate) no_evidence: bool,

    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ViewArg {
    Stance,
    Meetings,
    Actor,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Dot,
    Svg,
    Png,
}

/// `dot` could not be run or failed.
#[derive(Debug)]
enum RenderError {
    Missing(std::io::Error),
    Failed {
        format: &'static str,
        stderr: String,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Missing(_) => write!(
                f,
                "cannot run `{DOT_PROGRAM}`, the Graphviz program that renders svg and png; \
                 install Graphviz (for example `apt-get install graphviz`) or use --format dot"
            ),
            RenderError::Failed { format, stderr } => {
                write!(f, "`{DOT_PROGRAM} -T{format}` failed: {}", stderr.trim())
            }
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Missing(err) => Some(err),
            RenderError::Failed { .. } => None,
        }
    }
}

/// Draws the dataset and writes the picture.
pub(crate) fn run(data: Option<&Path>, args: &DotArgs) -> Outcome {
    let usage = |kind, message: &str| Cli::command().error(kind, message).exit();
    match (args.view, &args.stance, &args.actor) {
        (ViewArg::Stance, None, _) => usage(
            ErrorKind::MissingRequiredArgument,
            "--view stance needs --stance STANCE",
        ),
        (ViewArg::Actor, _, None) => usage(
            ErrorKind::MissingRequiredArgument,
            "--view actor needs --actor ACTOR",
        ),
        (ViewArg::Meetings | ViewArg::Actor | ViewArg::All, Some(_), _) => usage(
            ErrorKind::ArgumentConflict,
            "--stance applies only to --view stance",
        ),
        (ViewArg::Stance | ViewArg::Meetings | ViewArg::All, _, Some(_)) => usage(
            ErrorKind::ArgumentConflict,
            "--actor applies only to --view actor",
        ),
        _ => {}
    }
    let graph = crate::dataset::load(data)?;
    let view = match (args.view, &args.stance, &args.actor) {
        (ViewArg::Stance, Some(stance), _) => View::Stance(graph.find_stance(stance)?),
        (ViewArg::Actor, _, Some(actor)) => View::Actor(graph.find_actor(actor)?),
        (ViewArg::Meetings, _, _) => View::Meetings,
        _ => View::All,
    };
    let mut options = DotOptions::new(view).depth(args.depth);
    if let Some(date) = args.as_of {
        options = options.as_of(date);
    }
    if let Some(date) = args.known_at {
        options = options.known_at(date);
    }
    if args.no_evidence {
        options = options.without_evidence();
    }
    if args.no_legend {
        options = options.without_legend();
    }
    let text = graph.to_dot(options).to_string();
    let bytes = match args.format {
        Format::Dot => text.into_bytes(),
        Format::Svg => render(&text, "svg")?,
        Format::Png => render(&text, "png")?,
    };
    match &args.output {
        Some(path) => {
            diplograph::io::write_atomically(path, |out| out.write_all(&bytes))?;
            Ok(ExitCode::SUCCESS)
        }
        None => print_bytes(&bytes),
    }
}

/// Runs `dot -T<format>` on the text and returns what it wrote; its
/// warnings go to standard error.
fn render(text: &str, format: &'static str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut child = Command::new(DOT_PROGRAM)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RenderError::Missing)?;
    // Write from another thread, so a large picture cannot fill both pipes.
    let input = child.stdin.take();
    let owned = text.to_owned();
    let writer = std::thread::spawn(move || match input {
        Some(mut stdin) => stdin.write_all(owned.as_bytes()),
        None => Ok(()),
    });
    let output = child.wait_with_output()?;
    let written = writer.join().unwrap_or(Ok(()));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(Box::new(RenderError::Failed { format, stderr }));
    }
    written?;
    if !stderr.is_empty() {
        eprint(format_args!("{stderr}"));
    }
    Ok(output.stdout)
}
