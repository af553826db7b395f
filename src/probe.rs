//! Why a Rego test failed. A test is a conjunction of expressions; regorus says only
//! that the whole was undefined. The probe re-runs growing prefixes of the test's body
//! as rules of the same package to find the first expression that does not hold, and
//! when that expression is a comparison, evaluates both sides with the bindings the
//! expressions before it made, so the failure shows the values it compared.

use serde_json::Value;

use crate::catalog::{Catalog, Module};
use crate::engine::Engine;

/// One expression of a rule body, with the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    pub line: usize,
    pub text: String,
}

/// The first expression that failed, and the two sides if it compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub expression: Expression,
    pub sides: Option<(Value, Value)>,
}

/// Net bracket depth of `text`, ignoring brackets inside strings and comments.
fn depth_change(text: &str) -> i64 {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' => break,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// The body of the rule whose head is on `head_line` (1-based), as written by `opa fmt`:
/// a head ending in `{`, one expression per line (continued while brackets are open),
/// and a closing `}` at the start of a line.
pub fn body(text: &str, head_line: usize) -> Vec<Expression> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(head) = lines.get(head_line.wrapping_sub(1)) else {
        return Vec::new();
    };
    if !head.trim_end().ends_with('{') {
        return Vec::new();
    }
    let mut out: Vec<Expression> = Vec::new();
    let mut open = 0;
    for (i, line) in lines.iter().enumerate().skip(head_line) {
        if open == 0 && line.starts_with('}') {
            break;
        }
        let trimmed = line.trim();
        if open == 0 && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        match out.last_mut() {
            Some(last) if open > 0 => {
                last.text.push('\n');
                last.text.push_str(line);
            }
            _ => out.push(Expression {
                line: i + 1,
                text: trimmed.to_owned(),
            }),
        }
        open += depth_change(line);
    }
    out
}

/// Splits `lhs OP rhs [with ...]` at its top-level comparison operator.
fn comparison(expression: &str) -> Option<(String, String, String)> {
    let (main, with) = match top_level_find(expression, " with ") {
        Some(at) => (&expression[..at], &expression[at..]),
        None => (expression, ""),
    };
    for op in [" == ", " != ", " <= ", " >= ", " < ", " > "] {
        if let Some(at) = top_level_find(main, op) {
            let lhs = main[..at].trim();
            let rhs = main[at + op.len()..].trim();
            if lhs.is_empty() || rhs.is_empty() || lhs.starts_with("not ") {
                return None;
            }
            return Some((lhs.to_owned(), rhs.to_owned(), with.to_owned()));
        }
    }
    None
}

/// The byte offset of `needle` in `haystack` outside brackets and strings.
fn top_level_find(haystack: &str, needle: &str) -> Option<usize> {
    let mut depth = 0i64;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in haystack.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ if depth == 0 && haystack[i..].starts_with(needle) => return Some(i),
            _ => {}
        }
    }
    None
}

/// Finds the first failing expression of the test `name` (head on `line`) in `module`
/// and the values it compared. None when the body cannot be probed (an unusual layout,
/// or a test that fails only as a whole).
pub fn explain(
    catalog: &Catalog,
    module: &Module,
    package: &str,
    line: usize,
    input: &Value,
    data: &Value,
) -> Option<Explanation> {
    let expressions = body(&module.text, line);
    if expressions.is_empty() {
        return None;
    }
    let imports: String = module
        .text
        .lines()
        .filter(|l| l.starts_with("import "))
        .map(|l| format!("{l}\n"))
        .collect();
    // Prefix k holds when expressions 0..=k all hold; the first k that does not is the
    // failing expression.
    let mut probe = format!("package {package}\n\n{imports}\n");
    for k in 0..expressions.len() {
        let conjunction: Vec<&str> = expressions[..=k].iter().map(|e| e.text.as_str()).collect();
        probe.push_str(&format!(
            "steward_probe_{k} if {{\n{}\n}}\n\n",
            conjunction.join("\n")
        ));
    }
    let failing = {
        let refs: Vec<String> = (0..expressions.len())
            .map(|k| format!("data.{package}.steward_probe_{k}"))
            .collect();
        let results = evaluate(catalog, module, &probe, input, data, &refs)?;
        results
            .iter()
            .position(|r| !matches!(r, Ok(Some(Value::Bool(true)))))?
    };
    let expression = expressions[failing].clone();
    let sides = comparison(&expression.text).and_then(|(lhs, rhs, with)| {
        let before: Vec<&str> = expressions[..failing].iter().map(|e| e.text.as_str()).collect();
        let mut body = before.join("\n");
        body.push_str(&format!("\nsteward_sides := [{lhs}, {rhs}]{with}"));
        let probe = format!(
            "package {package}\n\n{imports}\nsteward_probe_sides := steward_sides if {{\n{body}\n}}\n"
        );
        let refs = [format!("data.{package}.steward_probe_sides")];
        let mut results = evaluate(catalog, module, &probe, input, data, &refs)?;
        match results.pop()? {
            Ok(Some(Value::Array(mut pair))) if pair.len() == 2 => {
                let right = pair.pop()?;
                let left = pair.pop()?;
                Some((left, right))
            }
            _ => None,
        }
    });
    Some(Explanation { expression, sides })
}

fn evaluate(
    catalog: &Catalog,
    module: &Module,
    probe: &str,
    input: &Value,
    data: &Value,
    refs: &[String],
) -> Option<Vec<Result<Option<Value>, String>>> {
    let mut extra = catalog.tests.clone();
    extra.push(Module {
        path: format!("{}#probe", module.path),
        relative: format!("{}#probe", module.relative),
        text: probe.to_owned(),
    });
    let (engine, errors) = Engine::compile(catalog, &extra);
    if !errors.is_empty() {
        return None;
    }
    Some(engine.eval_refs(input, data, refs, false).0)
}

impl Explanation {
    /// The lines a test report prints under the failing test.
    pub fn render(&self, file: &str) -> String {
        let mut out = format!(
            "{file}:{}: {}",
            self.expression.line,
            first_line(&self.expression.text)
        );
        if let Some((left, right)) = &self.sides {
            out.push_str(&format!(
                "\n  left:  {}\n  right: {}",
                compact(left),
                compact(right)
            ));
        }
        out
    }
}

fn first_line(text: &str) -> String {
    match text.split_once('\n') {
        Some((first, _)) => format!("{first} …"),
        None => text.to_owned(),
    }
}

/// A value on one line, cut short when it is long: a report line, not a dump.
fn compact(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 400 {
        let cut: String = text.chars().take(400).collect();
        format!("{cut}… ({} characters)", text.chars().count())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_split_into_expressions_with_their_lines() {
        let text =
            "package p\n\ntest_x if {\n\ta := 1\n\n\t# why\n\tb := {\n\t\t\"k\": \"}\",\n\t}\n\ta == 2\n}\n";
        let body = body(text, 3);
        assert_eq!(body.len(), 3);
        assert_eq!((body[0].line, body[0].text.as_str()), (4, "a := 1"));
        assert_eq!(body[1].line, 7);
        assert!(body[1].text.ends_with("\t}"));
        assert_eq!((body[2].line, body[2].text.as_str()), (10, "a == 2"));
    }

    #[test]
    fn comparisons_split_at_the_top_level_operator_and_keep_with() {
        assert_eq!(
            comparison("count(r) == 1 with input as x"),
            Some(("count(r)".into(), "1".into(), " with input as x".into()))
        );
        assert_eq!(
            comparison("{\"a\": x == y} != set()"),
            Some(("{\"a\": x == y}".into(), "set()".into(), String::new()))
        );
        assert_eq!(comparison("not deny[x]"), None);
        assert_eq!(comparison("some x in deny"), None);
    }
}
