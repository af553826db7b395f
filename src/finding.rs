//! The result vocabulary shared by the engine and every report: what a rule concluded
//! about a document, how severe it is, where it is, and who owns it.

use std::fmt;

use serde::Serialize;

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
    /// Neither `deny` nor `unknown` named the document.
    Pass,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Fail, Outcome::Unknown, Outcome::Error, Outcome::Pass];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Fail => "fail",
            Outcome::Unknown => "unknown",
            Outcome::Error => "error",
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
    pub area: String,
    pub party: Party,
    pub service_model: Option<String>,
    pub team: String,
}

/// One reported result: a failing, unknown or erroring (rule, document) pair.
/// Passes are counted in the summary, not listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub outcome: Outcome,
    pub message: String,
    pub resource: Option<Resource>,
    /// JSON pointer into the document, as the rule reported it.
    pub path: Option<String>,
    pub location: Option<Location>,
    pub responsibility: Option<Responsibility>,
    pub remediation: String,
    /// Whether this finding decides the exit status under the run's --fail-on and
    /// --fail-on-party; findings below the threshold are still reported.
    pub gating: bool,
}

impl Finding {
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
