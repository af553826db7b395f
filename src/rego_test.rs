//! The `steward test` runner: every `test_` rule of every `_test.rego` module, evaluated
//! with the rules and helpers it tests, passes when it is true; and every rule that has
//! good/bad example inventories is run over them end to end (bad must fail the rule,
//! good must neither fail nor leave it unknown).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::assessment;
use crate::catalog::Catalog;
use crate::diagnostic::Diagnostic;
use crate::engine::{Engine, FileCoverage};
use crate::inventory::Loaded;
use crate::probe;
use crate::responsibility::Matrix;
use crate::waiver::Ledger;

/// One test: a `test_` rule, or a rule run over one of its fixtures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    pub file: String,
    pub line: usize,
    pub package: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestOutcome {
    Pass,
    /// The test was false or undefined, or the fixture gave the wrong outcome (why).
    Fail(String),
    /// The test could not be evaluated.
    Error(String),
}

/// A rule's example inventory, by rule ID and case (`good` or `bad`).
#[derive(Debug, Clone)]
pub struct Fixture {
    pub rule_id: String,
    pub case: String,
    pub path: String,
    pub text: String,
}

impl Fixture {
    /// The test a fixture check reports as: `fixture.<ID>.good` or `fixture.<ID>.bad`.
    fn case(&self) -> TestCase {
        TestCase {
            file: self.path.clone(),
            line: 1,
            package: format!("fixture.{}", self.rule_id),
            name: self.case.clone(),
        }
    }
}

#[derive(Debug, Default)]
pub struct TestRun {
    pub results: Vec<(TestCase, TestOutcome)>,
    pub errors: Vec<Diagnostic>,
    /// Line coverage of rule and helper files by the tests, when asked for.
    pub coverage: Vec<FileCoverage>,
}

impl TestRun {
    pub fn passed(&self) -> usize {
        self.results
            .iter()
            .filter(|(_, o)| *o == TestOutcome::Pass)
            .count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// Covered lines over coverable lines, as a percentage.
    pub fn total_coverage(&self) -> f64 {
        let covered: usize = self.coverage.iter().map(|f| f.covered).sum();
        let all: usize = self.coverage.iter().map(|f| f.covered + f.not_covered).sum();
        if all == 0 {
            100.0
        } else {
            covered as f64 * 100.0 / all as f64
        }
    }
}

/// What to run.
pub struct Options<'a> {
    pub filter: Option<&'a regex::Regex>,
    pub coverage: bool,
    pub fixtures: &'a [Fixture],
    /// `data` for fixture runs (the same evaluation date as the tests).
    pub data: &'a Value,
}

/// The test rules of a module, found by their heads: in formatted Rego (`opa fmt`)
/// every rule head starts a line, and a test is a rule whose name starts with `test_`.
pub fn discover(file: &str, package: &str, text: &str) -> Vec<TestCase> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("test_") else {
            continue;
        };
        let tail: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let name = format!("test_{tail}");
        if seen.insert(name.clone()) {
            out.push(TestCase {
                file: file.to_owned(),
                line: i + 1,
                package: package.to_owned(),
                name,
            });
        }
    }
    out
}

fn selected(filter: Option<&regex::Regex>, case: &TestCase) -> bool {
    filter.is_none_or(|re| re.is_match(&format!("{}.{}", case.package, case.name)))
}

/// Runs every selected test of `catalog`.
pub fn run(catalog: &Catalog, matrix: &Matrix, options: &Options<'_>) -> TestRun {
    let (engine, errors) = Engine::compile(catalog, &catalog.tests);
    let mut cases = Vec::new();
    for module in &catalog.tests {
        if errors
            .iter()
            .any(|e| e.file.as_deref() == Some(module.path.as_str()))
        {
            continue;
        }
        let Some((_, package)) = module.package() else {
            continue;
        };
        cases.extend(
            discover(&module.path, &package, &module.text)
                .into_iter()
                .filter(|c| selected(options.filter, c)),
        );
    }
    let refs: Vec<String> = cases
        .iter()
        .map(|c| format!("data.{}.{}", c.package, c.name))
        .collect();
    let (outcomes, mut coverage) =
        engine.eval_refs(&serde_json::json!({}), options.data, &refs, options.coverage);
    coverage.retain(|f| !f.path.ends_with("_test.rego"));
    coverage.sort_by(|a, b| a.path.cmp(&b.path));
    let mut results: Vec<(TestCase, TestOutcome)> = cases
        .into_iter()
        .zip(outcomes)
        .map(|(case, result)| {
            let outcome = match result {
                Ok(Some(Value::Bool(true))) => TestOutcome::Pass,
                Ok(Some(other)) => TestOutcome::Fail(format!("the test evaluated to {other}, not true")),
                Ok(None) => TestOutcome::Fail(why_undefined(catalog, &case, options.data)),
                Err(e) => TestOutcome::Error(e),
            };
            (case, outcome)
        })
        .collect();
    results.extend(run_fixtures(catalog, matrix, options));
    TestRun {
        results,
        errors,
        coverage,
    }
}

/// The first expression of a failed test's body that did not hold, with the values
/// it compared when it is a comparison.
fn why_undefined(catalog: &Catalog, case: &TestCase, data: &Value) -> String {
    let explained = catalog
        .tests
        .iter()
        .find(|m| m.path == case.file)
        .and_then(|m| probe::explain(catalog, m, &case.package, case.line, &serde_json::json!({}), data));
    match explained {
        Some(e) => format!("not satisfied at {}", e.render(&case.file)),
        None => "the test body was not satisfied (undefined)".into(),
    }
}

/// Each rule over its own examples, through the same pipeline as `steward check`.
fn run_fixtures(catalog: &Catalog, matrix: &Matrix, options: &Options<'_>) -> Vec<(TestCase, TestOutcome)> {
    let fixtures: Vec<&Fixture> = options
        .fixtures
        .iter()
        .filter(|f| catalog.rule(&f.rule_id).is_some())
        .filter(|f| selected(options.filter, &f.case()))
        .collect();
    if fixtures.is_empty() {
        return Vec::new();
    }
    let (engine, _) = Engine::compile(catalog, &[]);
    fixtures
        .into_iter()
        .map(|f| {
            let case = f.case();
            let mut loaded = Loaded::default();
            loaded.add_file(f.path.clone(), f.text.clone().into_bytes());
            if let Some(e) = loaded.errors.first() {
                return (
                    case,
                    TestOutcome::Error(format!("the fixture does not load: {e}")),
                );
            }
            let runs = engine.evaluate(catalog, &loaded.inventory.to_rego_input(), options.data);
            let assessed =
                assessment::assess(catalog, runs, &loaded.inventory, matrix, &mut Ledger::default());
            let counts = assessed
                .summary
                .rules
                .get(&f.rule_id)
                .copied()
                .unwrap_or_default();
            let outcome = if counts.error > 0 {
                let why = assessed
                    .findings
                    .iter()
                    .find(|x| *x.rule_id == *f.rule_id)
                    .map(|x| x.message.clone());
                TestOutcome::Error(why.unwrap_or_else(|| "the rule could not be evaluated".into()))
            } else if f.case == "bad" && counts.fail == 0 {
                TestOutcome::Fail(format!("bad.yaml must fail {}; got {counts:?}", f.rule_id))
            } else if f.case == "good" && (counts.fail > 0 || counts.unknown > 0 || counts.pass == 0) {
                TestOutcome::Fail(format!(
                    "good.yaml must pass {} with nothing unknown; got {counts:?}",
                    f.rule_id
                ))
            } else {
                TestOutcome::Pass
            };
            (case, outcome)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_test_head_once() {
        let text = "package p_test\n\ntest_a if {\n\ttrue\n}\n\ntest_a if false\n# test_c in a comment\ntest_b if true\n";
        let names: Vec<(String, usize)> = discover("f", "p_test", text)
            .into_iter()
            .map(|c| (c.name, c.line))
            .collect();
        assert_eq!(names, vec![("test_a".to_owned(), 3), ("test_b".to_owned(), 9)]);
    }
}
