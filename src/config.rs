//! `steward.yaml`: switching rules and packs off, overriding severities, setting rule
//! parameters, adding organisational rule directories, and waiving accepted risks,
//! without touching the catalog. Every value remembers where it was set, so errors and `steward config show`
//! can name file:line:column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::{Location, Severity};
use crate::inventory::parse;
use crate::inventory::schema::{self, Schema};
use crate::inventory::source_map::{SourceMap, push_token};
use crate::waiver::{self, Waiver};

pub const SCHEMA_TEXT: &str = include_str!("../schemas/config.schema.json");

/// The file name looked for in the current directory and its parents.
pub const FILE_NAME: &str = "steward.yaml";

/// A value and where it was set.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub value: T,
    pub at: Location,
}

/// A parsed, schema-valid configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub rule_directories: Vec<Sourced<PathBuf>>,
    pub disable: Vec<Sourced<String>>,
    pub packs: BTreeMap<String, Sourced<bool>>,
    pub severity: BTreeMap<String, Sourced<Severity>>,
    pub params: BTreeMap<String, BTreeMap<String, Sourced<Value>>>,
    /// Waivers from this file and from its waiver files, in the order written.
    pub waivers: Vec<Waiver>,
    pub waiver_files: Vec<Sourced<PathBuf>>,
    pub waiver_policy: waiver::Policy,
}

fn compiled() -> Result<&'static Schema, String> {
    static COMPILED: OnceLock<Result<Schema, String>> = OnceLock::new();
    COMPILED
        .get_or_init(|| Schema::compile(SCHEMA_TEXT).map_err(|e| format!("config {e}")))
        .as_ref()
        .map_err(Clone::clone)
}

/// `steward.yaml` in `start` or the nearest parent that has one, as a path relative
/// to `start` (`steward.yaml`, `../steward.yaml`), so messages stay short and do not
/// depend on where the repository is checked out.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().enumerate().find_map(|(depth, dir)| {
        dir.join(FILE_NAME).is_file().then(|| {
            let mut relative: PathBuf = std::iter::repeat_n("..", depth).collect();
            relative.push(FILE_NAME);
            relative
        })
    })
}

impl Config {
    /// Reads and validates `path`; every problem is returned, with its position.
    pub fn load(path: &Path) -> Result<Config, Vec<Diagnostic>> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![Diagnostic::in_file(
                Stage::Usage,
                shown.clone(),
                format!("cannot read: {e}"),
            )]
        })?;
        Config::parse(&shown, &text, path.parent().unwrap_or(Path::new(".")))
    }

    /// Parses configuration text; `base` resolves relative rule directories.
    pub fn parse(shown: &str, text: &str, base: &Path) -> Result<Config, Vec<Diagnostic>> {
        Config::parse_with(shown, text, base, true)
    }

    /// As `parse`; `include` says whether `waiverFiles` are read (not from a waivers
    /// file itself, so files cannot include each other in a loop).
    fn parse_with(shown: &str, text: &str, base: &Path, include: bool) -> Result<Config, Vec<Diagnostic>> {
        let map = SourceMap::build(text);
        let at = |pointer: &str| {
            let (line, column) = map.locate(0, pointer).map_or((1, 1), |(p, _)| (p.line, p.column));
            Location {
                file: shown.to_owned(),
                line,
                column,
            }
        };
        let parsed = parse::parse(text).map_err(|e| {
            vec![Diagnostic::at(
                Stage::Usage,
                Location {
                    file: shown.to_owned(),
                    line: e.line.unwrap_or(1),
                    column: e.column.unwrap_or(1),
                },
                format!("invalid YAML: {}", e.message),
            )]
        })?;
        let value = match parsed.documents.into_iter().next() {
            Some((_, v)) => v,
            None => {
                return Ok(Config {
                    path: Some(PathBuf::from(shown)),
                    ..Config::default()
                });
            }
        };
        let compiled = compiled().map_err(|e| vec![Diagnostic::general(Stage::Usage, e)])?;
        let violations = if value.is_object() {
            schema::violations(compiled, &value)
        } else {
            vec![schema::Violation {
                pointer: String::new(),
                message: "expected a mapping".into(),
            }]
        };
        if !violations.is_empty() {
            return Err(violations
                .into_iter()
                .map(|v| Diagnostic::at(Stage::Usage, at(&v.pointer), v.message))
                .collect());
        }
        let mut config = Config {
            path: Some(PathBuf::from(shown)),
            ..Config::default()
        };
        let strings = |key: &str| -> Vec<(String, String)> {
            value
                .get(key)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            Some((
                                push_token(&format!("/{key}"), &i.to_string()),
                                v.as_str()?.to_owned(),
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        for (pointer, dir) in strings("ruleDirectories") {
            config.rule_directories.push(Sourced {
                value: base.join(dir),
                at: at(&pointer),
            });
        }
        for (pointer, id) in strings("disable") {
            config.disable.push(Sourced {
                value: id,
                at: at(&pointer),
            });
        }
        let entries = |key: &str| -> Vec<(String, String, Value)> {
            value
                .get(key)
                .and_then(Value::as_object)
                .map(|o| {
                    o.iter()
                        .map(|(k, v)| (push_token(&format!("/{key}"), k), k.clone(), v.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        for (pointer, name, v) in entries("packs") {
            config.packs.insert(
                name,
                Sourced {
                    value: v.as_bool().unwrap_or(true),
                    at: at(&pointer),
                },
            );
        }
        for (pointer, id, v) in entries("severity") {
            if let Ok(severity) = serde_json::from_value::<Severity>(v) {
                config.severity.insert(
                    id,
                    Sourced {
                        value: severity,
                        at: at(&pointer),
                    },
                );
            }
        }
        for (pointer, id, v) in entries("params") {
            let params = config.params.entry(id).or_default();
            for (name, value) in v.as_object().into_iter().flatten() {
                params.insert(
                    name.clone(),
                    Sourced {
                        value: value.clone(),
                        at: at(&push_token(&pointer, name)),
                    },
                );
            }
        }
        if let Some(policy) = value.get("waiverPolicy") {
            let days = |key: &str| policy.get(key).and_then(Value::as_i64);
            let defaults = waiver::Policy::default();
            config.waiver_policy = waiver::Policy {
                warn_within_days: days("warnWithinDays").unwrap_or(defaults.warn_within_days),
                max_lifetime_days: days("maxLifetimeDays").unwrap_or(defaults.max_lifetime_days),
            };
        }
        let mut errors = Vec::new();
        config.waivers = waivers_of(&value, &at, &mut errors);
        for (pointer, file) in strings("waiverFiles") {
            let path = base.join(file);
            if include {
                match load_waiver_file(&path) {
                    Ok(w) => config.waivers.extend(w),
                    Err(e) => errors.extend(e),
                }
            }
            config.waiver_files.push(Sourced {
                value: path,
                at: at(&pointer),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(config)
    }

    /// Checks the references to rules against the loaded catalog: unknown rule IDs,
    /// parameters a rule does not declare, and parameter values of the wrong type.
    pub fn check(&self, catalog: &Catalog) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let ids = || catalog.rules.iter().map(|r| r.meta.id.as_str());
        let unknown_rule = |id: &str, at: &Location| {
            let mut m = format!("unknown rule ID {id:?}");
            if let Some(s) = schema::suggest(id, ids()) {
                m.push_str(&format!("; did you mean {s:?}?"));
            }
            Diagnostic::at(Stage::Usage, at.clone(), m)
        };
        for d in &self.disable {
            if catalog.rule(&d.value).is_none() {
                out.push(unknown_rule(&d.value, &d.at));
            }
        }
        for (id, s) in &self.severity {
            if catalog.rule(id).is_none() {
                out.push(unknown_rule(id, &s.at));
            }
        }
        for (id, params) in &self.params {
            let Some(rule) = catalog.rule(id) else {
                if let Some(first) = params.values().next() {
                    out.push(unknown_rule(id, &first.at));
                }
                continue;
            };
            for (name, value) in params {
                let Some(declared) = rule.meta.params.get(name) else {
                    let declared: Vec<&str> = rule.meta.params.keys().map(String::as_str).collect();
                    let mut m = format!("rule {id} has no parameter {name:?}");
                    if let Some(s) = schema::suggest(name, declared.iter().copied()) {
                        m.push_str(&format!("; did you mean {s:?}?"));
                    } else if declared.is_empty() {
                        m.push_str(" (it takes none)");
                    } else {
                        m.push_str(&format!(" (it takes: {})", declared.join(", ")));
                    }
                    out.push(Diagnostic::at(Stage::Usage, value.at.clone(), m));
                    continue;
                };
                if json_type(&declared.default) != json_type(&value.value) {
                    out.push(Diagnostic::at(
                        Stage::Usage,
                        value.at.clone(),
                        format!(
                            "parameter {id}.{name} must be {}, like its default {}",
                            json_type(&declared.default),
                            declared.default
                        ),
                    ));
                }
            }
        }
        for w in &self.waivers {
            if catalog.rule(&w.rule).is_none() {
                out.push(unknown_rule(&w.rule, &w.at));
            }
        }
        for (pack, s) in &self.packs {
            if !catalog
                .rules
                .iter()
                .any(|r| r.meta.pack.as_deref() == Some(pack.as_str()))
            {
                out.push(Diagnostic::at(
                    Stage::Usage,
                    s.at.clone(),
                    format!("no rule belongs to a pack named {pack:?}"),
                ));
            }
        }
        out
    }

    /// Applies the configuration to `catalog`: drops disabled rules and packs and
    /// overrides severities.
    pub fn apply(&self, catalog: &mut Catalog) {
        catalog.rules.retain(|r| {
            let disabled = self.disable.iter().any(|d| d.value == r.meta.id);
            let pack_off = r
                .meta
                .pack
                .as_ref()
                .and_then(|p| self.packs.get(p))
                .is_some_and(|s| !s.value);
            !disabled && !pack_off
        });
        for rule in &mut catalog.rules {
            if let Some(s) = self.severity.get(&rule.meta.id) {
                rule.meta.severity = s.value;
            }
        }
    }

    /// `data.steward.params`: every rule's defaults with this configuration's values over them.
    pub fn params(&self, catalog: &Catalog) -> Value {
        let mut params = catalog.default_params();
        for (id, values) in &self.params {
            if let Some(rule_params) = params.get_mut(id).and_then(Value::as_object_mut) {
                for (name, v) in values {
                    if rule_params.contains_key(name) {
                        rule_params.insert(name.clone(), v.value.clone());
                    }
                }
            }
        }
        params
    }
}

/// The `waivers` list of a parsed, schema-valid configuration or waivers file.
fn waivers_of(value: &Value, at: &impl Fn(&str) -> Location, errors: &mut Vec<Diagnostic>) -> Vec<Waiver> {
    let mut out = Vec::new();
    for (i, w) in value
        .get("waivers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let base = push_token("/waivers", &i.to_string());
        match Waiver::from_value(w, |p: &str| at(&format!("{base}{p}"))) {
            Ok(w) => out.push(w),
            Err(e) => errors.push(e),
        }
    }
    out
}

/// A waivers file (`--waivers FILE`, or `waiverFiles` in the configuration): a mapping
/// with only a `waivers` list, in the configuration's format, so a separate owner
/// can review accepted risks.
pub fn load_waiver_file(path: &Path) -> Result<Vec<Waiver>, Vec<Diagnostic>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::in_file(
            Stage::Usage,
            shown.clone(),
            format!("cannot read: {e}"),
        )]
    })?;
    let config = Config::parse_with(&shown, &text, path.parent().unwrap_or(Path::new(".")), false)?;
    let only_waivers = config.waiver_policy == waiver::Policy::default()
        && config.rule_directories.is_empty()
        && config.disable.is_empty()
        && config.packs.is_empty()
        && config.severity.is_empty()
        && config.params.is_empty()
        && config.waiver_files.is_empty();
    if !only_waivers {
        return Err(vec![Diagnostic::in_file(
            Stage::Usage,
            shown,
            "a waivers file holds only a `waivers` list; move the other settings to steward.yaml",
        )]);
    }
    Ok(config.waivers)
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::responsibility::Matrix;

    fn catalog() -> Catalog {
        Catalog::builtin(&Matrix::builtin().unwrap()).0
    }

    fn parse(text: &str) -> Result<Config, Vec<String>> {
        Config::parse("steward.yaml", text, Path::new("."))
            .map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn parameters_override_defaults_and_rules_can_be_switched_off() {
        let config = parse(
            "disable: [LOG-003]\nseverity: {LOG-004: critical}\nparams:\n  LOG-002:\n    minDays: 730\n",
        )
        .unwrap();
        let mut catalog = catalog();
        assert!(config.check(&catalog).is_empty());
        config.apply(&mut catalog);
        assert!(catalog.rule("LOG-003").is_none());
        assert_eq!(catalog.rule("LOG-004").unwrap().meta.severity, Severity::Critical);
        assert_eq!(config.params(&catalog)["LOG-002"]["minDays"], 730);
        assert_eq!(
            config.params["LOG-002"]["minDays"].at.to_string(),
            "steward.yaml:5:5"
        );
    }

    #[test]
    fn unknown_keys_and_wrong_types_name_their_position() {
        assert_eq!(
            parse("disable: [LOG-003]\ndisabel: []\n").unwrap_err(),
            vec!["steward.yaml:2:1: unknown field \"disabel\"; did you mean \"disable\"?"]
        );
        assert_eq!(
            parse("severity:\n  LOG-004: urgent\n").unwrap_err(),
            vec![
                "steward.yaml:2:3: severity.LOG-004: expected one of critical, high, medium, low, info; found \"urgent\""
            ]
        );
    }

    #[test]
    fn unknown_rules_and_undeclared_parameters_are_errors() {
        let config = parse("disable: [LOG-999]\nparams:\n  LOG-002:\n    minDay: 30\n  SEN-013:\n    minRetentionDays: ninety\n").unwrap();
        let errors: Vec<String> = config.check(&catalog()).iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with("steward.yaml:1:11: unknown rule ID \"LOG-999\""),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with(
                "steward.yaml:4:5: rule LOG-002 has no parameter \"minDay\"; did you mean \"minDays\"?"
            ),
            "{errors:?}"
        );
        assert_eq!(
            errors[2],
            "steward.yaml:6:5: parameter SEN-013.minRetentionDays must be a number, like its default 90"
        );
    }
}
