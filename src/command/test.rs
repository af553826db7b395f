//! `steward test`: run the Rego unit tests of the built-in catalog or of directories.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::cli::TestArgs;
use crate::context::{self, AsOf};
use crate::diagnostic::{Diagnostic, Stage};
use crate::rego_test::{self, TestOutcome};
use crate::report::Style;
use crate::responsibility::Matrix;

use super::{Status, report_diagnostics};

pub fn run(args: &TestArgs, style: Style, out: &mut dyn Write) -> io::Result<Status> {
    let as_of = match AsOf::parse(&args.as_of) {
        Ok(d) => d,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Usage, format!("--as-of: {e}"))]);
            return Ok(Status::Error);
        }
    };
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Rules, e)]);
            return Ok(Status::Error);
        }
    };
    let (catalog, mut errors) = if args.paths.is_empty() {
        Catalog::builtin(&matrix)
    } else {
        let mut modules = Vec::new();
        let mut errors = Vec::new();
        for dir in &args.paths {
            let (found, read_errors) = Catalog::read_dir(dir);
            modules.extend(found);
            errors.extend(read_errors);
        }
        // Organisational rules use the built-in helper library unless they bring their own.
        if !modules.iter().any(|m| m.relative.starts_with("lib/")) {
            let (builtin, _) = Catalog::builtin(&matrix);
            modules.extend(
                builtin
                    .modules
                    .into_iter()
                    .filter(|m| m.relative.starts_with("lib/")),
            );
            modules.extend(
                builtin
                    .tests
                    .into_iter()
                    .filter(|m| m.relative.starts_with("lib/")),
            );
        }
        let (catalog, more) = Catalog::from_modules(modules, &matrix);
        errors.extend(more);
        (catalog, errors)
    };
    let data = context::data(&catalog, &matrix, as_of);
    let run = rego_test::run(&catalog, &data);
    errors.extend(run.errors.iter().cloned());
    report_diagnostics(&errors);
    let red = |s: &str| {
        if style.color {
            format!("\x1b[1;31m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    for (case, outcome) in &run.results {
        match outcome {
            TestOutcome::Pass if args.verbose => {
                writeln!(out, "PASS  {}:{}: {}", case.file, case.line, case.name)?
            }
            TestOutcome::Pass => {}
            TestOutcome::Fail => {
                writeln!(out, "{}  {}:{}: {}", red("FAIL"), case.file, case.line, case.name)?
            }
            TestOutcome::Error(e) => {
                writeln!(out, "{} {}:{}: {}", red("ERROR"), case.file, case.line, case.name)?;
                for line in e.lines() {
                    writeln!(out, "      {line}")?;
                }
            }
        }
    }
    writeln!(out, "{} passed, {} failed", run.passed(), run.failed())?;
    Ok(if !errors.is_empty() {
        Status::Error
    } else if run.failed() > 0 {
        Status::Failed
    } else {
        Status::Clean
    })
}
