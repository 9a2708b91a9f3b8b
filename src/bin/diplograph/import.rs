//! `diplograph import FORMAT FILE... -o OUT [--lenient]`: event data (GDELT,
//! ICEWS, PLOVER, CAMEO TSV) into one dataset.
//!
//! Progress on long files is a hand-written line on standard error (bytes
//! read of the file's size, of a `.zip` file's compressed size, or just bytes on
//! standard input; redrawn at most five times a second), shown only
//! when standard error is a terminal: the only thing a bar crate would add is
//! looks, and the library's readers stream, so counting bytes is exact.

use std::io::{self, IsTerminal, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use diplograph::Error;
use diplograph::import::{Format, Importer, Mode};

use crate::convert::write_file;
use crate::output::{Outcome, eprint, print};

/// The formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ImportFormat {
    /// GDELT event exports, 1.0 (57/58 columns) or 2.0 (61 columns).
    Gdelt,
    /// GDELT 2.0 mentions: more evidence for the GDELT events imported.
    GdeltMentions,
    /// ICEWS coded events (20 columns with a header).
    Icews,
    /// PLOVER records: JSON Lines or a JSON array.
    Plover,
    /// CAMEO dyadic TSV, as `convert --to cameo-tsv` writes it.
    CameoTsv,
}

impl ImportFormat {
    fn format(self) -> Format {
        match self {
            ImportFormat::Gdelt => Format::Gdelt,
            ImportFormat::GdeltMentions => Format::GdeltMentions,
            ImportFormat::Icews => Format::Icews,
            ImportFormat::Plover => Format::Plover,
            ImportFormat::CameoTsv => Format::CameoTsv,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The format of the files (for GDELT exports with their mentions, run
    /// `gdelt` on the exports and list the mentions with --mentions).
    format: ImportFormat,
    /// The files to read, in order; `-` for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// GDELT 2.0 mentions files to attach as evidence.
    #[arg(long, value_name = "FILE")]
    mentions: Vec<PathBuf>,
    /// Where to write the dataset (JSON); `-` for standard output.
    #[arg(short, long, value_name = "OUT")]
    output: String,
    /// Skip malformed rows (counted in the report) instead of stopping at
    /// the first one.
    #[arg(long)]
    lenient: bool,
    /// Write JSON on one line, without spaces.
    #[arg(long)]
    compact: bool,
}

/// Imports the files, writes the dataset, prints the report on standard
/// error.
pub(crate) fn run(args: &ImportArgs) -> Outcome {
    let mode = if args.lenient {
        Mode::Lenient
    } else {
        Mode::Strict
    };
    let mut importer = Importer::new().mode(mode);
    let files = args
        .files
        .iter()
        .map(|f| (args.format.format(), f))
        .chain(args.mentions.iter().map(|f| (Format::GdeltMentions, f)));
    let terminal = io::stderr().is_terminal();
    for (format, path) in files {
        let name = path.to_string_lossy();
        if path.as_os_str() == "-" {
            // No size to count towards: the line shows the bytes read.
            let progress = terminal.then(|| Progress::new("standard input", 0));
            importer.read(format, Counted::new(io::stdin().lock(), progress), "-")?;
        } else {
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            let reader = Counted::new(file, terminal.then(|| Progress::new(&name, size)));
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
            {
                // The line counts the archive's compressed bytes.
                importer.read_zip(format, reader, &name)?;
            } else {
                importer.read(format, reader, &name)?;
            }
        }
        if terminal {
            eprint(format_args!("\r\x1b[K"));
        }
    }
    let (graph, report) = importer.finish()?;
    eprint(format_args!("{report}\n"));
    let mut text = if args.compact {
        graph.to_json_compact_string()
    } else {
        graph.to_json_string()
    };
    text.push('\n');
    if args.output == "-" {
        return print(format_args!("{text}"));
    }
    write_file(&args.output, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// A reader that counts bytes and redraws a progress line; seeking (in a
/// ZIP archive) moves the count with it.
struct Counted<R> {
    inner: R,
    read: u64,
    progress: Option<Progress>,
}

impl<R> Counted<R> {
    fn new(inner: R, progress: Option<Progress>) -> Self {
        Counted {
            inner,
            read: 0,
            progress,
        }
    }
}

struct Progress {
    name: String,
    size: u64,
    last: Instant,
}

impl Progress {
    fn new(name: &str, size: u64) -> Self {
        Progress {
            name: name.to_owned(),
            size,
            last: Instant::now(),
        }
    }

    fn draw(&mut self, read: u64) {
        if self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let mb = |b: u64| b as f64 / 1e6;
        let of = if self.size > 0 {
            format!(
                " of {:.1} MB ({:.0}%)",
                mb(self.size),
                100.0 * read as f64 / self.size as f64
            )
        } else {
            " MB".to_owned()
        };
        eprint(format_args!(
            "\r\x1b[Kimporting {}: {:.1}{of}",
            self.name,
            mb(read)
        ));
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if let Some(progress) = &mut self.progress {
            progress.draw(self.read);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Counted<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.read = at;
        Ok(at)
    }
}
