//! `diplograph repl`: questions one after another, with line editing and
//! history on a terminal, or read line by line from a pipe.

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use diplograph::DiplomaticGraph;
use rustyline::error::ReadlineError;

use crate::answer::Format;
use crate::ask::{BAD_QUESTION, answer};
use crate::dataset;
use crate::output::{Outcome, eprint, print};

const HELP: &str = "\
Ask a question, such as `who opposed the ceasefire stance?`, or:
  .format table|json|csv   how to write answers
  .evidence on|off         quote the sentences answers rest on
  .help                    this text
  .quit                    leave (or Ctrl-D)
";

#[derive(Debug, Args)]
pub(crate) struct ReplArgs {
    /// How to write answers (`.format` changes it).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Quote the sentences answers rest on (`.evidence on|off` changes it).
    #[arg(long)]
    evidence: bool,
}

/// The session's settings.
struct Session<'g> {
    graph: &'g DiplomaticGraph,
    format: Format,
    evidence: bool,
    /// Whether any question could not be answered.
    failed: bool,
}

/// Runs the loop until end of input or `.quit`.
pub(crate) fn run(data: Option<&Path>, args: &ReplArgs) -> Outcome {
    if data.is_some_and(|d| d.as_os_str() == "-") {
        return Err("repl reads questions from standard input; give --data a file".into());
    }
    let graph = dataset::load(data)?;
    let mut session = Session {
        graph: &graph,
        format: args.format,
        evidence: args.evidence,
        failed: false,
    };
    if std::io::stdin().is_terminal() {
        interactive(&mut session)?;
        return Ok(ExitCode::SUCCESS);
    }
    // From a pipe: no prompt, no editing; one question per line.
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if !session.line(&line)? {
            break;
        }
    }
    Ok(if session.failed {
        ExitCode::from(BAD_QUESTION)
    } else {
        ExitCode::SUCCESS
    })
}

fn interactive(session: &mut Session<'_>) -> Result<(), Box<dyn std::error::Error>> {
    let mut editor = rustyline::DefaultEditor::new()?;
    let title = session.graph.title().unwrap_or("Untitled dataset");
    print(format_args!("{title}\nType a question, or .help.\n"))?;
    loop {
        match editor.readline("? ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if !session.line(&line)? {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(err) => return Err(Box::new(err)),
        }
    }
    Ok(())
}

impl Session<'_> {
    /// Handles one line; false to stop.
    fn line(&mut self, line: &str) -> Result<bool, Box<dyn std::error::Error>> {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return Ok(true);
        }
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some(".quit" | ".exit" | ".q"), _) => return Ok(false),
            (Some(".help"), _) => {
                print(format_args!("{HELP}"))?;
            }
            (Some(".format"), Some(value)) => match value {
                "table" => self.format = Format::Table,
                "json" => self.format = Format::Json,
                "csv" => self.format = Format::Csv,
                other => eprint(format_args!(
                    "error: unknown format `{other}`: use table, json or csv\n"
                )),
            },
            (Some(".evidence"), Some(value)) => match value {
                "on" => self.evidence = true,
                "off" => self.evidence = false,
                other => eprint(format_args!(
                    "error: `{other}`: use .evidence on or .evidence off\n"
                )),
            },
            (Some(command), _) if command.starts_with('.') => {
                eprint(format_args!(
                    "error: unknown command `{command}`; try .help\n"
                ));
            }
            _ => {
                let code = answer(self.graph, line, self.format, self.evidence)?;
                if code != ExitCode::SUCCESS {
                    self.failed = true;
                }
            }
        }
        Ok(true)
    }
}
