//! The rule catalog: the built-in rules embedded in the binary, plus any rule
//! directories a user adds, each rule checked for complete metadata and a package that
//! matches its path before anything is evaluated.
//!
//! Layout: `<root>/<domain>/<name>.rego` holds package `steward.rules.<domain>.<name>`,
//! with its tests in `<name>_test.rego` (package `…_test`); `<root>/lib/*.rego` is the
//! shared helper library, package `steward.lib`.

pub mod meta;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;
use crate::responsibility::Matrix;
pub use meta::RuleMeta;

mod calls;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// The good/bad example inventories of the built-in rules, by path.
pub fn builtin_fixtures() -> &'static [(&'static str, &'static str)] {
    builtin::FIXTURE_FILES
}

/// One Rego file.
#[derive(Debug, Clone)]
pub struct Module {
    /// The path shown in messages, e.g. `rules/logging/unified_audit_log_disabled.rego`.
    pub path: String,
    /// The path relative to its catalog root, e.g. `logging/unified_audit_log_disabled.rego`.
    pub relative: String,
    pub text: String,
}

impl Module {
    fn is_test(&self) -> bool {
        self.relative.ends_with("_test.rego")
    }

    fn is_lib(&self) -> bool {
        self.relative.starts_with("lib/")
    }

    /// The package the file declares, with the line it is on.
    pub fn package(&self) -> Option<(usize, String)> {
        self.text.lines().enumerate().find_map(|(i, line)| {
            let rest = line.trim_start().strip_prefix("package ")?;
            Some((i + 1, rest.trim().to_owned()))
        })
    }

    /// The package the file must declare, from its place in the catalog.
    fn expected_package(&self) -> String {
        if self.is_lib() {
            let suffix = if self.is_test() { "_test" } else { "" };
            return format!("steward.lib{suffix}");
        }
        let stem = self.relative.trim_end_matches(".rego");
        let (stem, suffix) = match stem.strip_suffix("_test") {
            Some(s) => (s, "_test"),
            None => (stem, ""),
        };
        format!("steward.rules.{}{suffix}", stem.replace('/', "."))
    }
}

/// A rule: its metadata and the module that implements it.
#[derive(Debug, Clone)]
pub struct Rule {
    pub meta: RuleMeta,
    pub package: String,
    pub path: String,
}

impl Rule {
    /// The Rego reference of one of the rule's entry points, e.g. `data.steward.rules.x.deny`.
    pub fn entry(&self, name: &str) -> String {
        format!("data.{}.{name}", self.package)
    }
}

/// Rules, helper modules and tests, as loaded.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    /// Rule and helper modules: everything `steward check` compiles.
    pub modules: Vec<Module>,
    /// `_test.rego` modules: compiled only by `steward test`.
    pub tests: Vec<Module>,
    pub rules: Vec<Rule>,
}

impl Catalog {
    /// The rules embedded in this build.
    pub fn builtin(matrix: &Matrix) -> (Catalog, Vec<Diagnostic>) {
        let modules = builtin::RULE_FILES
            .iter()
            .map(|(path, text)| Module {
                path: (*path).to_owned(),
                relative: path.strip_prefix("rules/").unwrap_or(path).to_owned(),
                text: (*text).to_owned(),
            })
            .collect();
        Catalog::from_modules(modules, matrix)
    }

    /// Reads every `.rego` file under `root`.
    pub fn read_dir(root: &Path) -> (Vec<Module>, Vec<Diagnostic>) {
        let mut modules = Vec::new();
        let mut errors = Vec::new();
        for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego") => {
                    let shown = e.path().display().to_string();
                    let relative = e
                        .path()
                        .strip_prefix(root)
                        .unwrap_or(e.path())
                        .to_string_lossy()
                        .replace('\\', "/");
                    match std::fs::read_to_string(e.path()) {
                        Ok(text) => modules.push(Module {
                            path: shown,
                            relative,
                            text,
                        }),
                        Err(err) => errors.push(Diagnostic::in_file(
                            Stage::Rules,
                            shown,
                            format!("cannot read: {err}"),
                        )),
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    errors.push(Diagnostic::in_file(
                        Stage::Rules,
                        at,
                        format!("cannot read: {err}"),
                    ));
                }
            }
        }
        (modules, errors)
    }

    /// Sorts modules into rules, helpers and tests and checks each rule's metadata.
    /// A rule with bad metadata is reported and left out; the others still load.
    pub fn from_modules(modules: Vec<Module>, matrix: &Matrix) -> (Catalog, Vec<Diagnostic>) {
        let kinds = crate::inventory::schema::kinds();
        let mut catalog = Catalog::default();
        let mut errors = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        // Reading the metadata is most of the time a run spends before compiling; the
        // files are independent. Tests and helpers have none, which is found at once.
        let metas: Vec<Result<RuleMeta, meta::MetaError>> =
            modules.par_iter().map(|m| meta::parse(&m.text)).collect();
        for (module, parsed) in modules.into_iter().zip(metas) {
            let at = |line: usize| Location {
                file: module.path.clone(),
                line,
                column: 1,
            };
            let Some((line, package)) = module.package() else {
                errors.push(Diagnostic::at(Stage::Rules, at(1), "no package declaration"));
                continue;
            };
            let expected = module.expected_package();
            if package != expected {
                errors.push(Diagnostic::at(
                    Stage::Rules,
                    at(line),
                    format!("package {package} does not match the file's place in the catalog; expected package {expected}"),
                ));
                continue;
            }
            if module.is_test() {
                catalog.tests.push(module);
                continue;
            }
            if module.is_lib() {
                catalog.modules.push(module);
                continue;
            }
            let meta = match parsed {
                Ok(m) => m,
                Err(e) => {
                    errors.push(Diagnostic::at(Stage::Rules, at(e.line), e.message));
                    continue;
                }
            };
            let meta_line = meta::annotation_block(&module.text).map_or(1, |(l, _)| l);
            let mut problems = Vec::new();
            if !matrix.has_area(&meta.area) {
                let areas: Vec<&str> = matrix.areas.iter().map(|(a, _)| a.as_str()).collect();
                problems.push(format!(
                    "area {:?} is not a row of the responsibility matrix ({})",
                    meta.area,
                    areas.join(", ")
                ));
            }
            for kind in &meta.kinds {
                if !kinds.contains(kind) {
                    problems.push(format!(
                        "kind {kind:?} is not an inventory kind ({})",
                        kinds.join(", ")
                    ));
                }
            }
            if let Some(first) = seen.get(&meta.id) {
                problems.push(format!("rule id {} is already used by {first}", meta.id));
            }
            if !problems.is_empty() {
                for p in problems {
                    errors.push(Diagnostic::at(Stage::Rules, at(meta_line), p));
                }
                continue;
            }
            seen.insert(meta.id.clone(), module.path.clone());
            catalog.rules.push(Rule {
                meta,
                package,
                path: module.path.clone(),
            });
            catalog.modules.push(module);
        }
        catalog.rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        (catalog, errors)
    }

    /// The built-in catalog (its rules when `with_builtin_rules`, its helper library
    /// always) together with the rule directories `dirs`, checked as one catalog so that
    /// an organisational rule cannot reuse a built-in ID. A directory that brings its
    /// own `lib/` (a checkout of rules/) replaces the built-in library rather than
    /// defining it twice. Test modules are kept only `with_tests`.
    pub fn assemble(
        matrix: &Matrix,
        dirs: &[PathBuf],
        with_builtin_rules: bool,
        with_tests: bool,
    ) -> (Catalog, Vec<Diagnostic>) {
        let (builtin, mut errors) = Catalog::builtin(matrix);
        if dirs.is_empty() && with_builtin_rules {
            return (builtin, errors);
        }
        let mut extra = Vec::new();
        for dir in dirs {
            let (found, read_errors) = Catalog::read_dir(dir);
            errors.extend(read_errors);
            extra.extend(found.into_iter().filter(|m| with_tests || !m.is_test()));
        }
        let own_lib = extra.iter().any(Module::is_lib);
        let keep = |m: &Module| if m.is_lib() { !own_lib } else { with_builtin_rules };
        let mut modules: Vec<Module> = builtin.modules.into_iter().filter(|m| keep(m)).collect();
        if with_tests {
            modules.extend(builtin.tests.into_iter().filter(|m| keep(m)));
        }
        // The built-in modules are checked by the project's own tests; the directories'
        // are checked here, against everything they can call.
        let checked: Vec<Module> = extra.clone();
        modules.extend(extra);
        let (catalog, more) = Catalog::from_modules(modules, matrix);
        errors.extend(more);
        let everything: Vec<Module> = catalog.modules.iter().chain(&catalog.tests).cloned().collect();
        errors.extend(calls::unknown_builtins(&checked, &everything));
        (catalog, errors)
    }

    /// Whether no rule can read another rule's results (see [`calls::may_read_rules`]),
    /// so that rules may be evaluated in separate engines.
    pub fn rules_stand_alone(&self) -> bool {
        self.modules.iter().all(|m| !calls::may_read_rules(&m.text))
    }

    /// Rules to evaluate together, as positions in `rules`: those that read the same
    /// value the helper library computes from the estate (an index of the documents,
    /// say), linked transitively. One evaluation computes such a value once for all of
    /// them; evaluated apart, each rule would compute it again. Rules that share nothing
    /// are in no batch.
    pub fn batches(&self) -> Vec<Vec<usize>> {
        // The library is one package, however many files: a value may read another's.
        let lib: Vec<&str> = self
            .modules
            .iter()
            .filter(|m| m.is_lib())
            .map(|m| m.text.as_str())
            .collect();
        let values = calls::estate_values(&lib.join("\n"));
        if values.is_empty() {
            return Vec::new();
        }
        let text: BTreeMap<&str, &str> = self
            .modules
            .iter()
            .map(|m| (m.path.as_str(), m.text.as_str()))
            .collect();
        // Each value's readers join the batch of its first reader, merging batches that
        // two values link.
        let mut batch_of: Vec<usize> = (0..self.rules.len()).collect();
        let mut first_reader: BTreeMap<String, usize> = BTreeMap::new();
        for (i, rule) in self.rules.iter().enumerate() {
            let read = text
                .get(rule.path.as_str())
                .map(|t| calls::reads_values(t, &values))
                .unwrap_or_default();
            for value in read {
                let first = *first_reader.entry(value).or_insert(i);
                let (from, to) = (batch_of[i], batch_of[first]);
                for b in &mut batch_of {
                    if *b == from {
                        *b = to;
                    }
                }
            }
        }
        let mut batches: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, b) in batch_of.into_iter().enumerate() {
            batches.entry(b).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = batches.into_values().filter(|b| b.len() > 1).collect();
        out.sort();
        out
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.meta.id == id)
    }

    /// `data.steward.params`: every rule's parameters at their defaults.
    pub fn default_params(&self) -> serde_json::Value {
        let params: BTreeMap<&str, BTreeMap<&str, &serde_json::Value>> = self
            .rules
            .iter()
            .map(|r| {
                (
                    r.meta.id.as_str(),
                    r.meta
                        .params
                        .iter()
                        .map(|(k, p)| (k.as_str(), &p.default))
                        .collect(),
                )
            })
            .collect();
        serde_json::json!(params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(relative: &str, text: &str) -> Module {
        Module {
            path: format!("rules/{relative}"),
            relative: relative.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_builtin_catalog_loads_cleanly() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, errors) = Catalog::builtin(&matrix);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!catalog.rules.is_empty());
        let all: Vec<Module> = catalog.modules.iter().chain(&catalog.tests).cloned().collect();
        let unknown = calls::unknown_builtins(&all, &all);
        assert!(unknown.is_empty(), "{unknown:?}");
    }

    #[test]
    fn a_package_outside_its_path_is_an_error_with_the_line() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, errors) = Catalog::from_modules(
            vec![module("logging/x.rego", "\npackage steward.rules.y\n")],
            &matrix,
        );
        assert!(catalog.rules.is_empty());
        assert_eq!(
            errors[0].to_string(),
            "rules/logging/x.rego:2:1: package steward.rules.y does not match the file's place in the catalog; expected package steward.rules.logging.x"
        );
    }

    #[test]
    fn tests_and_helpers_are_sorted_out() {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, errors) = Catalog::from_modules(
            vec![
                module("lib/steward.rego", "package steward.lib\n"),
                module("logging/x_test.rego", "package steward.rules.logging.x_test\n"),
            ],
            &matrix,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((catalog.modules.len(), catalog.tests.len()), (1, 1));
    }
}
