//! A pull-request summary in Markdown: the counts by owner, then the failing and unknown
//! findings as a table, most severe first. Suitable for GITHUB_STEP_SUMMARY.

use std::io::{self, Write};

use crate::finding::{Outcome, Party};

use super::Context;

/// Findings beyond this many are counted, not listed, so a summary stays readable.
const MAX_ROWS: usize = 100;

fn cell(text: &str) -> String {
    super::printable(&text.replace('\n', " ")).replace('|', "\\|")
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = &cx.assessment.summary;
    let verdict = if cx.assessment.has_errors() {
        "❌ errors"
    } else if cx.assessment.has_failures() {
        "❌ failing findings"
    } else {
        "✅ no failing findings"
    };
    writeln!(out, "## steward: {verdict}\n")?;
    let waived = if s.outcomes.waived > 0 {
        format!(", {} waived", s.outcomes.waived)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} documents in {} files, {} rules, as of {}: **{} failed**, {} unknown{waived}, {} passed, {} errors.\n",
        s.files.documents,
        s.files.files_loaded + s.files.files_failed + s.files.files_empty,
        s.rules_evaluated,
        s.as_of,
        s.outcomes.fail,
        s.outcomes.unknown,
        s.outcomes.pass,
        s.outcomes.error + s.errors
    )?;
    writeln!(out, "| Owner | Failed | Unknown | Passed |\n|---|---:|---:|---:|")?;
    for party in Party::ALL {
        let c = s.parties.get(&party).copied().unwrap_or_default();
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            party.title(),
            c.fail,
            c.unknown,
            c.pass
        )?;
    }
    if let Some(b) = &s.baseline {
        writeln!(
            out,
            "\nBaseline `{}`: **{} new**, {} unchanged (not gating), {} fixed, {} stale entries.",
            cell(&b.file),
            b.new,
            b.unchanged,
            b.fixed.len(),
            b.stale.len()
        )?;
    }
    if let Some(c) = &s.changed {
        writeln!(
            out,
            "\nOnly documents changed since `{}` are reported: {} documents; {} findings elsewhere not shown.",
            cell(&c.since),
            c.documents_changed,
            c.findings_hidden
        )?;
    }
    let listed: Vec<_> = cx
        .assessment
        .findings
        .iter()
        .filter(|f| f.outcome != Outcome::Pass)
        .collect();
    if !listed.is_empty() {
        writeln!(
            out,
            "\n| Severity | Rule | Outcome | Resource | Where | Owner | Message |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for f in listed.iter().take(MAX_ROWS) {
            let at = f.location.as_ref().map(ToString::to_string).unwrap_or_default();
            let owner = f
                .responsibility
                .as_ref()
                .map(|r| format!("{} · {}", r.party.title(), r.team))
                .unwrap_or_default();
            let outcome = f.outcome_label();
            writeln!(
                out,
                "| {} | `{}` | {} | {} | `{}` | {} | {} |",
                f.severity,
                f.rule_id,
                outcome,
                f.resource.as_ref().map(ToString::to_string).unwrap_or_default(),
                cell(&at),
                cell(&owner),
                cell(&f.message)
            )?;
        }
        if listed.len() > MAX_ROWS {
            writeln!(
                out,
                "\n…and {} more; see the full report.",
                listed.len() - MAX_ROWS
            )?;
        }
    }
    for e in cx.errors {
        writeln!(out, "\n- ❌ `{}`", cell(&e.to_string()))?;
    }
    Ok(())
}
