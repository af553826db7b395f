//! Pre-merge checks end to end, in a temporary git repository as a pull request would
//! meet them: a change that opens a gap fails with an annotation on its line; the same
//! change under a baseline or a waiver passes; an expired waiver fails again. And the
//! SARIF written on the way is valid against the official SARIF 2.1.0 schema.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const AS_OF: &str = "2026-11-25";

const TENANT: &str = "\
apiVersion: steward/v1
kind: Tenant
metadata:
  name: contoso
  owner: security-operations
spec:
  adminAuditLogConfig:
    UnifiedAuditLogIngestionEnabled: true
";

const SUBSCRIPTION: &str = "\
apiVersion: steward/v1
kind: Subscription
metadata:
  name: research
  owner: platform
spec:
  subscriptionId: 00000000-0000-0000-0000-000000000001
";

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=steward", "-c", "user.email=steward@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with an inventory committed on main.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("inventory")).unwrap();
    std::fs::write(root.join("inventory/tenant.yaml"), TENANT).unwrap();
    std::fs::write(root.join("inventory/subscription.yaml"), SUBSCRIPTION).unwrap();
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "inventory"]);
    dir
}

/// The pull request: switch audit log ingestion off.
fn open_the_gap(root: &Path) {
    let text = TENANT.replace(
        "UnifiedAuditLogIngestionEnabled: true",
        "UnifiedAuditLogIngestionEnabled: false",
    );
    std::fs::write(root.join("inventory/tenant.yaml"), text).unwrap();
}

fn steward(root: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("steward")
        .unwrap()
        .current_dir(root)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

fn check(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", "inventory", "--as-of", AS_OF, "--changed-since", "main"];
    args.extend_from_slice(extra);
    steward(root, &args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_change_that_opens_a_gap_fails_with_an_annotation_on_its_line() {
    let repo = repository();
    let root = repo.path();
    let clean = check(root, &["--format", "github"]);
    let clean_out = text(&clean.stdout);
    assert!(
        !clean_out.contains("LOG-001"),
        "nothing changed yet, so nothing about the tenant is reported:\n{clean_out}"
    );

    open_the_gap(root);
    let out = check(root, &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let annotations = text(&out.stdout);
    assert!(
        annotations.contains(
            "::error file=inventory/tenant.yaml,line=8,col=5,title=LOG-001 Unified audit log ingestion is off"
        ),
        "{annotations}"
    );
    assert!(
        !annotations.contains("subscription.yaml"),
        "the unchanged subscription's findings are left out:\n{annotations}"
    );
}

#[test]
fn the_same_change_under_a_baseline_passes_and_a_new_gap_still_fails() {
    let repo = repository();
    let root = repo.path();
    open_the_gap(root);
    let created = steward(
        root,
        &[
            "baseline",
            "create",
            "inventory",
            "-o",
            "baseline.json",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(created.status.code(), Some(0), "{}", text(&created.stderr));
    assert!(text(&created.stdout).starts_with("recorded "));

    let out = check(root, &["--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["baseline"]["new"], 0);
    assert!(report["summary"]["baseline"]["unchanged"].as_u64().unwrap() > 0);
    assert_eq!(report["summary"]["gating"], 0);

    // Reformatting the file moves the lines but not the fingerprints.
    let moved = format!(
        "# moved down by a comment\n\n{}",
        std::fs::read_to_string(root.join("inventory/tenant.yaml")).unwrap()
    );
    std::fs::write(root.join("inventory/tenant.yaml"), moved).unwrap();
    let out = check(root, &["--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // A second gap in the same document is new, so it gates.
    let worse = std::fs::read_to_string(root.join("inventory/tenant.yaml"))
        .unwrap()
        .replace("  owner: security-operations\n", "");
    std::fs::write(root.join("inventory/tenant.yaml"), worse).unwrap();
    let out = check(root, &["--baseline", "baseline.json", "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(report["summary"]["baseline"]["new"].as_u64().unwrap() > 0);

    // Fixing the gap reports the baseline entries as fixed.
    std::fs::write(root.join("inventory/tenant.yaml"), TENANT).unwrap();
    let out = check(root, &["--baseline", "baseline.json", "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    let fixed = report["summary"]["baseline"]["fixed"].as_array().unwrap();
    assert!(
        fixed
            .iter()
            .any(|e| e["rule"] == "LOG-001" && e["resource"] == "Tenant/contoso")
    );
}

fn waive(root: &Path, expires: &str) {
    std::fs::write(
        root.join("steward.yaml"),
        format!(
            "waivers:\n  - rule: LOG-001\n    resource: {{kind: Tenant, name: conto*}}\n    reason: ingestion moves to the new tenant in January\n    owner: security-operations\n    expires: {expires}\n    granted: 2026-11-01\n"
        ),
    )
    .unwrap();
}

#[test]
fn a_waiver_lets_the_change_pass_until_it_expires() {
    let repo = repository();
    let root = repo.path();
    open_the_gap(root);
    // Only LOG-001 is waived; the rules that follow from the same switch still fail.
    waive(root, "2026-12-31");
    let out = check(root, &["--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let log_001: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "LOG-001")
        .collect();
    assert_eq!(log_001.len(), 1);
    assert_eq!(log_001[0]["outcome"], "waived");
    assert_eq!(log_001[0]["gating"], false);
    assert_eq!(log_001[0]["waiver"]["owner"], "security-operations");
    assert_eq!(report["summary"]["rules"]["LOG-001"]["waived"], 1);

    // An expired waiver stops waiving and says so.
    waive(root, "2026-11-20");
    let out = check(root, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let log_001 = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "LOG-001")
        .unwrap();
    assert_eq!(log_001["outcome"], "fail");
    assert_eq!(log_001["gating"], true);
    assert!(
        log_001["message"]
            .as_str()
            .unwrap()
            .ends_with("(waiver expired on 2026-11-20, steward.yaml:2:5)"),
        "{log_001}"
    );

    // --no-waivers shows findings as they are, for audits.
    waive(root, "2026-12-31");
    let out = check(root, &["--format", "json", "--no-waivers"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["outcomes"]["waived"], 0);
}

#[test]
fn waivers_that_are_too_long_expire_soon_or_cover_nothing_are_called_out() {
    let repo = repository();
    let root = repo.path();
    std::fs::write(
        root.join("steward.yaml"),
        "waiverPolicy: {maxLifetimeDays: 90}\nwaivers:\n  - rule: LOG-001\n    reason: r\n    owner: o\n    expires: 2027-06-30\n",
    )
    .unwrap();
    let out = check(root, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("error: steward.yaml:3:5: waiver for LOG-001 lasts 217 days (from 2026-11-25 to 2027-06-30), longer than the maximum of 90 days"),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(
        root.join("steward.yaml"),
        "waivers:\n  - rule: LOG-001\n    reason: r\n    owner: o\n    expires: 2026-12-01\n  - rule: LOG-0001\n    reason: r\n    owner: o\n    expires: 2026-12-01\n",
    )
    .unwrap();
    let out = check(root, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("error: steward.yaml:6:5: unknown rule ID \"LOG-0001\"; did you mean \"LOG-001\"?"),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(
        root.join("steward.yaml"),
        "waivers:\n  - rule: LOG-001\n    reason: r\n    owner: o\n    expires: 2026-12-01\n  - rule: LOG-002\n    reason: r\n    owner: o\n    expires: 2026-12-01\n    resource: {name: nothing-*}\n",
    )
    .unwrap();
    open_the_gap(root);
    let out = check(root, &[]);
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "warning: steward.yaml:2:5: waiver for LOG-001 expires on 2026-12-01 (in 6 days; owner o)"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: steward.yaml:6:5: waiver for LOG-002 covers no failing or unknown finding"),
        "{err}"
    );
}

#[test]
fn a_waivers_file_holds_only_waivers() {
    let repo = repository();
    let root = repo.path();
    open_the_gap(root);
    std::fs::write(
        root.join("waivers.yaml"),
        "waivers:\n  - rule: LOG-001\n    reason: r\n    owner: o\n    expires: 2026-12-31\n",
    )
    .unwrap();
    let out = check(root, &["--waivers", "waivers.yaml", "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["summary"]["rules"]["LOG-001"]["waived"],
        1,
        "{}",
        text(&out.stderr)
    );

    std::fs::write(root.join("waivers.yaml"), "disable: [LOG-001]\n").unwrap();
    let out = check(root, &["--waivers", "waivers.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("a waivers file holds only a `waivers` list"));
}

#[test]
fn changed_since_needs_a_known_revision() {
    let repo = repository();
    let out = check(repo.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = steward(
        repo.path(),
        &[
            "check",
            "inventory",
            "--as-of",
            AS_OF,
            "--changed-since",
            "no-such-branch",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--changed-since: unknown git revision \"no-such-branch\""));
}

fn sarif_schema() -> PathBuf {
    if let Some(path) = std::env::var_os("STEWARD_SARIF_SCHEMA") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("sarif/sarif-2.1.0.json")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let path = sarif_schema();
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "the SARIF 2.1.0 schema is not at {}; run `python3 scripts/sarif_schema.py` (make test does)",
            path.display()
        )
    }))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();

    // Waived, baselined, new and unknown results, and warnings, all in one log.
    let repo = repository();
    let root = repo.path();
    open_the_gap(root);
    let created = steward(
        root,
        &[
            "baseline",
            "create",
            "inventory",
            "-o",
            "baseline.json",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(created.status.code(), Some(0));
    std::fs::write(
        root.join("inventory/subscription.yaml"),
        SUBSCRIPTION.replace("research", "research-2"),
    )
    .unwrap();
    waive(root, "2026-12-01");
    let out = check(root, &["--baseline", "baseline.json", "--format", "sarif"]);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["suppressions"][0]["kind"] == "external"));
    assert!(results.iter().any(|r| r["baselineState"] == "unchanged"));
    assert!(results.iter().any(|r| r["baselineState"] == "new"));

    // The validator is not vacuous: a wrong level is caught.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));

    // The sample estate's full log, every rule and result, is valid too.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/estates/contoso-health");
    let out = Command::cargo_bin("steward")
        .unwrap()
        .args(["check", "--as-of", AS_OF, "--format", "sarif"])
        .arg(sample)
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
