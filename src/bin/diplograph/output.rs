//! Writing to the terminal, and errors, for every command.

use std::error::Error as StdError;
use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// What a command returns: its exit code, or an error to print.
pub(crate) type Outcome = Result<ExitCode, Box<dyn StdError>>;

/// Writes to standard output. A closed pipe (`diplograph | head`) ends the
/// program quietly and successfully, as it does for other Unix tools.
pub(crate) fn print(text: fmt::Arguments<'_>) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_fmt(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => Err(Box::new(err)),
    }
}

/// Writes bytes (a PNG, say) to standard output, ending quietly on a closed
/// pipe like [`print`].
pub(crate) fn print_bytes(bytes: &[u8]) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => Err(Box::new(err)),
    }
}

/// An error and its causes on one line: `error: cause: cause`.
pub(crate) fn one_line(err: &dyn StdError) -> String {
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
pub(crate) fn eprint_chain(err: &dyn StdError) {
    let mut text = format!("error: {err}\n");
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(&format!("  caused by: {cause}\n"));
        source = cause.source();
    }
    eprint(format_args!("{text}"));
}

/// Writes to standard error; unlike `eprintln!`, never panics if it is closed.
pub(crate) fn eprint(text: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(text);
}
