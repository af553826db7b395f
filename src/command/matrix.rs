//! `steward matrix`: the shared-responsibility matrix as a table, or, given an
//! inventory, as a heat-map of failing findings per area and service model.

use std::io::{self, Write};

use crate::cli::MatrixArgs;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Party;
use crate::report::Style;
use crate::report::heatmap::heatmap;
use crate::responsibility::Matrix;

use super::check::{Request, evaluate};
use super::{Status, report_diagnostics, report_warnings};

fn paint(style: Style, party: Party, text: &str) -> String {
    if !style.color {
        return text.to_owned();
    }
    let code = match party {
        Party::Customer => "33",
        Party::Shared => "35",
        Party::Microsoft => "36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

pub fn run(args: &MatrixArgs, config: &Config, style: Style, out: &mut dyn Write) -> io::Result<Status> {
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Rules, e)]);
            return Ok(Status::Error);
        }
    };
    let mut status = Status::Clean;
    let counts = if args.paths.is_empty() {
        None
    } else {
        let request = Request::new(&args.paths, &args.run);
        let evaluated = match evaluate(&request, config) {
            Ok(e) => e,
            Err(status) => return Ok(status),
        };
        report_diagnostics(&evaluated.errors);
        report_warnings(&evaluated.warnings);
        if !evaluated.errors.is_empty() || evaluated.assessment.has_errors() {
            status = Status::Error;
        }
        Some(heatmap(&evaluated.assessment, &matrix))
    };
    let width = matrix
        .areas
        .iter()
        .map(|(a, _)| a.len())
        .max()
        .unwrap_or(0)
        .max("Responsibility".len());
    let cell_width = if counts.is_some() { 20 } else { 12 };
    write!(out, "{:<width$}", "Responsibility")?;
    for m in &matrix.service_models {
        write!(out, "  {:<cell_width$}", m.title)?;
    }
    writeln!(out)?;
    for (row, (area, cells)) in matrix.areas.iter().enumerate() {
        write!(out, "{area:<width$}")?;
        for m in &matrix.service_models {
            let party = cells.get(&m.id).copied().unwrap_or(Party::Customer);
            let failing = counts
                .as_ref()
                .and_then(|rows| rows.get(row))
                .and_then(|(_, cells)| cells.iter().find(|c| c.model == m.id))
                .map(|c| c.failing);
            let text = match failing {
                Some(0) => format!("{} ·", party.title()),
                Some(n) => format!("{} {n} failing", party.title()),
                None => party.title().to_owned(),
            };
            write!(out, "  {}", paint(style, party, &format!("{text:<cell_width$}")))?;
        }
        writeln!(out)?;
    }
    if counts.is_some() {
        writeln!(
            out,
            "\nEach cell: the owner of the area in that service model, and the failing findings of documents in that service model for rules of that area (· none)."
        )?;
    }
    writeln!(out, "\nSource: {}", matrix.source)?;
    Ok(status)
}
