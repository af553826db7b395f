//! `steward check`: load, evaluate, judge against waivers and a baseline, report.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::assessment::{self, Assessment, GatePolicy};
use crate::baseline::Baseline;
use crate::catalog::Catalog;
use crate::changes;
use crate::cli::{CheckArgs, ImportSource, LimitArgs, RuleSource, RunArgs, WaiverSource};
use crate::config::{self, Config};
use crate::context::{self, AsOf};
use crate::diagnostic::{Diagnostic, Stage};
use crate::engine::Engine;
use crate::inventory::{self, Inventory};
use crate::progress::Progress;
use crate::report::{self, Style};
use crate::shard::{self, RunKey, Shard};
use crate::waiver::Ledger;

use super::{Status, load_rules, report_diagnostics, report_notes, report_warnings};

/// What a check run is asked to evaluate, shared with `steward baseline create`.
pub(super) struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub as_of: Option<&'a str>,
    pub source: &'a RuleSource,
    pub waivers: &'a WaiverSource,
    pub limits: &'a LimitArgs,
    pub timings: bool,
    /// `--import` sources, imported in memory and checked with the inventory.
    pub imports: &'a [ImportSource],
    pub overlay: Option<&'a std::path::Path>,
    /// `--shard K/N`: evaluate only this shard's rules.
    pub shard: Option<Shard>,
    /// `--shard-out`: where to write the rule results.
    pub shard_out: Option<&'a std::path::Path>,
    /// `--merge-from`: take the rule results from these shard files instead.
    pub merge_from: &'a [PathBuf],
}

impl<'a> Request<'a> {
    /// The inventory at `paths`, nothing imported, no timings.
    pub fn new(paths: &'a [PathBuf], run: &'a RunArgs) -> Request<'a> {
        Request {
            paths,
            as_of: run.as_of.as_deref(),
            source: &run.source,
            waivers: &run.waivers,
            limits: &run.limits,
            timings: false,
            imports: &[],
            overlay: None,
            shard: None,
            shard_out: None,
            merge_from: &[],
        }
    }
}

/// An evaluated estate: the assessment and every problem met on the way.
pub(super) struct Evaluated {
    pub catalog: Catalog,
    pub inventory: Inventory,
    pub assessment: Assessment,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Loads rules, configuration and inventory, evaluates, and judges with the waivers.
/// `Err` is a usage problem already reported; the run cannot start.
pub(super) fn evaluate(request: &Request<'_>, config: &Config) -> Result<Evaluated, Status> {
    let usage = |message: String| {
        report_diagnostics(&[Diagnostic::general(Stage::Usage, message)]);
        Status::Error
    };
    let as_of = AsOf::from_flag(request.as_of).map_err(|e| usage(format!("--as-of: {e}")))?;
    let jobs = request.limits.jobs.and_then(|j| usize::try_from(j).ok());
    if let Some(jobs) = jobs {
        // Reading the rules, loading and locating share one pool, bounded like the rule
        // workers; it is built before its first use. Building it twice in one process
        // fails harmlessly: the first bound stays.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
    }
    let (matrix, mut catalog, mut errors) = load_rules(request.source, config).map_err(|errors| {
        report_diagnostics(&errors);
        Status::Error
    })?;
    let mut waivers = Vec::new();
    if !request.waivers.no_waivers {
        waivers.extend(config.waivers.iter().cloned());
        for file in &request.waivers.files {
            match config::load_waiver_file(file) {
                Ok(w) => {
                    for w in &w {
                        if catalog.rule(&w.rule).is_none() {
                            errors.push(Diagnostic::at(
                                Stage::Usage,
                                w.at.clone(),
                                format!("unknown rule ID {:?}", w.rule),
                            ));
                        }
                    }
                    waivers.extend(w);
                }
                Err(e) => errors.extend(e),
            }
        }
    }
    // Parameters and the digest of the rules cover the whole catalog, so that every
    // shard and the merging run agree on them.
    let data = context::data_with_params(config.params(&catalog), &matrix, as_of);
    let full = request.shard.map(|shard| {
        let full = catalog.clone();
        let mut position = 0;
        catalog.rules.retain(|_| {
            position += 1;
            shard.takes(position - 1)
        });
        // A waiver of another shard's rule is that shard's to apply and warn about.
        waivers.retain(|w| catalog.rule(&w.rule).is_some());
        full
    });
    let mut ledger = Ledger::new(waivers, as_of.0);
    errors.extend(ledger.lifetime_errors(&config.waiver_policy));

    let mut clock = Phases::new(request.timings);
    let progress = Progress::start(super::verbosity() > super::QUIET);
    progress.phase("reading the inventory");
    let merging = !request.merge_from.is_empty();
    // Compiling the rules needs nothing from the inventory, so it runs while the
    // inventory loads: on a small estate the two take about as long.
    let (compiled, (loaded, import_errors)) = rayon::join(
        || {
            (!merging).then(|| {
                let start = std::time::Instant::now();
                let (engine, compile_errors) = Engine::compile_split(&catalog, request.limits.engine(), jobs);
                let ready = engine.prepare(&catalog, &data);
                (engine, ready, compile_errors, start.elapsed())
            })
        },
        || load_inventory(request, &as_of),
    );
    errors.extend(import_errors);
    clock.lap("load");
    errors.extend(loaded.errors);
    progress.suspend(|| report_notes(&loaded.notes));
    // Made only to write or merge shards (never both in one run).
    let key = || {
        RunKey::new(
            full.as_ref().unwrap_or(&catalog),
            &data,
            &loaded.inventory,
            &as_of.to_string(),
        )
    };
    let (timed, batches) = match compiled {
        Some((engine, ready, compile_errors, took)) => {
            errors.extend(compile_errors);
            clock.overlapped("compile", took);
            let input = loaded.inventory.to_rego_input();
            progress.counted("evaluating rules", catalog.rules.len());
            let runs = engine.evaluate_timed(ready, &catalog, &input, &|| progress.step());
            let batches: Vec<Vec<usize>> = engine.batches().map(<[usize]>::to_vec).collect();
            // The process ends soon after and the system takes the memory back at once;
            // freeing the compiled modules one by one took some 2 ms.
            std::mem::forget(engine);
            (runs, batches)
        }
        None => match shard::merge(request.merge_from, &key(), &catalog) {
            Ok(runs) => (
                runs.into_iter().map(|r| (r, std::time::Duration::ZERO)).collect(),
                Vec::new(),
            ),
            Err(e) => {
                report_diagnostics(&e);
                return Err(Status::Error);
            }
        },
    };
    clock.lap("evaluate");
    if request.timings {
        let mut slowest: Vec<(&str, f64)> = catalog
            .rules
            .iter()
            .zip(&timed)
            .map(|(r, (_, d))| (r.meta.id.as_str(), d.as_secs_f64()))
            .collect();
        slowest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        // A batch is one query with one time: each of its rules says which others share it.
        let mut shared: BTreeMap<&str, String> = BTreeMap::new();
        for batch in &batches {
            for &i in batch {
                let others: Vec<&str> = batch
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| catalog.rules[j].meta.id.as_str())
                    .collect();
                shared.insert(
                    catalog.rules[i].meta.id.as_str(),
                    format!(" (one query with {})", others.join(", ")),
                );
            }
        }
        progress.suspend(|| {
            let mut err = io::stderr().lock();
            for (id, seconds) in &slowest {
                let with = shared.get(id).map_or("", String::as_str);
                let _ = writeln!(err, "timing rule {id}: {seconds:.3} s{with}");
            }
        });
    }
    progress.phase("locating and scoring findings");
    let runs: Vec<_> = timed.into_iter().map(|(run, _)| run).collect();
    if let Some(path) = request.shard_out {
        let shard = request.shard.unwrap_or(Shard { index: 1, count: 1 });
        if let Err(e) = shard::write(path, shard, &key(), &catalog, &runs) {
            errors.push(e);
        }
    }
    let mut assessment = assessment::assess(&catalog, runs, &loaded.inventory, &matrix, &mut ledger);
    clock.lap("assess");
    drop(progress);
    clock.print();
    assessment.summary.as_of = as_of.to_string();
    let warnings = ledger.warnings(&config.waiver_policy);
    Ok(Evaluated {
        catalog,
        inventory: loaded.inventory,
        assessment,
        errors,
        warnings,
    })
}

pub fn run(args: &CheckArgs, config: &Config, style: Style, out: &mut dyn Write) -> io::Result<Status> {
    let request = Request {
        timings: args.timings,
        imports: &args.imports,
        overlay: args.overlay.as_deref(),
        shard: args.shard,
        shard_out: args.shard_out.as_deref(),
        merge_from: &args.merge_from,
        ..Request::new(&args.paths, &args.run)
    };
    let Evaluated {
        catalog,
        inventory,
        mut assessment,
        mut errors,
        warnings,
    } = match evaluate(&request, config) {
        Ok(e) => e,
        Err(status) => return Ok(status),
    };
    if let Some(path) = &args.baseline {
        match Baseline::load(path) {
            Ok(b) => {
                let comparison = b.compare(&path.display().to_string(), &mut assessment);
                assessment.summary.baseline = Some(comparison);
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(since) = &args.changed_since {
        match changes::since(&inventory, since) {
            Ok(changed) => assessment.narrow(since, &changed.documents),
            Err(e) => errors.push(e),
        }
    }
    assessment.summary.errors = errors.len();
    assessment.gate(&GatePolicy {
        min_severity: args.fail_on,
        parties: args.fail_on_party.clone(),
    });

    report_diagnostics(&errors);
    report_warnings(&warnings);
    let rendering = std::time::Instant::now();
    let cx = report::Context {
        assessment: &assessment,
        errors: &errors,
        warnings: &warnings,
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
                let cannot =
                    |e: io::Error| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()));
                // Renderers write in small pieces; unbuffered, a 100,000-document report
                // spends longer in system calls than in rendering.
                let mut file = io::BufWriter::new(std::fs::File::create(path).map_err(cannot)?);
                report::render(output.format, &plain, &mut file)?;
                file.flush().map_err(cannot)?;
            }
        }
    }
    if args.timings {
        let seconds = rendering.elapsed().as_secs_f64();
        let _ = writeln!(io::stderr(), "timing report: {seconds:.3} s");
    }
    let status = if assessment.has_errors() {
        Status::Error
    } else if assessment.has_failures() {
        Status::Failed
    } else {
        Status::Clean
    };
    // The process ends once the report is written, and the system takes its memory back
    // at once; freeing the estate's values one by one first takes a tenth of a second
    // per 10,000 documents.
    std::mem::forget(inventory);
    std::mem::forget(assessment);
    Ok(status)
}

/// The inventory at the request's paths with its imports added, and the errors of the
/// imports.
fn load_inventory(request: &Request<'_>, as_of: &AsOf) -> (inventory::Loaded, Vec<Diagnostic>) {
    let mut loaded = inventory::load_with(request.paths, request.limits.max_file_bytes());
    let mut errors = Vec::new();
    if !request.imports.is_empty() {
        let default = std::path::Path::new(super::import::OVERLAY_FILE);
        match super::import::overlay(request.overlay, default) {
            Ok(overlay) => {
                for source in request.imports {
                    let imported = super::import::run_source(source, overlay.as_ref(), &as_of.to_string());
                    let tool = if source.scubagear { "scubagear" } else { "azure" };
                    // Findings point into the file `steward import` would write.
                    for file in imported.files {
                        loaded.add_file(format!("import:{tool}/{}", file.name), file.text.into_bytes());
                    }
                    loaded.notes.extend(imported.notes);
                    errors.extend(imported.errors);
                }
                if let Some(o) = &overlay {
                    loaded.notes.extend(o.unused());
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    (loaded, errors)
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

    /// A phase that ran alongside the last lap, with the wall time it took.
    fn overlapped(&mut self, name: &'static str, took: std::time::Duration) {
        if self.on {
            self.laps.push((name, took.as_secs_f64()));
        }
    }

    fn print(&self) {
        let mut err = io::stderr().lock();
        for (name, seconds) in &self.laps {
            let _ = writeln!(err, "timing {name}: {seconds:.3} s");
        }
    }
}
