//! Splitting one run across machines: `--shard K/N` evaluates every Nth rule of the
//! catalog, `--shard-out` writes what those rules returned, and `--merge-from` puts
//! the shards' results back together so that the report is the one a single run gives.
//!
//! Shards split the rules, not the files: a rule may join documents of several kinds
//! from anywhere in the estate (data sources naming data stores, connectors naming
//! subscriptions), so only a run that sees every document can say what it returns.
//! Every shard therefore reads the whole inventory; evaluation, which costs ten times
//! the parse at scale, is what is divided.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Stage};
use crate::digest::Digest;
use crate::engine::{RawResult, RuleRun};
use crate::finding::Location;
use crate::inventory::Inventory;

/// The format tag of a shard file; a reader refuses any other.
const FORMAT: &str = "steward-shard/1";

/// `K/N`: the Kth of N shards, counting from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let expected = || format!("expected K/N with 1 <= K <= N, such as 2/4; found {text:?}");
        let (k, n) = text.split_once('/').ok_or_else(expected)?;
        let index: usize = k.trim().parse().map_err(|_| expected())?;
        let count: usize = n.trim().parse().map_err(|_| expected())?;
        if index == 0 || index > count {
            return Err(expected());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the rule at `position` in the catalog belongs to this shard. Dealing
    /// rules out in turn spreads each domain's rules, and their cost, over the shards.
    pub fn takes(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

/// What a set of rule results depends on. Shards can be merged only when all of them,
/// and the merging run, agree on every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunKey {
    /// The steward version: another version may evaluate the same rules differently.
    pub steward: String,
    pub as_of: String,
    /// Digest of every rule and helper module and of `data` (parameters, matrix, date).
    pub rules: String,
    /// Digest of every document, by kind and name.
    pub inventory: String,
}

impl RunKey {
    pub fn new(catalog: &Catalog, data: &serde_json::Value, inventory: &Inventory, as_of: &str) -> RunKey {
        let mut rules = Digest::new();
        for module in &catalog.modules {
            rules.field(&module.path).field(&module.text);
        }
        rules.json(data);
        let mut documents: Vec<_> = inventory.documents.iter().collect();
        documents.sort_by(|a, b| (&a.kind, &a.name).cmp(&(&b.kind, &b.name)));
        let mut digest = Digest::new();
        for d in documents {
            digest.field(&d.kind).field(&d.name).json(&d.value);
        }
        RunKey {
            steward: env!("CARGO_PKG_VERSION").to_owned(),
            as_of: as_of.to_owned(),
            rules: rules.hex(),
            inventory: digest.hex(),
        }
    }
}

/// One rule's results as a shard file holds them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum Results {
    Done {
        deny: Vec<RawResult>,
        unknown: Vec<RawResult>,
    },
    Failed {
        error: String,
    },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ShardFile {
    format: String,
    shard: String,
    key: RunKey,
    /// By rule ID.
    results: BTreeMap<String, Results>,
}

/// Writes the results of the rules `catalog` holds (this shard's) to `path`.
pub fn write(
    path: &Path,
    shard: Shard,
    key: &RunKey,
    catalog: &Catalog,
    runs: &[RuleRun],
) -> Result<(), Diagnostic> {
    let results = catalog
        .rules
        .iter()
        .zip(runs)
        .map(|(rule, run)| {
            let results = match run {
                RuleRun::Done { deny, unknown } => Results::Done {
                    deny: deny.clone(),
                    unknown: unknown.clone(),
                },
                RuleRun::Failed(error) => Results::Failed { error: error.clone() },
            };
            (rule.meta.id.clone(), results)
        })
        .collect();
    let file = ShardFile {
        format: FORMAT.to_owned(),
        shard: shard.to_string(),
        key: key.clone(),
        results,
    };
    let shown = path.display().to_string();
    let text = serde_json::to_string(&file).map_err(|e| {
        Diagnostic::in_file(
            Stage::Usage,
            &shown,
            format!("cannot encode the shard results: {e}"),
        )
    })?;
    std::fs::write(path, text + "\n").map_err(|e| {
        Diagnostic::in_file(
            Stage::Usage,
            &shown,
            format!("cannot write the shard results: {e}"),
        )
    })
}

/// The results of every rule of `catalog`, in catalog order, taken from the shard
/// files at `paths` (files, or directories whose `.json` files are read). Every
/// problem is reported: a file that does not parse, one from another run, a shard
/// given twice or missing, a rule with no result.
pub fn merge(paths: &[PathBuf], key: &RunKey, catalog: &Catalog) -> Result<Vec<RuleRun>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        match shard_files(path) {
            Ok(found) => files.extend(found),
            Err(e) => errors.push(e),
        }
    }
    let mut count: Option<(usize, String)> = None;
    let mut seen: BTreeMap<usize, String> = BTreeMap::new();
    let mut results: BTreeMap<String, Results> = BTreeMap::new();
    for path in &files {
        let shown = path.display().to_string();
        let file = match read(path) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let problem = |message: String| Diagnostic::in_file(Stage::Usage, &shown, message);
        if file.format != FORMAT {
            errors.push(problem(format!(
                "expected a {FORMAT} file; found format {:?}",
                file.format
            )));
            continue;
        }
        if let Some(difference) = differs(&file.key, key) {
            errors.push(problem(format!("cannot be merged into this run: {difference}")));
            continue;
        }
        let shard = match file.shard.parse::<Shard>() {
            Ok(s) => s,
            Err(e) => {
                errors.push(problem(format!("shard: {e}")));
                continue;
            }
        };
        match &count {
            Some((n, first)) if *n != shard.count => {
                errors.push(problem(format!(
                    "is shard {shard}, but {first} splits the run into {n} shards"
                )));
                continue;
            }
            Some(_) => {}
            None => count = Some((shard.count, shown.clone())),
        }
        if let Some(first) = seen.get(&shard.index) {
            errors.push(problem(format!("shard {shard} is also given by {first}")));
            continue;
        }
        seen.insert(shard.index, shown.clone());
        for (id, result) in file.results {
            match catalog.rules.iter().position(|r| r.meta.id == id) {
                Some(position) if shard.takes(position) => {
                    results.insert(id, result);
                }
                _ => errors.push(problem(format!(
                    "holds results for rule {id}, which is not in shard {shard}"
                ))),
            }
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::general(
            Stage::Usage,
            "--merge-from: no shard files found",
        ));
    }
    if let Some((n, _)) = count {
        let missing: Vec<String> = (1..=n)
            .filter(|k| !seen.contains_key(k))
            .map(|k| format!("{k}/{n}"))
            .collect();
        if !missing.is_empty() {
            errors.push(Diagnostic::general(
                Stage::Usage,
                format!("--merge-from: missing shard {}", missing.join(", ")),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut runs = Vec::with_capacity(catalog.rules.len());
    for rule in &catalog.rules {
        runs.push(match results.remove(&rule.meta.id) {
            Some(Results::Done { deny, unknown }) => RuleRun::Done { deny, unknown },
            Some(Results::Failed { error }) => RuleRun::Failed(error),
            None => RuleRun::Failed("no shard holds a result for this rule".to_owned()),
        });
    }
    Ok(runs)
}

fn shard_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = path.display().to_string();
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| Diagnostic::in_file(Stage::Usage, &shown, format!("cannot read the directory: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<ShardFile, Diagnostic> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::in_file(Stage::Usage, &shown, format!("cannot read the shard file: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        Diagnostic::at(
            Stage::Usage,
            Location {
                file: shown,
                line: e.line(),
                column: e.column(),
            },
            format!("not a shard file written by --shard-out: {e}"),
        )
    })
}

/// The first way `theirs` differs from `ours`, said in the user's terms.
fn differs(theirs: &RunKey, ours: &RunKey) -> Option<String> {
    if theirs.steward != ours.steward {
        return Some(format!(
            "it was written by steward {}, this is {}",
            theirs.steward, ours.steward
        ));
    }
    if theirs.as_of != ours.as_of {
        return Some(format!(
            "it was evaluated as of {}, this run is as of {} (give the same --as-of)",
            theirs.as_of, ours.as_of
        ));
    }
    if theirs.rules != ours.rules {
        return Some("it was evaluated with other rules or parameters".to_owned());
    }
    if theirs.inventory != ours.inventory {
        return Some("it was evaluated on another inventory".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_deal_rules_in_turn() {
        let s: Shard = "2/3".parse().unwrap();
        assert_eq!(s, Shard { index: 2, count: 3 });
        assert_eq!((0..7).filter(|&p| s.takes(p)).collect::<Vec<_>>(), [1, 4]);
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", ""] {
            assert!(
                bad.parse::<Shard>().unwrap_err().contains("expected K/N"),
                "{bad}"
            );
        }
    }

    #[test]
    fn every_rule_falls_in_exactly_one_shard() {
        for n in 1..6 {
            for position in 0..20 {
                let owners = (1..=n)
                    .filter(|&k| Shard { index: k, count: n }.takes(position))
                    .count();
                assert_eq!(owners, 1);
            }
        }
    }
}
