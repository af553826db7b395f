//! The subcommands: each turns parsed arguments into output and an exit status.

mod check;
mod docs;
mod explain;
mod input;
mod matrix;
mod new_rule;
mod rules;
mod test;

use std::io::{self, IsTerminal, Write};

use crate::catalog::{Catalog, Module};
use crate::cli::{ColorChoice, Command, RuleSource};
use crate::diagnostic::{Diagnostic, Stage};
use crate::report::Style;
use crate::responsibility::Matrix;

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing failed.
    Clean = 0,
    /// Findings (or tests) failed.
    Failed = 1,
    /// Something could not be checked.
    Error = 2,
}

pub fn run(cli: crate::cli::Cli) -> io::Result<Status> {
    let stdout = io::stdout();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let style = Style { color };
    let mut out = io::BufWriter::new(stdout.lock());
    let status = match cli.command {
        Command::Check(args) => check::run(&args, style, &mut out),
        Command::Input(args) => input::run(&args, &mut out),
        Command::Test(args) => test::run(&args, style, &mut out),
        Command::Matrix => matrix::run(&mut out),
        Command::Rules(args) => rules::run(&args, &mut out),
        Command::Explain(args) => explain::run(&args, &mut out),
        Command::Docs(args) => docs::run(&args, &mut out),
        Command::NewRule(args) => new_rule::run(&args, &mut out),
    }?;
    out.flush()?;
    Ok(status)
}

/// Diagnostics go to stderr, so stdout carries only results.
fn report_diagnostics(errors: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "error: {e}");
    }
}

fn report_notes(notes: &[String]) {
    let mut err = io::stderr().lock();
    for n in notes {
        let _ = writeln!(err, "note: {n}");
    }
}

/// The matrix and the catalog a command runs with: the built-in rules unless
/// `--no-builtin`, plus every `--rules` directory, checked together so that an
/// organisational rule cannot reuse a built-in ID.
fn load_rules(source: &RuleSource) -> Result<(Matrix, Catalog, Vec<Diagnostic>), Vec<Diagnostic>> {
    let matrix = Matrix::builtin().map_err(|e| vec![Diagnostic::general(Stage::Rules, e)])?;
    let (builtin, mut errors) = Catalog::builtin(&matrix);
    let mut extra: Vec<Module> = Vec::new();
    for dir in &source.rules {
        let (found, read_errors) = Catalog::read_dir(dir);
        errors.extend(read_errors);
        extra.extend(found.into_iter().filter(|m| !m.relative.ends_with("_test.rego")));
    }
    // A directory that brings its own helper library (a checkout of rules/) replaces
    // the built-in one rather than defining it twice.
    let own_lib = extra.iter().any(|m| m.relative.starts_with("lib/"));
    let mut modules: Vec<Module> = builtin
        .modules
        .iter()
        .filter(|m| {
            if m.relative.starts_with("lib/") {
                !own_lib
            } else {
                !source.no_builtin
            }
        })
        .cloned()
        .collect();
    modules.extend(extra);
    if source.rules.is_empty() && !source.no_builtin {
        return Ok((matrix, builtin, errors));
    }
    let (catalog, more) = Catalog::from_modules(modules, &matrix);
    errors.extend(more);
    Ok((matrix, catalog, errors))
}
