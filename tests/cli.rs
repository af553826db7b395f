//! The binary as a user runs it: exit codes, what goes to stdout and stderr, and the
//! golden JSON report of the sample estate.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;

const ESTATE: &str = "testdata/estates/contoso-health";
const AS_OF: &str = "2026-11-25";

fn steward() -> Command {
    let mut cmd = Command::cargo_bin("steward").expect("the steward binary is built for tests");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Compares `actual` with a committed snapshot; `UPDATE_SNAPSHOTS=1` rewrites it.
fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing snapshot {}; run `make snapshots`", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
        panic!(
            "{} differs from the output (first differing line: {:?}); run `make snapshots` and review the diff",
            path.display(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn the_sample_estate_report_is_pinned() {
    let out = steward()
        .args(["check", ESTATE, "--format", "json", "--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert_snapshot("contoso-health.json", &stdout(&out));
}

#[test]
fn the_sample_estate_json_is_the_same_whatever_the_order_of_arguments() {
    let a = steward()
        .args(["check", "--format", "json", "--as-of", AS_OF])
        .args([
            format!("{ESTATE}/azure"),
            format!("{ESTATE}/m365"),
            format!("{ESTATE}/onprem"),
            format!("{ESTATE}/multicloud"),
        ])
        .output()
        .unwrap();
    let b = steward()
        .args(["check", "--format", "json", "--as-of", AS_OF])
        .args([
            format!("{ESTATE}/multicloud"),
            format!("{ESTATE}/onprem"),
            format!("{ESTATE}/m365"),
            format!("{ESTATE}/azure"),
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&a), stdout(&b));
}

#[test]
fn text_output_groups_by_owner_and_names_location_rule_party_and_team() {
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--color", "never"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("Customer responsibility: "), "{text}");
    assert!(
        text.contains("DEF-001  fail  testdata/estates/contoso-health/azure/subscriptions.yaml:116:7"),
        "{text}"
    );
    assert!(
        text.contains("Subscription/contoso-research · team research-computing"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour when not asked and not a terminal"
    );
    assert!(
        stderr(&out).is_empty(),
        "nothing but results on stdout; stderr: {}",
        stderr(&out)
    );
}

#[test]
fn colour_is_used_only_when_asked() {
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\u{1b}["));
}

#[test]
fn bad_files_are_all_reported_with_positions_and_the_good_one_is_still_checked() {
    let out = steward()
        .args(["check", "--as-of", AS_OF, "--format", "json"])
        .args(
            ["good", "malformed", "missing-field", "unknown-kind", "wrong-type"]
                .map(|name| format!("testdata/bad/{name}.yaml")),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for expected in [
        "error: testdata/bad/malformed.yaml:7:1: invalid YAML: did not find expected ',' or '}', while parsing a flow mapping at line 6 column 24",
        "error: testdata/bad/missing-field.yaml:3:1: missing required field \"name\" in \"metadata\"",
        "error: testdata/bad/unknown-kind.yaml:2:1: unknown kind \"Subscripton\"; did you mean \"Subscription\"?",
        "error: testdata/bad/wrong-type.yaml:7:3: spec.retentionInDays: expected an integer, found \"ninety\"",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["files"]["files_failed"], 4);
    assert_eq!(report["summary"]["errors"], 4);
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(4));
    assert_eq!(
        report["summary"]["rules"]["LOG-001"]["fail"], 1,
        "good.yaml is still checked"
    );
}

#[test]
fn no_failures_exits_zero() {
    let rules = tempfile::tempdir().unwrap();
    let dir = rules.path().join("logging");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        "rules/logging/unified_audit_log_disabled.rego",
        dir.join("unified_audit_log_disabled.rego"),
    )
    .unwrap();
    let out = steward()
        .args(["check", "--no-builtin", "--rules"])
        .arg(rules.path())
        .args(["testdata/rules/LOG-001/good.yaml", "--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("1 passed, 0 failed, 0 unknown, 0 errors"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_rule_that_does_not_compile_is_an_error_with_its_position() {
    let rules = tempfile::tempdir().unwrap();
    let dir = rules.path().join("custom");
    std::fs::create_dir_all(&dir).unwrap();
    let rule = std::fs::read_to_string("rules/logging/unified_audit_log_disabled.rego")
        .unwrap()
        .replace("LOG-001", "ORG-001")
        .replace(
            "package steward.rules.logging.unified_audit_log_disabled",
            "package steward.rules.custom.broken",
        )
        .replace(
            "some tenant in lib.docs(\"Tenant\")\n\tnot lib.is_true",
            "some tenant in lib.docs(\"Tenant\")\n\tnot lib.is_true(((",
        );
    std::fs::write(dir.join("broken.rego"), rule).unwrap();
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--rules"])
        .arg(rules.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("custom/broken.rego:"), "{err}");
    assert!(err.contains("rule failed to compile"), "{err}");
    // The offending line and a caret under the column, indented under the error.
    assert!(
        err.lines()
            .any(|l| l.starts_with("    ") && l.trim() == "|       ^" || l.trim_end().ends_with('^')),
        "{err}"
    );
    assert!(!err.contains("\\u{000a}"), "{err}");
}

#[test]
fn a_rule_that_fails_at_evaluation_is_an_error_never_a_pass() {
    let head = "# METADATA\n# title: Divides by zero\n# description: A rule with a bug.\n# custom:\n#   id: ORG-002\n#   severity: low\n#   area: Customer data\n#   kinds: [Tenant]\n#   guidance: none\n#   remediation: none\npackage steward.rules.custom.divides\n\nimport data.steward.lib\n\n";
    let divides = "contains lib.result(t, [], \"x\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tx := 1 / 0\n\tx > 0\n}\n";
    let holds =
        "contains lib.result(t, [], \"x\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tt.kind == \"None\"\n}\n";
    // Whichever entry point fails, and whether or not the rule has `unknown`, the
    // error names it.
    for (body, entry) in [
        (format!("deny {divides}"), "deny: "),
        (format!("deny {divides}\nunknown {holds}"), "deny: "),
        (format!("deny {holds}\nunknown {divides}"), "unknown: "),
    ] {
        let rules = tempfile::tempdir().unwrap();
        let dir = rules.path().join("custom");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("divides.rego"), format!("{head}{body}")).unwrap();
        let out = steward()
            .args([
                "check",
                ESTATE,
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "--no-builtin",
                "--rules",
            ])
            .arg(rules.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["summary"]["rules"]["ORG-002"]["error"], 3,
            "one per tenant of the estate"
        );
        assert_eq!(report["summary"]["rules"]["ORG-002"]["pass"], 0);
        assert_eq!(report["findings"][0]["outcome"], "error");
        let message = report["findings"][0]["message"].as_str().unwrap();
        assert!(message.starts_with(entry), "{body}: {message}");
    }
}

#[test]
fn input_prints_exactly_what_the_rules_see() {
    let out = steward()
        .args(["input", ESTATE, "--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["data"]["steward"]["asOf"], AS_OF);
    assert_eq!(
        doc["data"]["steward"]["matrix"]["Physical hosts"]["iaas"],
        "microsoft"
    );
    assert_eq!(
        doc["input"]["documents"]["Tenant"]["contoso-health"]["kind"],
        "Tenant"
    );
}

#[test]
fn rego_tests_of_the_builtin_catalog_pass() {
    let out = steward().args(["test", "rules"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).trim_end().ends_with(" passed, 0 failed"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_failing_rego_test_exits_one_and_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("custom");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("thing_test.rego"),
        "package steward.rules.custom.thing_test\n\ntest_ok if true\n\ntest_wrong if {\n\tx := {\"a\": 1, \"b\": [1, 2]}\n\tcount(x) == 2\n\tx.b == [1, 3]\n}\n",
    )
    .unwrap();
    let out = steward().arg("test").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("custom/thing_test.rego:5: test_wrong"), "{text}");
    // The first expression that did not hold, and the values it compared.
    assert!(text.contains("custom/thing_test.rego:8: x.b == [1, 3]"), "{text}");
    assert!(text.contains("left:  [1,2]"), "{text}");
    assert!(text.contains("right: [1,3]"), "{text}");
    assert!(text.trim_end().ends_with("passed, 1 failed"), "{text}");
}

#[test]
fn the_matrix_is_printed_as_published() {
    let out = steward().arg("matrix").output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Network controls"), "{text}");
    let row = text.lines().find(|l| l.starts_with("Client devices")).unwrap();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["Client", "devices", "Customer", "Customer", "Customer", "Shared"]
    );
}

#[test]
fn usage_errors_exit_two() {
    let out = steward()
        .args(["check", ESTATE, "--as-of", "yesterday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--as-of: invalid date \"yesterday\""));
    let out = steward().args(["chek"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("check"),
        "clap suggests the closest subcommand"
    );
}

#[test]
fn a_scaffolded_rule_passes_its_tests_and_checks_out_of_the_box() {
    let dir = tempfile::tempdir().unwrap();
    let out = steward()
        .args([
            "new-rule",
            "ORG-001",
            "--kind",
            "Subscription",
            "--domain",
            "tagging",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rules = dir.path().join("rules");
    let test = steward().arg("test").arg(&rules).output().unwrap();
    assert_eq!(test.status.code(), Some(0), "{}{}", stdout(&test), stderr(&test));
    assert!(
        // 3 Rego tests and 2 fixture checks of the rule, plus the helper library's own 16.
        stdout(&test).ends_with("21 passed, 0 failed\n"),
        "{}",
        stdout(&test)
    );
    let fixtures = dir.path().join("testdata/rules/ORG-001");
    let bad = steward()
        .args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(fixtures.join("bad.yaml"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(
        report["summary"]["rules"]["ORG-001"]["fail"],
        1,
        "{}",
        stderr(&bad)
    );
    // A second scaffold with the same ID is refused; nothing is overwritten.
    let again = steward()
        .args(["new-rule", "ORG-001", "--kind", "Tenant", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("rule id ORG-001 is already used by"),
        "{}",
        stderr(&again)
    );
    let builtin = steward()
        .args(["new-rule", "LOG-001", "--kind", "Tenant", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stderr(&builtin).contains("the built-in rule rules/logging/unified_audit_log_disabled.rego"));
}

#[test]
fn rego_tests_can_be_selected_reported_as_junit_and_held_to_a_coverage_threshold() {
    let out = steward()
        .args(["test", "rules", "--run", "unified_audit_log", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let xml = stdout(&out);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"steward test\" tests=\"4\" failures=\"0\">"), "{xml}");
    assert!(xml.contains("name=\"test_ingestion_off_is_reported\""), "{xml}");
    assert!(!xml.contains("cspm"), "only selected tests run");

    let cov = steward()
        .args([
            "test",
            "rules",
            "--run",
            "unified_audit_log",
            "--coverage-threshold",
            "100",
        ])
        .output()
        .unwrap();
    assert_eq!(
        cov.status.code(),
        Some(1),
        "a partial run cannot cover the whole catalog"
    );
    assert!(
        stderr(&cov).contains("is below the threshold of 100%"),
        "{}",
        stderr(&cov)
    );
    assert!(
        stdout(&cov).contains("rules/logging/unified_audit_log_disabled.rego"),
        "{}",
        stdout(&cov)
    );
}

#[test]
fn explain_prints_a_rule_page_and_suggests_close_ids() {
    let out = steward().args(["explain", "log-007"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.starts_with("# LOG-007: "), "{page}");
    assert!(
        page.contains("## Remediation") && page.contains("## Example: Fails"),
        "{page}"
    );
    let out = steward().args(["explain", "LOG-0077"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no rule LOG-0077; did you mean"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_configuration_file_tunes_the_catalog_and_its_errors_name_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let estate = std::fs::canonicalize(ESTATE).unwrap();
    std::fs::write(
        dir.path().join("steward.yaml"),
        "disable: [LOG-003]\npacks:\n  healthcare: false\nseverity:\n  DEF-004: critical\nparams:\n  SEN-013:\n    minRetentionDays: 20\n",
    )
    .unwrap();
    let nested = dir.path().join("inventory/sub");
    std::fs::create_dir_all(&nested).unwrap();
    // Found from a subdirectory, as git finds its configuration.
    let out = steward()
        .current_dir(&nested)
        .args(["check", "--format", "json", "--as-of", AS_OF])
        .arg(&estate)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = report["summary"]["rules"].as_object().unwrap();
    assert!(
        !rules.contains_key("LOG-003") && !rules.contains_key("HLT-001"),
        "disabled rule and pack"
    );
    assert_eq!(
        report["summary"]["rules"]["SEN-013"]["fail"], 0,
        "30 days now meets the 20-day parameter"
    );
    let def004 = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "DEF-004")
        .unwrap();
    assert_eq!(def004["severity"], "critical");

    let show = steward()
        .current_dir(&nested)
        .args(["config", "show"])
        .output()
        .unwrap();
    let text = stdout(&show);
    assert!(text.contains("minRetentionDays = 20  ("), "{text}");
    assert!(text.contains("steward.yaml:8:5)"), "{text}");
    assert!(text.contains("healthcare = off"), "{text}");

    std::fs::write(
        dir.path().join("bad.yaml"),
        "disable: [LOG-003]\nparams:\n  SEN-013:\n    minRetention: 20\n",
    )
    .unwrap();
    let bad = steward()
        .arg("--config")
        .arg(dir.path().join("bad.yaml"))
        .args(["check"])
        .arg(&estate)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains(
            "bad.yaml:4:5: rule SEN-013 has no parameter \"minRetention\"; did you mean \"minRetentionDays\"?"
        ),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn one_run_writes_several_formats_and_the_threshold_decides_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("steward.sarif");
    let junit = dir.path().join("steward.xml");
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--format", "github"])
        .arg(format!("--format=sarif={}", sarif.display()))
        .arg(format!("--format=junit={}", junit.display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let annotations = stdout(&out);
    assert!(
        annotations.lines().any(|l| l.starts_with(
            "::error file=testdata/estates/contoso-health/azure/subscriptions.yaml,line=116,col=7,title=DEF-001 "
        )),
        "{annotations}"
    );
    let sarif: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
        assert!(
            result["partialFingerprints"]["stewardFinding/v1"]
                .as_str()
                .unwrap()
                .len()
                == 16
        );
        assert!(result["properties"]["party"].is_string() && result["properties"]["team"].is_string());
    }
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("<testsuite name=\"DEF-001 Defender CSPM plan is not on for the subscription\" tests=\"5\" failures=\"2\""), "{xml}");

    let only_critical = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--fail-on", "critical"])
        .output()
        .unwrap();
    assert_eq!(
        only_critical.status.code(),
        Some(1),
        "LOG-001 (critical) fails on northwind-hospital"
    );
    let text = stdout(&only_critical);
    assert!(text.contains("CRITICAL LOG-001  fail  "), "{text}");
    assert!(text.contains("HIGH     DEF-001  fail (not gating)  "), "{text}");
    let microsoft = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--fail-on-party", "microsoft"])
        .output()
        .unwrap();
    assert_eq!(microsoft.status.code(), Some(0));
}

#[test]
fn a_rule_calling_a_missing_builtin_is_rejected_at_load() {
    let rules = tempfile::tempdir().unwrap();
    let dir = rules.path().join("custom");
    std::fs::create_dir_all(&dir).unwrap();
    // The call sits behind a condition no document meets, so only a load-time check sees it.
    let rule = "# METADATA\n# title: Uses a builtin OPA has\n# description: x\n# custom:\n#   id: ORG-003\n#   severity: low\n#   area: Customer data\n#   kinds: [Tenant]\n#   guidance: none\n#   remediation: none\npackage steward.rules.custom.lookup\n\nimport data.steward.lib\n\ndeny contains lib.result(t, [], \"x\") if {\n\tsome t in lib.docs(\"Tenant\")\n\tt.spec.never == \"set\"\n\tio.jwt.decode_verify(t.spec.token, {})\n}\n";
    std::fs::write(dir.join("lookup.rego"), rule).unwrap();
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--no-builtin", "--rules"])
        .arg(rules.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("custom/lookup.rego:18:2: unknown function io.jwt.decode_verify"),
        "{err}"
    );
}
