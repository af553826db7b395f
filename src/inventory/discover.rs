//! Finding the inventory files under the paths a user gives.
//!
//! Directories are walked for `.yaml`, `.yml` and `.json` files; hidden directories and
//! files are skipped (`.git`, editor state); symbolic links are followed, and a link
//! that leads back into its own ancestry is skipped rather than walked forever. A file
//! named explicitly is always read, whatever its extension.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::diagnostic::{Diagnostic, Stage};

/// One file to load: the path to open and the path to show in reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub display: String,
}

/// Notes that are worth telling a user but do not make the run fail.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Candidate>,
    pub errors: Vec<Diagnostic>,
    pub notes: Vec<String>,
}

const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

pub fn has_inventory_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_hidden(entry: &DirEntry) -> bool {
    // The roots a user names are never hidden, even `.` or `./.inventory`.
    entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.'))
}

/// Walks `roots` and returns every inventory file once, sorted by the path shown, so
/// the run does not depend on the order of arguments or of directory entries.
pub fn discover(roots: &[PathBuf]) -> Discovery {
    let mut out = Discovery::default();
    // Keyed by canonical path so a file reached twice (two arguments, or a link) loads once.
    let mut seen: BTreeMap<PathBuf, Candidate> = BTreeMap::new();
    for root in roots {
        let shown_root = root.display().to_string();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                out.errors.push(Diagnostic::in_file(
                    Stage::Read,
                    shown_root,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        if meta.is_file() {
            add(&mut seen, root.clone(), shown_root);
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        for entry in walker.filter_entry(|e| !is_hidden(e)) {
            match entry {
                Ok(e) => {
                    // steward's own files can sit beside the inventory; they are not documents.
                    let own = matches!(
                        e.file_name().to_str(),
                        Some("steward.yaml" | "steward-overlay.yaml")
                    );
                    if e.file_type().is_file() && has_inventory_extension(e.path()) && !own {
                        add(&mut seen, e.path().to_path_buf(), e.path().display().to_string());
                    }
                }
                Err(e) if e.loop_ancestor().is_some() => {
                    let at = e.path().map(|p| p.display().to_string()).unwrap_or_default();
                    out.notes.push(format!(
                        "{at}: skipped a symbolic link that loops back to its own ancestor"
                    ));
                }
                Err(e) => {
                    let at = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| shown_root.clone());
                    let reason = e
                        .io_error()
                        .map(ToString::to_string)
                        .unwrap_or_else(|| e.to_string());
                    out.errors.push(Diagnostic::in_file(
                        Stage::Read,
                        at,
                        format!("cannot read: {reason}"),
                    ));
                }
            }
        }
    }
    out.files = seen.into_values().collect();
    out.files.sort_by(|a, b| a.display.cmp(&b.display));
    out.files.dedup_by(|a, b| a.display == b.display);
    out
}

fn add(seen: &mut BTreeMap<PathBuf, Candidate>, path: PathBuf, display: String) {
    let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    seen.entry(key).or_insert(Candidate { path, display });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("b/z.yaml"), "").unwrap();
        std::fs::write(root.join("a.yml"), "").unwrap();
        std::fs::write(root.join("c.json"), "").unwrap();
        std::fs::write(root.join("notes.txt"), "").unwrap();
        std::fs::write(root.join(".git/config.yaml"), "").unwrap();
        let found = discover(&[root.to_path_buf()]);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|c| c.path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            vec![
                PathBuf::from("a.yml"),
                PathBuf::from("b/z.yaml"),
                PathBuf::from("c.json")
            ]
        );
        assert!(found.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn survives_a_symlink_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("inv")).unwrap();
        std::fs::write(root.join("inv/a.yaml"), "").unwrap();
        std::os::unix::fs::symlink(root.join("inv"), root.join("inv/loop")).unwrap();
        let found = discover(&[root.join("inv")]);
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.notes.len(), 1, "{:?}", found.notes);
    }

    #[test]
    fn a_missing_path_is_an_error_that_names_it() {
        let found = discover(&[PathBuf::from("no/such/dir")]);
        assert_eq!(found.errors.len(), 1);
        assert!(
            found.errors[0]
                .to_string()
                .starts_with("no/such/dir: cannot read"),
            "{}",
            found.errors[0]
        );
    }
}
