//! Hostile inventories: whatever the bytes, steward reports a clear error with its
//! position, checks the other files, exits 2, and neither panics nor runs away.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use assert_cmd::Command;

const GOOD: &str = "apiVersion: steward/v1\nkind: Tenant\nmetadata:\n  name: contoso\n  owner: security\nspec:\n  adminAuditLogConfig:\n    UnifiedAuditLogIngestionEnabled: true\n";

/// Runs `steward check` on a directory holding `name` with `content` and a good file,
/// and returns (exit code, stderr, stdout JSON).
fn check(name: &str, content: &[u8]) -> (Option<i32>, String, serde_json::Value, Duration) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), content).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let start = Instant::now();
    let out = Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json", "--as-of", "2026-11-25"])
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        json,
        elapsed,
    )
}

fn assert_rejected(name: &str, content: &[u8], expected: &str) {
    assert_rejected_with(name, content, expected, 1);
}

/// As `assert_rejected`, when the hostile file also holds `tenants` - 1 valid tenants.
fn assert_rejected_with(name: &str, content: &[u8], expected: &str, tenants: u64) {
    let (code, err, json, elapsed) = check(name, content);
    assert_eq!(code, Some(2), "{name}: {err}");
    assert!(err.contains(expected), "{name}: expected {expected:?} in:\n{err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert_eq!(json["summary"]["files"]["files_failed"], 1, "{name}");
    assert_eq!(
        json["summary"]["rules"]["LOG-001"]["pass"], tenants,
        "{name}: the good documents are still checked"
    );
    assert!(elapsed < Duration::from_secs(60), "{name} took {elapsed:?}");
}

#[test]
fn an_alias_bomb_is_rejected_quickly() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    assert_rejected(
        "bomb.yaml",
        text.as_bytes(),
        "./bomb.yaml:1:1: invalid YAML: repetition limit exceeded",
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let text = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert_rejected(
        "deep.yaml",
        text.as_bytes(),
        "./deep.yaml:1:516: invalid YAML: nesting deeper than 512 levels",
    );
}

#[test]
fn a_huge_scalar_is_read_and_judged_like_any_value() {
    let text =
        format!("{GOOD}---\nname: {}\n", "x".repeat(50_000_000)).replace("name: contoso", "name: second");
    // The valid first document of the file is still checked; the scalar document is not.
    assert_rejected_with(
        "huge.yaml",
        text.as_bytes(),
        "./huge.yaml:10:1: missing required field \"apiVersion\" in document",
        2,
    );
}

#[test]
fn binary_tabs_and_broken_second_documents_are_named() {
    assert_rejected(
        "bin.yaml",
        &[b'a', b':', b' ', 0xff, 0xfe, 0],
        "./bin.yaml:1:4: not valid UTF-8 text",
    );
    assert_rejected(
        "tabs.yaml",
        b"a:\n\tb: 1\n",
        "(a tab: YAML indentation must use spaces)",
    );
    let second = format!("{GOOD}---\napiVersion: steward/v1\nkind: [Tenant\n").replace("contoso", "first");
    assert_rejected(
        "second.yaml",
        second.as_bytes(),
        "./second.yaml:12:1: invalid YAML: did not find expected ',' or ']'",
    );
    assert_rejected(
        "dup.yaml",
        b"apiVersion: steward/v1\nkind: Tenant\nkind: Tenant\n",
        "./dup.yaml:3:1: invalid YAML: duplicate key \"kind\"",
    );
    assert_rejected(
        "list.yaml",
        b"- a\n- b\n",
        "./list.yaml:1:1: expected a mapping with apiVersion, kind, metadata and spec; found a list",
    );
}

#[test]
fn empty_and_comment_only_files_are_skipped_with_a_note() {
    for (name, content) in [("empty.yaml", ""), ("comments.yaml", "# nothing yet\n")] {
        let (code, err, json, _) = check(name, content.as_bytes());
        assert_ne!(code, Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!(
                "note: ./{name}: no documents (empty or comments only); skipped"
            )),
            "{err}"
        );
        assert_eq!(json["summary"]["files"]["files_empty"], 1);
    }
}
