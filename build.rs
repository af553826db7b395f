//! Embeds the built-in catalog (every file under rules/ and the rule fixtures under
//! testdata/rules/) so that `steward check DIR` needs nothing on disk but the inventory.

use std::fmt::Write as _;
use std::path::Path;

fn embed(out: &mut String, name: &str, root: &str, keep: fn(&Path) -> bool) {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && keep(e.path()))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &[");
    for path in files {
        let shown = path.to_string_lossy().replace('\\', "/");
        let absolute = std::fs::canonicalize(&path).unwrap_or(path);
        let _ = writeln!(
            out,
            "    ({shown:?}, include_str!({:?})),",
            absolute.to_string_lossy()
        );
    }
    let _ = writeln!(out, "];");
}

fn main() {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=testdata/rules");
    let mut out = String::new();
    embed(&mut out, "RULE_FILES", "rules", |p| {
        p.extension().is_some_and(|e| e == "rego")
    });
    embed(&mut out, "FIXTURE_FILES", "testdata/rules", |p| {
        p.extension().is_some_and(|e| e == "yaml")
    });
    // `--version` names the catalog: its version (rules/VERSION) and its rule count.
    let rules = walkdir::WalkDir::new("rules")
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".rego") && !name.ends_with("_test.rego") && !e.path().starts_with("rules/lib")
        })
        .count();
    let version = std::fs::read_to_string("rules/VERSION").unwrap_or_default();
    println!("cargo::rustc-env=STEWARD_CATALOG_RULES={rules}");
    println!("cargo::rustc-env=STEWARD_CATALOG_VERSION={}", version.trim());
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("builtin.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
