//! A posture score modelled on Defender for Cloud's secure score (docs/scoring.md).
//!
//! Each rule is worth points by severity. A rule earns its points in proportion to the
//! documents it judged healthy: `max × healthy / (healthy + unhealthy)`, where unknown
//! (missing evidence) counts as unhealthy, waived and erroring pairs are left out, and a
//! rule that judged nothing is not applicable. The estate's score is the points earned
//! over the points possible. Every judged (rule, document) pair carries an equal share
//! of its rule's points, so the same sums give scores per party, area, domain and team,
//! and each failing pair's share is what fixing it gains.

use std::collections::{BTreeMap, HashMap};

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
    let domains: BTreeMap<&str, String> = catalog
        .rules
        .iter()
        .map(|r| (r.meta.id.as_str(), domain(r)))
        .collect();
    // Pairs are made as they are added up rather than collected: there are a million
    // at 100,000 documents, and the report's findings are held at the same time.
    let pairs = || {
        assessment.judged.iter().filter_map(|j| {
            let rule = rules.get(&*j.rule_id)?;
            let n = scoring.get(&*j.rule_id).copied().unwrap_or(0);
            let points = if n == 0 {
                0.0
            } else {
                max_points(rule.meta.severity) / n as f64
            };
            Some(Pair {
                rule,
                judged: j,
                outcome: j.outcome,
                points,
                party: j.party,
                team: &j.team,
            })
        })
    };
    // Groups keyed by borrowed names while adding up (a million pairs at 100,000
    // documents), owned only once per group; pairs are added in the same order either way.
    let mut score = Score::default();
    let mut by_area: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_domain: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_team: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_rule: BTreeMap<&str, Tally> = BTreeMap::new();
    for pair in pairs() {
        let pair = &pair;
        score.overall.add(pair);
        score.by_party.entry(pair.party).or_default().add(pair);
        by_area.entry(&pair.rule.meta.area).or_default().add(pair);
        let domain = domains
            .get(pair.rule.meta.id.as_str())
            .map_or("custom", String::as_str);
        by_domain.entry(domain).or_default().add(pair);
        by_team.entry(pair.team).or_default().add(pair);
        by_rule.entry(&pair.rule.meta.id).or_default().add(pair);
    }
    let owned = |map: BTreeMap<&str, Tally>| -> BTreeMap<String, Tally> {
        map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    };
    score.by_area = owned(by_area);
    score.by_domain = owned(by_domain);
    score.by_team = owned(by_team);
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
    let mut unhealthy: Vec<(f64, Pair, String)> = pairs()
        .filter(|p| matches!(p.outcome, Outcome::Fail | Outcome::Unknown))
        .map(|p| {
            let resource = p.judged.resource.to_string();
            (round(p.points), p, resource)
        })
        .collect();
    unhealthy.sort_by(|(a_points, a, a_resource), (b_points, b, b_resource)| {
        b_points
            .total_cmp(a_points)
            .then(a.outcome.cmp(&b.outcome))
            .then(a.rule.meta.severity.cmp(&b.rule.meta.severity))
            .then(a.rule.meta.id.cmp(&b.rule.meta.id))
            .then(a_resource.cmp(b_resource))
    });
    score.top_fixes = unhealthy
        .into_iter()
        .take(10)
        .map(|(points, p, resource)| Fix {
            rule_id: p.rule.meta.id.clone(),
            title: p.rule.meta.title.clone(),
            severity: p.rule.meta.severity,
            resource,
            outcome: p.outcome,
            points,
            party: p.party,
            team: p.team.to_owned(),
        })
        .collect();
    score
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
    for j in &assessment.judged {
        if matches!(j.outcome, Outcome::Pass | Outcome::Fail | Outcome::Unknown) {
            *scoring.entry(&j.rule_id).or_default() += 1;
        }
    }
    scoring
}

/// What fixing each finding's (rule, document) pair gains, keyed by rule ID and
/// `Kind/name`, for the findings' `points` field.
pub fn gains<'a>(catalog: &Catalog, assessment: &'a Assessment) -> HashMap<(&'a str, &'a Resource), f64> {
    let scoring = scoring_pairs(assessment);
    let mut out = HashMap::new();
    for j in &assessment.judged {
        if !matches!(j.outcome, Outcome::Fail | Outcome::Unknown) {
            continue;
        }
        let (Some(rule), Some(n)) = (catalog.rule(&j.rule_id), scoring.get(&*j.rule_id)) else {
            continue;
        };
        out.insert(
            (&*j.rule_id, &*j.resource),
            round(max_points(rule.meta.severity) / *n as f64),
        );
    }
    out
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
        assert_eq!(
            gains(&catalog, &assessment)[&(
                "LOG-001",
                &Resource {
                    kind: "Tenant".into(),
                    name: "b".into()
                }
            )],
            2.5
        );
        assert_eq!(s.by_domain["logging"].percent, Some(50.0));
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
