//! `steward rules`: the catalog as a table, or every rule's metadata as JSON.

use std::io::{self, Write};

use std::collections::BTreeMap;

use crate::catalog::RuleMeta;
use crate::cli::{Framework, ListFormat, RulesArgs};
use crate::config::Config;

use super::{Status, load_rules, report_diagnostics};

pub fn run(args: &RulesArgs, config: &Config, out: &mut dyn Write) -> io::Result<Status> {
    let (_, catalog, errors) = match load_rules(&args.source, config) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    report_diagnostics(&errors);
    match args.format {
        ListFormat::Json => {
            let metas: Vec<&RuleMeta> = catalog.rules.iter().map(|r| &r.meta).collect();
            serde_json::to_writer_pretty(&mut *out, &metas).map_err(io::Error::other)?;
            writeln!(out)?;
        }
        ListFormat::Text if args.framework == Some(Framework::Mcsb) => {
            let mut by_control: BTreeMap<&str, Vec<&RuleMeta>> = BTreeMap::new();
            for r in &catalog.rules {
                if r.meta.mcsb.is_empty() {
                    by_control.entry("(no MCSB control)").or_default().push(&r.meta);
                }
                for control in &r.meta.mcsb {
                    by_control.entry(control).or_default().push(&r.meta);
                }
            }
            for (control, metas) in by_control {
                writeln!(out, "{control}")?;
                for m in metas {
                    writeln!(out, "  {:<9} {:<8} {}", m.id, m.severity.as_str(), m.title)?;
                }
            }
        }
        ListFormat::Text => {
            for r in &catalog.rules {
                let m = &r.meta;
                writeln!(
                    out,
                    "{:<9} {:<8} {:<28} {}",
                    m.id,
                    m.severity.as_str(),
                    m.area,
                    m.title
                )?;
            }
            writeln!(out, "\n{} rules", catalog.rules.len())?;
        }
    }
    Ok(if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    })
}
