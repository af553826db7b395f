//! `steward config show`: the effective configuration, each value with its origin.

use std::io::{self, Write};

use crate::cli::RuleSource;
use crate::config::Config;

use super::{Status, load_rules, report_diagnostics};

pub fn show(config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let source = RuleSource {
        rules: Vec::new(),
        no_builtin: false,
    };
    let (_, catalog, errors) = match load_rules(&source, config) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    report_diagnostics(&errors);
    match &config.path {
        Some(p) => writeln!(out, "configuration: {}", p.display())?,
        None => writeln!(
            out,
            "configuration: none (no steward.yaml here or in a parent directory)"
        )?,
    }
    writeln!(out, "\nrule directories:")?;
    writeln!(out, "  (built-in catalog)")?;
    for d in &config.rule_directories {
        writeln!(out, "  {}  ({})", d.value.display(), d.at)?;
    }
    writeln!(out, "\ndisabled rules:")?;
    if config.disable.is_empty() {
        writeln!(out, "  none")?;
    }
    for d in &config.disable {
        writeln!(out, "  {}  ({})", d.value, d.at)?;
    }
    writeln!(out, "\npacks:")?;
    let mut packs: Vec<&str> = catalog
        .rules
        .iter()
        .filter_map(|r| r.meta.pack.as_deref())
        .collect();
    packs.extend(config.packs.keys().map(String::as_str));
    packs.sort_unstable();
    packs.dedup();
    for pack in packs {
        match config.packs.get(pack) {
            Some(s) => writeln!(
                out,
                "  {pack} = {}  ({})",
                if s.value { "on" } else { "off" },
                s.at
            )?,
            None => writeln!(out, "  {pack} = on  (default)")?,
        }
    }
    writeln!(out, "\nwaivers:")?;
    if config.waivers.is_empty() {
        writeln!(out, "  none")?;
    }
    for w in &config.waivers {
        let mut scope = Vec::new();
        if let Some(kind) = &w.kind {
            scope.push(format!("kind {kind}"));
        }
        if let Some(name) = &w.name {
            scope.push(format!("name {}", name.glob()));
        }
        for (k, v) in &w.labels {
            scope.push(format!("label {k}={v}"));
        }
        if scope.is_empty() {
            scope.push("every document".to_owned());
        }
        writeln!(
            out,
            "  {} on {} until {}, owner {}: {}  ({})",
            w.rule,
            scope.join(", "),
            w.expires_text(),
            w.owner,
            w.reason,
            w.at
        )?;
    }
    for f in &config.waiver_files {
        writeln!(out, "  from {}  ({})", f.value.display(), f.at)?;
    }
    let policy = &config.waiver_policy;
    writeln!(
        out,
        "  policy: warn within {} days, at most {} days long",
        policy.warn_within_days, policy.max_lifetime_days
    )?;
    writeln!(out, "\nrules and parameters:")?;
    for rule in &catalog.rules {
        let m = &rule.meta;
        let origin = config
            .severity
            .get(&m.id)
            .map_or_else(|| "default".to_owned(), |s| s.at.to_string());
        writeln!(out, "  {}  severity {}  ({origin})", m.id, m.severity)?;
        for (name, param) in &m.params {
            match config.params.get(&m.id).and_then(|p| p.get(name)) {
                Some(set) => writeln!(out, "    {name} = {}  ({})", set.value, set.at)?,
                None => writeln!(out, "    {name} = {}  (default)", param.default)?,
            }
        }
    }
    Ok(if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    })
}
