//! `--changed-since REF`: which documents a change touched. The whole estate is still
//! evaluated (rules that look across documents must see all of them); only the report
//! and the gate are narrowed to documents that are new or differ from REF. A document
//! counts as changed when its parsed value differs, so reformatting or moving it within
//! its file does not.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::diagnostic::{Diagnostic, Stage};
use crate::inventory::{Inventory, parse};

/// Documents (kind, name) added or changed since a git revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub documents: BTreeSet<(String, String)>,
}

/// How `--changed-since` narrowed a run, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Narrowing {
    pub since: String,
    /// Documents added or changed since the revision.
    pub documents_changed: usize,
    /// Findings left out of the report because their document did not change.
    pub findings_hidden: usize,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

fn nul_separated(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// One git work tree the inventory's files live in.
struct Repository {
    root: PathBuf,
    /// Paths (relative to the root, `/`-separated) that differ from the revision or
    /// are untracked.
    touched: BTreeSet<String>,
}

impl Repository {
    fn open(dir: &Path, since: &str) -> Result<Repository, String> {
        let top = git(dir, &["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("{} is not in a git work tree ({e})", dir.display()))?;
        let root = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let root = root.canonicalize().unwrap_or(root);
        git(
            &root,
            &["rev-parse", "--verify", "--quiet", &format!("{since}^{{commit}}")],
        )
        .map_err(|_| format!("unknown git revision {since:?} in {}", root.display()))?;
        let mut touched: BTreeSet<String> = nul_separated(&git(
            &root,
            &["diff", "--name-only", "--no-renames", "-z", since, "--"],
        )?)
        .collect();
        touched.extend(nul_separated(&git(
            &root,
            &["ls-files", "--others", "--exclude-standard", "-z"],
        )?));
        Ok(Repository { root, touched })
    }
}

/// The documents of `inventory` that are new or differ from revision `since`.
pub fn since(inventory: &Inventory, since: &str) -> Result<Changed, Diagnostic> {
    let fail = |m: String| Diagnostic::general(Stage::Usage, format!("--changed-since: {m}"));
    let mut repositories: Vec<Repository> = Vec::new();
    let mut by_dir: HashMap<PathBuf, usize> = HashMap::new();
    // Whether each file differs from the revision, and the documents every such
    // file held at the revision: a document moved between changed files, unchanged,
    // is not new.
    let mut touched_files = Vec::with_capacity(inventory.files.len());
    let mut before: BTreeMap<(String, String), regorus::Value> = BTreeMap::new();
    let mut converter = crate::rego_value::Converter::new();
    for file in &inventory.files {
        let path = Path::new(&file.display);
        let absolute = path
            .canonicalize()
            .map_err(|e| fail(format!("cannot resolve {}: {e}", file.display)))?;
        let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        let repo = match by_dir.get(&dir) {
            Some(i) => *i,
            None => {
                let i = match repositories.iter().position(|r| dir.starts_with(&r.root)) {
                    Some(i) => i,
                    None => {
                        repositories.push(Repository::open(&dir, since).map_err(&fail)?);
                        repositories.len() - 1
                    }
                };
                by_dir.insert(dir, i);
                i
            }
        };
        let repository = &repositories[repo];
        let relative = absolute
            .strip_prefix(&repository.root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let touched = repository.touched.contains(&relative);
        touched_files.push(touched);
        if !touched {
            continue;
        }
        // New, unreadable or unparsable at the revision: nothing to compare against.
        let Some(parsed) = git(&repository.root, &["show", &format!("{since}:{relative}")])
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| parse::parse(&text).ok())
        else {
            continue;
        };
        for (_, v) in parsed.documents {
            let key = (|| {
                Some((
                    v.get("kind")?.as_str()?.to_owned(),
                    v.pointer("/metadata/name")?.as_str()?.to_owned(),
                ))
            })();
            if let Some(key) = key {
                before.insert(key, converter.value(&v));
            }
        }
    }
    let mut changed = Changed::default();
    for d in &inventory.documents {
        let key = (d.kind.clone(), d.name.clone());
        if touched_files.get(d.file).copied().unwrap_or(false) && before.get(&key) != Some(&d.value) {
            changed.documents.insert(key);
        }
    }
    Ok(changed)
}
