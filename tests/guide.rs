//! Runs every command of docs/writing-rules.md, in order, in an empty directory, with
//! the exit status the guide states, so the guide stays true.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

#[test]
fn every_command_of_the_rule_writing_guide_works() {
    let guide = std::fs::read_to_string("docs/writing-rules.md").unwrap();
    let binary = assert_cmd::cargo::cargo_bin("steward");
    let bin_dir = binary.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut in_block = false;
    let mut ran = 0;
    for line in guide.lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        let Some(command) = line.strip_prefix("$ ").filter(|_| in_block) else {
            continue;
        };
        let (command, expected) = match command.split_once("# exits ") {
            Some((c, code)) => (c.trim(), code.trim().parse::<i32>().unwrap()),
            None => (command, 0),
        };
        let out = Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(expected),
            "`{command}` in {}\nstdout:\n{}\nstderr:\n{}",
            Path::new("docs/writing-rules.md").display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 10, "the guide's commands were not found (ran {ran})");
}

/// Every string in a YAML value, depth first.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
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

/// docs/ci.md: every YAML example parses, the configuration example is a valid
/// steward.yaml, and every steward command in the workflows and shell blocks runs
/// against the sample estate in a git repository with an `origin/main`, exiting 0 or 1
/// (findings), never 2 (an unknown flag, a bad configuration).
#[test]
fn every_command_and_example_of_the_ci_guide_works() {
    let guide = std::fs::read_to_string("docs/ci.md").unwrap();
    let binary = assert_cmd::cargo::cargo_bin("steward");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let copy = Command::new("cp")
        .args(["-r", "testdata/estates/contoso-health"])
        .arg(root.join("inventory"))
        .status()
        .unwrap();
    assert!(copy.success());
    std::fs::create_dir(root.join("out")).unwrap();

    let mut commands = Vec::new();
    let mut block: Option<(String, String)> = None;
    for line in guide.lines() {
        if let Some(fence) = line.strip_prefix("```") {
            match block.take() {
                Some((lang, text)) if lang == "yaml" => {
                    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| {
                        panic!("a YAML example in docs/ci.md does not parse: {e}\n{text}")
                    });
                    if value.get("waivers").is_some() {
                        std::fs::write(root.join("steward.yaml"), &text).unwrap();
                    }
                    let mut found = Vec::new();
                    strings(&value, &mut found);
                    commands.extend(
                        found
                            .into_iter()
                            .filter(|s| s.trim_start().starts_with("steward ")),
                    );
                }
                Some((lang, text)) if lang == "sh" => {
                    commands.extend(
                        text.lines()
                            .filter_map(|l| l.strip_prefix("$ "))
                            .map(str::to_owned),
                    );
                }
                Some(_) => {}
                None => block = Some((fence.to_owned(), String::new())),
            }
            continue;
        }
        if let Some((_, text)) = block.as_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    assert!(
        root.join("steward.yaml").exists(),
        "the waiver example was not found"
    );

    // The organisational-rules section tests a rules/ directory; scaffold one.
    let scaffold = Command::new(&binary)
        .args(["new-rule", "ORG-001", "--kind", "Tenant", "--out", "."])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(scaffold.status.success());
    // The workflows use a committed baseline.
    let baseline = Command::new(&binary)
        .args(["baseline", "create", "inventory/", "-o", ".steward-baseline.json"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        baseline.status.success(),
        "{}",
        String::from_utf8_lossy(&baseline.stderr)
    );
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "inventory"]);
    git(root, &["update-ref", "refs/remotes/origin/main", "HEAD"]);

    assert!(
        commands.len() >= 6,
        "the guide's commands were not found: {commands:?}"
    );
    for command in &commands {
        let command = command.replace("$(Build.ArtifactStagingDirectory)", "out");
        let out = Command::new("sh")
            .arg("-c")
            .arg(&command)
            .current_dir(root)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)) && !stderr.contains("error:"),
            "`{command}` in docs/ci.md exited {:?}\nstderr:\n{stderr}",
            out.status.code()
        );
    }
}
