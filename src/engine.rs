//! The Rego side of a run: compile the catalog once, evaluate every rule's `deny` and
//! `unknown` against the whole-estate input, and check that what each rule returned
//! keeps the rule contract.
//!
//! Rules are spread over worker threads, each with its own clone of the compiled
//! engine (a clone shares the compiled modules and the input); results are put back
//! in catalog order, so the thread count never changes the output.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

/// The compiled catalog.
pub struct Engine {
    base: regorus::Engine,
    /// For each rule of the catalog: whether it declares `unknown`.
    has_unknown: Vec<bool>,
    limits: Limits,
    /// Worker threads; all available cores when None.
    jobs: Option<usize>,
}

impl Engine {
    /// Compiles every module of `catalog`. A module that does not parse is reported
    /// with its file, line and column; the rules in the others still run.
    pub fn compile(catalog: &Catalog, extra: &[crate::catalog::Module]) -> (Engine, Vec<Diagnostic>) {
        Engine::compile_with(catalog, extra, Limits::default())
    }

    /// As [`Engine::compile`], with the given limits.
    pub fn compile_with(
        catalog: &Catalog,
        extra: &[crate::catalog::Module],
        limits: Limits,
    ) -> (Engine, Vec<Diagnostic>) {
        let mut base = regorus::Engine::new();
        base.set_rego_v0(false);
        // A builtin given a bad argument must be an error the author sees, not a silent
        // undefined that turns a fail into a pass.
        base.set_strict_builtin_errors(true);
        base.set_execution_timer_config(ExecutionTimerConfig {
            limit: limits.rule_timeout,
            // Reading the clock on every step cost 5% of a run; a rule overshoots its
            // deadline by at most this many steps, microseconds.
            check_interval: CLOCK_INTERVAL,
        });
        let mut errors = Vec::new();
        let mut broken = Vec::new();
        for module in catalog.modules.iter().chain(extra) {
            if let Err(e) = base.add_policy(module.path.clone(), module.text.clone()) {
                errors.push(rego_error(&module.path, &format!("{e:#}")));
                broken.push(module.path.clone());
            }
        }
        let has_unknown = catalog
            .rules
            .iter()
            .map(|r| {
                !broken.contains(&r.path)
                    && base
                        .has_declared_rule_rooted_at(&r.path, "unknown")
                        .unwrap_or(false)
            })
            .collect();
        (
            Engine {
                base,
                has_unknown,
                limits,
                jobs: None,
            },
            errors,
        )
    }

    /// Evaluates with at most `jobs` worker threads (results do not depend on it).
    pub fn set_jobs(&mut self, jobs: Option<usize>) {
        self.jobs = jobs;
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

    /// The engine that evaluates `catalog`: the compiled modules with the run's `data`
    /// and the host rules added, and regorus's analysis of them done. It needs no
    /// input, so a run makes it while the inventory loads.
    pub fn prepare(&self, catalog: &Catalog, data: &Value) -> Ready {
        regorus::set_global_memory_limit(Some(self.limits.memory));
        let mut engine = self.base.clone();
        if let Err(e) = engine.add_data(regorus::Value::from(data.clone())) {
            return Ready {
                engine,
                joint: Vec::new(),
                analysed: false,
                failed: Some(format!("cannot load data: {e:#}")),
            };
        }
        let joint = self.add_host_rules(&mut engine, catalog);
        // regorus analyses every module on the first evaluation after a change; this
        // one evaluates nothing else. If it fails, so will every rule, with the reason.
        let analysed = engine.eval_rule(format!("data.{HOST}.ready")).is_ok();
        Ready {
            engine,
            joint,
            analysed,
            failed: None,
        }
    }

    /// Evaluates every rule of `catalog` with the `ready` engine on `input`, with the
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
            mut engine,
            joint,
            analysed,
            ..
        } = ready;
        // A regorus value is reference-counted: every worker's engine shares this one.
        engine.set_input(input.clone());
        let mut runs: Vec<Option<(RuleRun, Duration)>> = vec![None; rules.len()];
        let timed = |engine: &mut regorus::Engine, i: usize| {
            let start = Instant::now();
            let run = run_rule(
                engine,
                &rules[i],
                self.has_unknown[i],
                joint.get(i).and_then(Option::as_deref),
            );
            done();
            (run, start.elapsed())
        };
        // Unanalysed, the first rule runs alone so that the analysis is done once,
        // before the workers clone the engine; clones made earlier would each do it.
        let first = usize::from(!analysed && !rules.is_empty());
        if first == 1 {
            runs[0] = Some(timed(&mut engine, 0));
        }
        // Workers take the next rule from a shared counter, so one slow rule does not
        // hold back the rules that a fixed split would have queued behind it.
        let next = AtomicUsize::new(first);
        let threads = self
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
            .clamp(1, rules.len().max(1));
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    let mut engine = engine.clone();
                    let next = &next;
                    let timed = &timed;
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= rules.len() {
                                break done;
                            }
                            done.push((i, timed(&mut engine, i)));
                        }
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

    /// Adds the host module: `ready`, which [`Engine::prepare`] evaluates, and for each
    /// rule that declares `unknown` a rule holding both of its entry points, whose
    /// reference is returned. regorus forgets computed rules between two evaluations,
    /// so a lookup table that `deny` and `unknown` share was built twice when they were
    /// evaluated apart (half of the slowest rule's time). The host rules share one
    /// module because regorus scans every module on each `data` reference: a module
    /// per rule made that scan a third of a small run's evaluation.
    fn add_host_rules(&self, engine: &mut regorus::Engine, catalog: &Catalog) -> Vec<Option<String>> {
        let mut text = format!("package {HOST}\n\nready := true\n");
        let names: Vec<Option<String>> = catalog
            .rules
            .iter()
            .enumerate()
            .map(|(i, rule)| {
                self.has_unknown[i].then(|| {
                    text.push_str(&format!(
                        "\nrule{i} := [d, u] if {{\n\td := {}\n\tu := {}\n}}\n",
                        rule.entry("deny"),
                        rule.entry("unknown")
                    ));
                    format!("data.{HOST}.rule{i}")
                })
            })
            .collect();
        if engine.add_policy(format!("<{HOST}>"), text).is_ok() {
            return names;
        }
        // Without the joint rules each entry point is evaluated apart, as before.
        let _ = engine.add_policy(format!("<{HOST}>"), format!("package {HOST}\n\nready := true\n"));
        Vec::new()
    }
}

/// The package of the rules the host adds; rule packages live under `steward.rules`, so
/// it cannot clash with one.
const HOST: &str = "steward.host";

/// An engine made by [`Engine::prepare`], to be given to [`Engine::evaluate_timed`].
pub struct Ready {
    engine: regorus::Engine,
    /// For each rule, the host rule that holds both its entry points, if it has one.
    joint: Vec<Option<String>>,
    /// Whether regorus has analysed the modules.
    analysed: bool,
    /// Why no rule can be evaluated, if none can.
    failed: Option<String>,
}

fn run_rule(engine: &mut regorus::Engine, rule: &Rule, has_unknown: bool, joint: Option<&str>) -> RuleRun {
    if let Some(joint) = joint {
        match engine.eval_rule(joint.to_owned()) {
            Ok(regorus::Value::Array(both)) if both.len() == 2 => {
                return match (results("deny", &both[0]), results("unknown", &both[1])) {
                    (Ok(deny), Ok(unknown)) => RuleRun::Done { deny, unknown },
                    (Err(e), _) | (_, Err(e)) => RuleRun::Failed(e),
                };
            }
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
        let mut engine = self.base.clone();
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
