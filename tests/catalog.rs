//! Invariants of the built-in catalog, and every rule run end to end over its own
//! good and bad example inventories.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use steward::assessment;
use steward::catalog::Catalog;
use steward::context::{self, AsOf};
use steward::engine::Engine;
use steward::inventory;
use steward::responsibility::Matrix;

fn builtin() -> (Matrix, Catalog) {
    let matrix = Matrix::builtin().unwrap();
    let (catalog, errors) = Catalog::builtin(&matrix);
    assert!(
        errors.is_empty(),
        "the built-in catalog must load cleanly: {errors:#?}"
    );
    (matrix, catalog)
}

#[test]
fn every_rule_has_tests_and_fixtures_beside_it() {
    let (_, catalog) = builtin();
    let tests: BTreeSet<&str> = catalog.tests.iter().map(|m| m.path.as_str()).collect();
    for rule in &catalog.rules {
        let test = rule.path.replace(".rego", "_test.rego");
        assert!(tests.contains(test.as_str()), "{} has no {test}", rule.meta.id);
        for case in ["good", "bad"] {
            let fixture = format!("testdata/rules/{}/{case}.yaml", rule.meta.id);
            assert!(Path::new(&fixture).is_file(), "{} has no {fixture}", rule.meta.id);
        }
    }
}

#[test]
fn rules_never_read_the_clock_or_print() {
    let (_, catalog) = builtin();
    for module in catalog.modules.iter().chain(&catalog.tests) {
        for forbidden in ["time.now_ns", "print(", "http.send", "opa.runtime"] {
            assert!(
                !module.text.contains(forbidden),
                "{} uses {forbidden}",
                module.path
            );
        }
    }
}

#[test]
fn rule_ids_are_unique_and_titles_distinct() {
    let (_, catalog) = builtin();
    let ids: BTreeSet<&str> = catalog.rules.iter().map(|r| r.meta.id.as_str()).collect();
    assert_eq!(ids.len(), catalog.rules.len());
    let titles: BTreeSet<&str> = catalog.rules.iter().map(|r| r.meta.title.as_str()).collect();
    assert_eq!(titles.len(), catalog.rules.len());
}

#[test]
fn every_rule_fails_its_bad_fixture_and_passes_its_good_one() {
    let (matrix, catalog) = builtin();
    let (engine, errors) = Engine::compile(&catalog, &[]);
    assert!(errors.is_empty(), "{errors:#?}");
    let as_of = AsOf::parse("2026-11-25").unwrap();
    let data = context::data(&catalog, &matrix, as_of);
    let mut problems = Vec::new();
    for rule in &catalog.rules {
        for case in ["bad", "good"] {
            let path = PathBuf::from(format!("testdata/rules/{}/{case}.yaml", rule.meta.id));
            let loaded = inventory::load(std::slice::from_ref(&path));
            if !loaded.errors.is_empty() {
                problems.push(format!("{}: {:?}", path.display(), loaded.errors));
                continue;
            }
            let runs = engine.evaluate(&catalog, &loaded.inventory.to_rego_input(), &data);
            let result = assessment::assess(
                &catalog,
                runs,
                &loaded.inventory,
                &matrix,
                &mut steward::waiver::Ledger::default(),
            );
            let counts = result.summary.rules[&rule.meta.id];
            let ok = match case {
                "bad" => counts.fail > 0 && counts.error == 0,
                _ => counts.fail == 0 && counts.unknown == 0 && counts.error == 0 && counts.pass > 0,
            };
            if !ok {
                problems.push(format!("{}: {case} fixture gives {counts:?}", rule.meta.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_rule_pages_in_docs_are_up_to_date() {
    let (_, catalog) = builtin();
    let expected = steward::rule_page::all(&catalog);
    let mut stale = Vec::new();
    for (name, content) in &expected {
        let path = Path::new("docs/rules").join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(content.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    let names: BTreeSet<String> = expected.iter().map(|(n, _)| n.clone()).collect();
    for entry in std::fs::read_dir("docs/rules").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !names.contains(&name) {
            stale.push(format!("docs/rules/{name} (no such rule)"));
        }
    }
    assert!(stale.is_empty(), "stale rule pages, run `make docs`: {stale:?}");
}

#[test]
fn the_guidance_coverage_table_is_in_step_with_the_catalog() {
    let (_, catalog) = builtin();
    let text = std::fs::read_to_string("docs/guidance-coverage.md").unwrap();
    for section in [
        "## Understand Microsoft security",
        "## Security in Microsoft Cloud for Healthcare",
    ] {
        assert!(text.contains(section), "missing section {section}");
    }
    let ids: BTreeSet<&str> = catalog.rules.iter().map(|r| r.meta.id.as_str()).collect();
    let mut mentioned = BTreeSet::new();
    let mut problems = Vec::new();
    let guidance_rows = text.split("## Rules by guidance item").next().unwrap_or_default();
    for line in guidance_rows
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
    {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        if cells.len() < 4 || cells[0].chars().all(|c| c == '-') {
            continue;
        }
        let rules: Vec<&str> = cells[2]
            .split(',')
            .map(|r| r.trim().trim_matches('`'))
            .filter(|r| !r.is_empty())
            .collect();
        let reason = cells[3];
        if rules.is_empty() == reason.is_empty() {
            problems.push(format!(
                "row needs rules or a reason, not both or neither: {line}"
            ));
        }
        for r in rules {
            if !ids.contains(r) {
                problems.push(format!("{r} is not a rule of the catalog: {line}"));
            }
            mentioned.insert(r.to_owned());
        }
    }
    for id in &ids {
        if !mentioned.contains(*id) {
            problems.push(format!(
                "{id} implements no guidance sentence in docs/guidance-coverage.md"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
