//! `steward test`: run the Rego unit tests and fixture checks of the built-in catalog
//! or of rule directories, as text or JUnit, optionally with coverage.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use crate::catalog::{Catalog, builtin_fixtures};
use crate::cli::{TestArgs, TestFormat};
use crate::context::{self, AsOf};
use crate::diagnostic::{Diagnostic, Stage};
use crate::rego_test::{self, Fixture, Options, TestOutcome, TestRun};
use crate::report::{Style, xml_escape};
use crate::responsibility::Matrix;

use super::{Status, report_diagnostics};

fn usage(message: String) -> io::Result<Status> {
    report_diagnostics(&[Diagnostic::general(Stage::Usage, message)]);
    Ok(Status::Error)
}

pub fn run(args: &TestArgs, verbose: bool, style: Style, out: &mut dyn Write) -> io::Result<Status> {
    let as_of = match AsOf::parse(&args.as_of) {
        Ok(d) => d,
        Err(e) => return usage(format!("--as-of: {e}")),
    };
    let filter = match args.run.as_deref().map(regex::Regex::new).transpose() {
        Ok(f) => f,
        Err(e) => return usage(format!("--run: {e}")),
    };
    let matrix = match Matrix::builtin() {
        Ok(m) => m,
        Err(e) => return usage(e),
    };
    let (catalog, mut errors, fixtures) = if args.paths.is_empty() {
        let (catalog, errors) = Catalog::builtin(&matrix);
        (catalog, errors, embedded_fixtures())
    } else {
        // Organisational rules use the built-in helper library unless they bring their own.
        let (catalog, errors) = Catalog::assemble(&matrix, &args.paths, false, true);
        let fixtures = disk_fixtures(&args.paths, &catalog);
        (catalog, errors, fixtures)
    };
    let data = context::data(&catalog, &matrix, as_of);
    let coverage = args.coverage || args.coverage_threshold.is_some();
    let options = Options {
        filter: filter.as_ref(),
        coverage,
        fixtures: &fixtures,
        data: &data,
    };
    let run = rego_test::run(&catalog, &matrix, &options);
    errors.extend(run.errors.iter().cloned());
    report_diagnostics(&errors);
    match args.format {
        TestFormat::Text => text(&run, verbose, style, out)?,
        TestFormat::Junit => junit(&run, out)?,
    }
    let below = args.coverage_threshold.filter(|t| run.total_coverage() < *t);
    if let Some(threshold) = below {
        let _ = writeln!(
            io::stderr(),
            "error: coverage {:.1}% is below the threshold of {threshold}%",
            run.total_coverage()
        );
    }
    Ok(if !errors.is_empty() {
        Status::Error
    } else if run.failed() > 0 || below.is_some() {
        Status::Failed
    } else {
        Status::Clean
    })
}

fn embedded_fixtures() -> Vec<Fixture> {
    builtin_fixtures()
        .iter()
        .filter_map(|(path, text)| {
            let rest = path.strip_prefix("testdata/rules/")?;
            let (id, file) = rest.split_once('/')?;
            let case = file.strip_suffix(".yaml")?;
            Some(Fixture {
                rule_id: id.to_owned(),
                case: case.to_owned(),
                path: (*path).to_owned(),
                text: (*text).to_owned(),
            })
        })
        .collect()
}

/// Fixtures of rules in `dirs`, kept as the repository keeps them: a rule directory
/// `X/rules` has its examples in `X/testdata/rules/<ID>/{good,bad}.yaml`.
fn disk_fixtures(dirs: &[std::path::PathBuf], catalog: &Catalog) -> Vec<Fixture> {
    let mut out = Vec::new();
    for dir in dirs {
        let root = dir
            .parent()
            .unwrap_or(Path::new("."))
            .join("testdata")
            .join("rules");
        for rule in &catalog.rules {
            if !rule.path.starts_with(&dir.display().to_string()) {
                continue;
            }
            for case in ["bad", "good"] {
                let path = root.join(&rule.meta.id).join(format!("{case}.yaml"));
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push(Fixture {
                        rule_id: rule.meta.id.clone(),
                        case: case.to_owned(),
                        path: path.display().to_string(),
                        text,
                    });
                }
            }
        }
    }
    out
}

fn text(run: &TestRun, verbose: bool, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let red = |s: &str| {
        if style.color {
            format!("\x1b[1;31m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    for (case, outcome) in &run.results {
        let at = format!("{}:{}: {}", case.file, case.line, case.name);
        match outcome {
            TestOutcome::Pass if verbose => writeln!(out, "PASS  {at}")?,
            TestOutcome::Pass => {}
            TestOutcome::Fail(why) => {
                writeln!(out, "{}  {at}", red("FAIL"))?;
                for line in why.lines() {
                    writeln!(out, "      {line}")?;
                }
            }
            TestOutcome::Error(e) => {
                writeln!(out, "{} {at}", red("ERROR"))?;
                for line in e.lines() {
                    writeln!(out, "      {line}")?;
                }
            }
        }
    }
    if !run.coverage.is_empty() {
        writeln!(out, "\ncoverage:")?;
        for f in &run.coverage {
            let all = f.covered + f.not_covered;
            let pct = if all == 0 {
                100.0
            } else {
                f.covered as f64 * 100.0 / all as f64
            };
            writeln!(out, "  {pct:5.1}%  {:>4}/{:<4} {}", f.covered, all, f.path)?;
        }
        writeln!(out, "  {:5.1}%  total", run.total_coverage())?;
    }
    writeln!(out, "{} passed, {} failed", run.passed(), run.failed())
}

fn junit(run: &TestRun, out: &mut dyn Write) -> io::Result<()> {
    let mut suites: BTreeMap<&str, Vec<&(rego_test::TestCase, TestOutcome)>> = BTreeMap::new();
    for r in &run.results {
        suites.entry(r.0.file.as_str()).or_default().push(r);
    }
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="steward test" tests="{}" failures="{}">"#,
        run.results.len(),
        run.failed()
    )?;
    for (file, cases) in suites {
        let failures = cases
            .iter()
            .filter(|(_, o)| matches!(o, TestOutcome::Fail(_)))
            .count();
        let errors = cases
            .iter()
            .filter(|(_, o)| matches!(o, TestOutcome::Error(_)))
            .count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="{errors}">"#,
            xml_escape(file),
            cases.len()
        )?;
        for (case, outcome) in cases {
            let open = format!(
                r#"    <testcase classname="{}" name="{}" file="{}" line="{}""#,
                xml_escape(&case.package),
                xml_escape(&case.name),
                xml_escape(&case.file),
                case.line
            );
            match outcome {
                TestOutcome::Pass => writeln!(out, "{open}/>")?,
                TestOutcome::Fail(why) => writeln!(
                    out,
                    "{open}>\n      <failure message=\"{}\">{}:{}</failure>\n    </testcase>",
                    xml_escape(why),
                    xml_escape(&case.file),
                    case.line
                )?,
                TestOutcome::Error(e) => writeln!(
                    out,
                    "{open}>\n      <error message=\"{}\">{}</error>\n    </testcase>",
                    xml_escape(e.lines().last().unwrap_or_default()),
                    xml_escape(e)
                )?,
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
