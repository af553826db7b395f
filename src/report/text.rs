//! The report for people: findings grouped by the party that owns them, then by
//! severity, each with its location, rule, message and team, and a closing summary.

use std::io::{self, Write};

use crate::assessment::Assessment;
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Outcome, Party, Severity};

use super::Style;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn severity(&self, s: Severity) -> String {
        let label = format!("{:<8}", s.as_str().to_uppercase());
        let code = match s {
            Severity::Critical => "1;35",
            Severity::High => "1;31",
            Severity::Medium => "33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.wrap(code, &label)
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
}

pub fn render(
    assessment: &Assessment,
    _errors: &[Diagnostic],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { on: style.color };
    let rule_errors: Vec<&Finding> = assessment
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Error)
        .collect();
    for party in Party::ALL {
        let group: Vec<&Finding> = assessment
            .findings
            .iter()
            .filter(|f| f.responsibility.as_ref().is_some_and(|r| r.party == party))
            .collect();
        if group.is_empty() {
            continue;
        }
        let fails = group.iter().filter(|f| f.outcome == Outcome::Fail).count();
        let unknowns = group.iter().filter(|f| f.outcome == Outcome::Unknown).count();
        writeln!(
            out,
            "{}",
            paint.bold(&format!(
                "{} responsibility: {fails} failing, {unknowns} unknown",
                party.title()
            ))
        )?;
        for f in group {
            finding(out, &paint, f)?;
        }
        writeln!(out)?;
    }
    if !rule_errors.is_empty() {
        writeln!(
            out,
            "{}",
            paint.bold(&format!(
                "Rules that could not be evaluated: {}",
                rule_errors.len()
            ))
        )?;
        for f in rule_errors {
            let at = f.location.as_ref().map(|l| l.file.clone()).unwrap_or_default();
            writeln!(
                out,
                "  {} {}  {}",
                paint.wrap("1;31", "ERROR   "),
                paint.bold(&f.rule_id),
                at
            )?;
            for line in f.message.lines() {
                writeln!(out, "      {line}")?;
            }
        }
        writeln!(out)?;
    }
    summary(out, &paint, assessment)
}

fn finding(out: &mut dyn Write, paint: &Paint, f: &Finding) -> io::Result<()> {
    let at = f.location.as_ref().map(ToString::to_string).unwrap_or_default();
    let outcome = match f.outcome {
        Outcome::Unknown => paint.wrap("35", "unknown"),
        Outcome::Fail if !f.gating => "fail (not gating)".to_owned(),
        other => other.as_str().to_owned(),
    };
    writeln!(
        out,
        "  {} {}  {}  {}",
        paint.severity(f.severity),
        paint.bold(&f.rule_id),
        outcome,
        at
    )?;
    writeln!(out, "      {}", f.message)?;
    if let Some(r) = &f.responsibility {
        let resource = f.resource.as_ref().map(ToString::to_string).unwrap_or_default();
        let model = r.service_model.as_deref().unwrap_or("no service model");
        writeln!(
            out,
            "      {}",
            paint.dim(&format!(
                "{resource} · team {} · {} ({model}): {}",
                r.team,
                r.area,
                r.party.as_str()
            ))
        )?;
    }
    Ok(())
}

fn summary(out: &mut dyn Write, paint: &Paint, assessment: &Assessment) -> io::Result<()> {
    let s = &assessment.summary;
    let files = s.files.files_loaded + s.files.files_failed + s.files.files_empty;
    writeln!(
        out,
        "{} documents in {files} files ({} failed to load) · {} rules · as of {}",
        s.files.documents, s.files.files_failed, s.rules_evaluated, s.as_of
    )?;
    let o = &s.outcomes;
    let line = format!(
        "{} passed, {} failed, {} unknown, {} errors",
        o.pass,
        o.fail,
        o.unknown,
        o.error + s.errors
    );
    writeln!(out, "{}", paint.bold(&line))
}
