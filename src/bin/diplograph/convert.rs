//! `diplograph convert IN OUT`: a dataset from one format to another.
//!
//! The JSON dataset format `diplograph/1` (pretty or compact) is read and
//! written; event data is read (GDELT, GDELT mentions, ICEWS, PLOVER, CAMEO
//! TSV, imported in strict mode) and written (PLOVER JSON Lines, CAMEO TSV).
//! Each format is a [`DatasetFormat`] with a reader and a writer below,
//! chosen by `--from`/`--to` or the file's extension, so a new format plugs
//! in as one more variant.

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use diplograph::Error;
use diplograph::import::{Format, WriteReport, write_cameo_tsv, write_plover_jsonl};

use crate::dataset;
use crate::output::{Outcome, eprint, print};

/// The dataset formats `convert` reads and writes. A file's extension
/// chooses its format unless `--from`/`--to` does; an extension no format
/// has is a usage error (exit code 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DatasetFormat {
    /// The JSON dataset format, `diplograph/1` (extension `.json`).
    Json,
    /// GDELT event exports, 1.0 or 2.0 (extension `.csv`; read only).
    Gdelt,
    /// GDELT 2.0 mentions (`.csv` with `mentions` in the name; read only).
    GdeltMentions,
    /// ICEWS coded events (extension `.tab`; read only).
    Icews,
    /// PLOVER records, JSON Lines or a JSON array (extension `.jsonl`).
    Plover,
    /// CAMEO dyadic TSV (extension `.tsv`).
    CameoTsv,
}

impl DatasetFormat {
    /// The format a file name implies: `Ok(None)` when it implies none (`-`,
    /// no extension), `Err` with the extension when it is one no format has.
    pub(crate) fn of(path: &str) -> Result<Option<DatasetFormat>, String> {
        let Some(extension) = Path::new(path).extension() else {
            return Ok(None);
        };
        match extension.to_string_lossy().to_ascii_lowercase().as_str() {
            "json" => Ok(Some(DatasetFormat::Json)),
            other => match Format::from_path(path) {
                Some(format) => Ok(Some(DatasetFormat::from(format))),
                None => Err(other.to_owned()),
            },
        }
    }

    /// The event-data format this is, if it is one.
    pub(crate) fn event_format(self) -> Option<Format> {
        match self {
            DatasetFormat::Json => None,
            DatasetFormat::Gdelt => Some(Format::Gdelt),
            DatasetFormat::GdeltMentions => Some(Format::GdeltMentions),
            DatasetFormat::Icews => Some(Format::Icews),
            DatasetFormat::Plover => Some(Format::Plover),
            DatasetFormat::CameoTsv => Some(Format::CameoTsv),
        }
    }

    /// The format of one side: the option, else the extension's, else JSON.
    fn choose(
        option: Option<DatasetFormat>,
        path: &str,
        flag: &str,
    ) -> Result<DatasetFormat, String> {
        match (option, DatasetFormat::of(path)) {
            (Some(format), _) => Ok(format),
            (None, Ok(format)) => Ok(format.unwrap_or(DatasetFormat::Json)),
            (None, Err(extension)) => Err(format!(
                "no dataset format has the extension `.{extension}` ({path}); name one with {flag} (json, gdelt, gdelt-mentions, icews, plover, cameo-tsv)"
            )),
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The dataset to read; `-` for standard input.
    input: String,
    /// Where to write it; `-` for standard output.
    output: String,
    /// The input's format (default: from its extension, else json).
    #[arg(long, value_enum)]
    from: Option<DatasetFormat>,
    /// The output's format (default: from its extension, else json).
    #[arg(long, value_enum)]
    to: Option<DatasetFormat>,
    /// Write JSON on one line, without spaces (default: pretty-printed).
    #[arg(long)]
    compact: bool,
}

/// Reads the input, checks it, writes it in the output format.
pub(crate) fn run(args: &ConvertArgs) -> Outcome {
    let formats = DatasetFormat::choose(args.from, &args.input, "--from")
        .and_then(|from| Ok((from, DatasetFormat::choose(args.to, &args.output, "--to")?)));
    let (from, to) = match formats {
        Ok(formats) => formats,
        Err(message) => {
            eprint(format_args!("error: {message}\n"));
            return Ok(ExitCode::from(2));
        }
    };
    let graph = dataset::load_as(from, Path::new(&args.input))?;
    // Event formats hold less than the graph: what was written and what was
    // left out go to standard error, as an import's report does.
    let events = |write: fn(
        &diplograph::DiplomaticGraph,
        &mut Vec<u8>,
    ) -> diplograph::Result<WriteReport>| {
        let mut out = Vec::new();
        let report = write(&graph, &mut out)?;
        eprint(format_args!("{report}\n"));
        Ok::<_, diplograph::Error>(String::from_utf8_lossy(&out).into_owned())
    };
    let text = match to {
        DatasetFormat::Plover => events(|g, out| write_plover_jsonl(g, out))?,
        DatasetFormat::CameoTsv => events(|g, out| write_cameo_tsv(g, out))?,
        DatasetFormat::Gdelt | DatasetFormat::GdeltMentions | DatasetFormat::Icews => {
            eprint(format_args!(
                "error: convert cannot write {}; write json, plover or cameo-tsv\n",
                to.event_format().map_or("json", Format::as_str)
            ));
            return Ok(ExitCode::from(2));
        }
        DatasetFormat::Json if args.compact => {
            let mut text = graph.to_json_compact_string();
            text.push('\n');
            text
        }
        DatasetFormat::Json => {
            let mut text = graph.to_json_string();
            text.push('\n');
            text
        }
    };
    if args.output == "-" {
        return print(format_args!("{text}"));
    }
    write_file(&args.output, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `path` through a temporary file renamed over it, so a
/// failure never leaves half a dataset (a device such as `/dev/null` is
/// written in place).
pub(crate) fn write_file(path: &str, text: &str) -> Result<(), Error> {
    diplograph::io::write_atomically(Path::new(path), |out| out.write_all(text.as_bytes()))
}

impl From<Format> for DatasetFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::GdeltMentions => DatasetFormat::GdeltMentions,
            Format::Icews => DatasetFormat::Icews,
            Format::Plover => DatasetFormat::Plover,
            Format::CameoTsv => DatasetFormat::CameoTsv,
            _ => DatasetFormat::Gdelt,
        }
    }
}
