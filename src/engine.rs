//! The Rego side of a run: compile the catalog once, evaluate every rule's `deny` and
//! `unknown` against the whole-estate input, and check that what each rule returned
//! keeps the rule contract.
//!
//! Rules are spread over worker threads, each with its own clone of a compiled engine
//! (a clone shares the compiled modules and the input). A run compiles one engine per
//! worker when no rule reads another's results, each holding a share of the rules;
//! results are put back in catalog order, so neither the thread count nor the grouping
//! changes the output.

use std::collections::BTreeMap;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use regorus::utils::limits::ExecutionTimerConfig;
use serde_json::Value;

use crate::catalog::{Catalog, Rule};
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;

/// One result a rule returned: which document, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct RawResult {
    pub kind: String,
    pub name: String,
    /// JSON pointer into the document.
    pub pointer: String,
    pub message: String,
}

/// What one rule produced: its `deny` and `unknown` results, or why it could not be
/// evaluated.
#[derive(Debug, Clone)]
pub enum RuleRun {
    Done {
        deny: Vec<RawResult>,
        unknown: Vec<RawResult>,
    },
    Failed(String),
}

/// Interpreter steps between two reads of the clock for the rule timeout.
const CLOCK_INTERVAL: NonZeroU32 = match NonZeroU32::new(1024) {
    Some(n) => n,
    None => NonZeroU32::MIN,
};

/// Default wall-clock budget for one rule on one run.
pub const DEFAULT_RULE_TIMEOUT: Duration = Duration::from_secs(30);

/// Default memory budget of a run, in bytes (4 GiB): far above what 100,000 documents
/// need, low enough that a rule building a runaway value fails instead of the machine.
pub const DEFAULT_MEMORY_LIMIT: u64 = 4 << 30;

/// What one evaluation may spend; breaching either makes the rule's outcome an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time per rule.
    pub rule_timeout: Duration,
    /// Bytes the whole process may hold while rules run (regorus counts every
    /// allocation and stops an evaluation that crosses it).
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            rule_timeout: DEFAULT_RULE_TIMEOUT,
            memory: DEFAULT_MEMORY_LIMIT,
        }
    }
}

/// The compiled catalog: one regorus engine holding every module, or, when no rule can
/// read another's results, one per group of rules (each with the helper library), so
/// that the groups compile and are analysed on separate cores.
pub struct Engine {
    groups: Vec<regorus::Engine>,
    /// For each rule of the catalog: the group that holds it.
    group_of: Vec<usize>,
    /// What one query evaluates: a rule, or a batch of rules that share a value the
    /// helper library computes (see [`Catalog::batches`]); every rule is in one unit.
    units: Vec<Vec<usize>>,
    /// For each rule of the catalog: whether it declares `unknown`.
    has_unknown: Vec<bool>,
    limits: Limits,
    /// Worker threads; all available cores when None.
    jobs: Option<usize>,
}

impl Engine {
    /// Compiles every module of `catalog` into one engine. A module that does not parse
    /// is reported with its file, line and column; the rules in the others still run.
    pub fn compile(catalog: &Catalog, extra: &[crate::catalog::Module]) -> (Engine, Vec<Diagnostic>) {
        Engine::compile_with(catalog, extra, Limits::default())
    }

    /// As [`Engine::compile`], with the given limits.
    pub fn compile_with(
        catalog: &Catalog,
        extra: &[crate::catalog::Module],
        limits: Limits,
    ) -> (Engine, Vec<Diagnostic>) {
        Engine::compile_groups(catalog, extra, limits, 1)
    }

    /// As [`Engine::compile_with`] with no extra modules, to evaluate with at most
    /// `jobs` worker threads (all cores when None), and split into one engine per
    /// thread, compiled in parallel, when the rules allow it. Results do not depend on
    /// either.
    pub fn compile_split(
        catalog: &Catalog,
        limits: Limits,
        jobs: Option<usize>,
    ) -> (Engine, Vec<Diagnostic>) {
        let groups = if catalog.rules_stand_alone() {
            threads(jobs, catalog.rules.len())
        } else {
            1
        };
        let (mut engine, errors) = Engine::compile_groups(catalog, &[], limits, groups);
        engine.jobs = jobs;
        (engine, errors)
    }

    fn compile_groups(
        catalog: &Catalog,
        extra: &[crate::catalog::Module],
        limits: Limits,
        groups: usize,
    ) -> (Engine, Vec<Diagnostic>) {
        let groups = groups.clamp(1, catalog.rules.len().max(1));
        let rule_paths: BTreeMap<&str, usize> = catalog
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.path.as_str(), i))
            .collect();
        // Contiguous groups: neighbouring rules (one area's) tend to cost alike. A batch
        // is evaluated in one query, so its rules join its first rule's group.
        let mut group_of: Vec<usize> = (0..catalog.rules.len())
            .map(|i| i * groups / catalog.rules.len().max(1))
            .collect();
        let batches = catalog.batches();
        for batch in &batches {
            let g = group_of[batch[0]];
            for &i in batch {
                group_of[i] = g;
            }
        }
        // Batches go first: several rules in one query are likely a run's largest piece
        // of work, and a worker that takes one last keeps the others waiting.
        let mut batched = vec![false; catalog.rules.len()];
        let mut units = batches;
        for &i in units.iter().flatten() {
            batched[i] = true;
        }
        units.extend((0..catalog.rules.len()).filter(|&i| !batched[i]).map(|i| vec![i]));
        let modules: Vec<&crate::catalog::Module> = catalog.modules.iter().chain(extra).collect();
        let compiled: Vec<_> = (0..groups)
            .into_par_iter()
            .map(|g| {
                let mut engine = new_engine(limits);
                let mut errors: Vec<(usize, Diagnostic)> = Vec::new();
                let mut broken: Vec<&str> = Vec::new();
                for (at, module) in modules.iter().enumerate() {
                    let owner = rule_paths.get(module.path.as_str()).map(|&i| group_of[i]);
                    if owner.is_some_and(|o| o != g) {
                        continue;
                    }
                    if let Err(e) = engine.add_policy(module.path.clone(), module.text.clone()) {
                        // A shared module is in every group; its error is reported once.
                        if owner.is_some() || g == 0 {
                            errors.push((at, rego_error(&module.path, &format!("{e:#}"))));
                        }
                        broken.push(module.path.as_str());
                    }
                }
                (engine, errors, broken)
            })
            .collect();
        let has_unknown = catalog
            .rules
            .iter()
            .zip(&group_of)
            .map(|(r, &g)| {
                let (engine, _, broken) = &compiled[g];
                !broken.contains(&r.path.as_str())
                    && engine
                        .has_declared_rule_rooted_at(&r.path, "unknown")
                        .unwrap_or(false)
            })
            .collect();
        let mut errors: Vec<(usize, Diagnostic)> = Vec::new();
        let mut engines = Vec::with_capacity(groups);
        for (engine, e, _) in compiled {
            errors.extend(e);
            engines.push(engine);
        }
        // In the catalog's order, whatever the grouping.
        errors.sort_by_key(|(at, _)| *at);
        (
            Engine {
                groups: engines,
                group_of,
                units,
                has_unknown,
                limits,
                jobs: None,
            },
            errors.into_iter().map(|(_, d)| d).collect(),
        )
    }

    /// Evaluates every rule of `catalog` (the one given to [`Engine::compile`]) on
    /// `input` with `data`, in parallel.
    pub fn evaluate(&self, catalog: &Catalog, input: &regorus::Value, data: &Value) -> Vec<RuleRun> {
        let ready = self.prepare(catalog, data);
        self.evaluate_timed(ready, catalog, input, &|| {})
            .into_iter()
            .map(|(run, _)| run)
            .collect()
    }

    /// The engines that evaluate `catalog`: the compiled modules with the run's `data`
    /// and the host rules added, and regorus's analysis of them done. It needs no
    /// input, so a run makes it while the inventory loads.
    pub fn prepare(&self, catalog: &Catalog, data: &Value) -> Ready {
        regorus::set_global_memory_limit(Some(self.limits.memory));
        let data = regorus::Value::from(data.clone());
        let prepared: Vec<_> = self
            .groups
            .par_iter()
            .enumerate()
            .map(|(g, base)| {
                let mut engine = base.clone();
                engine
                    .add_data(data.clone())
                    .map_err(|e| format!("cannot load data: {e:#}"))?;
                let host = self.add_host_rules(&mut engine, catalog, g);
                // regorus analyses every module on the first evaluation after a change;
                // this one evaluates nothing else. Should it fail, every rule fails too,
                // with the reason.
                let _ = engine.eval_rule(format!("data.{HOST}.ready"));
                Ok((engine, host))
            })
            .collect();
        let mut ready = Ready {
            groups: Vec::with_capacity(prepared.len()),
            joint: vec![None; catalog.rules.len()],
            together: vec![None; self.units.len()],
            failed: None,
        };
        for group in prepared {
            match group {
                Ok((engine, host)) => {
                    ready.groups.push(engine);
                    for (i, name) in host.joint {
                        ready.joint[i] = Some(name);
                    }
                    for (u, name) in host.together {
                        ready.together[u] = Some(name);
                    }
                }
                Err(message) => ready.failed = Some(message),
            }
        }
        ready
    }

    /// Evaluates every rule of `catalog` with the `ready` engines on `input`, with the
    /// wall time each rule took; `done` is called from the worker threads as each rule
    /// finishes.
    pub fn evaluate_timed(
        &self,
        ready: Ready,
        catalog: &Catalog,
        input: &regorus::Value,
        done: &(dyn Fn() + Sync),
    ) -> Vec<(RuleRun, Duration)> {
        let rules = &catalog.rules;
        if let Some(message) = ready.failed {
            return rules
                .iter()
                .map(|_| (RuleRun::Failed(message.clone()), Duration::ZERO))
                .collect();
        }
        let Ready {
            mut groups,
            joint,
            together,
            ..
        } = ready;
        for engine in &mut groups {
            // A regorus value is reference-counted: every engine shares this one.
            engine.set_input(input.clone());
        }
        let groups = &groups;
        // Each group's units, by position in `units`.
        let members: Vec<Vec<usize>> = (0..groups.len())
            .map(|g| {
                (0..self.units.len())
                    .filter(|&u| self.group_of[self.units[u][0]] == g)
                    .collect()
            })
            .collect();
        // Workers take the next unit of a group from its counter, so one slow rule does
        // not hold back the rules that a fixed split would have queued behind it.
        let next: Vec<AtomicUsize> = members.iter().map(|_| AtomicUsize::new(0)).collect();
        let (members, next, joint, together) = (&members, &next, &joint, &together);
        let threads = threads(self.jobs, rules.len());
        let mut runs: Vec<Option<(RuleRun, Duration)>> = vec![None; rules.len()];
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|w| {
                    scope.spawn(move || {
                        let mut finished = Vec::new();
                        // A worker starts on its own group and helps the others after,
                        // cloning a group's engine only once it takes one of its rules.
                        let mut engines: Vec<Option<regorus::Engine>> = vec![None; groups.len()];
                        for step in 0..groups.len() {
                            let g = (w + step) % groups.len();
                            loop {
                                let k = next[g].fetch_add(1, Ordering::Relaxed);
                                let Some(&u) = members[g].get(k) else { break };
                                let engine = engines[g].get_or_insert_with(|| groups[g].clone());
                                let start = Instant::now();
                                let unit = Unit {
                                    rules: &self.units[u],
                                    together: together[u].as_deref(),
                                };
                                let runs = self.run_unit(engine, rules, unit, joint);
                                let took = start.elapsed();
                                for (i, run) in runs {
                                    done();
                                    finished.push((i, (run, took)));
                                }
                            }
                        }
                        finished
                    })
                })
                .collect();
            for worker in workers {
                // A worker that panicked leaves its rules as None: they become errors below.
                if let Ok(results) = worker.join() {
                    for (i, run) in results {
                        runs[i] = Some(run);
                    }
                }
            }
        });
        runs.into_iter()
            .map(|r| {
                r.unwrap_or_else(|| {
                    (
                        RuleRun::Failed("the evaluation thread stopped unexpectedly".into()),
                        Duration::ZERO,
                    )
                })
            })
            .collect()
    }

    /// Adds group `g`'s host module: `ready`, which [`Engine::prepare`] evaluates; for
    /// each of the group's rules that declares `unknown`, a rule holding both of its
    /// entry points; and for each batch, a rule holding every entry point of its rules.
    /// regorus forgets computed rules between two evaluations, so a lookup table that
    /// `deny` and `unknown` share was built twice when they were evaluated apart (half of
    /// the slowest rule's time), and a library index once per rule that reads it. The
    /// host rules share one module because regorus scans every module on each `data`
    /// reference: a module per rule made that scan a third of a small run's evaluation.
    fn add_host_rules(&self, engine: &mut regorus::Engine, catalog: &Catalog, g: usize) -> HostRules {
        let header = format!("package {HOST}\n\nready := true\n");
        let mut text = header.clone();
        let mut host = HostRules::default();
        for (i, rule) in catalog.rules.iter().enumerate() {
            if self.group_of[i] == g && self.has_unknown[i] {
                text.push_str(&format!(
                    "\nrule{i} := [d, u] if {{\n\td := {}\n\tu := {}\n}}\n",
                    rule.entry("deny"),
                    rule.entry("unknown")
                ));
                host.joint.push((i, format!("data.{HOST}.rule{i}")));
            }
        }
        for (u, unit) in self.units.iter().enumerate() {
            if unit.len() < 2 || self.group_of[unit[0]] != g {
                continue;
            }
            let mut pairs = Vec::new();
            let mut body = String::new();
            for &i in unit {
                let rule = &catalog.rules[i];
                body.push_str(&format!("\td{i} := {}\n", rule.entry("deny")));
                if self.has_unknown[i] {
                    body.push_str(&format!("\tu{i} := {}\n", rule.entry("unknown")));
                    pairs.push(format!("[d{i}, u{i}]"));
                } else {
                    pairs.push(format!("[d{i}, set()]"));
                }
            }
            text.push_str(&format!("\nunit{u} := [{}] if {{\n{body}}}\n", pairs.join(", ")));
            host.together.push((u, format!("data.{HOST}.unit{u}")));
        }
        if engine.add_policy(format!("<{HOST}>"), text).is_ok() {
            return host;
        }
        // Without the host rules each entry point is evaluated apart, as before.
        let _ = engine.add_policy(format!("<{HOST}>"), header);
        HostRules::default()
    }

    /// Evaluates one unit: a batch in one query when that succeeds; otherwise, and for a
    /// lone rule, each rule on its own, so that an error or a limit is the failing rule's
    /// alone and every rule has its own time budget.
    fn run_unit(
        &self,
        engine: &mut regorus::Engine,
        rules: &[Rule],
        unit: Unit<'_>,
        joint: &[Option<String>],
    ) -> Vec<(usize, RuleRun)> {
        if let Some(query) = unit.together
            && let Ok(regorus::Value::Array(pairs)) = engine.eval_rule(query.to_owned())
            && pairs.len() == unit.rules.len()
        {
            let runs: Option<Vec<(usize, RuleRun)>> = unit
                .rules
                .iter()
                .zip(pairs.iter())
                .map(|(&i, pair)| Some((i, entry_points(pair)?)))
                .collect();
            if let Some(runs) = runs {
                return runs;
            }
        }
        unit.rules
            .iter()
            .map(|&i| {
                (
                    i,
                    run_rule(engine, &rules[i], self.has_unknown[i], joint[i].as_deref()),
                )
            })
            .collect()
    }

    /// The rules evaluated in one query with each rule of a batch, by position in the
    /// catalog, for reporting their times: a batch has one time, not one per rule.
    pub fn batches(&self) -> impl Iterator<Item = &[usize]> {
        self.units.iter().filter(|u| u.len() > 1).map(Vec::as_slice)
    }
}

/// The host rules of one group, by the reference that evaluates them.
#[derive(Default)]
struct HostRules {
    /// A rule's `deny` and `unknown` together, by the rule's position in the catalog.
    joint: Vec<(usize, String)>,
    /// A batch's entry points together, by the batch's position in the units.
    together: Vec<(usize, String)>,
}

/// One unit of work for a worker.
#[derive(Clone, Copy)]
struct Unit<'a> {
    /// Positions in the catalog.
    rules: &'a [usize],
    /// The host rule that evaluates them in one query, for a batch.
    together: Option<&'a str>,
}

/// A rule's outcome from its `[deny, unknown]` pair, or None when `pair` is not one.
fn entry_points(pair: &regorus::Value) -> Option<RuleRun> {
    let regorus::Value::Array(both) = pair else {
        return None;
    };
    let [deny, unknown] = both.as_slice() else {
        return None;
    };
    Some(match (results("deny", deny), results("unknown", unknown)) {
        (Ok(deny), Ok(unknown)) => RuleRun::Done { deny, unknown },
        (Err(e), _) | (_, Err(e)) => RuleRun::Failed(e),
    })
}

/// The worker threads for `rules` rules: `jobs`, or all cores when None.
fn threads(jobs: Option<usize>, rules: usize) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
        .clamp(1, rules.max(1))
}

/// A regorus engine with steward's settings and no modules.
fn new_engine(limits: Limits) -> regorus::Engine {
    let mut engine = regorus::Engine::new();
    engine.set_rego_v0(false);
    // A builtin given a bad argument must be an error the author sees, not a silent
    // undefined that turns a fail into a pass.
    engine.set_strict_builtin_errors(true);
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit: limits.rule_timeout,
        // Reading the clock on every step cost 5% of a run; a rule overshoots its
        // deadline by at most this many steps, microseconds.
        check_interval: CLOCK_INTERVAL,
    });
    engine
}

/// The package of the rules the host adds; rule packages live under `steward.rules`, so
/// it cannot clash with one.
const HOST: &str = "steward.host";

/// Engines made by [`Engine::prepare`], to be given to [`Engine::evaluate_timed`].
pub struct Ready {
    /// One per group of the compiled catalog.
    groups: Vec<regorus::Engine>,
    /// For each rule, the host rule that holds both its entry points, if it has one.
    joint: Vec<Option<String>>,
    /// For each unit, the host rule that evaluates a batch in one query.
    together: Vec<Option<String>>,
    /// Why no rule can be evaluated, if none can.
    failed: Option<String>,
}

fn run_rule(engine: &mut regorus::Engine, rule: &Rule, has_unknown: bool, joint: Option<&str>) -> RuleRun {
    if let Some(joint) = joint {
        match engine.eval_rule(joint.to_owned()) {
            Ok(pair) if let Some(run) = entry_points(&pair) => return run,
            // A rule stopped by a limit would only be stopped again.
            Err(e) if e.downcast_ref::<regorus::LimitError>().is_some() => {
                return RuleRun::Failed(format!("{e:#}"));
            }
            // Undefined, or an error: evaluated apart, the error names its entry point.
            _ => {}
        }
    }
    let deny = match collect(engine, rule, "deny", true) {
        Ok(d) => d,
        Err(e) => return RuleRun::Failed(e),
    };
    let unknown = if has_unknown {
        match collect(engine, rule, "unknown", false) {
            Ok(u) => u,
            Err(e) => return RuleRun::Failed(e),
        }
    } else {
        Vec::new()
    };
    RuleRun::Done { deny, unknown }
}

fn collect(
    engine: &mut regorus::Engine,
    rule: &Rule,
    entry: &str,
    required: bool,
) -> Result<Vec<RawResult>, String> {
    let value = match engine.eval_rule(rule.entry(entry)) {
        Ok(v) => v,
        Err(e) => {
            let text = format!("{e:#}");
            if !required || !text.contains("not a valid rule path") {
                return Err(format!("{entry}: {text}"));
            }
            return Err(format!(
                "the rule has no `{entry}` rule; every rule defines `deny contains result if {{ ... }}`"
            ));
        }
    };
    results(entry, &value)
}

/// The results of one entry point, checked against the contract.
fn results(entry: &str, value: &regorus::Value) -> Result<Vec<RawResult>, String> {
    if *value == regorus::Value::Undefined {
        return Ok(Vec::new());
    }
    let json = serde_json::to_value(value).map_err(|e| format!("{entry}: result has no JSON form: {e}"))?;
    let Value::Array(items) = json else {
        return Err(format!(
            "{entry} must be a set of results, but it is {}",
            kind_of(&json)
        ));
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(result(entry, &item)?);
    }
    Ok(out)
}

/// Checks one result against the contract `{"resource": "Kind/name", "path": [...], "msg": "..."}`.
fn result(entry: &str, item: &Value) -> Result<RawResult, String> {
    let shape = || {
        format!(
            "{entry} result {item} must be {{\"resource\": \"Kind/name\", \"path\": [...], \"msg\": \"...\"}}"
        )
    };
    let Value::Object(map) = item else {
        return Err(shape());
    };
    if let Some(extra) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "resource" | "path" | "msg"))
    {
        return Err(format!("{}: unexpected key {extra:?}", shape()));
    }
    let resource = map.get("resource").and_then(Value::as_str).ok_or_else(shape)?;
    let (kind, name) = resource.split_once('/').ok_or_else(shape)?;
    let message = map.get("msg").and_then(Value::as_str).ok_or_else(shape)?;
    let path = map.get("path").and_then(Value::as_array).ok_or_else(shape)?;
    let mut pointer = String::new();
    for token in path {
        match token {
            Value::String(s) => pointer = crate::inventory::source_map::push_token(&pointer, s),
            Value::Number(n) if n.is_u64() => {
                pointer = crate::inventory::source_map::push_token(&pointer, &n.to_string())
            }
            other => {
                return Err(format!(
                    "{}: path element {other} is neither a string nor an index",
                    shape()
                ));
            }
        }
    }
    Ok(RawResult {
        kind: kind.to_owned(),
        name: name.to_owned(),
        pointer,
        message: message.to_owned(),
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A Rego parse or compile error as a diagnostic at the position regorus names.
pub fn rego_error(path: &str, text: &str) -> Diagnostic {
    // regorus renders `--> file:line:col` followed by the source line and a caret.
    let position = text.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("-->")?.trim();
        let mut parts = rest.rsplitn(3, ':');
        let column = parts.next()?.trim().parse::<usize>().ok()?;
        let line = parts.next()?.trim().parse::<usize>().ok()?;
        Some((line, column))
    });
    let message = format!("rule failed to compile:\n{}", text.trim_end());
    match position {
        Some((line, column)) => Diagnostic::at(
            Stage::Rules,
            Location {
                file: path.to_owned(),
                line,
                column,
            },
            message,
        ),
        None => Diagnostic::in_file(Stage::Rules, path, message),
    }
}

/// Lines of one policy file that tests evaluated, and those they did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCoverage {
    pub path: String,
    pub covered: usize,
    pub not_covered: usize,
}

impl Engine {
    /// Evaluates arbitrary rule references (test rules) once each, in order.
    /// `Ok(None)` means the rule was undefined. With `coverage`, also returns which
    /// lines of each policy file the evaluations reached.
    pub fn eval_refs(
        &self,
        input: &Value,
        data: &Value,
        refs: &[String],
        coverage: bool,
    ) -> (Vec<Result<Option<Value>, String>>, Vec<FileCoverage>) {
        // Tests are compiled with the catalog into one engine ([`Engine::compile`]).
        let Some(base) = self.groups.first() else {
            return (
                refs.iter().map(|_| Err("no engine".to_owned())).collect(),
                Vec::new(),
            );
        };
        let mut engine = base.clone();
        engine.set_enable_coverage(coverage);
        engine.set_input(regorus::Value::from(input.clone()));
        if let Err(e) = engine.add_data(regorus::Value::from(data.clone())) {
            let message = format!("cannot load data: {e:#}");
            return (refs.iter().map(|_| Err(message.clone())).collect(), Vec::new());
        }
        let results = refs
            .iter()
            .map(|r| match engine.eval_rule(r.clone()) {
                Ok(regorus::Value::Undefined) => Ok(None),
                Ok(v) => serde_json::to_value(&v).map(Some).map_err(|e| e.to_string()),
                Err(e) => Err(format!("{e:#}")),
            })
            .collect();
        let files = if coverage {
            engine
                .get_coverage_report()
                .map(|report| {
                    report
                        .files
                        .into_iter()
                        .map(|f| FileCoverage {
                            path: f.path,
                            covered: f.covered.len(),
                            not_covered: f.not_covered.len(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        (results, files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Module;
    use crate::responsibility::Matrix;

    fn rule(name: &str, id: &str, body: &str) -> Module {
        Module {
            path: format!("custom/{name}.rego"),
            relative: format!("custom/{name}.rego"),
            text: format!(
                "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: {id}\n#   severity: high\n#   area: Configurations and settings\n#   kinds: [Tenant]\n#   guidance: G\n#   remediation: R\npackage steward.rules.custom.{name}\n\nimport data.steward.lib\n\n{body}\n"
            ),
        }
    }

    /// The built-in helper library with `rules`.
    fn catalog(rules: Vec<Module>) -> Catalog {
        let matrix = Matrix::builtin().unwrap();
        let (builtin, _) = Catalog::builtin(&matrix);
        let mut modules: Vec<Module> = builtin
            .modules
            .into_iter()
            .filter(|m| m.relative.starts_with("lib/"))
            .collect();
        modules.extend(rules);
        let (catalog, errors) = Catalog::from_modules(modules, &matrix);
        assert!(errors.is_empty(), "{errors:?}");
        catalog
    }

    fn input() -> regorus::Value {
        let doc = serde_json::json!({"kind": "Tenant", "metadata": {"name": "t"}, "spec": {}});
        regorus::Value::from(serde_json::json!({"documents": {"Tenant": {"t": doc}}}))
    }

    fn resources(runs: &[RuleRun]) -> Vec<Vec<String>> {
        runs.iter()
            .map(|r| match r {
                RuleRun::Done { deny, .. } => deny.iter().map(|d| d.message.clone()).collect(),
                RuleRun::Failed(e) => vec![format!("failed: {e}")],
            })
            .collect()
    }

    const DENY: &str = "deny contains lib.result(t, [], \"own\") if some t in lib.docs(\"Tenant\")";

    #[test]
    fn rules_that_stand_alone_are_compiled_in_groups_with_the_same_results() {
        let catalog = catalog(
            (1..=5)
                .map(|i| rule(&format!("r{i}"), &format!("CUS-00{i}"), DENY))
                .collect(),
        );
        let (whole, errors) = Engine::compile(&catalog, &[]);
        assert!(errors.is_empty(), "{errors:?}");
        let (split, errors) = Engine::compile_split(&catalog, Limits::default(), Some(3));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(split.groups.len(), 3);
        let data = serde_json::json!({});
        let expected = resources(&whole.evaluate(&catalog, &input(), &data));
        assert_eq!(expected, vec![vec!["own".to_owned()]; 5]);
        assert_eq!(resources(&split.evaluate(&catalog, &input(), &data)), expected);
    }

    #[test]
    fn a_rule_that_reads_another_keeps_every_rule_in_one_engine() {
        let reader = "deny contains lib.result(t, [], \"echo\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tcount(data.steward.rules.custom.r1.deny) == 1\n}";
        let catalog = catalog(vec![
            rule("r1", "CUS-001", DENY),
            rule("r2", "CUS-002", DENY),
            rule("r3", "CUS-003", reader),
        ]);
        assert!(!catalog.rules_stand_alone());
        let (engine, errors) = Engine::compile_split(&catalog, Limits::default(), Some(3));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(engine.groups.len(), 1);
        let runs = engine.evaluate(&catalog, &input(), &serde_json::json!({}));
        assert_eq!(
            resources(&runs),
            [
                vec!["own".to_owned()],
                vec!["own".to_owned()],
                vec!["echo".to_owned()]
            ]
        );
    }

    /// A tenant, an Azure SQL server and a web app.
    fn estate() -> regorus::Value {
        let resource = |name: &str, t: &str| serde_json::json!({"kind": "AzureResource", "metadata": {"name": name}, "spec": {"type": t}});
        let tenant = serde_json::json!({"kind": "Tenant", "metadata": {"name": "t"}, "spec": {}});
        regorus::Value::from(serde_json::json!({"documents": {
            "Tenant": {"t": tenant},
            "AzureResource": {"db": resource("db", "Microsoft.Sql/servers"), "web": resource("web", "Microsoft.Web/sites")},
        }}))
    }

    fn of_type(t: &str, msg: &str, more: &str) -> String {
        format!(
            "deny contains lib.result(r, [], \"{msg}\") if {{\n\tsome n in lib.azure_by_type[\"{t}\"]\n\tr := lib.docs(\"AzureResource\")[n]{more}\n}}"
        )
    }

    fn outcomes(runs: &[RuleRun]) -> Vec<String> {
        runs.iter()
            .map(|r| match r {
                RuleRun::Done { deny, unknown } => {
                    let names = |rs: &[RawResult]| {
                        rs.iter()
                            .map(|d| format!("{}:{}", d.name, d.message))
                            .collect::<Vec<_>>()
                    };
                    format!("deny {:?} unknown {:?}", names(deny), names(unknown))
                }
                RuleRun::Failed(e) => format!("failed: {e}"),
            })
            .collect()
    }

    #[test]
    fn rules_reading_a_library_index_are_one_query_with_each_rules_own_results() {
        let catalog = catalog(vec![
            rule("r1", "CUS-001", &of_type("microsoft.sql/servers", "sql", "")),
            rule("r2", "CUS-002", DENY),
            rule(
                "r3",
                "CUS-003",
                &format!(
                    "{}\n\nunknown contains lib.result(t, [], \"u\") if some t in lib.docs(\"Tenant\")",
                    of_type("microsoft.web/sites", "site", "")
                ),
            ),
        ]);
        assert_eq!(catalog.batches(), [vec![0, 2]]);
        let data = serde_json::json!({});
        let expected = [
            "deny [\"db:sql\"] unknown []",
            "deny [\"t:own\"] unknown []",
            "deny [\"web:site\"] unknown [\"t:u\"]",
        ];
        for jobs in [1, 2, 3] {
            let (engine, errors) = Engine::compile_split(&catalog, Limits::default(), Some(jobs));
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(engine.batches().collect::<Vec<_>>(), [[0, 2]]);
            assert_eq!(
                outcomes(&engine.evaluate(&catalog, &estate(), &data)),
                expected,
                "{jobs} jobs"
            );
        }
        // The batch is answered by its one query, not by the rules evaluated apart.
        let (engine, _) = Engine::compile_split(&catalog, Limits::default(), Some(2));
        let ready = engine.prepare(&catalog, &data);
        let query = ready.together.iter().flatten().next().expect("the batch's query");
        let mut group = ready.groups[engine.group_of[0]].clone();
        group.set_input(estate());
        let value = group.eval_rule(query.clone()).expect("the batch evaluates");
        assert!(
            matches!(&value, regorus::Value::Array(pairs) if pairs.len() == 2),
            "{value}"
        );
    }

    #[test]
    fn a_rule_that_fails_in_a_batch_fails_alone() {
        let catalog = catalog(vec![
            rule("r1", "CUS-001", &of_type("microsoft.sql/servers", "sql", "")),
            rule(
                "r2",
                "CUS-002",
                &of_type(
                    "microsoft.web/sites",
                    "bad",
                    "\n\tto_number(\"not a number\") > 0",
                ),
            ),
            rule("r3", "CUS-003", &of_type("microsoft.web/sites", "site", "")),
        ]);
        assert_eq!(catalog.batches(), [vec![0, 1, 2]]);
        let (engine, errors) = Engine::compile_split(&catalog, Limits::default(), Some(2));
        assert!(errors.is_empty(), "{errors:?}");
        let runs = outcomes(&engine.evaluate(&catalog, &estate(), &serde_json::json!({})));
        assert_eq!(runs[0], "deny [\"db:sql\"] unknown []");
        assert!(runs[1].starts_with("failed: deny: "), "{}", runs[1]);
        assert_eq!(runs[2], "deny [\"web:site\"] unknown []");
    }

    #[test]
    fn a_broken_shared_module_is_reported_once_whatever_the_groups() {
        let mut catalog = catalog(
            (1..=4)
                .map(|i| rule(&format!("r{i}"), &format!("CUS-00{i}"), DENY))
                .collect(),
        );
        catalog.modules.push(Module {
            path: "lib/broken.rego".into(),
            relative: "lib/broken.rego".into(),
            text: "package steward.lib.broken\n\nx := \n".into(),
        });
        let (engine, errors) = Engine::compile_split(&catalog, Limits::default(), Some(2));
        assert_eq!(engine.groups.len(), 2);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].to_string().starts_with("lib/broken.rego:"),
            "{}",
            errors[0]
        );
    }
}
