//! `--format json`: the whole assessment as one JSON object. The shape is a public
//! contract (docs/output.md): keys are only ever added.

use std::io::{self, Write};

use serde::Serialize;

use crate::assessment::Summary;
use crate::diagnostic::Diagnostic;
use crate::finding::Finding;

use super::Context;

#[derive(Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
    errors: &'a [Diagnostic],
    warnings: &'a [Diagnostic],
    summary: &'a Summary,
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let report = Report {
        findings: &cx.assessment.findings,
        errors: cx.errors,
        warnings: cx.warnings,
        summary: &cx.assessment.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}
