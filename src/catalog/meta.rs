//! Rule metadata: the OPA `# METADATA` annotation block at the top of each rule file.
//!
//! regorus does not expose `rego.metadata.*`, so the block is read here, with the same
//! syntax OPA uses (a YAML document in comments), so that `opa` and editors understand
//! the files too. steward's own fields live under `custom`, where OPA allows anything.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::Severity;

/// An entry of `related_resources`, in OPA's format.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedResource {
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A threshold a rule reads from `data.steward.params[ID]`, with its default.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub default: serde_json::Value,
    pub description: String,
}

/// Everything the host needs to know about a rule, from its annotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    /// The row of the responsibility matrix the rule's subject belongs to.
    pub area: String,
    /// The document kinds the rule judges: each document of these kinds gets one outcome.
    pub kinds: Vec<String>,
    /// The guidance item the rule encodes (seed document and section).
    pub guidance: String,
    pub remediation: String,
    pub mcsb: Vec<String>,
    pub params: BTreeMap<String, Param>,
    /// A pack the rule belongs to (e.g. healthcare); packs can be switched on and off.
    pub pack: Option<String>,
    pub related_resources: Vec<RelatedResource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnotation {
    title: String,
    description: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    related_resources: Vec<RelatedResource>,
    custom: RawCustom,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustom {
    id: String,
    severity: Severity,
    area: String,
    kinds: Vec<String>,
    guidance: String,
    remediation: String,
    #[serde(default)]
    mcsb: Vec<String>,
    #[serde(default)]
    params: BTreeMap<String, Param>,
    #[serde(default)]
    pack: Option<String>,
}

/// A metadata problem with the 1-based line in the rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaError {
    pub line: usize,
    pub message: String,
}

/// The `# METADATA` block of `source`: its first line number and its YAML text.
pub fn annotation_block(source: &str) -> Option<(usize, String)> {
    let mut lines = source.lines().enumerate();
    let (start, _) = lines.by_ref().find(|(_, l)| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for (_, line) in lines {
        let Some(rest) = line.strip_prefix('#') else { break };
        yaml.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        yaml.push('\n');
    }
    Some((start + 1, yaml))
}

/// Checks the shape of a rule ID: capitals, a dash, three digits (`LOG-001`).
pub fn valid_id(id: &str) -> Result<(), String> {
    let (prefix, number) = id.split_once('-').unwrap_or((id, ""));
    let ok = !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && number.len() == 3
        && number.chars().all(|c| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "rule id {id:?} must look like ABC-123 (capitals, a dash, three digits)"
        ))
    }
}

/// Parses and checks the metadata of a rule file.
pub fn parse(source: &str) -> Result<RuleMeta, MetaError> {
    let (start, yaml) = annotation_block(source).ok_or(MetaError {
        line: 1,
        message: "no `# METADATA` block: every rule needs title, description and custom metadata".into(),
    })?;
    let raw: RawAnnotation = serde_yaml::from_str(&yaml).map_err(|e| {
        let line = e.location().map_or(start, |l| start + l.line());
        let mut message = e.to_string();
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        MetaError {
            line,
            message: format!("invalid metadata: {message}"),
        }
    })?;
    let err = |message: String| MetaError { line: start, message };
    if raw.scope.as_deref().is_some_and(|s| s != "package") {
        return Err(err("metadata scope must be `package` (one rule per file)".into()));
    }
    valid_id(&raw.custom.id).map_err(err)?;
    for (name, value) in [
        ("title", &raw.title),
        ("description", &raw.description),
        ("custom.guidance", &raw.custom.guidance),
        ("custom.remediation", &raw.custom.remediation),
    ] {
        if value.trim().is_empty() {
            return Err(err(format!("metadata field {name} is empty")));
        }
    }
    if raw.custom.kinds.is_empty() {
        return Err(err(
            "custom.kinds is empty: name the document kinds the rule judges".into(),
        ));
    }
    Ok(RuleMeta {
        id: raw.custom.id,
        title: raw.title.trim().to_owned(),
        description: raw.description.trim().to_owned(),
        severity: raw.custom.severity,
        area: raw.custom.area,
        kinds: raw.custom.kinds,
        guidance: raw.custom.guidance.trim().to_owned(),
        remediation: raw.custom.remediation.trim().to_owned(),
        mcsb: raw.custom.mcsb,
        params: raw.custom.params,
        pack: raw.custom.pack,
        related_resources: raw.related_resources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: LOG-001\n#   severity: high\n#   area: Configurations and settings\n#   kinds: [Tenant]\n#   guidance: G\n#   remediation: R\n#   params:\n#     days: {default: 90, description: how long}\npackage steward.rules.logging.x\n";

    #[test]
    fn parses_the_annotation() {
        let m = parse(RULE).unwrap();
        assert_eq!(m.id, "LOG-001");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.kinds, vec!["Tenant"]);
        assert_eq!(m.params["days"].default, serde_json::json!(90));
    }

    #[test]
    fn an_unknown_field_names_its_line() {
        let e = parse(&RULE.replace("#   area:", "#   aera: x\n#   area:")).unwrap_err();
        assert_eq!(e.line, 7);
        assert!(e.message.contains("unknown field `aera`"), "{}", e.message);
    }

    #[test]
    fn a_missing_field_and_a_bad_id_are_errors() {
        assert!(
            parse(&RULE.replace("#   remediation: R\n", ""))
                .unwrap_err()
                .message
                .contains("missing field `remediation`")
        );
        assert!(
            parse(&RULE.replace("LOG-001", "log1"))
                .unwrap_err()
                .message
                .contains("must look like ABC-123")
        );
        assert_eq!(parse("package x\n").unwrap_err().line, 1);
    }
}
