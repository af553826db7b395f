//! The first minutes with steward, as a new user meets them: `init` then `check`, the
//! editor schemas, shell completions, the manual page, `--version`, `--quiet` and
//! `--verbose`, and help that shows an example for every command.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

fn steward(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("steward")
        .unwrap()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn available(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn init_then_check_reports_real_findings_and_init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = steward(dir.path(), &["init", "estate"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let root = dir.path().join("estate");
    for file in [
        "steward.yaml",
        ".steward/inventory.schema.json",
        ".steward/config.schema.json",
        ".pre-commit-config.yaml",
        ".github/workflows/steward.yml",
        "inventory/tenant.yaml",
        "inventory/on-prem-data-store.yaml",
    ] {
        assert!(root.join(file).is_file(), "{file} was not written");
    }
    let inventory_files: Vec<_> = std::fs::read_dir(root.join("inventory")).unwrap().collect();
    assert_eq!(inventory_files.len(), 9, "one example per kind");
    for entry in inventory_files {
        let content = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(content.starts_with("# yaml-language-server: $schema=../.steward/inventory.schema.json\n"));
    }

    let check = steward(&root, &["check", "inventory", "--format", "json"]);
    assert_eq!(
        check.status.code(),
        Some(1),
        "findings, not errors: {}",
        text(&check.stderr)
    );
    assert!(!text(&check.stderr).contains("error:"), "{}", text(&check.stderr));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let fails = report["summary"]["outcomes"]["fail"].as_u64().unwrap();
    let passes = report["summary"]["outcomes"]["pass"].as_u64().unwrap();
    assert!(
        (1..=10).contains(&fails),
        "a handful of instructive gaps: {fails}"
    );
    assert!(
        passes > fails * 5,
        "most rules pass: {passes} passed, {fails} failed"
    );

    // A second init changes nothing and says what it skipped.
    std::fs::write(root.join("steward.yaml"), "disable: [LOG-001]\n").unwrap();
    let again = steward(dir.path(), &["init", "estate"]);
    assert_eq!(again.status.code(), Some(0));
    let said = text(&again.stdout);
    assert!(!said.contains("created"), "{said}");
    assert!(said.contains("skipped estate/steward.yaml (it exists)"), "{said}");
    assert_eq!(
        std::fs::read_to_string(root.join("steward.yaml")).unwrap(),
        "disable: [LOG-001]\n"
    );
}

#[test]
fn the_schemas_editors_use_are_the_ones_steward_validates_with() {
    let dir = tempfile::tempdir().unwrap();
    let inventory = steward(dir.path(), &["schema", "inventory"]);
    assert_eq!(
        text(&inventory.stdout),
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/inventory.schema.json"))
            .unwrap()
    );
    let config = steward(dir.path(), &["schema", "config"]);
    let parsed: serde_json::Value = serde_json::from_slice(&config.stdout).unwrap();
    assert!(parsed["properties"]["waivers"].is_object());
}

#[test]
fn completions_are_accepted_by_the_shells() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, checker) in [
        ("bash", Some(vec!["bash", "-n"])),
        ("zsh", Some(vec!["zsh", "-n"])),
        ("fish", Some(vec!["fish", "--no-execute"])),
        ("powershell", None),
    ] {
        let out = steward(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(
            script.contains("check") && script.contains("changed-since"),
            "{shell}: {script}"
        );
        let Some(checker) = checker.filter(|c| available(c[0])) else {
            continue;
        };
        let path = dir.path().join(format!("steward.{shell}"));
        std::fs::write(&path, &script).unwrap();
        let status = std::process::Command::new(checker[0])
            .args(&checker[1..])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "{shell} rejects the completion script");
    }
    assert!(available("bash"), "bash must be present to check its completions");
}

#[test]
fn the_manual_page_renders() {
    let dir = tempfile::tempdir().unwrap();
    let out = steward(dir.path(), &["man"]);
    let roff = text(&out.stdout);
    assert!(
        roff.starts_with(".ie \\n(.g .ds Aq") || roff.contains(".TH steward 1"),
        "{roff}"
    );
    let pages = steward(dir.path(), &["man", "--out", "man1"]);
    assert_eq!(pages.status.code(), Some(0));
    for page in [
        "steward.1",
        "steward-check.1",
        "steward-baseline.1",
        "steward-init.1",
    ] {
        assert!(dir.path().join("man1").join(page).is_file(), "{page}");
    }
    if available("man") {
        let rendered = std::process::Command::new("man")
            .args(["-l", "man1/steward-check.1"])
            .current_dir(dir.path())
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        assert!(rendered.status.success(), "{}", text(&rendered.stderr));
        let page = text(&rendered.stdout);
        assert!(page.contains("--changed-since"), "{page}");
    }
}

#[test]
fn version_names_the_built_in_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let rules: serde_json::Value =
        serde_json::from_slice(&steward(dir.path(), &["rules", "--format", "json"]).stdout).unwrap();
    let count = rules.as_array().unwrap().len();
    let version = text(&steward(dir.path(), &["--version"]).stdout);
    let catalog =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/VERSION")).unwrap();
    assert_eq!(
        version,
        format!(
            "steward {}\nbuilt-in catalog {}, {count} rules\n",
            env!("CARGO_PKG_VERSION"),
            catalog.trim()
        )
    );
}

#[test]
fn quiet_drops_notes_and_verbose_says_what_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.yaml"), "# nothing yet\n").unwrap();
    let normal = steward(dir.path(), &["check", "."]);
    assert!(text(&normal.stderr).contains("note: ./empty.yaml: no documents"));
    let quiet = steward(dir.path(), &["check", ".", "--quiet"]);
    assert_eq!(text(&quiet.stderr), "");
    assert_eq!(quiet.stdout, normal.stdout, "results are the same");
    let verbose = steward(dir.path(), &["check", ".", "-v"]);
    let said = text(&verbose.stderr);
    assert!(said.contains("info: no steward.yaml found"), "{said}");
    assert!(said.contains("rules in effect (built-in catalog on"), "{said}");
    let both = steward(dir.path(), &["check", ".", "-q", "-v"]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn every_command_shows_an_example_and_typos_get_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let help = text(&steward(dir.path(), &["--help"]).stdout);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // Continuation lines of a wrapped description are indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 14, "{commands:?}");
    for command in &commands {
        let out = steward(dir.path(), &[command, "--help"]);
        let page = text(&out.stdout);
        let nested = page.contains("Commands:");
        assert!(
            page.contains("Example") || nested,
            "`steward {command} --help` shows no example:\n{page}"
        );
    }
    for nested in [["config", "show"], ["baseline", "create"]] {
        let page = text(&steward(dir.path(), &[nested[0], nested[1], "--help"]).stdout);
        assert!(
            page.contains("Example"),
            "`steward {} --help` shows no example",
            nested.join(" ")
        );
    }
    let typo = steward(dir.path(), &["chek", "inventory"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(text(&typo.stderr).contains("'check'"), "{}", text(&typo.stderr));
    let flag = steward(dir.path(), &["check", ".", "--fail-of", "high"]);
    assert!(text(&flag.stderr).contains("--fail-on"), "{}", text(&flag.stderr));
}
