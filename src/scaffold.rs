//! The starting point of an organisational rule: `steward new-rule` writes a rule that
//! works, its tests (a failing, a passing and an evidence-missing case) and good/bad
//! example inventories, laid out as the built-in catalog is, so the author edits
//! something that already passes `steward test` and `steward check`.

use std::path::{Path, PathBuf};

/// What to generate.
pub struct Request<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub domain: &'a str,
    pub name: &'a str,
}

/// The label the example rule requires; chosen because every kind has metadata.labels,
/// so the scaffold works for any kind before the author changes what it checks.
const LABEL: &str = "data-classification";

/// The minimal `spec` a document of `kind` needs to be valid.
fn minimal_spec(kind: &str) -> &'static str {
    match kind {
        "AzureResource" => "  serviceModel: paas\n  type: Microsoft.Storage/storageAccounts\n",
        "CloudAccount" => "  serviceModel: iaas\n  provider: AWS\n  hierarchyIdentifier: \"123456789012\"\n",
        "Subscription" => "  serviceModel: iaas\n",
        _ => "  {}\n",
    }
}

fn document(kind: &str, labels: &str) -> String {
    let spec = minimal_spec(kind);
    let spec = if spec.trim() == "{}" {
        " {}\n".to_owned()
    } else {
        format!("\n{spec}")
    };
    format!(
        "apiVersion: steward/v1\nkind: {kind}\nmetadata:\n  name: example\n  owner: platform-team\n{labels}spec:{spec}"
    )
}

/// The files to write, relative to the project directory.
pub fn files(r: &Request<'_>) -> Vec<(PathBuf, String)> {
    let package = format!("steward.rules.{}.{}", r.domain, r.name);
    let rule = format!(
        r#"# METADATA
# title: {kind} does not record its data classification label
# description: |
#   Replace this with what the rule protects and why it matters. As generated, the rule
#   requires every {kind} document to carry the `{LABEL}` label.
# custom:
#   id: {id}
#   severity: medium
#   area: Customer data
#   kinds: [{kind}]
#   guidance: "Organisational policy: every resource records how sensitive its data is"
#   remediation: Add `{LABEL}` under metadata.labels (Public, General, Confidential or Highly Confidential).
package {package}

import data.steward.lib

deny contains lib.result(doc, ["metadata", "labels", "{LABEL}"], msg) if {{
	some doc in lib.docs("{kind}")
	lib.has(doc, ["metadata", "labels"])
	not lib.has(doc, ["metadata", "labels", "{LABEL}"])
	msg := "the document has labels but no {LABEL} label"
}}

unknown contains lib.result(doc, ["metadata"], msg) if {{
	some doc in lib.docs("{kind}")
	not lib.has(doc, ["metadata", "labels"])
	msg := "the document records no labels, so its data classification cannot be confirmed"
}}
"#,
        kind = r.kind,
        id = r.id,
    );
    let test = format!(
        r#"package {package}_test

import data.{package} as rule

estate(metadata) := {{"documents": {{"{kind}": {{"example": {{"kind": "{kind}", "metadata": metadata, "spec": {{}}}}}}}}}}

test_missing_label_is_reported if {{
	r := rule.deny with input as estate({{"name": "example", "labels": {{"environment": "production"}}}})
	r == {{{{
		"resource": "{kind}/example",
		"path": ["metadata", "labels", "{LABEL}"],
		"msg": "the document has labels but no {LABEL} label",
	}}}}
}}

test_labelled_document_is_not_reported if {{
	i := estate({{"name": "example", "labels": {{"{LABEL}": "Confidential"}}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}}

test_document_without_labels_is_unknown if {{
	i := estate({{"name": "example"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{{{
		"resource": "{kind}/example",
		"path": ["metadata"],
		"msg": "the document records no labels, so its data classification cannot be confirmed",
	}}}}
}}
"#,
        kind = r.kind,
    );
    let bad = format!(
        "# {id} fails: the document has labels but no {LABEL}.\n{}",
        document(r.kind, "  labels:\n    environment: production\n"),
        id = r.id
    );
    let good = format!(
        "# {id} passes: the document records its classification.\n{}",
        document(r.kind, &format!("  labels:\n    {LABEL}: Confidential\n")),
        id = r.id
    );
    let rules = Path::new("rules").join(r.domain);
    let fixtures = Path::new("testdata").join("rules").join(r.id);
    vec![
        (rules.join(format!("{}.rego", r.name)), rule),
        (rules.join(format!("{}_test.rego", r.name)), test),
        (fixtures.join("bad.yaml"), bad),
        (fixtures.join("good.yaml"), good),
    ]
}
