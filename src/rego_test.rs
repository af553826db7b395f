//! The `steward test` runner: every `test_` rule of every `_test.rego` module, evaluated
//! with the rules and helpers it tests, passes when it is true.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::catalog::Catalog;
use crate::diagnostic::Diagnostic;
use crate::engine::Engine;

/// One test rule.
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
    /// The test's body was false or undefined.
    Fail,
    /// The test could not be evaluated.
    Error(String),
}

#[derive(Debug, Default)]
pub struct TestRun {
    pub results: Vec<(TestCase, TestOutcome)>,
    pub errors: Vec<Diagnostic>,
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

/// Runs every test of `catalog` with `data` as the data document.
pub fn run(catalog: &Catalog, data: &Value) -> TestRun {
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
        cases.extend(discover(&module.path, &package, &module.text));
    }
    let refs: Vec<String> = cases
        .iter()
        .map(|c| format!("data.{}.{}", c.package, c.name))
        .collect();
    let outcomes = engine.eval_refs(&serde_json::json!({}), data, &refs);
    let results = cases
        .into_iter()
        .zip(outcomes)
        .map(|(case, result)| {
            let outcome = match result {
                Ok(Some(Value::Bool(true))) => TestOutcome::Pass,
                Ok(_) => TestOutcome::Fail,
                Err(e) => TestOutcome::Error(e),
            };
            (case, outcome)
        })
        .collect();
    TestRun { results, errors }
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
