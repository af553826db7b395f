//! The posture report as Markdown tables, for wikis and pull requests: the same content
//! as the HTML report (score, heat-map, scores by party, area, domain and team, the
//! fixes that gain the most, the findings and the rules behind them).

use std::io::{self, Write};

use crate::finding::Outcome;
use crate::responsibility::Matrix;
use crate::score::{Tally, groupings, referenced};

use super::heatmap::heatmap;
use super::{Context, printable};

fn cell(text: &str) -> String {
    printable(&text.replace('\n', " ")).replace('|', "\\|")
}

fn percent(t: &Tally) -> String {
    t.percent.map_or_else(|| "n/a".to_owned(), |p| format!("{p:.1}%"))
}

fn tallies(out: &mut dyn Write, title: &str, first: &str, rows: &[(String, &Tally)]) -> io::Result<()> {
    writeln!(out, "\n### {title}\n")?;
    writeln!(
        out,
        "| {first} | Score | Points | Healthy | Unhealthy | of which unknown | Waived |\n|---|---:|---:|---:|---:|---:|---:|"
    )?;
    for (name, t) in rows {
        writeln!(
            out,
            "| {} | {} | {:.1} / {:.1} | {} | {} | {} | {} |",
            cell(name),
            percent(t),
            t.earned,
            t.possible,
            t.healthy,
            t.unhealthy,
            t.unknown,
            t.waived
        )?;
    }
    Ok(())
}

pub fn render(cx: &Context<'_>, matrix: &Matrix, out: &mut dyn Write) -> io::Result<()> {
    let a = cx.assessment;
    let s = &a.summary;
    let score = &s.score;
    let o = &s.outcomes;
    writeln!(out, "# Security posture\n")?;
    writeln!(
        out,
        "{} documents in {} files, {} rules, as of {}.\n",
        s.files.documents,
        s.files.files_loaded + s.files.files_failed + s.files.files_empty,
        s.rules_evaluated,
        s.as_of
    )?;
    writeln!(
        out,
        "**Secure score {}** ({:.1} of {:.1} points) · {} passed · {} failed · {} unknown · {} waived · {} errors",
        percent(&score.overall),
        score.overall.earned,
        score.overall.possible,
        o.pass,
        o.fail,
        o.unknown,
        o.waived,
        o.error + s.errors
    )?;

    writeln!(out, "\n## Who owns the gaps\n")?;
    writeln!(
        out,
        "Each cell: the party that owns the area in that service model, and the failing findings of documents in that service model for rules of that area.\n"
    )?;
    write!(out, "| Responsibility |")?;
    for m in &matrix.service_models {
        write!(out, " {} |", cell(&m.title))?;
    }
    write!(out, "\n|---|")?;
    for _ in &matrix.service_models {
        write!(out, "---|")?;
    }
    writeln!(out)?;
    for (area, cells) in heatmap(a, matrix) {
        write!(out, "| {} |", cell(&area))?;
        for c in cells {
            if c.failing > 0 {
                write!(out, " **{}: {} failing** |", c.party.title(), c.failing)?;
            } else {
                write!(out, " {}: 0 |", c.party.title())?;
            }
        }
        writeln!(out)?;
    }

    writeln!(out, "\n## Scores")?;
    for g in groupings(score, matrix) {
        tallies(out, g.caption, g.heading, &g.rows)?;
    }

    writeln!(out, "\n## The fixes that gain the most\n")?;
    writeln!(
        out,
        "| # | Rule | Resource | Gap | Owner | Points |\n|---:|---|---|---|---|---:|"
    )?;
    for (i, fix) in score.top_fixes.iter().enumerate() {
        writeln!(
            out,
            "| {} | [{id}](#{anchor}) {} | {} | {} | {} · {} | +{:.2} |",
            i + 1,
            cell(&fix.title),
            cell(&fix.resource),
            if fix.outcome == Outcome::Unknown {
                "evidence missing"
            } else {
                "failing"
            },
            fix.party.title(),
            cell(&fix.team),
            fix.points,
            id = fix.rule_id,
            anchor = fix.rule_id.to_lowercase(),
        )?;
    }

    let listed: Vec<_> = a.findings.iter().filter(|f| f.outcome != Outcome::Pass).collect();
    writeln!(out, "\n## Findings\n")?;
    writeln!(
        out,
        "| Severity | Rule | Outcome | Resource | Where | Owner | Finding | Points |\n|---|---|---|---|---|---|---|---:|"
    )?;
    for f in &listed {
        writeln!(
            out,
            "| {} | [{id}](#{anchor}) | {} | {} | `{}` | {} | {} | {} |",
            f.severity,
            f.outcome_label(),
            cell(&f.resource.as_ref().map(ToString::to_string).unwrap_or_default()),
            cell(&f.location.as_ref().map(ToString::to_string).unwrap_or_default()),
            cell(
                &f.responsibility
                    .as_ref()
                    .map(|r| format!("{} · {}", r.party.title(), r.team))
                    .unwrap_or_default()
            ),
            cell(&f.message),
            f.points.map(|p| format!("+{p:.2}")).unwrap_or_default(),
            id = f.rule_id,
            anchor = f.rule_id.to_lowercase(),
        )?;
    }

    let referenced = referenced(a);
    writeln!(out, "\n## The rules behind the findings")?;
    for rule in cx
        .catalog
        .rules
        .iter()
        .filter(|r| referenced.contains(r.meta.id.as_str()))
    {
        let m = &rule.meta;
        writeln!(out, "\n### {}\n", m.id)?;
        writeln!(
            out,
            "**{}** · severity {} · {} · {}\n",
            cell(&m.title),
            m.severity,
            cell(&m.area),
            cell(&m.guidance)
        )?;
        writeln!(out, "**Why.** {}\n", m.description.trim())?;
        writeln!(out, "**Remediation.** {}", m.remediation.trim())?;
    }
    Ok(())
}
