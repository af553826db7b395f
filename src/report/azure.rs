//! Azure Pipelines logging commands: `##vso[task.logissue type=error;sourcepath=…]`.

use std::io::{self, Write};

use crate::finding::{Outcome, Severity};

use super::Context;

fn escape(text: &str) -> String {
    let escaped = text
        .replace('%', "%AZP25")
        .replace(';', "%3B")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(']', "%5D");
    super::printable(&escaped).into_owned()
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in cx.assessment.findings.iter().filter(|f| !f.accepted()) {
        // Azure Pipelines knows only errors and warnings.
        let kind = match (f.outcome, f.severity) {
            (Outcome::Error, _) => "error",
            (Outcome::Fail, Severity::Critical | Severity::High) if f.gating => "error",
            _ => "warning",
        };
        let mut props = vec![format!("type={kind}")];
        if let Some(l) = &f.location {
            props.push(format!(
                "sourcepath={};linenumber={};columnnumber={}",
                escape(&l.file),
                l.line,
                l.column
            ));
        }
        props.push(format!("code={}", f.rule_id));
        let resource = f.resource.as_ref().map(|r| format!("{r}: ")).unwrap_or_default();
        let owner = f
            .responsibility
            .as_ref()
            .map(|r| format!(" ({} · {})", r.party, r.team))
            .unwrap_or_default();
        writeln!(
            out,
            "##vso[task.logissue {}]{}",
            props.join(";"),
            escape(&format!("{} {resource}{}{owner}", f.rule_id, f.message))
        )?;
    }
    for w in cx.warnings {
        writeln!(out, "##vso[task.logissue type=warning]{}", escape(&w.to_string()))?;
    }
    for e in cx.errors {
        writeln!(out, "##vso[task.logissue type=error]{}", escape(&e.to_string()))?;
    }
    if cx.assessment.has_errors() || cx.assessment.has_failures() {
        writeln!(
            out,
            "##vso[task.complete result=Failed;]steward found failing findings or errors"
        )?;
    }
    Ok(())
}
