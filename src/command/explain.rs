//! `steward explain ID`: one rule's page on the terminal.

use std::io::{self, Write};

use crate::cli::ExplainArgs;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Stage};
use crate::inventory::schema::suggest;
use crate::rule_page;

use super::{Status, load_rules, report_diagnostics};

pub fn run(args: &ExplainArgs, config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let (_, catalog, errors) = match load_rules(&args.source, config) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    report_diagnostics(&errors);
    let wanted = args.id.to_ascii_uppercase();
    let Some(rule) = catalog.rule(&wanted) else {
        let mut message = format!("no rule {wanted}");
        if let Some(s) = suggest(&wanted, catalog.rules.iter().map(|r| r.meta.id.as_str())) {
            message.push_str(&format!("; did you mean {s}?"));
        }
        message.push_str(" (steward rules lists them)");
        report_diagnostics(&[Diagnostic::general(Stage::Usage, message)]);
        return Ok(Status::Error);
    };
    writeln!(out, "{}", rule_page::page(rule))?;
    Ok(Status::Clean)
}
