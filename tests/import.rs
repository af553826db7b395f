//! `steward import` and `steward check --import` as a user runs them: the files written
//! are the expected ones, a re-import rewrites only its own files and never the overlay,
//! and exports can be checked in memory.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;

fn steward(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/import"))
}

#[test]
fn imports_write_the_expected_inventory_and_respect_files_they_do_not_own() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("inventory");
    std::fs::create_dir(&out).unwrap();
    let overlay = std::fs::read_to_string(fixtures().join("overlay/steward-overlay.yaml")).unwrap();
    std::fs::write(out.join("steward-overlay.yaml"), &overlay).unwrap();
    let azure = fixtures().join("azure");
    let run = steward(
        dir.path(),
        &[
            "import",
            "azure",
            azure.to_str().unwrap(),
            "-o",
            "inventory",
            "--as-of",
            "2026-11-25",
        ],
    );
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for name in ["fabrikam-production.yaml", "fabrikam-research.yaml"] {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            std::fs::read_to_string(fixtures().join("expected/azure").join(name)).unwrap(),
            "{name}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(out.join("steward-overlay.yaml")).unwrap(),
        overlay
    );

    // The imported inventory is checked like any other, the overlay beside it skipped.
    let check = steward(
        dir.path(),
        &["check", "inventory", "--as-of", "2026-11-25", "--format", "json"],
    );
    assert_eq!(
        check.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // A hand-written file with an import's name is never overwritten.
    std::fs::write(out.join("fabrikam-research.yaml"), "# mine\n").unwrap();
    let again = steward(
        dir.path(),
        &[
            "import",
            "azure",
            azure.to_str().unwrap(),
            "-o",
            "inventory",
            "--as-of",
            "2026-11-25",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("was not written by `steward import`"));
    assert_eq!(
        std::fs::read_to_string(out.join("fabrikam-research.yaml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn exports_can_be_checked_in_memory_with_findings_pointing_into_the_import() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("overlay/steward-overlay.yaml"),
        dir.path().join("steward-overlay.yaml"),
    )
    .unwrap();
    let azure = format!("azure={}", fixtures().join("azure").display());
    let scuba = format!(
        "scubagear={}",
        fixtures()
            .join("scubagear/fabrikam.ProviderSettingsExport.json")
            .display()
    );
    let run = steward(
        dir.path(),
        &[
            "check",
            "--import",
            &azure,
            "--import",
            &scuba,
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["summary"]["files"]["documents"], 18);
    let files: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["location"]["file"].as_str())
        .collect();
    assert!(
        files
            .iter()
            .all(|f| f.starts_with("import:azure/") || f.starts_with("import:scubagear/")),
        "{files:?}"
    );
    assert!(files.contains(&"import:scubagear/fabrikammedical.yaml"));
    // A finding on an imported Azure resource names the resource's ARM ID as well as the line.
    let on_resource = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resource"]["kind"] == "AzureResource")
        .unwrap();
    assert!(
        on_resource["resource_id"]
            .as_str()
            .unwrap()
            .starts_with("/subscriptions/"),
        "{on_resource}"
    );

    let bad = steward(dir.path(), &["check", "--import", "gcp=x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown import source \"gcp\""));
}
