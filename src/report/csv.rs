//! One row per failing, unknown, waived or erroring finding (RFC 4180 quoting).

use std::io::{self, Write};

use super::Context;

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "rule_id,severity,outcome,gating,party,team,area,service_model,kind,name,file,line,column,message,remediation,baseline,waiver_expires,waiver_owner,waiver_reason"
    )?;
    for f in &cx.assessment.findings {
        let r = f.responsibility.as_ref();
        let loc = f.location.as_ref();
        let w = f.waiver.as_ref();
        let row = [
            f.rule_id.to_string(),
            f.severity.to_string(),
            f.outcome.as_str().to_owned(),
            f.gating.to_string(),
            r.map(|r| r.party.to_string()).unwrap_or_default(),
            r.map(|r| r.team.to_string()).unwrap_or_default(),
            r.map(|r| r.area.to_string()).unwrap_or_default(),
            r.and_then(|r| r.service_model.clone()).unwrap_or_default(),
            f.resource.as_ref().map(|x| x.kind.clone()).unwrap_or_default(),
            f.resource.as_ref().map(|x| x.name.clone()).unwrap_or_default(),
            loc.map(|l| l.file.clone()).unwrap_or_default(),
            loc.map(|l| l.line.to_string()).unwrap_or_default(),
            loc.map(|l| l.column.to_string()).unwrap_or_default(),
            f.message.clone(),
            f.remediation.to_string(),
            f.baseline.map(|b| b.as_str().to_owned()).unwrap_or_default(),
            w.map(|w| w.expires.clone()).unwrap_or_default(),
            w.map(|w| w.owner.clone()).unwrap_or_default(),
            w.map(|w| w.reason.clone()).unwrap_or_default(),
        ];
        writeln!(
            out,
            "{}",
            row.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")
        )?;
    }
    Ok(())
}
