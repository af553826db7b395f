//! Waivers: an accepted risk, written down. A waiver names a rule and the documents it
//! covers (kind, name glob, labels), says why and who owns the decision, and expires.
//! While it holds, the findings it covers are reported as waived and do not gate; once
//! it expires they gate again and say so.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use globset::{Glob, GlobMatcher};
use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;
use crate::inventory::Document;

/// How long waivers may last and when to start warning about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Warn about a waiver that expires within this many days.
    pub warn_within_days: i64,
    /// A waiver may cover at most this many days (from `granted`, or from the
    /// evaluation date when it has none).
    pub max_lifetime_days: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            warn_within_days: 14,
            max_lifetime_days: 365,
        }
    }
}

/// One waiver as written in the configuration or a waivers file.
#[derive(Debug, Clone)]
pub struct Waiver {
    pub rule: String,
    pub kind: Option<String>,
    pub name: Option<GlobMatcher>,
    pub labels: BTreeMap<String, String>,
    pub reason: String,
    pub owner: String,
    pub expires: NaiveDate,
    pub granted: Option<NaiveDate>,
    /// Where the waiver is written, so every message about it can point there.
    pub at: Location,
}

/// What a report says about the waiver that covered (or used to cover) a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub reason: String,
    pub owner: String,
    pub expires: String,
    /// Where the waiver is written (file:line:column).
    pub at: String,
    /// True when the waiver has expired, so the finding gates again.
    pub expired: bool,
}

impl Waiver {
    /// Reads one entry of a `waivers` list that has passed the configuration schema;
    /// dates and globs are checked here, with the position of the offending field.
    pub fn from_value(value: &Value, at: impl Fn(&str) -> Location) -> Result<Waiver, Diagnostic> {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let date = |key: &str| -> Result<Option<NaiveDate>, Diagnostic> {
            let Some(raw) = value.get(key).and_then(Value::as_str) else {
                return Ok(None);
            };
            NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some).map_err(|e| {
                Diagnostic::at(
                    Stage::Usage,
                    at(&format!("/{key}")),
                    format!("invalid date {raw:?} ({e}); expected YYYY-MM-DD"),
                )
            })
        };
        let resource = value.get("resource");
        let selector = |key: &str| resource.and_then(|r| r.get(key));
        let name = match selector("name").and_then(Value::as_str) {
            Some(pattern) => Some(
                Glob::new(pattern)
                    .map_err(|e| {
                        Diagnostic::at(
                            Stage::Usage,
                            at("/resource/name"),
                            format!("invalid name pattern {pattern:?}: {}", e.kind()),
                        )
                    })?
                    .compile_matcher(),
            ),
            None => None,
        };
        let labels = selector("labels")
            .and_then(Value::as_object)
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let expires = date("expires")?
            .ok_or_else(|| Diagnostic::at(Stage::Usage, at(""), "a waiver needs an expiry date (expires)"))?;
        Ok(Waiver {
            rule: text("rule"),
            kind: selector("kind").and_then(Value::as_str).map(str::to_owned),
            name,
            labels,
            reason: text("reason"),
            owner: text("owner"),
            expires,
            granted: date("granted")?,
            at: at(""),
        })
    }

    /// Whether the waiver's selector covers `document` for `rule_id`.
    pub fn covers(&self, rule_id: &str, document: &Document) -> bool {
        self.rule == rule_id
            && self.kind.as_ref().is_none_or(|k| *k == document.kind)
            && self.name.as_ref().is_none_or(|g| g.is_match(&document.name))
            && self
                .labels
                .iter()
                .all(|(k, v)| document.label(k) == Some(v.as_str()))
    }

    /// The expiry date as written, for messages.
    pub fn expires_text(&self) -> String {
        self.expires.format("%Y-%m-%d").to_string()
    }

    fn applied(&self, expired: bool) -> Applied {
        Applied {
            reason: self.reason.clone(),
            owner: self.owner.clone(),
            expires: self.expires_text(),
            at: self.at.to_string(),
            expired,
        }
    }
}

/// What the waivers say about one failing or unknown (rule, document) pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No waiver covers it.
    None,
    /// A waiver in force covers it.
    Waived(Applied),
    /// Only expired waivers cover it; the finding gates again.
    Expired(Applied),
}

/// The waivers of a run, judged at one date, remembering which were used so that
/// waivers that no longer cover anything can be pointed out.
#[derive(Debug, Default)]
pub struct Ledger {
    waivers: Vec<Waiver>,
    today: Option<NaiveDate>,
    used: Vec<bool>,
}

impl Ledger {
    pub fn new(waivers: Vec<Waiver>, today: NaiveDate) -> Ledger {
        let used = vec![false; waivers.len()];
        Ledger {
            waivers,
            today: Some(today),
            used,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.waivers.is_empty()
    }

    /// The verdict for a failing or unknown (rule, document) pair. A waiver in force
    /// wins over expired ones; the first written wins among equals, so the result
    /// does not depend on anything but the file.
    pub fn judge(&mut self, rule_id: &str, document: &Document) -> Verdict {
        let Some(today) = self.today else {
            return Verdict::None;
        };
        let (mut in_force, mut expired) = (None, None);
        for (i, w) in self.waivers.iter().enumerate() {
            if !w.covers(rule_id, document) {
                continue;
            }
            // Every covering waiver counts as used, even one shadowed by another.
            self.used[i] = true;
            if today <= w.expires {
                in_force.get_or_insert_with(|| w.applied(false));
            } else {
                expired.get_or_insert_with(|| w.applied(true));
            }
        }
        match (in_force, expired) {
            (Some(a), _) => Verdict::Waived(a),
            (None, Some(a)) => Verdict::Expired(a),
            (None, None) => Verdict::None,
        }
    }

    /// Waivers that outlive the policy's maximum: errors, found before anything runs.
    pub fn lifetime_errors(&self, policy: &Policy) -> Vec<Diagnostic> {
        let Some(today) = self.today else {
            return Vec::new();
        };
        self.waivers
            .iter()
            .filter_map(|w| {
                let from = w.granted.unwrap_or(today);
                let days = (w.expires - from).num_days();
                (days > policy.max_lifetime_days).then(|| {
                    Diagnostic::at(
                        Stage::Usage,
                        w.at.clone(),
                        format!(
                            "waiver for {} lasts {days} days (from {} to {}), longer than the maximum of {} days (waiverPolicy.maxLifetimeDays)",
                            w.rule,
                            from.format("%Y-%m-%d"),
                            w.expires_text(),
                            policy.max_lifetime_days
                        ),
                    )
                })
            })
            .collect()
    }

    /// Warnings once the run is judged: waivers about to expire, and waivers that
    /// covered no failing or unknown finding (the gap was fixed, or the selector is wrong).
    pub fn warnings(&self, policy: &Policy) -> Vec<Diagnostic> {
        let Some(today) = self.today else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (w, used) in self.waivers.iter().zip(&self.used) {
            let left = (w.expires - today).num_days();
            if !used {
                out.push(Diagnostic::at(
                    Stage::Usage,
                    w.at.clone(),
                    format!(
                        "waiver for {} covers no failing or unknown finding; remove it if the gap is fixed",
                        w.rule
                    ),
                ));
            } else if (0..=policy.warn_within_days).contains(&left) {
                out.push(Diagnostic::at(
                    Stage::Usage,
                    w.at.clone(),
                    format!(
                        "waiver for {} expires on {} (in {left} days; owner {})",
                        w.rule,
                        w.expires_text(),
                        w.owner
                    ),
                ));
            }
        }
        out
    }

    /// Every waiver's rule ID and position, for checking them against the catalog.
    pub fn rules(&self) -> impl Iterator<Item = (&str, &Location)> {
        self.waivers.iter().map(|w| (w.rule.as_str(), &w.at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(pointer: &str) -> Location {
        Location {
            file: format!("steward.yaml#{pointer}"),
            line: 1,
            column: 1,
        }
    }

    fn document(name: &str, labels: Value) -> Document {
        let value = json!({"kind": "Subscription", "metadata": {"name": name, "labels": labels}});
        Document::new(0, 0, &value, &mut crate::rego_value::Converter::new())
    }

    fn waiver(extra: Value) -> Waiver {
        let mut v = json!({"rule": "DEF-001", "reason": "r", "owner": "o", "expires": "2026-12-31"});
        if let (Some(v), Some(extra)) = (v.as_object_mut(), extra.as_object()) {
            v.extend(extra.clone());
        }
        Waiver::from_value(&v, at).unwrap()
    }

    #[test]
    fn selectors_match_kind_name_glob_and_labels() {
        let w = waiver(
            json!({"resource": {"kind": "Subscription", "name": "sandbox-*", "labels": {"env": "dev"}}}),
        );
        assert!(w.covers("DEF-001", &document("sandbox-1", json!({"env": "dev"}))));
        assert!(!w.covers("DEF-002", &document("sandbox-1", json!({"env": "dev"}))));
        assert!(!w.covers("DEF-001", &document("prod-1", json!({"env": "dev"}))));
        assert!(!w.covers("DEF-001", &document("sandbox-1", json!({"env": "prod"}))));
        assert!(!w.covers("DEF-001", &document("sandbox-1", json!(null))));
    }

    #[test]
    fn waivers_in_force_win_and_expired_ones_are_reported() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let old = waiver(json!({"expires": "2026-01-31"}));
        let current = waiver(json!({"expires": "2026-12-31"}));
        let d = document("a", json!({}));
        let mut ledger = Ledger::new(vec![old.clone(), current], day("2026-11-25"));
        assert!(matches!(ledger.judge("DEF-001", &d), Verdict::Waived(a) if !a.expired));
        let mut ledger = Ledger::new(vec![old], day("2026-11-25"));
        assert!(matches!(ledger.judge("DEF-001", &d), Verdict::Expired(a) if a.expires == "2026-01-31"));
        assert_eq!(ledger.judge("LOG-001", &d), Verdict::None);
    }

    #[test]
    fn lifetime_and_expiry_warnings_follow_the_policy() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let long = waiver(json!({"granted": "2025-01-01", "expires": "2026-12-31"}));
        let soon = waiver(json!({"expires": "2026-12-01"}));
        let unused = waiver(json!({"rule": "LOG-001"}));
        let mut ledger = Ledger::new(vec![long, soon, unused], day("2026-11-25"));
        let policy = Policy::default();
        let errors = ledger.lifetime_errors(&policy);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("lasts 729 days"), "{}", errors[0]);
        ledger.judge("DEF-001", &document("a", json!({})));
        let warnings: Vec<String> = ledger
            .warnings(&policy)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(
            warnings,
            vec![
                "waiver for DEF-001 expires on 2026-12-01 (in 6 days; owner o)",
                "waiver for LOG-001 covers no failing or unknown finding; remove it if the gap is fixed"
            ]
        );
    }

    #[test]
    fn bad_dates_and_globs_name_their_field() {
        let v = json!({"rule": "A-001", "reason": "r", "owner": "o", "expires": "2026-02-30"});
        let e = Waiver::from_value(&v, at).unwrap_err();
        assert_eq!(e.location.unwrap().file, "steward.yaml#/expires");
        let v = json!({"rule": "A-001", "reason": "r", "owner": "o", "expires": "2026-02-03", "resource": {"name": "a[b"}});
        let e = Waiver::from_value(&v, at).unwrap_err();
        assert_eq!(e.location.unwrap().file, "steward.yaml#/resource/name");
    }
}
