//! `steward report`: the posture report as HTML and Markdown files.

use std::io::{self, Write};
use std::path::Path;

use crate::cli::ReportArgs;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Stage};
use crate::report::{self, Style};
use crate::responsibility::Matrix;

use super::check::{Evaluated, Request, evaluate};
use super::{Status, report_diagnostics, report_warnings};

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let request = Request::new(&args.paths, &args.run);
    let Evaluated {
        catalog,
        mut assessment,
        errors,
        warnings,
        ..
    } = match evaluate(&request, config) {
        Ok(e) => e,
        Err(status) => return Ok(status),
    };
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Rules, e)]);
            return Ok(Status::Error);
        }
    };
    assessment.summary.errors = errors.len();
    report_diagnostics(&errors);
    report_warnings(&warnings);
    let cx = report::Context {
        assessment: &assessment,
        errors: &errors,
        warnings: &warnings,
        catalog: &catalog,
        style: Style { color: false },
    };
    let write = |path: &Path, render: &dyn Fn(&mut Vec<u8>) -> io::Result<()>| -> io::Result<()> {
        let mut bytes = Vec::new();
        render(&mut bytes)?;
        std::fs::write(path, bytes)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))
    };
    if let Some(path) = &args.html {
        write(path, &|b| report::html::render(&cx, &matrix, b))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    if let Some(path) = &args.markdown {
        write(path, &|b| report::posture::render(&cx, &matrix, b))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(if assessment.has_errors() {
        Status::Error
    } else {
        Status::Clean
    })
}
