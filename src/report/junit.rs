//! JUnit XML for CI test views: one test suite per rule, one test case per document the
//! rule judged; a failing document is a failure with the message and location, an
//! unknown is skipped (evidence to collect), a rule error is an error.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use crate::assessment::Judgement;
use crate::finding::{Finding, Outcome, Resource};

use super::{Context, xml_escape};

pub fn render(cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut by_rule: BTreeMap<&str, Vec<&Judgement>> = BTreeMap::new();
    for j in &cx.assessment.judged {
        by_rule.entry(&j.rule_id).or_default().push(j);
    }
    // Grouped once: a lookup per test case would scan every finding for each of a
    // million pairs at 100,000 documents.
    let mut findings: HashMap<(&str, &Resource), Vec<&Finding>> = HashMap::new();
    for f in &cx.assessment.findings {
        if let Some(r) = &f.resource {
            findings.entry((&*f.rule_id, r)).or_default().push(f);
        }
    }
    let o = &cx.assessment.summary.outcomes;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="steward check" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
        o.total(),
        o.fail,
        o.error,
        o.unknown + o.waived
    )?;
    for rule in &cx.catalog.rules {
        let id = rule.meta.id.as_str();
        let judged = by_rule.get(id).map(Vec::as_slice).unwrap_or_default();
        let count = |outcome: Outcome| judged.iter().filter(|j| j.outcome == outcome).count();
        writeln!(
            out,
            r#"  <testsuite name="{} {}" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
            id,
            xml_escape(&rule.meta.title),
            judged.len(),
            count(Outcome::Fail),
            count(Outcome::Error),
            count(Outcome::Unknown) + count(Outcome::Waived)
        )?;
        for j in judged {
            let resource = j.resource.to_string();
            let open = format!(
                r#"    <testcase classname="{id}" name="{}""#,
                xml_escape(&resource)
            );
            let about = findings
                .get(&(id, &*j.resource))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let details: Vec<String> = about
                .iter()
                .map(|f| {
                    let at = f.location.as_ref().map(ToString::to_string).unwrap_or_default();
                    format!("{at}: {}", f.message)
                })
                .collect();
            let body = xml_escape(&details.join("\n"));
            match j.outcome {
                Outcome::Pass => writeln!(out, "{open}/>")?,
                Outcome::Fail => writeln!(
                    out,
                    "{open}>\n      <failure message=\"{}\" type=\"{}\">{body}</failure>\n    </testcase>",
                    xml_escape(details.first().map_or("", String::as_str)),
                    rule.meta.severity
                )?,
                Outcome::Unknown => writeln!(
                    out,
                    "{open}>\n      <skipped message=\"evidence missing: {}\"/>\n    </testcase>",
                    xml_escape(details.first().map_or("", String::as_str))
                )?,
                Outcome::Waived => {
                    let waiver = about
                        .iter()
                        .find_map(|f| f.waiver.as_ref())
                        .map(|w| format!("waived until {} by {}: {}", w.expires, w.owner, w.reason))
                        .unwrap_or_else(|| "waived".to_owned());
                    writeln!(
                        out,
                        "{open}>\n      <skipped message=\"{}\"/>\n    </testcase>",
                        xml_escape(&waiver)
                    )?
                }
                Outcome::Error => writeln!(
                    out,
                    "{open}>\n      <error message=\"the rule could not be evaluated\"/>\n    </testcase>"
                )?,
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
