//! The subcommands: each turns parsed arguments into output and an exit status.

mod baseline;
mod check;
mod completions;
mod config;
mod docs;
mod explain;
mod import;
mod init;
mod input;
mod matrix;
mod new_rule;
mod report;
mod rules;
mod schema;
mod test;

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::catalog::Catalog;
use crate::cli::{BaselineCommand, ColorChoice, Command, ConfigCommand, RuleSource};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Stage};
use crate::report::{Style, printable};
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

/// How much goes to stderr besides errors: set once per run from --quiet/--verbose and
/// read wherever notes are printed, which is too many places to thread a flag through.
static VERBOSITY: AtomicU8 = AtomicU8::new(NORMAL);
pub(super) const QUIET: u8 = 0;
const NORMAL: u8 = 1;
const VERBOSE: u8 = 2;

pub(super) fn verbosity() -> u8 {
    VERBOSITY.load(Ordering::Relaxed)
}

pub fn run(cli: crate::cli::Cli) -> io::Result<Status> {
    let level = if cli.quiet {
        QUIET
    } else if cli.verbose {
        VERBOSE
    } else {
        NORMAL
    };
    VERBOSITY.store(level, Ordering::Relaxed);
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
    let needs_config = matches!(
        cli.command,
        Command::Check(_)
            | Command::Input(_)
            | Command::Rules(_)
            | Command::Explain(_)
            | Command::Config(_)
            | Command::Baseline(_)
            | Command::Report(_)
            | Command::Matrix(_)
    );
    let config = if needs_config {
        match load_config(cli.config.as_deref()) {
            Ok(c) => c,
            Err(errors) => {
                report_diagnostics(&errors);
                return Ok(Status::Error);
            }
        }
    } else {
        Config::default()
    };
    let status = match cli.command {
        Command::Check(args) => check::run(&args, &config, style, &mut out),
        Command::Input(args) => input::run(&args, &config, &mut out),
        Command::Config(ConfigCommand::Show) => config::show(&config, &mut out),
        Command::Baseline(BaselineCommand::Create(args)) => baseline::create(&args, &config, &mut out),
        Command::Test(args) => test::run(&args, level == VERBOSE, style, &mut out),
        Command::Init(args) => init::run(&args, &mut out),
        Command::Import(command) => import::run(&command, &mut out),
        Command::Schema(args) => schema::run(&args, &mut out),
        Command::Completions(args) => completions::completions(args.shell, &mut out),
        Command::Man(args) => completions::manual(&args, &mut out),
        Command::Matrix(args) => matrix::run(&args, &config, style, &mut out),
        Command::Report(args) => report::run(&args, &config, &mut out),
        Command::Rules(args) => rules::run(&args, &config, &mut out),
        Command::Explain(args) => explain::run(&args, &config, &mut out),
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
        write_lines(&mut err, "error", &e.to_string());
    }
}

/// `label: first line`, then any further lines (a compiler's excerpt with its caret)
/// indented, so that only steward itself can start a line with `error:`.
fn write_lines(err: &mut dyn Write, label: &str, text: &str) {
    let mut lines = text.lines();
    let _ = writeln!(err, "{label}: {}", printable(lines.next().unwrap_or_default()));
    for line in lines {
        let _ = writeln!(err, "    {}", printable(line));
    }
}

fn report_warnings(warnings: &[Diagnostic]) {
    if verbosity() == QUIET {
        return;
    }
    let mut err = io::stderr().lock();
    for w in warnings {
        write_lines(&mut err, "warning", &w.to_string());
    }
}

fn report_notes(notes: &[String]) {
    if verbosity() == QUIET {
        return;
    }
    let mut err = io::stderr().lock();
    for n in notes {
        let _ = writeln!(err, "note: {}", printable(n));
    }
}

/// With --verbose: what the run is using, on stderr.
fn report_info(message: impl std::fmt::Display) {
    if verbosity() == VERBOSE {
        let _ = writeln!(io::stderr().lock(), "info: {message}");
    }
}

/// The configuration named with --config, else the nearest steward.yaml, else none.
fn load_config(path: Option<&std::path::Path>) -> Result<Config, Vec<Diagnostic>> {
    let found = match path {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| crate::config::discover(&d)),
    };
    match found {
        Some(p) => {
            report_info(format_args!("configuration {}", p.display()));
            Config::load(&p)
        }
        None => {
            report_info("no steward.yaml found; built-in defaults");
            Ok(Config::default())
        }
    }
}

/// The matrix and the catalog a command runs with: the built-in rules unless
/// `--no-builtin`, plus every `--rules` directory and the configuration's rule
/// directories, checked together so that an organisational rule cannot reuse a
/// built-in ID; then the configuration is checked against it and applied.
fn load_rules(
    source: &RuleSource,
    config: &Config,
) -> Result<(Matrix, Catalog, Vec<Diagnostic>), Vec<Diagnostic>> {
    let matrix = Matrix::builtin().map_err(|e| vec![Diagnostic::general(Stage::Rules, e)])?;
    let dirs: Vec<std::path::PathBuf> = source
        .rules
        .iter()
        .cloned()
        .chain(config.rule_directories.iter().map(|d| d.value.clone()))
        .collect();
    let (mut catalog, mut errors) = Catalog::assemble(&matrix, &dirs, !source.no_builtin, false);
    errors.extend(config.check(&catalog));
    config.apply(&mut catalog);
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    report_info(format_args!(
        "{} rules in effect (built-in catalog {}; rule directories: {})",
        catalog.rules.len(),
        if source.no_builtin { "off" } else { "on" },
        if shown.is_empty() {
            "none".to_owned()
        } else {
            shown.join(", ")
        }
    ));
    Ok((matrix, catalog, errors))
}
