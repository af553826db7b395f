//! A posture score modelled on Defender for Cloud's secure score (docs/scoring.md).
//!
//! Each rule is worth points by severity. A rule earns its points in proportion to the
//! documents it judged healthy: `max × healthy / (healthy + unhealthy)`, where unknown
//! (missing evidence) counts as unhealthy, waived and erroring pairs are left out, and a
//! rule that judged nothing is not applicable. The estate's score is the points earned
//! over the points possible. Every judged (rule, document) pair carries an equal share
//! of its rule's points, so the same sums give scores per party, area, domain and team,
//! and each failing pair's share is what fixing it gains.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

use crate::assessment::{Assessment, Judgement};
use crate::catalog::{Catalog, Rule};
use crate::finding::{Outcome, Party, Resource, Severity};
use crate::responsibility::Matrix;

/// The most a rule can earn, by its severity.
pub fn max_points(severity: Severity) -> f64 {
    match severity {
        Severity::Critical => 10.0,
        Severity::High => 7.0,
        Severity::Medium => 4.0,
        Severity::Low => 2.0,
        Severity::Info => 1.0,
    }
}

/// Points and counts of a group of judged pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub earned: f64,
    pub possible: f64,
    /// Earned over possible, as a percentage; null when nothing in the group scores.
    pub percent: Option<f64>,
    pub healthy: usize,
    pub unhealthy: usize,
    /// Of the unhealthy, those whose evidence is missing.
    pub unknown: usize,
    /// Left out of the score: a waiver covers them.
    pub waived: usize,
}

impl Tally {
    fn add(&mut self, pair: &Pair) {
        match pair.outcome {
            Outcome::Pass => {
                self.healthy += 1;
                self.earned += pair.points;
                self.possible += pair.points;
            }
            Outcome::Fail | Outcome::Unknown => {
                self.unhealthy += 1;
                self.unknown += usize::from(pair.outcome == Outcome::Unknown);
                self.possible += pair.points;
            }
            Outcome::Waived => self.waived += 1,
            Outcome::Error => {}
        }
    }

    fn finish(&mut self) {
        self.earned = round(self.earned);
        self.possible = round(self.possible);
        self.percent = (self.possible > 0.0).then(|| round(self.earned * 100.0 / self.possible));
    }
}

/// Two decimals: enough for people, and stable across platforms for golden files.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// An unhealthy pair and what fixing it gains.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub resource: String,
    pub outcome: Outcome,
    pub points: f64,
    pub party: Party,
    pub team: String,
}

/// The score of a run, overall and by group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub overall: Tally,
    pub by_party: BTreeMap<Party, Tally>,
    pub by_area: BTreeMap<String, Tally>,
    pub by_domain: BTreeMap<String, Tally>,
    pub by_team: BTreeMap<String, Tally>,
    /// Per rule, for drilling down.
    pub by_rule: BTreeMap<String, Tally>,
    /// The unhealthy pairs whose fix gains the most, most first (at most ten).
    pub top_fixes: Vec<Fix>,
}

/// One judged (rule, document) pair and its share of the rule's points.
struct Pair<'a> {
    rule: &'a Rule,
    judged: &'a Judgement,
    outcome: Outcome,
    points: f64,
    party: Party,
    team: &'a str,
}

/// The rule's domain: the package segment after `steward.rules` (`logging`, `defender`).
pub fn domain(rule: &Rule) -> String {
    rule.package
        .strip_prefix("steward.rules.")
        .and_then(|p| p.split('.').next())
        .unwrap_or("custom")
        .to_owned()
}

/// Scores `assessment` (before any narrowing to changed documents: the score is the
/// estate's, not the change's).
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Score {
    let rules: BTreeMap<&str, &Rule> = catalog.rules.iter().map(|r| (r.meta.id.as_str(), r)).collect();
    let scoring = scoring_pairs(assessment);
    let mut score = Score::default();
    // Groups keyed by borrowed names while adding up (a million pairs at 100,000
    // documents), owned only once per group. Each group still adds its pairs in the
    // order they were judged, so its sums are the same to the last bit.
    let mut by_area: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_domain: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_team: HashMap<&str, Tally> = HashMap::new();
    let mut by_rule: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut fixes = TopFixes::default();
    // Judgements come rule by rule, each rule's sharing one ID: what depends only on the
    // rule is worked out once per rule, not once per pair.
    for run in assessment
        .judged
        .chunk_by(|a, b| Arc::ptr_eq(&a.rule_id, &b.rule_id))
    {
        let Some(rule) = rules.get(&*run[0].rule_id).copied() else {
            continue;
        };
        let n = scoring.get(&*run[0].rule_id).copied().unwrap_or(0);
        let points = if n == 0 {
            0.0
        } else {
            max_points(rule.meta.severity) / n as f64
        };
        let area = by_area.entry(&rule.meta.area).or_default();
        let domain = by_domain.entry(domain(rule)).or_default();
        let rule_tally = by_rule.entry(&rule.meta.id).or_default();
        for judged in run {
            let pair = Pair {
                rule,
                judged,
                outcome: judged.outcome,
                points,
                party: judged.party,
                team: &judged.team,
            };
            score.overall.add(&pair);
            score.by_party.entry(pair.party).or_default().add(&pair);
            area.add(&pair);
            domain.add(&pair);
            by_team.entry(pair.team).or_default().add(&pair);
            rule_tally.add(&pair);
            if matches!(pair.outcome, Outcome::Fail | Outcome::Unknown) {
                fixes.offer(pair);
            }
        }
    }
    let owned = |map: BTreeMap<&str, Tally>| -> BTreeMap<String, Tally> {
        map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    };
    score.by_area = owned(by_area);
    score.by_domain = by_domain;
    score.by_team = by_team.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    score.by_rule = owned(by_rule);
    score.overall.finish();
    for group in [
        &mut score.by_area,
        &mut score.by_domain,
        &mut score.by_team,
        &mut score.by_rule,
    ] {
        group.values_mut().for_each(Tally::finish);
    }
    score.by_party.values_mut().for_each(Tally::finish);
    score.top_fixes = fixes
        .best
        .into_iter()
        .map(|p| Fix {
            rule_id: p.rule.meta.id.clone(),
            title: p.rule.meta.title.clone(),
            severity: p.rule.meta.severity,
            resource: p.judged.resource.to_string(),
            outcome: p.outcome,
            points: round(p.points),
            party: p.party,
            team: p.team.to_owned(),
        })
        .collect();
    score
}

/// How many fixes the score lists.
const TOP_FIXES: usize = 10;

/// The unhealthy pairs that gain the most, kept as they are offered: sorting every
/// unhealthy pair (seventy thousand at 100,000 documents) to keep ten is most of the
/// work for nothing.
#[derive(Default)]
struct TopFixes<'a> {
    /// Best first, at most [`TOP_FIXES`].
    best: Vec<Pair<'a>>,
}

impl<'a> TopFixes<'a> {
    fn offer(&mut self, pair: Pair<'a>) {
        // After every pair that ranks with it: among equals the first offered stays first.
        let at = self
            .best
            .partition_point(|b| fix_order(b, &pair) != Ordering::Greater);
        if at < TOP_FIXES {
            self.best.insert(at, pair);
            self.best.truncate(TOP_FIXES);
        }
    }
}

/// Most points first, then failures before missing evidence, the more severe rule, the
/// rule ID and the resource's `Kind/name`.
fn fix_order(a: &Pair<'_>, b: &Pair<'_>) -> Ordering {
    round(b.points)
        .total_cmp(&round(a.points))
        .then(a.outcome.cmp(&b.outcome))
        .then(a.rule.meta.severity.cmp(&b.rule.meta.severity))
        .then(a.rule.meta.id.cmp(&b.rule.meta.id))
        .then_with(|| text(&a.judged.resource).cmp(text(&b.judged.resource)))
}

/// `Kind/name` as the bytes it prints as, compared without building the text.
fn text(resource: &Resource) -> impl Iterator<Item = u8> + '_ {
    resource.kind.bytes().chain(*b"/").chain(resource.name.bytes())
}

/// One table of the report's scores: its caption, its first column's heading, and a
/// row per group.
pub struct Grouping<'a> {
    pub caption: &'static str,
    pub heading: &'static str,
    pub rows: Vec<(String, &'a Tally)>,
}

/// The score's groupings as the reports show them: parties, areas in the matrix's
/// order, domains and teams.
pub fn groupings<'a>(score: &'a Score, matrix: &Matrix) -> [Grouping<'a>; 4] {
    let named = |m: &'a BTreeMap<String, Tally>| m.iter().map(|(k, t)| (k.clone(), t)).collect();
    [
        Grouping {
            caption: "By responsibility party",
            heading: "Party",
            rows: score
                .by_party
                .iter()
                .map(|(p, t)| (p.title().to_owned(), t))
                .collect(),
        },
        Grouping {
            caption: "By responsibility area",
            heading: "Area",
            rows: matrix
                .areas
                .iter()
                .filter_map(|(area, _)| score.by_area.get(area).map(|t| (area.clone(), t)))
                .collect(),
        },
        Grouping {
            caption: "By domain",
            heading: "Domain",
            rows: named(&score.by_domain),
        },
        Grouping {
            caption: "By team",
            heading: "Team",
            rows: named(&score.by_team),
        },
    ]
}

/// The rules a report explains: those behind a listed finding or a top fix.
pub fn referenced(assessment: &Assessment) -> std::collections::BTreeSet<&str> {
    assessment
        .findings
        .iter()
        .filter(|f| f.outcome != Outcome::Pass)
        .map(|f| &*f.rule_id)
        .chain(
            assessment
                .summary
                .score
                .top_fixes
                .iter()
                .map(|f| f.rule_id.as_str()),
        )
        .collect()
}

/// How many pairs score, per rule ID: each rule's points are split evenly among them.
fn scoring_pairs(assessment: &Assessment) -> HashMap<&str, usize> {
    let mut scoring: HashMap<&str, usize> = HashMap::new();
    for run in assessment
        .judged
        .chunk_by(|a, b| Arc::ptr_eq(&a.rule_id, &b.rule_id))
    {
        let n = run
            .iter()
            .filter(|j| matches!(j.outcome, Outcome::Pass | Outcome::Fail | Outcome::Unknown))
            .count();
        if n > 0 {
            *scoring.entry(&run[0].rule_id).or_default() += n;
        }
    }
    scoring
}

/// What fixing one failing or unknown pair of each rule gains, by rule ID: every pair
/// of a rule carries the same share of its points.
pub fn gains<'a>(catalog: &Catalog, assessment: &'a Assessment) -> HashMap<&'a str, f64> {
    scoring_pairs(assessment)
        .into_iter()
        .filter_map(|(id, n)| {
            let rule = catalog.rule(id)?;
            Some((id, round(max_points(rule.meta.severity) / n as f64)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Judgement;
    use crate::finding::Resource;

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
    fn a_rule_earns_its_points_in_proportion_to_healthy_documents() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, _) = Catalog::builtin(&matrix);
        // LOG-001 is critical: 10 points over four tenants, 2.5 each.
        let assessment = Assessment {
            judged: vec![
                judged("LOG-001", "a", Outcome::Pass),
                judged("LOG-001", "b", Outcome::Fail),
                judged("LOG-001", "c", Outcome::Unknown),
                judged("LOG-001", "d", Outcome::Pass),
                judged("LOG-001", "e", Outcome::Waived),
                judged("LOG-001", "f", Outcome::Error),
            ],
            ..Assessment::default()
        };
        let s = score(&catalog, &assessment);
        assert_eq!(s.overall.earned, 5.0);
        assert_eq!(s.overall.possible, 10.0);
        assert_eq!(s.overall.percent, Some(50.0));
        assert_eq!(
            (
                s.overall.healthy,
                s.overall.unhealthy,
                s.overall.unknown,
                s.overall.waived
            ),
            (2, 2, 1, 1)
        );
        assert_eq!(s.top_fixes.len(), 2);
        assert_eq!(s.top_fixes[0].points, 2.5);
        assert_eq!(
            s.top_fixes[0].outcome,
            Outcome::Fail,
            "a failure sorts before missing evidence"
        );
        assert_eq!(gains(&catalog, &assessment)["LOG-001"], 2.5);
        assert_eq!(s.by_domain["logging"].percent, Some(50.0));
    }

    #[test]
    fn the_top_fixes_are_the_first_ten_of_every_unhealthy_pair_sorted() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, _) = Catalog::builtin(&matrix);
        // Two rules of different severity, names out of order, kinds of which one is a
        // prefix of the other, and more unhealthy pairs than are listed.
        let mut judged_pairs = Vec::new();
        for (rule, count) in [("LOG-012", 9), ("LOG-001", 7)] {
            let id: Arc<str> = rule.into();
            for i in 0..count {
                let kind = if i % 3 == 0 { "Tenant-x" } else { "Tenant" };
                let outcome = [Outcome::Fail, Outcome::Unknown, Outcome::Pass][i % 3];
                judged_pairs.push(Judgement {
                    rule_id: id.clone(),
                    resource: Resource {
                        kind: kind.into(),
                        name: format!("n{}", (i * 7) % count),
                    }
                    .into(),
                    outcome,
                    party: Party::Customer,
                    team: crate::assessment::UNOWNED.into(),
                });
            }
        }
        let assessment = Assessment {
            judged: judged_pairs,
            ..Assessment::default()
        };
        let s = score(&catalog, &assessment);
        let points = |rule: &str| {
            let n = assessment.judged.iter().filter(|j| &*j.rule_id == rule).count();
            round(max_points(catalog.rule(rule).unwrap().meta.severity) / n as f64)
        };
        let mut expected: Vec<(f64, Outcome, Severity, String, String)> = assessment
            .judged
            .iter()
            .filter(|j| j.outcome != Outcome::Pass)
            .map(|j| {
                let rule = catalog.rule(&j.rule_id).unwrap();
                (
                    points(&j.rule_id),
                    j.outcome,
                    rule.meta.severity,
                    j.rule_id.to_string(),
                    j.resource.to_string(),
                )
            })
            .collect();
        expected.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
        });
        expected.truncate(10);
        let got: Vec<(f64, Outcome, Severity, String, String)> = s
            .top_fixes
            .iter()
            .map(|f| {
                (
                    f.points,
                    f.outcome,
                    f.severity,
                    f.rule_id.clone(),
                    f.resource.clone(),
                )
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn nothing_judged_is_not_applicable() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, _) = Catalog::builtin(&matrix);
        let s = score(&catalog, &Assessment::default());
        assert_eq!(s.overall.percent, None);
        assert!(s.top_fixes.is_empty());
    }
}
