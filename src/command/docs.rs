//! `steward docs`: write docs/rules/ from the built-in catalog.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::cli::DocsArgs;
use crate::diagnostic::{Diagnostic, Stage};
use crate::responsibility::Matrix;
use crate::rule_page;

use super::{Status, report_diagnostics};

pub fn run(args: &DocsArgs, out: &mut dyn Write) -> io::Result<Status> {
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Rules, e)]);
            return Ok(Status::Error);
        }
    };
    let (catalog, errors) = Catalog::builtin(&matrix);
    report_diagnostics(&errors);
    std::fs::create_dir_all(&args.out)?;
    // Pages of rules that no longer exist would mislead: the directory is regenerated whole.
    for entry in std::fs::read_dir(&args.out)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            std::fs::remove_file(path)?;
        }
    }
    let files = rule_page::all(&catalog);
    for (name, content) in &files {
        std::fs::write(args.out.join(name), content)?;
    }
    writeln!(out, "wrote {} files to {}", files.len(), args.out.display())?;
    Ok(if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    })
}
