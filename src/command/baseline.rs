//! `steward baseline create`: record the failing findings of today's estate.

use std::io::{self, Write};

use crate::baseline::Baseline;
use crate::cli::BaselineCreateArgs;
use crate::config::Config;

use super::check::{Request, evaluate};
use super::{Status, report_diagnostics, report_warnings};

pub fn create(args: &BaselineCreateArgs, config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let request = Request::new(&args.paths, &args.run);
    let evaluated = match evaluate(&request, config) {
        Ok(e) => e,
        Err(status) => return Ok(status),
    };
    report_diagnostics(&evaluated.errors);
    report_warnings(&evaluated.warnings);
    // A baseline taken while part of the estate could not be read or judged would
    // silently accept whatever was missed; refuse it.
    if !evaluated.errors.is_empty() || evaluated.assessment.has_errors() {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "error: baseline not written: fix the errors above first");
        return Ok(Status::Error);
    }
    let baseline = Baseline::record(&evaluated.assessment);
    let mut bytes = Vec::new();
    baseline.write(&mut bytes)?;
    std::fs::write(&args.output, bytes)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", args.output.display())))?;
    writeln!(
        out,
        "recorded {} failing findings in {}",
        baseline.findings.len(),
        args.output.display()
    )?;
    Ok(Status::Clean)
}
