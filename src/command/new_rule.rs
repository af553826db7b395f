//! `steward new-rule`: scaffold an organisational rule that works out of the box.

use std::io::{self, Write};

use crate::cli::NewRuleArgs;
use crate::diagnostic::{Diagnostic, Stage};
use crate::inventory::schema::{kinds, suggest};
use crate::scaffold::{self, Request};

use super::{Status, report_diagnostics};

fn valid_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub fn run(args: &NewRuleArgs, out: &mut dyn Write) -> io::Result<Status> {
    let fail = |m: String| {
        report_diagnostics(&[Diagnostic::general(Stage::Usage, m)]);
        Ok(Status::Error)
    };
    let known = kinds();
    if !known.contains(&args.kind) {
        let hint = suggest(&args.kind, known.iter().map(String::as_str))
            .map(|s| format!("did you mean {s}? "))
            .unwrap_or_default();
        return fail(format!(
            "--kind {}: unknown kind; {hint}(known kinds: {})",
            args.kind,
            known.join(", ")
        ));
    }
    if crate::catalog::meta::valid_id(&args.id).is_err() {
        return fail(format!(
            "rule id {:?} must look like ABC-123 (capitals, a dash, three digits)",
            args.id
        ));
    }
    if let Some(existing) = id_in_use(&args.id, &args.out.join("rules")) {
        return fail(format!(
            "rule id {} is already used by {existing}; IDs are never reused",
            args.id
        ));
    }
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| args.id.to_ascii_lowercase().replace('-', "_"));
    for (flag, value) in [("--domain", args.domain.as_str()), ("--name", name.as_str())] {
        if !valid_identifier(value) {
            return fail(format!(
                "{flag} {value:?} must be lower-case letters, digits and underscores"
            ));
        }
    }
    let request = Request {
        id: &args.id,
        kind: &args.kind,
        domain: &args.domain,
        name: &name,
    };
    for (relative, content) in scaffold::files(&request) {
        let path = args.out.join(&relative);
        if path.exists() {
            writeln!(out, "skipped {} (already exists)", path.display())?;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, content)?;
        writeln!(out, "wrote   {}", path.display())?;
    }
    let rules = args.out.join("rules");
    writeln!(
        out,
        "\nnext:\n  steward test {rules}\n  steward check --rules {rules} {fixture}",
        rules = rules.display(),
        fixture = args
            .out
            .join("testdata/rules")
            .join(&args.id)
            .join("bad.yaml")
            .display()
    )?;
    Ok(Status::Clean)
}

/// Where `id` is already defined: in the built-in catalog or in the project's rules.
fn id_in_use(id: &str, rules: &std::path::Path) -> Option<String> {
    let matrix = crate::responsibility::Matrix::builtin().ok()?;
    let (builtin, _) = crate::catalog::Catalog::builtin(&matrix);
    if let Some(rule) = builtin.rule(id) {
        return Some(format!("the built-in rule {}", rule.path));
    }
    let (modules, _) = crate::catalog::Catalog::read_dir(rules);
    let marker = format!("#   id: {id}\n");
    modules
        .iter()
        .find(|m| m.text.contains(&marker))
        .map(|m| m.path.clone())
}
