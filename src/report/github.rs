//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`,
//! which GitHub turns into annotations on the lines of the pull request.

use std::io::{self, Write};

use crate::finding::{Outcome, Severity};

use super::Context;

/// Workflow-command escaping for the message part.
fn data(text: &str) -> String {
    let escaped = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    super::printable(&escaped).into_owned()
}

/// Workflow-command escaping for property values, which also end at `,` and `:`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in cx.assessment.findings.iter().filter(|f| !f.accepted()) {
        let command = match (f.outcome, f.severity) {
            (Outcome::Unknown, _) => "notice",
            (_, Severity::Critical | Severity::High) if f.gating || f.outcome == Outcome::Error => "error",
            (_, Severity::Low | Severity::Info) => "notice",
            _ => "warning",
        };
        let mut props = Vec::new();
        if let Some(l) = &f.location {
            props.push(format!(
                "file={},line={},col={}",
                property(&l.file),
                l.line,
                l.column
            ));
        }
        let owner = f
            .responsibility
            .as_ref()
            .map(|r| format!(" [{} · {}]", r.party, r.team))
            .unwrap_or_default();
        props.push(format!(
            "title={}",
            property(&format!("{} {}{owner}", f.rule_id, f.title))
        ));
        let resource = f.resource.as_ref().map(|r| format!("{r}: ")).unwrap_or_default();
        let outcome = if f.outcome == Outcome::Unknown {
            "evidence missing: "
        } else {
            ""
        };
        writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            data(&format!("{outcome}{resource}{}", f.message))
        )?;
    }
    for w in cx.warnings {
        match &w.location {
            Some(l) => writeln!(
                out,
                "::warning file={},line={},col={}::{}",
                property(&l.file),
                l.line,
                l.column,
                data(&w.message)
            )?,
            None => writeln!(out, "::warning::{}", data(&w.to_string()))?,
        }
    }
    for e in cx.errors {
        match &e.location {
            Some(l) => writeln!(
                out,
                "::error file={},line={},col={}::{}",
                property(&l.file),
                l.line,
                l.column,
                data(&e.message)
            )?,
            None => writeln!(out, "::error::{}", data(&e.to_string()))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_github_requires() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
