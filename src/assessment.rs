//! From raw rule results to the report: one outcome for every (rule, document of the
//! rule's kinds), findings for what failed or is unknown, each located and given its
//! owner, and the counts that summarise the run.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

use crate::baseline::Comparison;
use crate::catalog::{Catalog, Rule};
use crate::changes::Narrowing;
use crate::engine::{RawResult, RuleRun};
use crate::finding::{BaselineState, Finding, Location, Outcome, Party, Resource, Responsibility, Severity};
use crate::inventory::{Document, Inventory, LoadStats};
use crate::responsibility::Matrix;
use crate::score::{self, Score};
use crate::waiver::{Ledger, Verdict};

/// Outcome counts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub unknown: usize,
    pub error: usize,
    pub waived: usize,
}

impl Counts {
    fn add(&mut self, outcome: Outcome, n: usize) {
        match outcome {
            Outcome::Pass => self.pass += n,
            Outcome::Fail => self.fail += n,
            Outcome::Unknown => self.unknown += n,
            Outcome::Error => self.error += n,
            Outcome::Waived => self.waived += n,
        }
    }

    pub fn total(&self) -> usize {
        self.pass + self.fail + self.unknown + self.error + self.waived
    }
}

/// The closing numbers of a run.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub as_of: String,
    pub files: LoadStats,
    pub rules_evaluated: usize,
    /// Outcomes over every (rule, document) pair.
    pub outcomes: Counts,
    /// Outcomes per document of each party, over (rule, document) pairs.
    pub parties: BTreeMap<Party, Counts>,
    /// Outcomes per rule ID.
    pub rules: BTreeMap<String, Counts>,
    /// Problems that stopped part of the run (see `errors`).
    pub errors: usize,
    /// Failing findings that decide the exit status (see `--fail-on`).
    pub gating: usize,
    /// With `--baseline`: how the run compares with it.
    pub baseline: Option<Comparison>,
    /// With `--changed-since`: how the report was narrowed.
    pub changed: Option<Narrowing>,
    /// The posture score of the whole estate (docs/scoring.md).
    pub score: Score,
}

/// One (rule, document) outcome, for scoring and for formats that list passes too
/// (JUnit). There is one for every pair (a million at 100,000 documents), so the
/// names are shared with the rule's and the document's other pairs, not copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub rule_id: Arc<str>,
    pub resource: Arc<Resource>,
    pub outcome: Outcome,
    /// Who owns the pair, as its finding would say: the matrix party for the rule's
    /// area and the document's service model, and the document's team.
    pub party: Party,
    pub team: Arc<str>,
}

/// Which failing findings decide the exit status.
#[derive(Debug, Clone)]
pub struct GatePolicy {
    /// The least severe severity that still gates.
    pub min_severity: Severity,
    /// The parties whose findings gate; all when empty.
    pub parties: Vec<Party>,
}

impl Default for GatePolicy {
    fn default() -> Self {
        GatePolicy {
            min_severity: Severity::Low,
            parties: Vec::new(),
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Assessment {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Every (rule, document) outcome, passes included, in rule then document order.
    pub judged: Vec<Judgement>,
}

impl Assessment {
    /// Marks the failing findings that decide the exit status and counts them.
    pub fn gate(&mut self, policy: &GatePolicy) {
        let mut gating = 0;
        for f in &mut self.findings {
            let party_ok = policy.parties.is_empty()
                || f.responsibility
                    .as_ref()
                    .is_some_and(|r| policy.parties.contains(&r.party));
            // Severity orders most severe first, so "at or above" is `<=`.
            let known = f.baseline == Some(BaselineState::Unchanged);
            f.gating = f.outcome == Outcome::Fail && f.severity <= policy.min_severity && party_ok && !known;
            gating += usize::from(f.gating);
        }
        self.summary.gating = gating;
    }

    /// Keeps only the findings about documents in `changed` (and rule errors, which
    /// are about no document); the counts still cover the whole estate.
    pub fn narrow(&mut self, since: &str, changed: &BTreeSet<(String, String)>) {
        let before = self.findings.len();
        self.findings.retain(|f| {
            f.resource
                .as_ref()
                .is_none_or(|r| changed.contains(&(r.kind.clone(), r.name.clone())))
        });
        self.summary.changed = Some(Narrowing {
            since: since.to_owned(),
            documents_changed: changed.len(),
            findings_hidden: before - self.findings.len(),
        });
    }

    /// Whether any finding decides the exit status as a failure.
    pub fn has_failures(&self) -> bool {
        self.summary.gating > 0
    }

    pub fn has_errors(&self) -> bool {
        self.summary.outcomes.error > 0 || self.summary.errors > 0
    }
}

/// What every judgement of a document shares, worked out once per document.
struct Shared<'a> {
    resource: Arc<Resource>,
    team: Arc<str>,
    model: Option<&'a str>,
}

/// Judges every document of every rule's kinds from the rules' results; a failing or
/// unknown pair that a waiver in force covers is judged waived.
pub fn assess<'a>(
    catalog: &Catalog,
    runs: Vec<RuleRun>,
    inventory: &'a Inventory,
    matrix: &'a Matrix,
    waivers: &mut Ledger,
) -> Assessment {
    let mut teams: HashMap<&str, Arc<str>> = HashMap::new();
    let shared: Vec<Shared<'a>> = inventory
        .documents
        .iter()
        .map(|d| {
            let team = d.owner().unwrap_or(UNOWNED);
            Shared {
                resource: Arc::new(Resource {
                    kind: d.kind.clone(),
                    name: d.name.clone(),
                }),
                team: teams.entry(team).or_insert_with(|| Arc::from(team)).clone(),
                model: matrix.service_model(&d.kind, d.service_model()),
            }
        })
        .collect();
    // Only the fields findings name are located, so the locator is built from every
    // result. It reads and walks the files they are in, which is most of this phase, so
    // it runs while this thread judges; the fields are copied out of the results, which
    // judging moves into findings.
    let wanted: Vec<(usize, Box<str>)> = runs
        .iter()
        .flat_map(|run| match run {
            RuleRun::Done { deny, unknown } => deny.iter().chain(unknown.iter()).collect(),
            RuleRun::Failed(_) => Vec::new(),
        })
        .filter_map(|r| {
            Some((
                inventory.position(&r.kind, &r.name)?,
                Box::from(r.pointer.as_str()),
            ))
        })
        .collect();
    let (locator, (mut out, positions)) = rayon::join(
        || inventory.locator(wanted.iter().map(|(position, pointer)| (*position, &**pointer))),
        || {
            let (mut out, positions) = judge(catalog, runs, inventory, matrix, waivers, &shared);
            // Gating and scoring read no positions, so they are done while files are
            // still being located.
            out.gate(&GatePolicy::default());
            add_scores(catalog, &mut out);
            (out, positions)
        },
    );
    drop(wanted);
    {
        use rayon::prelude::*;
        out.findings
            .par_iter_mut()
            .zip(positions.par_iter())
            .for_each(|(f, position)| {
                if let (Some(d), Some(path)) = (position.map(|p| &inventory.documents[p]), &f.path) {
                    f.location = Some(locator.locate(d, path));
                }
            });
    }
    out.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// The posture score, and what fixing each finding would gain.
fn add_scores(catalog: &Catalog, out: &mut Assessment) {
    out.summary.score = score::score(catalog, out);
    let points: Vec<Option<f64>> = {
        let gains = score::gains(catalog, out);
        out.findings
            .iter()
            .map(|f| {
                let unhealthy = f.resource.is_some() && matches!(f.outcome, Outcome::Fail | Outcome::Unknown);
                unhealthy.then(|| gains.get(&*f.rule_id).copied()).flatten()
            })
            .collect()
    };
    for (f, p) in out.findings.iter_mut().zip(points) {
        f.points = p;
    }
}

/// Every (rule, document) judgement and every finding, not yet located or sorted, with
/// the position of each finding's document (none for a rule's error).
fn judge<'a>(
    catalog: &Catalog,
    runs: Vec<RuleRun>,
    inventory: &'a Inventory,
    matrix: &'a Matrix,
    waivers: &mut Ledger,
    shared: &[Shared<'a>],
) -> (Assessment, Vec<Option<usize>>) {
    let mut out = Assessment::default();
    out.summary.files = inventory.stats.clone();
    out.summary.rules_evaluated = catalog.rules.len();
    // Sized up front: at 100,000 documents there are a million judgements, and a vector
    // that grows by doubling holds up to three times that while it moves.
    let judged: Vec<Vec<usize>> = catalog
        .rules
        .iter()
        .map(|r| judged_documents(r, inventory))
        .collect();
    out.judged.reserve_exact(judged.iter().map(Vec::len).sum());
    let results = runs
        .iter()
        .map(|run| match run {
            RuleRun::Done { deny, unknown } => deny.len() + unknown.len(),
            RuleRun::Failed(_) => 1,
        })
        .sum();
    out.findings.reserve_exact(results);
    let mut positions = Vec::with_capacity(results);
    for ((rule, run), documents) in catalog.rules.iter().zip(runs).zip(judged) {
        let texts = Texts::of(rule);
        let rule_id = texts.id.clone();
        // A handful of service models per rule: each party is worked out once.
        let mut parties: Vec<(Option<&str>, Party)> = Vec::new();
        let mut party_of = |model: Option<&'a str>| -> Party {
            if let Some((_, p)) = parties.iter().find(|(m, _)| *m == model) {
                return *p;
            }
            let p = matrix.party(&rule.meta.area, model);
            parties.push((model, p));
            p
        };
        let counts = out.summary.rules.entry(rule.meta.id.clone()).or_default();
        let checked = match run {
            RuleRun::Failed(message) => Err(message),
            RuleRun::Done { deny, unknown } => {
                check_targets(rule, inventory, &deny, &unknown).map(|()| (deny, unknown))
            }
        };
        let (deny, unknown) = match checked {
            Ok(results) => results,
            Err(message) => {
                counts.add(Outcome::Error, documents.len());
                out.summary.outcomes.add(Outcome::Error, documents.len());
                for &position in &documents {
                    let s = &shared[position];
                    let party = party_of(s.model);
                    out.summary
                        .parties
                        .entry(party)
                        .or_default()
                        .add(Outcome::Error, 1);
                    out.judged.push(Judgement {
                        rule_id: rule_id.clone(),
                        resource: s.resource.clone(),
                        outcome: Outcome::Error,
                        party,
                        team: s.team.clone(),
                    });
                }
                positions.push(None);
                out.findings.push(Finding {
                    rule_id: texts.id,
                    title: texts.title,
                    severity: rule.meta.severity,
                    outcome: Outcome::Error,
                    message,
                    resource: None,
                    path: None,
                    location: Some(Location {
                        file: rule.path.clone(),
                        line: 1,
                        column: 1,
                    }),
                    responsibility: None,
                    remediation: texts.remediation,
                    gating: false,
                    waiver: None,
                    baseline: None,
                    points: None,
                    resource_id: None,
                });
                continue;
            }
        };
        // Results are moved into their findings: at 100,000 documents their messages
        // and paths would otherwise be held twice until the report is written.
        let mut denied = by_document(inventory, deny);
        let mut unknowns = by_document(inventory, unknown);
        for position in documents {
            let d = &inventory.documents[position];
            let s = &shared[position];
            let (mut outcome, results) = match (denied.remove(&position), unknowns.remove(&position)) {
                (Some(r), _) => (Outcome::Fail, Some(r)),
                (None, Some(r)) => (Outcome::Unknown, Some(r)),
                (None, None) => (Outcome::Pass, None),
            };
            let verdict = if results.is_some() {
                waivers.judge(&rule.meta.id, d)
            } else {
                Verdict::None
            };
            if let Verdict::Waived(_) = verdict {
                outcome = Outcome::Waived;
            }
            let party = party_of(s.model);
            counts.add(outcome, 1);
            out.summary.outcomes.add(outcome, 1);
            out.summary.parties.entry(party).or_default().add(outcome, 1);
            out.judged.push(Judgement {
                rule_id: rule_id.clone(),
                resource: s.resource.clone(),
                outcome,
                party,
                team: s.team.clone(),
            });
            for r in results.into_iter().flatten() {
                let mut f = finding(rule, &texts, d, s, r, outcome, party);
                match &verdict {
                    Verdict::Waived(applied) => f.waiver = Some(applied.clone()),
                    Verdict::Expired(applied) => {
                        f.message = format!(
                            "{} (waiver expired on {}, {})",
                            f.message, applied.expires, applied.at
                        );
                        f.waiver = Some(applied.clone());
                    }
                    Verdict::None => {}
                }
                positions.push(Some(position));
                out.findings.push(f);
            }
        }
    }
    (out, positions)
}

/// A rule's texts as its findings carry them, allocated once per rule.
struct Texts {
    id: Arc<str>,
    title: Arc<str>,
    remediation: Arc<str>,
    area: Arc<str>,
}

impl Texts {
    fn of(rule: &Rule) -> Texts {
        Texts {
            id: Arc::from(rule.meta.id.as_str()),
            title: Arc::from(rule.meta.title.as_str()),
            remediation: Arc::from(rule.meta.remediation.as_str()),
            area: Arc::from(rule.meta.area.as_str()),
        }
    }
}

/// The finding of one result of `rule` about `document`, owned as its judgement is.
fn finding(
    rule: &Rule,
    texts: &Texts,
    document: &Document,
    shared: &Shared<'_>,
    result: RawResult,
    outcome: Outcome,
    party: Party,
) -> Finding {
    Finding {
        rule_id: texts.id.clone(),
        title: texts.title.clone(),
        severity: rule.meta.severity,
        outcome,
        message: result.message,
        resource: Some((*shared.resource).clone()),
        path: Some(result.pointer),
        // Located once every finding is made (see `assess`).
        location: None,
        responsibility: Some(Responsibility {
            area: texts.area.clone(),
            party,
            service_model: shared.model.map(str::to_owned),
            team: shared.team.clone(),
        }),
        remediation: texts.remediation.clone(),
        gating: outcome == Outcome::Fail,
        waiver: None,
        baseline: None,
        points: None,
        resource_id: document.resource_id(),
    }
}

/// The positions of the documents `rule` judges: every document of its kinds, each
/// kind's sorted by name.
fn judged_documents(rule: &Rule, inventory: &Inventory) -> Vec<usize> {
    let mut kinds: Vec<&String> = rule.meta.kinds.iter().collect();
    kinds.sort();
    kinds.dedup();
    kinds.iter().flat_map(|k| inventory.of_kind(k)).copied().collect()
}

/// Each document's results, in order and without repeats (two bodies of a rule may
/// return the same result).
fn by_document(inventory: &Inventory, results: Vec<RawResult>) -> HashMap<usize, Vec<RawResult>> {
    let mut m: HashMap<usize, Vec<RawResult>> = HashMap::new();
    for r in results {
        if let Some(position) = inventory.position(&r.kind, &r.name) {
            m.entry(position).or_default().push(r);
        }
    }
    for v in m.values_mut() {
        v.sort();
        v.dedup();
    }
    m
}

/// A result must name a document the rule judges; anything else is a rule bug and is
/// reported as the rule's error rather than dropped.
fn check_targets(
    rule: &Rule,
    inventory: &Inventory,
    deny: &[RawResult],
    unknown: &[RawResult],
) -> Result<(), String> {
    for r in deny.iter().chain(unknown) {
        if !rule.meta.kinds.contains(&r.kind) {
            return Err(format!(
                "a result names {}/{}, but the rule judges only {}",
                r.kind,
                r.name,
                rule.meta.kinds.join(", ")
            ));
        }
        if inventory.get(&r.kind, &r.name).is_none() {
            return Err(format!(
                "a result names {}/{}, which is not in the inventory",
                r.kind, r.name
            ));
        }
    }
    Ok(())
}

/// The team shown for a document that names no owner.
pub const UNOWNED: &str = "(no owner)";
