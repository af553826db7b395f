//! The result vocabulary shared by the engine and every report: what a rule concluded
//! about a document, how severe it is, where it is, and who owns it.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::waiver::Applied;

/// What a rule concluded about one document of its kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule's `deny` named the document.
    Fail,
    /// The rule's `unknown` named the document: the evidence is missing, so it is
    /// neither a pass nor a fail.
    Unknown,
    /// The rule could not be evaluated; never reported as a pass.
    Error,
    /// It failed (or lacked evidence), and a waiver in force accepts the risk.
    Waived,
    /// Neither `deny` nor `unknown` named the document.
    Pass,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Fail,
        Outcome::Unknown,
        Outcome::Error,
        Outcome::Waived,
        Outcome::Pass,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Fail => "fail",
            Outcome::Unknown => "unknown",
            Outcome::Error => "error",
            Outcome::Waived => "waived",
            Outcome::Pass => "pass",
        }
    }
}

/// Severity of a rule, from its metadata. Ordered most severe first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who owns a responsibility area in a service model, from the matrix.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    Customer,
    Shared,
    Microsoft,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Customer, Party::Shared, Party::Microsoft];

    pub fn as_str(self) -> &'static str {
        match self {
            Party::Customer => "customer",
            Party::Shared => "shared",
            Party::Microsoft => "microsoft",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Party::Customer => "Customer",
            Party::Shared => "Shared",
            Party::Microsoft => "Microsoft",
        }
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position in an inventory or rule file. Lines and columns count from 1.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The document a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Resource {
    pub kind: String,
    pub name: String,
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind, self.name)
    }
}

/// The owner of a finding: the matrix party for the rule's area and the document's
/// service model, and the team the document names as its owner.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Responsibility {
    pub area: Arc<str>,
    pub party: Party,
    pub service_model: Option<String>,
    pub team: Arc<str>,
}

/// One reported result: a failing, unknown or erroring (rule, document) pair.
/// Passes are counted in the summary, not listed.
#[derive(Clone, Debug, PartialEq, Serialize)]
///
/// The rule's texts and the owner's names are shared with the rule's other findings:
/// at 100,000 documents there are as many findings, and the remediation alone would
/// otherwise be copied into each.
pub struct Finding {
    pub rule_id: Arc<str>,
    pub title: Arc<str>,
    pub severity: Severity,
    pub outcome: Outcome,
    pub message: String,
    pub resource: Option<Resource>,
    /// JSON pointer into the document, as the rule reported it.
    pub path: Option<String>,
    pub location: Option<Location>,
    pub responsibility: Option<Responsibility>,
    pub remediation: Arc<str>,
    /// Whether this finding decides the exit status under the run's --fail-on and
    /// --fail-on-party; findings below the threshold are still reported.
    pub gating: bool,
    /// The waiver that covers the finding (outcome waived) or covered it until it
    /// expired (outcome fail, gating again).
    pub waiver: Option<Applied>,
    /// With `--baseline`: whether the finding is new or was already recorded.
    pub baseline: Option<BaselineState>,
    /// Score points the estate gains when this (rule, document) pair is fixed.
    pub points: Option<f64>,
    /// The document's Azure Resource Manager ID when it records one (an imported or
    /// exported resource), so a finding names the resource as well as the line.
    pub resource_id: Option<String>,
}

/// Where a failing finding stands against a recorded baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline: it gates.
    New,
    /// Recorded in the baseline: reported, but it does not gate.
    Unchanged,
}

impl BaselineState {
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
        }
    }
}

/// A fingerprint of a finding that survives edits that move lines: the rule, the
/// document's identity and the path inside it. FNV-1a, 64 bits, as hex.
pub fn fingerprint(rule_id: &str, resource: &str, path: &str) -> String {
    let mut digest = crate::digest::Digest::new();
    digest.field(rule_id).field(resource).bytes(path.as_bytes());
    digest.hex()
}

impl Finding {
    /// Whether the finding is accepted debt: waived, or recorded in the baseline.
    /// Reports still show it; annotations on a pull request leave it out.
    pub fn accepted(&self) -> bool {
        self.outcome == Outcome::Waived || self.baseline == Some(BaselineState::Unchanged)
    }

    /// The outcome as reports for people show it, with why a failure does not gate.
    pub fn outcome_label(&self) -> &'static str {
        match self.outcome {
            Outcome::Fail if self.baseline == Some(BaselineState::Unchanged) => "fail (in baseline)",
            Outcome::Fail if !self.gating => "fail (not gating)",
            other => other.as_str(),
        }
    }

    /// This finding's line-independent fingerprint (see `fingerprint`).
    pub fn fingerprint(&self) -> String {
        let resource = self
            .resource
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        fingerprint(&self.rule_id, &resource, self.path.as_deref().unwrap_or_default())
    }

    /// The order every report uses: owner first (the people who act on it), then the
    /// most severe, then where it is, so output is the same whatever the evaluation
    /// order was.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.responsibility.as_ref().map(|r| r.party),
            self.severity,
            self.outcome,
            self.location.as_ref(),
            &self.rule_id,
            &self.resource,
            &self.path,
            &self.message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(
            fingerprint("A-001", "Tenant/x", "/spec"),
            fingerprint("A-001", "Tenant/x", "/spec")
        );
        assert_ne!(
            fingerprint("A-001", "Tenant/x", "/spec"),
            fingerprint("A-001", "Tenant/x", "/spe")
        );
        assert_ne!(
            fingerprint("A-001", "Tenant/xy", ""),
            fingerprint("A-001", "Tenant/x", "y")
        );
    }
}
