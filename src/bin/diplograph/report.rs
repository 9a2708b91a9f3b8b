//! `diplograph report`: who stands where, the meetings, the acts.

use std::path::Path;

use clap::Args;
use diplograph::report::Report;

use crate::output::{Outcome, print};

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Leave out the quoted evidence.
    #[arg(long)]
    pub(crate) no_evidence: bool,
}

/// Prints the report of the dataset.
pub(crate) fn run(data: Option<&Path>, args: &ReportArgs) -> Outcome {
    let graph = crate::dataset::load(data)?;
    let report = if args.no_evidence {
        Report::new(&graph).without_evidence()
    } else {
        Report::new(&graph).with_evidence()
    };
    print(format_args!("{report}"))
}
