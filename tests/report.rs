//! The posture report: a score in every output, a self-contained HTML file, the same
//! content as Markdown tables, and the heat-map on a terminal. (Its look in a browser is
//! checked by scripts/browser_check.py, run by `make test`.)

// Test helpers panic on failure by design: a panic is how a test reports it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

const ESTATE: &str = "testdata/estates/contoso-health";
const AS_OF: &str = "2026-11-25";

fn steward() -> Command {
    let mut cmd = Command::cargo_bin("steward").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

#[test]
fn the_html_report_is_self_contained_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("posture.html");
    let md = dir.path().join("posture.md");
    let out = steward()
        .args(["report", ESTATE, "--as-of", AS_OF, "--html"])
        .arg(&html)
        .arg("--markdown")
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    // Nothing fetched from elsewhere: it must open from an email attachment.
    for external in [
        "<script src",
        "<link",
        "<img",
        "@import",
        "url(",
        "src=\"http",
        "href=\"http",
    ] {
        assert!(!page.contains(external), "the report references {external}");
    }
    for part in [
        "id=\"score\">61.2%",
        "<table class=\"heat\" id=\"heatmap\"><caption>",
        "<th scope=\"row\">Physical datacenter</th>",
        "<caption>By responsibility party</caption>",
        "<caption>By responsibility area</caption>",
        "<caption>By team</caption>",
        "<caption>Top 10 fixes by score points gained</caption>",
        "<table id=\"findings\"><caption>161 findings</caption>",
        "<select name=\"owner\"",
        "<article class=\"rule\" id=\"rule-LOG-001\">",
        "@media print",
    ] {
        assert!(page.contains(part), "missing {part:?}");
    }
    // Colour is never the only carrier: every heat-map cell names its owner and count.
    assert_eq!(page.matches(" failing</span></td>").count(), 40);

    let markdown = std::fs::read_to_string(&md).unwrap();
    for part in [
        "**Secure score 61.2%**",
        "| Physical datacenter | **Customer: 27 failing** |",
        "### By responsibility party",
        "## The fixes that gain the most",
        "| 1 | [LOG-001](#log-001) Unified audit log ingestion is off | Tenant/northwind-hospital | failing |",
        "### LOG-001",
    ] {
        assert!(markdown.contains(part), "missing {part:?} in the Markdown report");
    }
}

#[test]
fn report_needs_an_output() {
    let out = steward().args(["report", ESTATE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--html"));
}

#[test]
fn the_score_closes_the_text_output_and_is_in_the_json() {
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.trim_end()
            .ends_with("score 61.2% (203.3 of 332.0 points) · customer 60.4% · shared 84.8%"),
        "{text}"
    );
    let out = steward()
        .args(["check", ESTATE, "--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let score = &json["summary"]["score"];
    assert_eq!(score["overall"]["percent"], 61.23);
    assert_eq!(score["top_fixes"].as_array().unwrap().len(), 10);
    // Each party's points add up to the whole.
    let parties: f64 = score["by_party"]
        .as_object()
        .unwrap()
        .values()
        .map(|t| t["possible"].as_f64().unwrap())
        .sum();
    assert!((parties - score["overall"]["possible"].as_f64().unwrap()).abs() < 0.05);
    let first = &json["findings"][0];
    assert_eq!(first["points"], score["top_fixes"][0]["points"]);
}

#[test]
fn matrix_with_an_inventory_is_a_heat_map() {
    let out = steward()
        .args(["matrix", ESTATE, "--as-of", AS_OF, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text
        .lines()
        .find(|l| l.starts_with("Configurations and settings"))
        .unwrap();
    assert!(row.contains("Customer 41 failing"), "{row}");
    let plain = steward().args(["matrix"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("failing"));
}
