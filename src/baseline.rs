//! Baselines: the failing findings of an estate at one moment, recorded so that a team
//! can adopt steward on a large estate and gate only on what is new. Entries are keyed
//! by a fingerprint of rule, document and path, never by line, so moving or reformatting
//! a file does not turn old findings into new ones.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Judgement};
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::{BaselineState, Outcome, fingerprint};

/// The format version written in every baseline file.
const VERSION: u32 = 1;

/// One recorded failing finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub resource: String,
    pub path: String,
    pub fingerprint: String,
}

/// A baseline file: `{"version": 1, "asOf": ..., "findings": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Baseline {
    pub version: u32,
    pub as_of: String,
    pub findings: Vec<Entry>,
}

/// How a run compares with its baseline, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The baseline file, as given.
    pub file: String,
    /// Failing findings not in the baseline: these gate.
    pub new: usize,
    /// Failing findings already in the baseline: reported, not gating.
    pub unchanged: usize,
    /// Entries whose rule now passes on their document.
    pub fixed: Vec<Entry>,
    /// Entries that match nothing judged in this run (the rule or document is gone, or
    /// the rule could not judge it), so they can be pruned.
    pub stale: Vec<Entry>,
}

impl Baseline {
    /// The failing findings of `assessment` (waived ones excluded: a waiver already
    /// accounts for them), sorted so the file diffs cleanly.
    pub fn record(assessment: &Assessment) -> Baseline {
        let findings: BTreeSet<Entry> = assessment
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .filter_map(|f| {
                let resource = f.resource.as_ref()?.to_string();
                let path = f.path.clone().unwrap_or_default();
                Some(Entry {
                    fingerprint: fingerprint(&f.rule_id, &resource, &path),
                    rule: f.rule_id.to_string(),
                    resource,
                    path,
                })
            })
            .collect();
        Baseline {
            version: VERSION,
            as_of: assessment.summary.as_of.clone(),
            findings: findings.into_iter().collect(),
        }
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self).map_err(io::Error::other)?;
        writeln!(out)
    }

    pub fn load(path: &Path) -> Result<Baseline, Diagnostic> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::in_file(Stage::Usage, shown.clone(), format!("cannot read baseline: {e}"))
        })?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            Diagnostic::at(
                Stage::Usage,
                crate::finding::Location {
                    file: shown.clone(),
                    line: e.line().max(1),
                    column: e.column().max(1),
                },
                format!("not a steward baseline: {e}"),
            )
        })?;
        if baseline.version != VERSION {
            return Err(Diagnostic::in_file(
                Stage::Usage,
                shown,
                format!(
                    "baseline version {} is not supported (this steward writes version {VERSION}); recreate it with `steward baseline create`",
                    baseline.version
                ),
            ));
        }
        Ok(baseline)
    }

    /// Marks each failing finding new or unchanged and works out which entries were
    /// fixed and which are stale. Call before gating: unchanged findings do not gate.
    pub fn compare(&self, file: &str, assessment: &mut Assessment) -> Comparison {
        let recorded: BTreeMap<&str, &Entry> = self
            .findings
            .iter()
            .map(|e| (e.fingerprint.as_str(), e))
            .collect();
        let mut matched = BTreeSet::new();
        let mut comparison = Comparison {
            file: file.to_owned(),
            ..Comparison::default()
        };
        for f in &mut assessment.findings {
            if f.outcome != Outcome::Fail {
                continue;
            }
            let print = f.fingerprint();
            if recorded.contains_key(print.as_str()) {
                f.baseline = Some(BaselineState::Unchanged);
                comparison.unchanged += 1;
                matched.insert(print);
            } else {
                f.baseline = Some(BaselineState::New);
                comparison.new += 1;
            }
        }
        // Keyed by borrowed names: a million pairs at 100,000 documents.
        let judged: HashMap<(&str, &str, &str), Outcome> = assessment
            .judged
            .iter()
            .map(|j: &Judgement| {
                (
                    (&*j.rule_id, j.resource.kind.as_str(), j.resource.name.as_str()),
                    j.outcome,
                )
            })
            .collect();
        for entry in &self.findings {
            if matched.contains(&entry.fingerprint) {
                continue;
            }
            // `Kind/name`: kinds never hold a slash, names may.
            let (kind, name) = entry
                .resource
                .split_once('/')
                .unwrap_or((entry.resource.as_str(), ""));
            match judged.get(&(entry.rule.as_str(), kind, name)) {
                // Judged again and no longer failing at that path: fixed (a fail at
                // another path of the same document is a new finding of its own).
                Some(Outcome::Pass | Outcome::Fail) => comparison.fixed.push(entry.clone()),
                _ => comparison.stale.push(entry.clone()),
            }
        }
        comparison
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Party, Resource, Severity};

    fn failing(rule: &str, name: &str, path: &str) -> Finding {
        Finding {
            rule_id: rule.into(),
            title: "".into(),
            severity: Severity::High,
            outcome: Outcome::Fail,
            message: String::new(),
            resource: Some(Resource {
                kind: "Tenant".into(),
                name: name.into(),
            }),
            path: Some(path.into()),
            location: None,
            responsibility: None,
            remediation: "".into(),
            gating: true,
            waiver: None,
            baseline: None,
            points: None,
            resource_id: None,
        }
    }

    fn judged(rule: &str, name: &str, outcome: Outcome) -> Judgement {
        Judgement {
            rule_id: rule.into(),
            resource: Resource {
                kind: "Tenant".into(),
                name: name.into(),
            }
            .into(),
            outcome,
            party: Party::Customer,
            team: crate::assessment::UNOWNED.into(),
        }
    }

    #[test]
    fn old_findings_are_unchanged_new_ones_gate_and_the_rest_are_fixed_or_stale() {
        let before = Assessment {
            findings: vec![
                failing("A-001", "a", "/spec/x"),
                failing("A-001", "b", "/spec/x"),
                failing("A-002", "gone", "/spec"),
            ],
            ..Assessment::default()
        };
        let baseline = Baseline::record(&before);
        assert_eq!(baseline.findings.len(), 3);

        let mut after = Assessment {
            findings: vec![failing("A-001", "a", "/spec/x"), failing("A-001", "c", "/spec/x")],
            judged: vec![
                judged("A-001", "a", Outcome::Fail),
                judged("A-001", "b", Outcome::Pass),
                judged("A-001", "c", Outcome::Fail),
            ],
            ..Assessment::default()
        };
        let comparison = baseline.compare("base.json", &mut after);
        assert_eq!((comparison.new, comparison.unchanged), (1, 1));
        assert_eq!(after.findings[0].baseline, Some(BaselineState::Unchanged));
        assert_eq!(after.findings[1].baseline, Some(BaselineState::New));
        assert_eq!(comparison.fixed.len(), 1);
        assert_eq!(comparison.fixed[0].resource, "Tenant/b");
        assert_eq!(comparison.stale.len(), 1);
        assert_eq!(comparison.stale[0].rule, "A-002");

        after.gate(&crate::assessment::GatePolicy::default());
        assert_eq!(after.summary.gating, 1, "only the new finding gates");
    }

    #[test]
    fn a_baseline_survives_a_round_trip_and_rejects_other_versions() {
        let a = Assessment {
            findings: vec![failing("A-001", "a", "/spec/x")],
            ..Assessment::default()
        };
        let mut bytes = Vec::new();
        Baseline::record(&a).write(&mut bytes).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(Baseline::load(&path).unwrap(), Baseline::record(&a));
        std::fs::write(
            &path,
            String::from_utf8(bytes)
                .unwrap()
                .replace("\"version\": 1", "\"version\": 9"),
        )
        .unwrap();
        assert!(Baseline::load(&path).unwrap_err().message.contains("version 9"));
        std::fs::write(&path, "{\"findings\": 3}").unwrap();
        let e = Baseline::load(&path).unwrap_err();
        assert_eq!(e.location.map(|l| l.line), Some(1));
    }
}
