//! `steward import`: exports in, inventory files out. The importer owns the files it
//! wrote (they start with its header); anything else in the directory, the overlay
//! above all, is never overwritten.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cli::{ImportCommand, ImportSource};
use crate::context::AsOf;
use crate::diagnostic::{Diagnostic, Stage};
use crate::import::{self, Imported, Overlay};

use super::{Status, report_diagnostics, report_notes};

/// The file people keep beside imported files for what no export says.
pub const OVERLAY_FILE: &str = "steward-overlay.yaml";

/// The overlay given, else `default` when it exists; errors name their position.
pub(super) fn overlay(given: Option<&Path>, default: &Path) -> Result<Option<Overlay>, Vec<Diagnostic>> {
    match given {
        Some(path) => Overlay::load(path).map(Some),
        None if default.is_file() => Overlay::load(default).map(Some),
        None => Ok(None),
    }
}

/// Runs the importer for one `--import` source.
pub(super) fn run_source(source: &ImportSource, overlay: Option<&Overlay>, on: &str) -> Imported {
    if source.scubagear {
        import::scubagear(&source.path, overlay, on)
    } else {
        import::azure(std::slice::from_ref(&source.path), overlay, on)
    }
}

pub fn run(command: &ImportCommand, out: &mut dyn Write) -> io::Result<Status> {
    let (args, scubagear) = match command {
        ImportCommand::Scubagear(a) => (a, true),
        ImportCommand::Azure(a) => (a, false),
    };
    let on = match AsOf::from_flag(args.as_of.as_deref()) {
        Ok(d) => d.to_string(),
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Usage, format!("--as-of: {e}"))]);
            return Ok(Status::Error);
        }
    };
    let overlay = match overlay(args.overlay.as_deref(), &args.output.join(OVERLAY_FILE)) {
        Ok(o) => o,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    let mut imported = Imported::default();
    if scubagear {
        for path in &args.paths {
            let one = import::scubagear(path, overlay.as_ref(), &on);
            imported.files.extend(one.files);
            imported.notes.extend(one.notes);
            imported.errors.extend(one.errors);
        }
    } else {
        imported = import::azure(&args.paths, overlay.as_ref(), &on);
    }
    if let Some(o) = &overlay {
        imported.notes.extend(o.unused());
    }
    let mut errors = imported.errors;
    let tool = if scubagear { "scubagear" } else { "azure" };
    let written = write_files(&args.output, &imported.files, tool, &mut errors)?;
    report_notes(&imported.notes);
    report_diagnostics(&errors);
    for path in &written {
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    })
}

/// Writes `files` into `dir`, refusing to replace a file the importer did not write.
fn write_files(
    dir: &Path,
    files: &[import::OutputFile],
    tool: &str,
    errors: &mut Vec<Diagnostic>,
) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display())))?;
    let header = import::generated_header(tool);
    let first_line = header.lines().next().unwrap_or_default();
    let mut written = Vec::new();
    for file in files {
        let path = dir.join(&file.name);
        if file.name == OVERLAY_FILE {
            errors.push(Diagnostic::in_file(
                Stage::Usage,
                path.display().to_string(),
                "an import would be named like the overlay; rename the subscription or tenant",
            ));
            continue;
        }
        if let Ok(existing) = std::fs::read_to_string(&path)
            && !existing.starts_with(first_line)
        {
            errors.push(Diagnostic::in_file(
                Stage::Usage,
                path.display().to_string(),
                "not written: the file exists and was not written by `steward import`; move it or delete it",
            ));
            continue;
        }
        std::fs::write(&path, &file.text)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
        written.push(path);
    }
    Ok(written)
}
