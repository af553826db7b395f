//! The functions a Rego module calls, checked against the builtins steward's engine
//! provides. regorus resolves a call only when evaluation reaches it, so a rule that
//! calls a builtin it lacks (one OPA has, or a typo) would load cleanly and fail only on
//! the inventory that reaches that line. Checking at load names the builtin up front.

use std::collections::{BTreeMap, BTreeSet};

use super::Module;
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;

/// Words of the language that may be followed by `(` without being calls.
const KEYWORDS: &[&str] = &[
    "if", "else", "not", "some", "every", "in", "with", "as", "contains", "default", "import", "package",
];

/// A dotted name in Rego text, outside strings and comments.
struct Name<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    /// It continues a reference (`x.name`), so it does not start one.
    after_dot: bool,
    /// The byte right after it.
    next: Option<u8>,
}

/// Every dotted name of `text`, outside strings and comments, in order. Read byte by
/// byte: every delimiter is ASCII, and no byte of a multi-byte character is.
fn names(text: &str) -> Vec<Name<'_>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let bytes = line.as_bytes();
        let mut in_string = false;
        let mut in_raw = false;
        let mut escaped = false;
        let mut k = 0;
        while k < bytes.len() {
            let c = bytes[k];
            if in_raw {
                in_raw = c != b'`';
                k += 1;
                continue;
            }
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                k += 1;
                continue;
            }
            match c {
                b'#' => break,
                b'"' => in_string = true,
                b'`' => in_raw = true,
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    let start = k;
                    while k < bytes.len()
                        && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'_' || bytes[k] == b'.')
                    {
                        k += 1;
                    }
                    out.push(Name {
                        text: &line[start..k],
                        line: i + 1,
                        column: start + 1,
                        after_dot: start > 0 && bytes[start - 1] == b'.',
                        next: bytes.get(k).copied(),
                    });
                    continue;
                }
                _ => {}
            }
            k += 1;
        }
    }
    out
}

/// A dotted name immediately followed by `(`, outside strings and comments, with the
/// position of its first character.
fn calls(text: &str) -> Vec<(String, usize, usize)> {
    names(text)
        .into_iter()
        .filter(|n| !n.after_dot && n.next == Some(b'('))
        .map(|n| (n.text.to_owned(), n.line, n.column))
        .collect()
}

/// Whether a module may read another rule's results: it names `data` other than as
/// `data.steward.<name>` with a fixed name outside `rules` (every rule's package) and
/// `host` (the host's own rules). Rules that cannot are evaluated apart from each other.
pub fn may_read_rules(text: &str) -> bool {
    // Names do not span lines, and most lines have none to check.
    let lines = text.lines().filter(|l| l.contains("data"));
    lines.flat_map(names).any(|n| {
        let mut parts = n.text.split('.');
        if n.after_dot || parts.next() != Some("data") {
            return false;
        }
        !matches!(
            (parts.next(), parts.next()),
            (Some("steward"), Some(name)) if !name.is_empty() && name != "rules" && name != "host"
        )
    })
}

/// The name a line starts with at its first column: the head of a rule, a function or
/// a keyword, or "" for a line that continues one.
fn head(line: &str) -> &str {
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    &line[..end]
}

/// The values of the helper library computed from the estate: rules of the library (not
/// functions) whose definition reads `input`, calls `docs`, or reads another such value;
/// each with every such value it is built from, itself included. regorus computes a
/// rule's value once per evaluation, so rules that read the same one are worth
/// evaluating together.
pub fn estate_values(lib_text: &str) -> BTreeMap<String, BTreeSet<String>> {
    // A definition runs from a line that starts with a name to the next such line. For
    // each: its name, whether it is a function or not a rule at all, and what it reads.
    let mut blocks: Vec<(&str, bool, Vec<Name<'_>>)> = Vec::new();
    for line in lib_text.lines() {
        let head = head(line);
        if !head.is_empty() {
            let function = line.as_bytes().get(head.len()) == Some(&b'(');
            let keyword = matches!(head, "package" | "import" | "default");
            blocks.push((head, function || keyword, Vec::new()));
        }
        if let Some((_, _, read)) = blocks.last_mut() {
            read.extend(names(line));
        }
    }
    let rules: BTreeSet<&str> = blocks
        .iter()
        .filter(|(_, skip, _)| !skip)
        .map(|(head, _, _)| *head)
        .collect();
    // Each value rule: whether it reads the estate itself, and the value rules it reads.
    let mut reads: BTreeMap<&str, (bool, BTreeSet<&str>)> = BTreeMap::new();
    for (head, skip, read) in &blocks {
        if *skip {
            continue;
        }
        let entry = reads.entry(*head).or_default();
        for n in read.iter().filter(|n| !n.after_dot) {
            let first = n.text.split('.').next().unwrap_or_default();
            entry.0 |= first == "input" || n.text == "docs" && n.next == Some(b'(');
            if first != *head && rules.contains(first) {
                entry.1.insert(first);
            }
        }
    }
    // Every value rule reachable from each one, itself included.
    let reachable: BTreeMap<&str, BTreeSet<&str>> = reads
        .keys()
        .map(|&value| {
            let mut seen = BTreeSet::from([value]);
            let mut stack = vec![value];
            while let Some(v) = stack.pop() {
                for &next in reads.get(v).map(|(_, r)| r).into_iter().flatten() {
                    if seen.insert(next) {
                        stack.push(next);
                    }
                }
            }
            (value, seen)
        })
        .collect();
    let from_estate = |v: &str| reachable[v].iter().any(|r| reads[r].0);
    reachable
        .iter()
        .filter(|(value, _)| from_estate(value))
        .map(|(value, seen)| {
            let built_from = seen.iter().filter(|v| from_estate(v)).map(|v| (*v).to_owned());
            ((*value).to_owned(), built_from.collect())
        })
        .collect()
}

/// The estate values of the helper library (see [`estate_values`]) that `text` reads,
/// as `lib.<value>` or `data.steward.lib.<value>`, with those they are built from.
pub fn reads_values(text: &str, values: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
    // Names do not span lines, and a run reads every rule's text here before compiling:
    // only the lines that mention a value's name are read for names.
    let lines = text
        .lines()
        .filter(|line| values.keys().any(|v| line.contains(v.as_str())));
    lines
        .flat_map(names)
        .filter(|n| !n.after_dot)
        .filter_map(|n| {
            let rest = n
                .text
                .strip_prefix("data.steward.lib.")
                .or_else(|| n.text.strip_prefix("lib."))?;
            values.get(rest.split('.').next()?)
        })
        .flatten()
        .cloned()
        .collect()
}

/// Names a module binds at its top: import aliases (`import data.x.y` binds `y`) and
/// the heads of its rules and functions (a name at the start of a line).
fn bound_names(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("import ") {
            let target = rest.split('#').next().unwrap_or_default().trim();
            let alias = match target.split_once(" as ") {
                Some((_, alias)) => alias.trim(),
                None => target.rsplit('.').next().unwrap_or_default(),
            };
            out.insert(alias.to_owned());
            continue;
        }
        let head = head(line);
        if !head.is_empty() {
            out.insert(head.to_owned());
        }
    }
    out
}

/// Whether regorus knows the function `name` as a builtin: a call to one it lacks fails
/// with "could not find function", whatever the arguments.
fn is_builtin(name: &str) -> bool {
    let mut engine = regorus::Engine::new();
    match engine.eval_query(format!("{name}()"), false) {
        Ok(_) => true,
        Err(e) => !format!("{e:#}").contains("could not find function"),
    }
}

/// Every call in `modules` to a function that is neither defined in the catalog nor a
/// builtin of the engine, one error per distinct name and module, at its first use.
pub fn unknown_builtins(modules: &[Module], all: &[Module]) -> Vec<Diagnostic> {
    // Functions defined anywhere in the catalog, by package, so `lib.has` and a local
    // helper both resolve.
    let mut defined: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in all {
        if let Some((_, package)) = m.package() {
            defined.entry(package).or_default().extend(bound_names(&m.text));
        }
    }
    let mut verdicts: BTreeMap<String, bool> = BTreeMap::new();
    let mut out = Vec::new();
    for m in modules {
        let package = m.package().map(|(_, p)| p).unwrap_or_default();
        let local = bound_names(&m.text);
        let mut reported = BTreeSet::new();
        for (name, line, column) in calls(&m.text) {
            let first = name.split('.').next().unwrap_or_default();
            if KEYWORDS.contains(&first)
                || first == "data"
                || first == "input"
                || local.contains(first)
                || defined.get(&package).is_some_and(|d| d.contains(first))
                || reported.contains(&name)
            {
                continue;
            }
            let known = *verdicts.entry(name.clone()).or_insert_with(|| is_builtin(&name));
            if !known {
                reported.insert(name.clone());
                out.push(Diagnostic::at(
                    Stage::Rules,
                    Location {
                        file: m.path.clone(),
                        line,
                        column,
                    },
                    format!(
                        "unknown function {name}: it is not defined in the catalog and is not a builtin of the Rego engine steward embeds"
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(text: &str) -> Module {
        Module {
            path: "rules/custom/x.rego".into(),
            relative: "custom/x.rego".into(),
            text: text.into(),
        }
    }

    #[test]
    fn calls_outside_strings_and_comments_are_found() {
        let found = calls("x := count(y) # not(z)\nm := \"f(x)\"\nn := a.b.c(1)\n");
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, ["count", "a.b.c"]);
        assert_eq!((found[1].1, found[1].2), (3, 6));
    }

    #[test]
    fn reading_other_rules_is_seen_in_every_spelling() {
        for text in [
            "x := data.steward.rules.logging.y.deny",
            "import data.steward.rules.logging.y",
            "import data.steward",
            "import data",
            "x := data.steward[k]",
            "x := data[k]",
            "x := data.steward.host.rule1",
            "x := data.steward.\nlib",
        ] {
            assert!(may_read_rules(text), "{text}");
        }
        for text in [
            "import data.steward.lib",
            "x := data.steward.params[id][name]",
            "x := data.steward.matrix",
            "x := lib.data.rules # data.steward.rules in a comment",
            "x := \"data.steward.rules\"",
            "x := input.data",
        ] {
            assert!(!may_read_rules(text), "{text}");
        }
    }

    const LIB: &str = "package steward.lib\n\nimport rego.v1\n\ndocs(kind) := object.get(input.documents, kind, {})\n\ntypes := {\"a\"}\n\nby_type[t] contains n if {\n\tsome n, d in docs(\"AzureResource\")\n\tt := lower(d.spec.type)\n}\n\n# Built from by_type.\nstores contains n if {\n\tsome t in types\n\tsome n in by_type[t]\n}\n\ntenants := input.documents.Tenant\n\nconstant := 1\n\nhelper(x) := by_type[x]\n\ndefault flag := false\n";

    #[test]
    fn estate_values_are_the_library_rules_built_from_the_estate() {
        let values = estate_values(LIB);
        let set = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<BTreeSet<_>>();
        let expected: BTreeMap<String, BTreeSet<String>> = [
            ("by_type".to_owned(), set(&["by_type"])),
            ("stores".to_owned(), set(&["by_type", "stores"])),
            ("tenants".to_owned(), set(&["tenants"])),
        ]
        .into();
        assert_eq!(values, expected);
    }

    #[test]
    fn a_rule_reads_an_estate_value_by_import_or_full_path_and_what_it_is_built_from() {
        let values = estate_values(LIB);
        let read = |text: &str| reads_values(text, &values).into_iter().collect::<Vec<_>>();
        assert_eq!(read("x := lib.stores"), ["by_type", "stores"]);
        assert_eq!(read("some n in data.steward.lib.tenants[k]"), ["tenants"]);
        assert_eq!(
            read("some n in lib.by_type[\"a\"]\ny := lib.tenants"),
            ["by_type", "tenants"]
        );
        for text in [
            "x := lib.types",
            "x := lib.helper(\"a\")",
            "x := \"lib.by_type\"",
            "x := 1 # lib.by_type",
            "x := y.lib.by_type",
            "x := other.by_type",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn unknown_builtins_are_named_and_known_ones_and_helpers_pass() {
        let m = module(
            "package steward.rules.custom.x\n\nimport data.steward.lib\n\nhelper(x) := x\n\ndeny contains r if {\n\tsome t in lib.docs(\"Tenant\")\n\tcount(t) > helper(1)\n\tnot regex.match(\"a\", \"b\")\n\tx := strings.reverse_everything(\"a\")\n\tr := lib.result(t, [], x)\n}\n",
        );
        let errors = unknown_builtins(std::slice::from_ref(&m), std::slice::from_ref(&m));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "rules/custom/x.rego:11:7: unknown function strings.reverse_everything: it is not defined in the catalog and is not a builtin of the Rego engine steward embeds"
        );
    }
}
