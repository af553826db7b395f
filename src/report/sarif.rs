//! SARIF 2.1.0: one reportingDescriptor per rule, one result per finding with a
//! physical location, severity as level, a line-independent fingerprint, and the
//! responsibility party and team in the result's properties.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::Diagnostic;
use crate::finding::{Outcome, Severity};

use super::Context;

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub code scanning ranks security results by this 0-10 score.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

/// A problem of the run as a SARIF notification, located when its position is known.
fn notification(level: &str, d: &Diagnostic) -> Value {
    let mut n = json!({"level": level, "message": {"text": d.message}});
    if let Some(l) = &d.location {
        n["locations"] = json!([{"physicalLocation": {
            "artifactLocation": {"uri": l.file.replace('\\', "/")},
            "region": {"startLine": l.line, "startColumn": l.column},
        }}]);
    }
    n
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let index: BTreeMap<&str, usize> = cx
        .catalog
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.meta.id.as_str(), i))
        .collect();
    let rules: Vec<Value> = cx
        .catalog
        .rules
        .iter()
        .map(|r| {
            let m = &r.meta;
            let mut rule = json!({
                "id": m.id,
                "name": r.package.rsplit('.').next().unwrap_or_default(),
                "shortDescription": {"text": m.title},
                "fullDescription": {"text": m.description},
                "help": {
                    "text": format!("{}\n\nRemediation: {}", m.description, m.remediation),
                    "markdown": format!("{}\n\n**Remediation:** {}", m.description, m.remediation),
                },
                "defaultConfiguration": {"level": level(m.severity)},
                "properties": {
                    "tags": ["security", m.area.clone()],
                    "security-severity": security_severity(m.severity),
                    "precision": "high",
                    "area": m.area,
                    "mcsb": m.mcsb,
                    "guidance": m.guidance,
                },
            });
            if let Some(uri) = m.related_resources.first() {
                rule["helpUri"] = json!(uri.reference);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = cx
        .assessment
        .findings
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Unknown | Outcome::Waived))
        .map(|f| {
            let resource = f.resource.as_ref().map(ToString::to_string).unwrap_or_default();
            let location = f.location.as_ref().map(|l| {
                json!({"physicalLocation": {
                    "artifactLocation": {"uri": l.file.replace('\\', "/")},
                    "region": {"startLine": l.line, "startColumn": l.column},
                }})
            });
            let responsibility = f.responsibility.as_ref();
            let failed = matches!(f.outcome, Outcome::Fail | Outcome::Waived);
            let mut result = json!({
                "ruleId": f.rule_id,
                "ruleIndex": index.get(&*f.rule_id),
                // An unknown is evidence to collect, not a defect: a note that does not fail.
                "level": if failed { level(f.severity) } else { "note" },
                "kind": if failed { "fail" } else { "review" },
                "message": {"text": format!("{resource}: {}", f.message)},
                "locations": location.into_iter().collect::<Vec<_>>(),
                "partialFingerprints": {
                    "stewardFinding/v1": f.fingerprint(),
                },
                "properties": {
                    "outcome": f.outcome.as_str(),
                    "resource": resource,
                    "party": responsibility.map(|r| r.party.as_str()),
                    "team": responsibility.map(|r| &*r.team),
                    "area": responsibility.map(|r| &*r.area),
                    "serviceModel": responsibility.and_then(|r| r.service_model.as_deref()),
                    "gating": f.gating,
                    "azureResourceId": f.resource_id,
                },
            });
            // A waiver is a suppression decided outside the tool; viewers hide the
            // result but keep the justification.
            if let Some(w) = f.waiver.as_ref().filter(|w| !w.expired) {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": format!("{} (owner {}, until {}, {})", w.reason, w.owner, w.expires, w.at),
                }]);
            }
            if let Some(b) = f.baseline {
                result["baselineState"] = json!(b.as_str());
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = cx
        .errors
        .iter()
        .map(|e| notification("error", e))
        .chain(cx.warnings.iter().map(|w| notification("warning", w)))
        .chain(cx.assessment.findings.iter().filter(|f| f.outcome == Outcome::Error).map(|f| {
            json!({"level": "error", "message": {"text": format!("rule {} could not be evaluated: {}", f.rule_id, f.message)},
                   "descriptor": {"id": f.rule_id}})
        }))
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "steward",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/steward-dev/steward",
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": !cx.assessment.has_errors(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif).map_err(io::Error::other)?;
    writeln!(out)
}
