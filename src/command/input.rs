//! `steward input`: the evaluation context as JSON, for `opa eval` and debugging.

use std::io::{self, Write};

use crate::cli::InputArgs;
use crate::config::Config;
use crate::context::{self, AsOf};
use crate::diagnostic::{Diagnostic, Stage};
use crate::inventory;

use super::{Status, load_rules, report_diagnostics, report_notes};

pub fn run(args: &InputArgs, config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let as_of = match AsOf::from_flag(args.as_of.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Usage, format!("--as-of: {e}"))]);
            return Ok(Status::Error);
        }
    };
    let (matrix, catalog, mut errors) = match load_rules(&args.source, config) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    let loaded = inventory::load(&args.paths);
    errors.extend(loaded.errors);
    report_notes(&loaded.notes);
    report_diagnostics(&errors);
    let data = context::data_with_params(config.params(&catalog), &matrix, as_of);
    let document = context::document(&loaded.inventory, data);
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
    writeln!(out)?;
    Ok(if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    })
}
