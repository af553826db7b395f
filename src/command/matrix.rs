//! `steward matrix`: the shared-responsibility matrix as a table.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Stage};
use crate::responsibility::Matrix;

use super::{Status, report_diagnostics};

pub fn run(out: &mut dyn Write) -> io::Result<Status> {
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Rules, e)]);
            return Ok(Status::Error);
        }
    };
    let width = matrix
        .areas
        .iter()
        .map(|(a, _)| a.len())
        .max()
        .unwrap_or(0)
        .max("Responsibility".len());
    write!(out, "{:<width$}", "Responsibility")?;
    for m in &matrix.service_models {
        write!(out, "  {:<12}", m.title)?;
    }
    writeln!(out)?;
    for (area, cells) in &matrix.areas {
        write!(out, "{area:<width$}")?;
        for m in &matrix.service_models {
            let party = cells.get(&m.id).map_or("?", |p| p.title());
            write!(out, "  {party:<12}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "\nSource: {}", matrix.source)?;
    Ok(Status::Clean)
}
