//! The report for people: findings grouped by the party that owns them, then by
//! severity, each with its location, rule, message and team, and a closing summary.

use std::io::{self, Write};

use crate::assessment::Assessment;
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Outcome, Party, Severity};

use super::{Style, printable};

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
        let count = |o: Outcome| group.iter().filter(|f| f.outcome == o).count();
        let mut heading = format!(
            "{} responsibility: {} failing, {} unknown",
            party.title(),
            count(Outcome::Fail),
            count(Outcome::Unknown)
        );
        if count(Outcome::Waived) > 0 {
            heading.push_str(&format!(", {} waived", count(Outcome::Waived)));
        }
        writeln!(out, "{}", paint.bold(&heading))?;
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
                paint.bold(&printable(&f.rule_id)),
                printable(&at)
            )?;
            for line in f.message.lines() {
                writeln!(out, "      {}", printable(line))?;
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
        Outcome::Waived => paint.dim("waived"),
        _ => f.outcome_label().to_owned(),
    };
    writeln!(
        out,
        "  {} {}  {}  {}",
        paint.severity(f.severity),
        paint.bold(&printable(&f.rule_id)),
        outcome,
        printable(&at)
    )?;
    writeln!(out, "      {}", printable(&f.message))?;
    if let Some(w) = f.waiver.as_ref().filter(|w| !w.expired) {
        writeln!(
            out,
            "      {}",
            paint.dim(&printable(&format!(
                "waived until {} by {}: {} ({})",
                w.expires, w.owner, w.reason, w.at
            )))
        )?;
    }
    if let Some(r) = &f.responsibility {
        let resource = f.resource.as_ref().map(ToString::to_string).unwrap_or_default();
        let model = r.service_model.as_deref().unwrap_or("no service model");
        writeln!(
            out,
            "      {}",
            paint.dim(&printable(&format!(
                "{resource} · team {} · {} ({model}): {}",
                r.team,
                r.area,
                r.party.as_str()
            )))
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
    if let Some(b) = &s.baseline {
        writeln!(
            out,
            "baseline {}: {} new, {} unchanged (not gating), {} fixed, {} stale entries",
            b.file,
            b.new,
            b.unchanged,
            b.fixed.len(),
            b.stale.len()
        )?;
    }
    if let Some(c) = &s.changed {
        writeln!(
            out,
            "changed since {}: {} documents; {} findings in unchanged documents not shown",
            c.since, c.documents_changed, c.findings_hidden
        )?;
    }
    let o = &s.outcomes;
    let waived = if o.waived > 0 {
        format!("{} waived, ", o.waived)
    } else {
        String::new()
    };
    let line = format!(
        "{} passed, {} failed, {} unknown, {waived}{} errors",
        o.pass,
        o.fail,
        o.unknown,
        o.error + s.errors
    );
    writeln!(out, "{}", paint.bold(&line))?;
    if let Some(score) = score_line(&s.score) {
        writeln!(out, "{score}")?;
    }
    Ok(())
}

/// `score 62.4% (101.3 of 162.5 points) · customer 58.1% · shared 70.0%`, or nothing
/// when no rule judged anything.
pub fn score_line(score: &crate::score::Score) -> Option<String> {
    let percent = score.overall.percent?;
    let mut line = format!(
        "score {percent:.1}% ({:.1} of {:.1} points)",
        score.overall.earned, score.overall.possible
    );
    for (party, tally) in &score.by_party {
        if let Some(p) = tally.percent {
            line.push_str(&format!(" · {party} {p:.1}%"));
        }
    }
    Some(line)
}
