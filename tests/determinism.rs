//! Properties over generated inputs: the findings are the same whatever the order of
//! files, the split of documents across files and the number of threads; every document
//! of a rule's kinds gets exactly one outcome per rule; and the loaders never panic,
//! whatever the bytes.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;
use steward::assessment::{self, Assessment};
use steward::catalog::Catalog;
use steward::context::{self, AsOf};
use steward::engine::{Engine, Limits};
use steward::inventory::{self, Loaded};
use steward::responsibility::Matrix;
use steward::waiver::Ledger;

struct Fixture {
    matrix: Matrix,
    catalog: Catalog,
    data: Value,
    /// The sample estate's documents as JSON text (JSON is YAML), one per document.
    documents: Vec<String>,
    expected: Summary,
}

/// What must not change: each finding without its location (which moves with the
/// split), and each (rule, document) outcome.
#[derive(Debug, PartialEq, Eq)]
struct Summary {
    findings: BTreeSet<(String, String, String, String, String)>,
    outcomes: BTreeMap<(String, String), String>,
}

fn summarise(a: &Assessment) -> Summary {
    Summary {
        findings: a
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule_id.to_string(),
                    f.resource.as_ref().map(ToString::to_string).unwrap_or_default(),
                    f.path.clone().unwrap_or_default(),
                    f.message.clone(),
                    f.outcome.as_str().to_owned(),
                )
            })
            .collect(),
        outcomes: a
            .judged
            .iter()
            .map(|j| {
                (
                    (j.rule_id.to_string(), j.resource.to_string()),
                    j.outcome.as_str().to_owned(),
                )
            })
            .collect(),
    }
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let matrix = Matrix::builtin().unwrap();
        let (catalog, errors) = Catalog::builtin(&matrix);
        assert!(errors.is_empty(), "{errors:?}");
        let as_of = AsOf::parse("2026-11-25").unwrap();
        let data = context::data(&catalog, &matrix, as_of);
        let estate = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/estates/contoso-health");
        let loaded = inventory::load(&[estate]);
        assert!(loaded.errors.is_empty());
        let documents = loaded
            .inventory
            .documents
            .iter()
            .map(|d| serde_json::to_string(&d.value).unwrap())
            .collect();
        let mut fixture = Fixture {
            matrix,
            catalog,
            data,
            documents,
            expected: Summary {
                findings: BTreeSet::new(),
                outcomes: BTreeMap::new(),
            },
        };
        let (expected, _) = run(&fixture, &[(0..fixture.documents.len()).collect()], 1);
        fixture.expected = expected;
        fixture
    })
}

/// Evaluates the documents split into `files` (indices into the fixture's documents)
/// with `jobs` threads.
fn run(f: &Fixture, files: &[Vec<usize>], jobs: usize) -> (Summary, Assessment) {
    let mut loaded = Loaded::default();
    for (i, file) in files.iter().enumerate() {
        let text: Vec<&str> = file.iter().map(|d| f.documents[*d].as_str()).collect();
        loaded.add_file(format!("f{i}.yaml"), text.join("\n---\n").into_bytes());
    }
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    // As `steward check -j N` compiles: one engine per thread when the rules allow it.
    let (engine, errors) = Engine::compile_split(&f.catalog, Limits::default(), Some(jobs));
    assert!(errors.is_empty(), "{errors:?}");
    let runs = engine.evaluate(&f.catalog, &loaded.inventory.to_rego_input(), &f.data);
    let a = assessment::assess(
        &f.catalog,
        runs,
        &loaded.inventory,
        &f.matrix,
        &mut Ledger::default(),
    );
    (summarise(&a), a)
}

/// A permutation of the documents cut into non-empty files.
fn splits() -> impl Strategy<Value = (Vec<Vec<usize>>, usize)> {
    let n = fixture().documents.len();
    (
        Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
        proptest::collection::vec(1usize..8, 1..12),
        1usize..5,
    )
        .prop_map(move |(order, sizes, jobs)| {
            let mut files = Vec::new();
            let mut rest = order.as_slice();
            let mut sizes = sizes.into_iter().cycle();
            while !rest.is_empty() {
                let take = sizes.next().unwrap_or(1).min(rest.len());
                files.push(rest[..take].to_vec());
                rest = &rest[take..];
            }
            (files, jobs)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn findings_do_not_depend_on_file_order_split_or_threads((files, jobs) in splits()) {
        let f = fixture();
        let (summary, assessment) = run(f, &files, jobs);
        prop_assert_eq!(&summary.findings, &f.expected.findings);
        prop_assert_eq!(&summary.outcomes, &f.expected.outcomes);
        // Nothing lost, nothing doubled: one outcome per (rule, document of its kinds).
        let mut expected_pairs = 0;
        for rule in &f.catalog.rules {
            let kinds: BTreeSet<&str> = rule.meta.kinds.iter().map(String::as_str).collect();
            expected_pairs += f
                .documents
                .iter()
                .filter(|d| {
                    let v: Value = serde_json::from_str(d).unwrap();
                    kinds.contains(v["kind"].as_str().unwrap_or_default())
                })
                .count();
        }
        prop_assert_eq!(assessment.judged.len(), expected_pairs);
        prop_assert_eq!(summary.outcomes.len(), expected_pairs);
    }
}

/// Bytes derived from real inventory text, then mutated: most inputs are nearly valid
/// YAML, which reaches far deeper into the loader than random noise.
fn mutated_inventory() -> impl Strategy<Value = Vec<u8>> {
    let seeds: Vec<Vec<u8>> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad/corpus"))
            .unwrap()
            .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
            .filter(|b| b.len() < 20_000)
            .collect();
    (
        proptest::sample::select(seeds),
        proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 0..16),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, byte, op) in edits {
                let at = if bytes.is_empty() {
                    0
                } else {
                    at % (bytes.len() + 1)
                };
                match op {
                    0 => bytes.insert(at, byte),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ if at < bytes.len() => bytes[at] = byte,
                    _ => bytes.push(byte),
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_inventory_loader_never_panics(bytes in mutated_inventory()) {
        let mut loaded = Loaded::default();
        loaded.add_file("x.yaml".into(), bytes.clone());
        loaded.add_file("x.json".into(), bytes);
        // Every problem has a position inside the file.
        for e in &loaded.errors {
            if let Some(l) = &e.location {
                prop_assert!(l.line >= 1 && l.column >= 1, "{}", e);
            }
        }
    }

    #[test]
    fn the_configuration_loader_never_panics(bytes in mutated_inventory()) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = steward::config::Config::parse("steward.yaml", &text, Path::new("."));
    }
}
