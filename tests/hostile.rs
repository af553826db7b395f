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

/// testdata/bad/corpus: each case `X` beside `X.expected`, the exact stderr of
/// `steward check X`. A case whose stderr has an `error:` line must exit 2; the others
/// (accepted or skipped files) exit 0 or 1. `UPDATE_SNAPSHOTS=1` rewrites the expected
/// files, for review in the diff.
#[test]
fn every_corpus_case_reports_exactly_its_expected_lines() {
    let root = std::path::Path::new("testdata/bad/corpus");
    let mut cases: Vec<std::path::PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            !name.ends_with(".expected") && name != "README.md"
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut problems = Vec::new();
    for case in &cases {
        let shown = case.to_string_lossy().into_owned();
        let start = Instant::now();
        let out = Command::cargo_bin("steward")
            .unwrap()
            .args(["check", &shown, "--as-of", "2026-11-25", "--format", "json"])
            .output()
            .unwrap();
        let elapsed = start.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let expected_path = format!("{shown}.expected");
        if update {
            std::fs::write(&expected_path, &stderr).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if stderr != expected {
            problems.push(format!(
                "{shown}: stderr differs\n  expected: {expected:?}\n  actual:   {stderr:?}"
            ));
        }
        let errors = stderr.lines().any(|l| l.starts_with("error: "));
        let code = out.status.code();
        if errors && code != Some(2) || !errors && !matches!(code, Some(0 | 1)) {
            problems.push(format!("{shown}: exit status {code:?} with stderr {stderr:?}"));
        }
        if stderr.contains("panicked") || elapsed > Duration::from_secs(10) {
            problems.push(format!("{shown}: took {elapsed:?}: {stderr}"));
        }
        if serde_json::from_slice::<serde_json::Value>(&out.stdout).is_err() {
            problems.push(format!("{shown}: the JSON report is still written"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Runs one organisational rule (body after the package line) alone over a one-tenant
/// inventory; returns (exit code, the rule's error message in the JSON report, elapsed).
fn hostile_rule(body: &str, extra: &[&str]) -> (Option<i32>, String, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules/custom");
    std::fs::create_dir_all(&rules).unwrap();
    let rule = format!(
        "# METADATA\n# title: Hostile\n# description: A rule that misbehaves.\n# custom:\n#   id: ORG-666\n#   severity: low\n#   area: Customer data\n#   kinds: [Tenant]\n#   guidance: none\n#   remediation: none\npackage steward.rules.custom.hostile\n\nimport data.steward.lib\n\n{body}\n"
    );
    std::fs::write(rules.join("hostile.rego"), rule).unwrap();
    std::fs::write(dir.path().join("tenant.yaml"), GOOD).unwrap();
    let start = Instant::now();
    let out = Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "tenant.yaml",
            "--no-builtin",
            "--rules",
            "rules",
            "--format",
            "json",
        ])
        .args(["--as-of", "2026-11-25"])
        .args(extra)
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let message = json["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["outcome"] == "error"))
        .map(|f| f["message"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|| format!("no rule error; stderr: {stderr}"));
    (out.status.code(), message, elapsed)
}

#[test]
fn a_rule_that_runs_too_long_is_stopped_and_reported() {
    let (code, message, elapsed) = hostile_rule(
        "slow := count([x | some x in numbers.range(1, 2000); some y in numbers.range(1, 2000); x == y])\n\ndeny contains lib.result(t, [], \"slow\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tslow > 0\n}\n\nunknown contains lib.result(t, [], \"slow\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tslow < 0\n}",
        &["--rule-timeout", "1"],
    );
    assert_eq!(code, Some(2), "{message}");
    assert!(
        message.contains("time limit") || message.contains("exceeded"),
        "{message}"
    );
    // Stopped once for both entry points: a rule evaluated again after its limit, to
    // say which entry point failed, would name it and take the limit twice.
    assert!(!message.starts_with("deny: "), "{message}");
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn a_rule_that_builds_a_huge_value_is_stopped_and_reported() {
    let (code, message, _) = hostile_rule(
        "big := [x | some x in numbers.range(1, 200000000)]\n\ndeny contains lib.result(t, [], \"big\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tcount(big) > 0\n}",
        &["--memory-limit", "512"],
    );
    assert_eq!(code, Some(2), "{message}");
    assert!(message.contains("memory limit"), "{message}");
}

#[test]
fn rules_cannot_reach_the_network_the_environment_or_files() {
    for (call, what) in [
        (
            "http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9\"})",
            "http.send",
        ),
        ("opa.runtime()", "opa.runtime"),
        ("net.lookup_ip_addr(\"localhost\")", "net.lookup_ip_addr"),
    ] {
        let (code, message, _) = hostile_rule(
            &format!(
                "deny contains lib.result(t, [], \"reached\") if {{\n\tsome t in lib.docs(\"Tenant\")\n\tx := {call}\n\tx != null\n}}"
            ),
            &[],
        );
        assert_eq!(code, Some(2), "{what}: {message}");
        assert!(
            !message.starts_with("no rule error"),
            "{what} must be an error, not a pass: {message}"
        );
    }
}

#[test]
fn a_result_of_the_wrong_shape_is_the_rules_error() {
    for (result, expected) in [
        ("{\"path\": [], \"msg\": \"no resource\"}", "resource"),
        (
            "{\"resource\": \"Tenant/nobody\", \"path\": [], \"msg\": \"ghost\"}",
            "not in the inventory",
        ),
        (
            "{\"resource\": \"Tenant/contoso\", \"path\": \"spec\", \"msg\": \"path not a list\"}",
            "path",
        ),
        ("{\"resource\": \"Tenant/contoso\", \"path\": []}", "msg"),
        ("\"just a string\"", "contoso"),
    ] {
        let (code, message, _) = hostile_rule(&format!("deny contains {result} if true"), &[]);
        assert_eq!(code, Some(2), "{result}: {message}");
        assert!(
            message.contains(expected) || expected == "contoso",
            "{result}: expected {expected:?} in {message}"
        );
        assert!(!message.starts_with("no rule error"), "{result}: {message}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!("{GOOD}  notes: \"{}\"\n", "x".repeat(3 << 20))
        .replace("owner: security\n", "owner: security\n");
    std::fs::write(dir.path().join("big.yaml"), big).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD.replace("contoso", "fabrikam")).unwrap();
    let out = Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            ".",
            "--max-file-size",
            "2",
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "./big.yaml: the file is 4 MiB, larger than the limit of 2 MiB (raise it with --max-file-size)"
        ),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["summary"]["rules"]["LOG-001"]["pass"], 1,
        "the other file is still checked"
    );
}

#[test]
fn ten_thousand_files_a_symlink_loop_and_a_dangling_link_are_all_survived() {
    let dir = tempfile::tempdir().unwrap();
    let inv = dir.path().join("inv");
    for i in 0..10_000 {
        let sub = inv.join(format!("d{}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(
            sub.join(format!("t{i}.yaml")),
            GOOD.replace("name: contoso", &format!("name: t{i}")),
        )
        .unwrap();
    }
    std::os::unix::fs::symlink(&inv, inv.join("d0/loop")).unwrap();
    std::os::unix::fs::symlink(inv.join("missing.yaml"), inv.join("dangling.yaml")).unwrap();
    let start = Instant::now();
    let out = Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "inv",
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--no-builtin",
        ])
        .args(["--rules", "/nonexistent-so-only-loading-is-measured"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("dangling.yaml"), "{stderr}");
    assert!(stderr.contains("loop"), "the symlink loop is reported: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"]["documents"], 10_000);
    assert!(start.elapsed() < Duration::from_secs(60), "{:?}", start.elapsed());
}
