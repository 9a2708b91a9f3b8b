//! `diplograph ask QUESTION`: a question in plain words, answered from the
//! dataset.

use std::ffi::OsString;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use diplograph::{DiplomaticGraph, Error};

use crate::answer::{Format, table};
use crate::dataset;
use crate::output::{Outcome, eprint, print};

/// The exit code for a question that cannot be read or names something the
/// dataset does not have.
pub(crate) const BAD_QUESTION: u8 = 3;

#[derive(Debug, Args)]
pub(crate) struct AskArgs {
    /// The question, in quotes; `-` reads it from standard input.
    #[arg(value_name = "QUESTION")]
    question: OsString,

    /// How to write the answer.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Follow each answer with the sentences it rests on (JSON always has
    /// them).
    #[arg(long)]
    evidence: bool,
}

/// Answers one question.
pub(crate) fn run(data: Option<&Path>, args: &AskArgs) -> Outcome {
    if data.is_some_and(|d| d.as_os_str() == "-") && args.question == "-" {
        return Err("the question and the dataset cannot both come from standard input".into());
    }
    let question = if args.question == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: "-".into(),
                source,
            })?;
        String::from_utf8_lossy(&bytes)
            .trim_end_matches(['\n', '\r'])
            .to_owned()
    } else {
        // Bytes that are not UTF-8 become U+FFFD, which the language refuses
        // with a caret under the first of them.
        args.question.to_string_lossy().into_owned()
    };
    let graph = dataset::load(data)?;
    answer(&graph, &question, args.format, args.evidence)
}

/// Answers `question` from `graph` and prints the answer, or prints the
/// error and gives [`BAD_QUESTION`].
pub(crate) fn answer(
    graph: &DiplomaticGraph,
    question: &str,
    format: Format,
    evidence: bool,
) -> Outcome {
    match graph.ask(question) {
        Ok(answer) => {
            let text = table(graph, &answer).render(question, format, evidence);
            print(format_args!("{text}"))
        }
        Err(err @ Error::Question { .. }) => {
            eprint(format_args!("error: {err}\n"));
            Ok(ExitCode::from(BAD_QUESTION))
        }
        Err(err) => Err(Box::new(err)),
    }
}
