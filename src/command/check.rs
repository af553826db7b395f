//! `steward check`: load, evaluate, report.

use std::io::{self, Write};

use crate::assessment::{self, GatePolicy};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::context::{self, AsOf};
use crate::diagnostic::{Diagnostic, Stage};
use crate::engine::Engine;
use crate::inventory;
use crate::report::{self, Style};

use super::{Status, load_rules, report_diagnostics, report_notes};

pub fn run(args: &CheckArgs, config: &Config, style: Style, out: &mut dyn Write) -> io::Result<Status> {
    let as_of = match AsOf::from_flag(args.as_of.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            report_diagnostics(&[Diagnostic::general(Stage::Usage, format!("--as-of: {e}"))]);
            return Ok(Status::Error);
        }
    };
    let (matrix, catalog, mut errors) = match load_rules(&args.source, config) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report_diagnostics(&errors);
            return Ok(Status::Error);
        }
    };
    let mut clock = Phases::new(args.timings);
    let loaded = inventory::load(&args.paths);
    clock.lap("load");
    let (engine, compile_errors) = Engine::compile(&catalog, &[]);
    errors.extend(compile_errors);
    clock.lap("compile");
    errors.extend(loaded.errors);
    report_notes(&loaded.notes);

    let input = loaded.inventory.to_input();
    let data = context::data_with_params(config.params(&catalog), &matrix, as_of);
    let timed = engine.evaluate_timed(&catalog, &input, &data);
    clock.lap("evaluate");
    if args.timings {
        let mut slowest: Vec<(&str, f64)> = catalog
            .rules
            .iter()
            .zip(&timed)
            .map(|(r, (_, d))| (r.meta.id.as_str(), d.as_secs_f64()))
            .collect();
        slowest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let mut err = io::stderr().lock();
        for (id, seconds) in slowest.iter().take(10) {
            let _ = writeln!(err, "timing rule {id}: {seconds:.3} s");
        }
    }
    let runs: Vec<_> = timed.into_iter().map(|(run, _)| run).collect();
    let mut assessment = assessment::assess(&catalog, &runs, &loaded.inventory, &matrix);
    clock.lap("assess");
    assessment.summary.as_of = as_of.to_string();
    assessment.summary.errors = errors.len();
    assessment.gate(&GatePolicy {
        min_severity: args.fail_on,
        parties: args.fail_on_party.clone(),
    });

    report_diagnostics(&errors);
    let cx = report::Context {
        assessment: &assessment,
        errors: &errors,
        catalog: &catalog,
        style,
    };
    for output in &args.formats {
        match &output.path {
            None => report::render(output.format, &cx, out)?,
            Some(path) => {
                let plain = report::Context {
                    style: Style { color: false },
                    ..cx
                };
                let mut file = std::fs::File::create(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
                report::render(output.format, &plain, &mut file)?;
            }
        }
    }
    clock.lap("report");
    clock.print();
    Ok(if assessment.has_errors() {
        Status::Error
    } else if assessment.has_failures() {
        Status::Failed
    } else {
        Status::Clean
    })
}

/// Wall time per phase, for `--timings` (and the benchmark, which reads "evaluate").
struct Phases {
    on: bool,
    last: std::time::Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Phases {
    fn new(on: bool) -> Phases {
        Phases {
            on,
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        if self.on {
            let now = std::time::Instant::now();
            self.laps
                .push((name, now.duration_since(self.last).as_secs_f64()));
            self.last = now;
        }
    }

    fn print(&self) {
        let mut err = io::stderr().lock();
        for (name, seconds) in &self.laps {
            let _ = writeln!(err, "timing {name}: {seconds:.3} s");
        }
    }
}
