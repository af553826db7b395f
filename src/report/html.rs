//! The posture report as one self-contained HTML file: inline styles and a small inline
//! script, no external scripts, fonts or images, so it opens from an email attachment
//! or an offline share. Everything is rendered here as semantic tables; the script only
//! filters the findings table, so the page reads (and prints) without it.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::finding::{Finding, Outcome, Party};
use crate::responsibility::Matrix;
use crate::score::{Tally, domain, groupings, referenced};

use super::heatmap::heatmap;
use super::{Context, xml_escape as esc};

const STYLE: &str = r#"
:root { --customer: #c2410c; --shared: #7c3aed; --microsoft: #0369a1; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.score { display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
.score .big { font-size: 48px; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f9fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.heat td { text-align: center; min-width: 110px; }
.owner-customer { border-left: 6px solid var(--customer); }
.owner-shared { border-left: 6px solid var(--shared); }
.owner-microsoft { border-left: 6px solid var(--microsoft); }
.heat td.owner-customer { background: #fff7ed; } .heat td.owner-shared { background: #f5f3ff; } .heat td.owner-microsoft { background: #f0f9ff; }
.heat .count { display: inline-block; font-size: 13px; margin-top: 2px; padding: 0 7px; border-radius: 9px; color: var(--muted); }
.heat td.hot1 .count { background: #fee2e2; color: #991b1b; font-weight: 600; }
.heat td.hot2 .count { background: #fca5a5; color: #7f1d1d; font-weight: 700; }
.heat td.hot3 .count { background: #b91c1c; color: #fff; font-weight: 700; }
.sev-critical, .sev-high { color: #b91c1c; font-weight: 600; } .sev-medium { color: #b45309; }
.bar { background: var(--line); height: 8px; border-radius: 4px; min-width: 80px; }
.bar span { display: block; height: 8px; border-radius: 4px; background: #16a34a; }
.filters { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; align-items: end; }
.filters label { font-size: 13px; color: var(--muted); display: flex; flex-direction: column; }
.filters select { font: inherit; padding: 2px 4px; }
#shown { color: var(--muted); }
.rule { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin: 10px 0; }
.rule h3 { margin: 4px 0; font-size: 16px; }
code { font-size: 13px; }
@media print {
  .filters, #shown { display: none; }
  tr[hidden] { display: table-row; }
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; } tr, .rule { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Filters the findings table from the selects; the choice is mirrored in the URL
/// fragment (`#owner=customer&severity=high`) so a filtered view can be linked to.
const SCRIPT: &str = r#"
(function () {
  var table = document.getElementById('findings');
  if (!table) { return; }
  var selects = Array.prototype.slice.call(document.querySelectorAll('.filters select'));
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var shown = document.getElementById('shown');
  function apply() {
    var visible = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (s) { return !s.value || row.dataset[s.name] === s.value; });
      row.hidden = !keep;
      if (keep) { visible += 1; }
    });
    shown.textContent = visible + ' of ' + rows.length + ' findings shown';
    var parts = selects.filter(function (s) { return s.value; }).map(function (s) { return s.name + '=' + encodeURIComponent(s.value); });
    if (history.replaceState) { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); }
  }
  var wanted = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv.length === 2) { wanted[kv[0]] = decodeURIComponent(kv[1]); }
  });
  selects.forEach(function (s) {
    if (wanted[s.name] !== undefined) { s.value = wanted[s.name]; }
    s.addEventListener('change', apply);
  });
  apply();
})();
"#;

fn percent(t: &Tally) -> String {
    t.percent.map_or_else(|| "n/a".to_owned(), |p| format!("{p:.1}%"))
}

fn bar(t: &Tally) -> String {
    let width = t.percent.unwrap_or(0.0).clamp(0.0, 100.0);
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{}\"><span style=\"width:{width:.0}%\"></span></div>",
        percent(t)
    )
}

fn tally_table(out: &mut String, caption: &str, first: &str, rows: &[(String, &Tally)]) {
    let _ = writeln!(
        out,
        "<table class=\"tally\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Share</th><th scope=\"col\" class=\"num\">Points</th><th scope=\"col\" class=\"num\">Healthy</th><th scope=\"col\" class=\"num\">Unhealthy</th><th scope=\"col\" class=\"num\">of which unknown</th><th scope=\"col\" class=\"num\">Waived</th></tr></thead><tbody>",
        esc(caption),
        esc(first)
    );
    for (name, t) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{:.1} / {:.1}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(name),
            percent(t),
            bar(t),
            t.earned,
            t.possible,
            t.healthy,
            t.unhealthy,
            t.unknown,
            t.waived
        );
    }
    let _ = writeln!(out, "</tbody></table>");
}

fn owner(f: &Finding) -> Option<Party> {
    f.responsibility.as_ref().map(|r| r.party)
}

fn options(name: &str, label: &str, values: &BTreeSet<String>) -> String {
    let mut s = format!(
        "<label>{label}<select name=\"{name}\" aria-label=\"Filter by {}\"><option value=\"\">all</option>",
        label.to_lowercase()
    );
    for v in values {
        let _ = write!(s, "<option value=\"{0}\">{0}</option>", esc(v));
    }
    s.push_str("</select></label>");
    s
}

pub fn render(cx: &Context<'_>, matrix: &Matrix, out: &mut dyn Write) -> io::Result<()> {
    let a = cx.assessment;
    let s = &a.summary;
    let score = &s.score;
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>steward posture report, {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&s.as_of)
    );
    let _ = writeln!(h, "<header><h1>Security posture</h1>");
    let files = s.files.files_loaded + s.files.files_failed + s.files.files_empty;
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} documents in {files} files · {} rules · as of {} · steward {}</p>",
        s.files.documents,
        s.rules_evaluated,
        esc(&s.as_of),
        env!("CARGO_PKG_VERSION")
    );
    let o = &s.outcomes;
    let _ = writeln!(
        h,
        "<div class=\"score\"><div><span class=\"big\" id=\"score\">{}</span><br>secure score ({:.1} of {:.1} points)</div><div>{} passed · {} failed · {} unknown · {} waived · {} errors</div></div></header>",
        percent(&score.overall),
        score.overall.earned,
        score.overall.possible,
        o.pass,
        o.fail,
        o.unknown,
        o.waived,
        o.error + s.errors
    );

    let _ = writeln!(
        h,
        "<main>\n<section aria-labelledby=\"h-matrix\"><h2 id=\"h-matrix\">Who owns the gaps</h2>"
    );
    let _ = writeln!(
        h,
        "<p>The shared-responsibility matrix: each cell names the party that owns the area in that service model, and counts the failing findings of documents in that service model for rules of that area.</p>"
    );
    let _ = write!(
        h,
        "<table class=\"heat\" id=\"heatmap\"><caption>Failing findings by responsibility area and service model</caption><thead><tr><th scope=\"col\">Responsibility</th>"
    );
    for m in &matrix.service_models {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&m.title));
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    for (area, cells) in heatmap(a, matrix) {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&area));
        for c in cells {
            let _ = write!(
                h,
                "<td class=\"owner-{}{}\">{}<br><span class=\"count\">{} failing</span></td>",
                c.party.as_str(),
                // Heat in three steps, so the count is read from the text, not the colour.
                match c.failing {
                    0 => "",
                    1..=4 => " hot1",
                    5..=19 => " hot2",
                    _ => " hot3",
                },
                c.party.title(),
                c.failing
            );
        }
        let _ = writeln!(h, "</tr>");
    }
    let _ = writeln!(h, "</tbody></table></section>");

    let _ = writeln!(
        h,
        "<section aria-labelledby=\"h-scores\"><h2 id=\"h-scores\">Scores</h2>"
    );
    for g in groupings(score, matrix) {
        tally_table(&mut h, g.caption, g.heading, &g.rows);
    }
    let _ = writeln!(h, "</section>");

    let _ = writeln!(
        h,
        "<section aria-labelledby=\"h-fixes\"><h2 id=\"h-fixes\">The fixes that gain the most</h2><table id=\"fixes\"><caption>Top {} fixes by score points gained</caption><thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th><th scope=\"col\">Gap</th><th scope=\"col\">Owner</th><th scope=\"col\" class=\"num\">Points</th></tr></thead><tbody>",
        score.top_fixes.len()
    );
    for (i, fix) in score.top_fixes.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td><a href=\"#rule-{id}\">{id}</a> {}</td><td>{}</td><td>{}</td><td class=\"owner-{}\">{} · {}</td><td class=\"num\">+{:.2}</td></tr>",
            i + 1,
            esc(&fix.title),
            esc(&fix.resource),
            if fix.outcome == Outcome::Unknown {
                "evidence missing"
            } else {
                "failing"
            },
            fix.party.as_str(),
            fix.party.title(),
            esc(&fix.team),
            fix.points,
            id = esc(&fix.rule_id),
        );
    }
    let _ = writeln!(h, "</tbody></table></section>");

    let listed: Vec<&Finding> = a.findings.iter().filter(|f| f.outcome != Outcome::Pass).collect();
    let rule_domain = |id: &str| cx.catalog.rule(id).map(domain).unwrap_or_default();
    let collect =
        |f: &dyn Fn(&Finding) -> String| -> BTreeSet<String> { listed.iter().map(|x| f(x)).collect() };
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">Findings</h2><div class=\"filters\" role=\"search\">{}{}{}{}<span id=\"shown\" aria-live=\"polite\"></span></div>",
        options(
            "owner",
            "Owner",
            &collect(&|f| owner(f).map(|p| p.as_str().to_owned()).unwrap_or_default())
        ),
        options(
            "severity",
            "Severity",
            &collect(&|f| f.severity.as_str().to_owned())
        ),
        options("domain", "Domain", &collect(&|f| rule_domain(&f.rule_id))),
        options("outcome", "Outcome", &collect(&|f| f.outcome.as_str().to_owned())),
    );
    let _ = writeln!(
        h,
        "<table id=\"findings\"><caption>{} findings</caption><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Outcome</th><th scope=\"col\">Resource</th><th scope=\"col\">Where</th><th scope=\"col\">Owner</th><th scope=\"col\">Finding</th><th scope=\"col\" class=\"num\">Points</th></tr></thead><tbody>",
        listed.len()
    );
    for f in &listed {
        let party = owner(f);
        let r = f.responsibility.as_ref();
        let _ = writeln!(
            h,
            "<tr data-owner=\"{}\" data-severity=\"{}\" data-domain=\"{}\" data-outcome=\"{}\"><td class=\"sev-{sev}\">{sev}</td><td><a href=\"#rule-{id}\">{id}</a></td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"owner-{}\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            party.map(Party::as_str).unwrap_or_default(),
            f.severity.as_str(),
            esc(&rule_domain(&f.rule_id)),
            f.outcome.as_str(),
            esc(f.outcome_label()),
            esc(&f.resource.as_ref().map(ToString::to_string).unwrap_or_default()),
            esc(&f.location.as_ref().map(ToString::to_string).unwrap_or_default()),
            party.map(Party::as_str).unwrap_or_default(),
            esc(&r
                .map(|r| format!("{} · {}", r.party.title(), r.team))
                .unwrap_or_default()),
            esc(&f.message),
            f.points.map(|p| format!("+{p:.2}")).unwrap_or_default(),
            sev = f.severity.as_str(),
            id = esc(&f.rule_id),
        );
    }
    let _ = writeln!(h, "</tbody></table></section>");

    let referenced = referenced(a);
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"h-rules\"><h2 id=\"h-rules\">The rules behind the findings</h2>"
    );
    for rule in cx
        .catalog
        .rules
        .iter()
        .filter(|r| referenced.contains(r.meta.id.as_str()))
    {
        let m = &rule.meta;
        let _ = writeln!(
            h,
            "<article class=\"rule\" id=\"rule-{}\"><h3>{} · {}</h3><p><strong>Severity</strong> {} · <strong>Area</strong> {} · <strong>Guidance</strong> {}</p><p><strong>Why.</strong> {}</p><p><strong>Remediation.</strong> {}</p></article>",
            esc(&m.id),
            esc(&m.id),
            esc(&m.title),
            m.severity,
            esc(&m.area),
            esc(&m.guidance),
            esc(&m.description),
            esc(&m.remediation)
        );
    }
    let _ = writeln!(h, "</section>\n</main>");
    let _ = writeln!(
        h,
        "<footer><p class=\"meta\">Score: each rule is worth points by severity (critical 10, high 7, medium 4, low 2, info 1) and earns them in proportion to the documents it judged healthy; missing evidence counts as unhealthy, waived findings are left out.</p></footer>"
    );
    let _ = writeln!(h, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.write_all(h.as_bytes())
}
