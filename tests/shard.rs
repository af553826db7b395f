//! `--shard K/N`, `--shard-out` and `--merge-from`: N shard runs merged give the very
//! bytes one run gives, in every format; shard files from another run, a shard given
//! twice or a missing one are errors that say which file and why.

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;

const ESTATE: &str = "testdata/estates/contoso-health";
const AS_OF: &str = "2026-11-25";

fn steward(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("steward")
        .unwrap()
        .args(args)
        .args(["--as-of", AS_OF, "-q"])
        .output()
        .unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs the N shards of the sample estate into `dir`, each with `jobs` threads.
fn shard_into(dir: &Path, estate: &str, n: usize, jobs: &str) {
    for k in 1..=n {
        let file = dir.join(format!("{k}.json"));
        let out = steward(&[
            "check",
            estate,
            "--shard",
            &format!("{k}/{n}"),
            "--shard-out",
            file.to_str().unwrap(),
            "--jobs",
            jobs,
            "--format",
            "json=/dev/null",
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    }
}

#[test]
fn merged_shards_report_exactly_what_one_run_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let formats = ["text", "json", "sarif", "junit", "markdown", "csv"];
    let report = |dir: &Path, extra: &[&str]| -> Vec<Vec<u8>> {
        std::fs::create_dir_all(dir).unwrap();
        let mut args = vec!["check", ESTATE];
        args.extend_from_slice(extra);
        let outputs: Vec<String> = formats
            .iter()
            .map(|f| format!("{f}={}", dir.join(f).display()))
            .collect();
        for o in &outputs {
            args.extend(["--format", o.as_str()]);
        }
        let out = steward(&args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        formats
            .iter()
            .map(|f| std::fs::read(dir.join(f)).unwrap())
            .collect()
    };
    let single = report(&tmp.path().join("single"), &[]);
    for (n, jobs) in [(1, "2"), (3, "1"), (5, "2")] {
        let shards = tmp.path().join(format!("shards-{n}"));
        std::fs::create_dir_all(&shards).unwrap();
        shard_into(&shards, ESTATE, n, jobs);
        let merged = report(
            &tmp.path().join(format!("merged-{n}")),
            &["--merge-from", shards.to_str().unwrap()],
        );
        for ((format, a), b) in formats.iter().zip(&single).zip(&merged) {
            assert!(a == b, "{format} differs after merging {n} shards");
        }
    }
}

#[test]
fn a_shard_reports_only_its_own_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let mut evaluated = 0;
    for k in 1..=3 {
        let json = tmp.path().join(format!("{k}.json"));
        let out = steward(&[
            "check",
            ESTATE,
            "--shard",
            &format!("{k}/3"),
            "--format",
            &format!("json={}", json.display()),
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        evaluated += report["summary"]["rules_evaluated"].as_u64().unwrap();
    }
    let out = Command::cargo_bin("steward")
        .unwrap()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(evaluated, rules.as_array().unwrap().len() as u64);
}

#[test]
fn shards_that_do_not_fit_together_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let shards = tmp.path().join("shards");
    std::fs::create_dir_all(&shards).unwrap();
    shard_into(&shards, ESTATE, 3, "2");
    let merge = |from: &str, as_of: &str, estate: &str| {
        Command::cargo_bin("steward")
            .unwrap()
            .args(["check", estate, "--merge-from", from, "--as-of", as_of, "-q"])
            .output()
            .unwrap()
    };
    let dir = shards.to_str().unwrap();

    let out = merge(dir, "2026-11-24", ESTATE);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("1.json: cannot be merged into this run: it was evaluated as of 2026-11-25, this run is as of 2026-11-24"),
        "{}",
        stderr(&out)
    );

    // The same estate with one document changed.
    let changed = tmp.path().join("estate");
    copy_dir(Path::new(ESTATE), &changed);
    let file = changed.join("azure/subscriptions.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("owner: ", "owner: x", 1)).unwrap();
    let out = merge(dir, AS_OF, changed.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("it was evaluated on another inventory"),
        "{}",
        stderr(&out)
    );

    let two = shards.join("2.json");
    let out = merge(&format!("{dir},{}", two.display()), AS_OF, ESTATE);
    assert!(
        stderr(&out).contains("shard 2/3 is also given by"),
        "{}",
        stderr(&out)
    );

    std::fs::remove_file(&two).unwrap();
    std::fs::write(shards.join("junk.json"), "{\n  \"format\": 3\n}\n").unwrap();
    let out = merge(dir, AS_OF, ESTATE);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error: --merge-from: missing shard 2/3"), "{err}");
    assert!(
        err.contains("junk.json:2:13: not a shard file written by --shard-out"),
        "{err}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
