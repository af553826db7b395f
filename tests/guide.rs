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
