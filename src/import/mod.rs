//! Importers: exports of the services themselves turned into inventory documents
//! (docs/importing.md). `steward import scubagear` reads CISA ScubaGear's
//! `ProviderSettingsExport.json`; `steward import azure` reads raw Azure Resource
//! Manager, Resource Graph and Log Analytics responses. Both apply the hand-kept
//! [`Overlay`] (owners, labels, service models) and return the files to write; the
//! caller writes them (or checks them in memory) and prints the notes.
//!
//! The mapping is a port of the prototype that produced `testdata/import/expected/`;
//! the output is byte-identical to it (the `yaml` module is the writer).
//!
//! Interface notes for the integrator:
//!
//! - [`Overlay`] records which entries matched through interior mutability
//!   (`RefCell<Vec<bool>>`), so one `&Overlay` can serve several imports (the CLI
//!   runs `scubagear` once per file); call [`Overlay::unused`] after the last import
//!   to get the notes for entries that matched nothing. `Overlay` is therefore not
//!   `Sync`.
//! - `imported_on` is written into every document as `steward.dev/imported-on`, beside
//!   `steward.dev/imported-by` and `steward.dev/sources` (the export files it came
//!   from): the provenance a finding can be traced back with.
//! - Notes and errors are in the order the prototype produces them; `files` are
//!   sorted by name.

mod azure;
mod document;
mod json;
mod overlay;
mod scubagear;
mod yaml;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

pub use overlay::Overlay;

/// One generated inventory file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The file name, e.g. `fabrikam-production.yaml`.
    pub name: String,
    /// The YAML, with the generated-file header comment.
    pub text: String,
}

/// The result of an import: files to write, notes (ignored keys, incomplete lists)
/// and errors (unreadable or malformed exports, with file and where possible
/// line/column).
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub files: Vec<OutputFile>,
    pub notes: Vec<String>,
    pub errors: Vec<Diagnostic>,
}

/// The first line of every file an import writes: re-import overwrites only files
/// that start with it.
pub fn generated_header(tool: &str) -> String {
    document::header(tool)
}

/// Reads a ScubaGear ProviderSettingsExport.json.
pub fn scubagear(path: &Path, overlay: Option<&Overlay>, imported_on: &str) -> Imported {
    scubagear::import(path, overlay, imported_on)
}

/// Reads Azure exports: files, or directories of *.json files (sorted by name).
pub fn azure(paths: &[PathBuf], overlay: Option<&Overlay>, imported_on: &str) -> Imported {
    azure::import(paths, overlay, imported_on)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// The date the expected fixtures were checked with; no annotation carries it.
    const DATE: &str = "2026-11-25";

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/import")
    }

    fn fixture_overlay() -> Overlay {
        Overlay::load(&root().join("overlay/steward-overlay.yaml")).unwrap()
    }

    fn unused_entries(numbers: &[usize]) -> Vec<String> {
        numbers
            .iter()
            .map(|i| format!("steward-overlay.yaml: entry {i} matches no imported document"))
            .collect()
    }

    /// Every expected file is produced, byte for byte, and nothing else.
    fn compare(files: &[OutputFile], expected_dir: &Path) {
        let mut expected_names: Vec<String> = std::fs::read_dir(expected_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        expected_names.sort();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, expected_names);
        for file in files {
            let expected = std::fs::read_to_string(expected_dir.join(&file.name)).unwrap();
            if file.text != expected {
                let line = file
                    .text
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, b)| a != b)
                    .map(|l| l + 1);
                panic!(
                    "{} differs from the expected file (first difference at line {line:?}):\n\
                     ----- written\n{}\n----- expected\n{}",
                    file.name, file.text, expected
                );
            }
        }
    }

    #[test]
    fn azure_fixtures_import_as_expected() {
        let overlay = fixture_overlay();
        let imported = azure(&[root().join("azure")], Some(&overlay), DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
        compare(&imported.files, &root().join("expected/azure"));
        assert_eq!(overlay.unused(), unused_entries(&[1, 2, 14, 15, 16]));
    }

    #[test]
    fn scubagear_fixtures_import_as_expected() {
        let overlay = fixture_overlay();
        let mut files = Vec::new();
        let mut notes = Vec::new();
        for name in [
            "fabrikam.ProviderSettingsExport.json",
            "litware.older.ProviderSettingsExport.json",
            "wingtip.bom.ProviderSettingsExport.json",
        ] {
            let imported = scubagear(&root().join("scubagear").join(name), Some(&overlay), DATE);
            assert!(imported.errors.is_empty(), "{name}: {:?}", imported.errors);
            assert_eq!(imported.files.len(), 1, "{name}");
            files.extend(imported.files);
            notes.extend(imported.notes);
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        compare(&files, &root().join("expected/scubagear"));
        let litware = "litware.older.ProviderSettingsExport.json";
        let wingtip = "wingtip.bom.ProviderSettingsExport.json";
        assert_eq!(
            notes,
            vec![
                format!("{litware}: unknown key 'audit_bypass_mailboxes' ignored"),
                format!("{litware}: no admin_audit_log_config"),
                format!("{litware}: no service_plans"),
                format!("{litware}: no dlp_compliance_policies"),
                format!("{litware}: no unified_audit_log_retention_policies"),
                format!("{litware}: dlp_policies not used: Get-DlpPolicy failed"),
                format!("{wingtip}: dlp_compliance_policies not used: Get-DlpCompliancePolicy failed"),
                format!("{wingtip}: no unified_audit_log_retention_policies"),
                format!(
                    "{wingtip}: tenant_isolation allowedTenants 'System.Object[]' is PowerShell's text for a list; left out"
                ),
            ]
        );
        assert_eq!(
            overlay.unused(),
            unused_entries(&[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16])
        );
    }

    // ------------------------------------------------------------ focused cases

    const SUB: &str = "11111111-2222-3333-4444-555555555555";

    fn write(dir: &Path, name: &str, body: &Value) {
        std::fs::write(dir.join(name), serde_json::to_string_pretty(body).unwrap()).unwrap();
    }

    /// The documents of a written file, read back.
    fn documents(file: &OutputFile) -> Vec<Value> {
        let parsed = crate::inventory::parse::parse(&file.text).unwrap();
        parsed.documents.into_iter().map(|(_, v)| v).collect()
    }

    fn all_documents(imported: &Imported) -> Vec<Value> {
        imported.files.iter().flat_map(documents).collect()
    }

    fn find<'a>(docs: &'a [Value], kind: &str, name: &str) -> &'a Value {
        docs.iter()
            .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("no {kind}/{name} in {docs:#?}"))
    }

    fn arm_id(rest: &str) -> String {
        format!("/subscriptions/{SUB}{rest}")
    }

    #[test]
    fn true_false_strings_are_booleans_and_deprecated_plans_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "subscriptions.json",
            &json!({"value": [{"subscriptionId": SUB, "displayName": "Contoso Dev", "state": "Enabled"}]}),
        );
        write(
            dir.path(),
            "pricings.contoso-dev.json",
            &json!({"value": [
                {"id": arm_id("/providers/Microsoft.Security/pricings/Dns"), "name": "Dns",
                 "properties": {"pricingTier": "Free", "enforce": "False", "inherited": "TRUE",
                                "deprecated": true, "replacedBy": ["VirtualMachines"], "freeTrialRemainingTime": "P30D"}},
                {"id": arm_id("/providers/Microsoft.Security/pricings/VirtualMachines"), "name": "VirtualMachines",
                 "properties": {"pricingTier": "Standard", "subPlan": "P2", "enforce": "maybe",
                                "extensions": [{"name": "MdeDesignatedSubscription", "isEnabled": "False",
                                                "additionalExtensionProperties": {"ExclusionTags": "[]"}}]}}
            ]}),
        );
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert_eq!(imported.files.len(), 1);
        assert_eq!(imported.files[0].name, "contoso-dev.yaml");
        let docs = all_documents(&imported);
        let pricings = &find(&docs, "Subscription", "contoso-dev")["spec"]["pricings"];
        assert_eq!(
            pricings["Dns"],
            json!({"pricingTier": "Free", "enforce": false, "inherited": true,
                   "deprecated": true, "replacedBy": ["VirtualMachines"]})
        );
        assert_eq!(
            pricings["VirtualMachines"],
            json!({"pricingTier": "Standard", "subPlan": "P2",
                   "extensions": [{"name": "MdeDesignatedSubscription", "isEnabled": false,
                                   "additionalExtensionProperties": {"ExclusionTags": "[]"}}]})
        );
        assert_eq!(
            imported.notes,
            vec!["pricings.contoso-dev.json: 'maybe' is not a boolean; left out"]
        );
    }

    #[test]
    fn a_missing_key_leaves_the_field_out() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &format!("securityContacts.{SUB}.json"),
            &json!({"value": [{"id": arm_id("/providers/Microsoft.Security/securityContacts/default"),
                "name": "default",
                "properties": {"emails": "a@example.com", "alertNotifications": {"state": "On", "minimalSeverity": "High"}}}]}),
        );
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        let docs = all_documents(&imported);
        // No subscriptions export: the document is named by the subscription ID.
        let contacts = &find(&docs, "Subscription", SUB)["spec"]["securityContacts"];
        assert_eq!(
            contacts,
            &json!([{"name": "default", "emails": "a@example.com",
                     "notificationsSources": [{"sourceType": "Alert", "minimalSeverity": "High"}]}])
        );
        assert!(contacts[0].get("isEnabled").is_none());

        let file = dir.path().join("export.json");
        write(
            dir.path(),
            "export.json",
            &json!({"module_version": "1.5.1", "tenant_id": SUB, "org_config": []}),
        );
        let imported = scubagear(&file, None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        let docs = all_documents(&imported);
        let spec = &find(&docs, "Tenant", SUB)["spec"];
        assert_eq!(spec, &json!({"tenantId": SUB}));
        assert!(
            imported
                .notes
                .contains(&"export.json: no admin_audit_log_config".to_owned())
        );
        assert!(
            !imported.notes.iter().any(|n| n.contains("org_config")),
            "{:?}",
            imported.notes
        );
    }

    #[test]
    fn an_unknown_scubagear_key_is_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.json");
        write(
            dir.path(),
            "export.json",
            &json!({"tenant_id": SUB, "brand_new_key": [], "exo_successful_commands": [], "exo_unsuccessful_commands": []}),
        );
        let imported = scubagear(&file, None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert_eq!(
            imported.notes[0],
            "export.json: unknown key 'brand_new_key' ignored"
        );
        assert_eq!(
            imported
                .notes
                .iter()
                .filter(|n| n.contains("unknown key"))
                .count(),
            1
        );
        assert_eq!(imported.files[0].name, format!("{SUB}.yaml"));
    }

    #[test]
    fn a_byte_order_mark_is_accepted_and_utf16_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bom.json");
        let text = format!(
            "\u{feff}{{\r\n  \"tenant_id\": \"{SUB}\",\r\n  \"org_config\": [{{\"AuditDisabled\": \"False\"}}]\r\n}}\r\n"
        );
        std::fs::write(&file, text).unwrap();
        let imported = scubagear(&file, None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        let docs = all_documents(&imported);
        assert_eq!(
            find(&docs, "Tenant", SUB)["spec"]["organizationConfig"],
            json!({"AuditDisabled": false})
        );

        let file = dir.path().join("utf16.json");
        let mut bytes = vec![0xff, 0xfe];
        for unit in "{}".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        std::fs::write(&file, bytes).unwrap();
        let imported = scubagear(&file, None, DATE);
        assert!(imported.files.is_empty());
        assert_eq!(imported.errors.len(), 1);
        assert!(
            imported.errors[0].message.contains("UTF-16"),
            "{:?}",
            imported.errors
        );
    }

    #[test]
    fn next_link_pages_are_joined() {
        let storage = |name: &str| {
            json!({"id": arm_id(&format!("/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/{name}")),
                   "name": name, "type": "Microsoft.Storage/storageAccounts", "location": "westeurope"})
        };
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &format!("resources.{SUB}.json"),
            &json!({"value": [storage("sta")], "nextLink": "https://management.azure.com/next"}),
        );
        write(
            dir.path(),
            &format!("resources.{SUB}.page2.json"),
            &json!({"value": [storage("stb")]}),
        );
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
        let docs = all_documents(&imported);
        let a = find(&docs, "AzureResource", "sta");
        assert_eq!(a["spec"]["type"], "Microsoft.Storage/storageAccounts");
        assert_eq!(
            a["metadata"]["annotations"]["steward.dev/sources"],
            format!("resources.{SUB}.json")
        );
        find(&docs, "AzureResource", "stb");

        // Without the second page the list is incomplete (a note), and the documents
        // of the first page are still written.
        std::fs::remove_file(dir.path().join(format!("resources.{SUB}.page2.json"))).unwrap();
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert_eq!(
            imported.notes,
            vec![format!(
                "resources.{SUB}: the last page has a nextLink/skip_token: list incomplete"
            )]
        );
        let docs = all_documents(&imported);
        find(&docs, "AzureResource", "sta");
        assert!(docs.iter().all(|d| d["metadata"]["name"] != "stb"));
    }

    #[test]
    fn ids_that_differ_only_in_case_are_one_resource() {
        let dir = tempfile::tempdir().unwrap();
        let arm = arm_id("/resourceGroups/RG-Ops/providers/Microsoft.KeyVault/vaults/kv1");
        let graph = arm.to_lowercase();
        write(
            dir.path(),
            &format!("resources.{SUB}.json"),
            &json!({"value": [{"id": arm, "name": "kv1", "type": "Microsoft.KeyVault/vaults", "location": "westeurope"}]}),
        );
        write(
            dir.path(),
            &format!("graph.{SUB}.json"),
            &json!([{"id": graph, "name": "kv1", "type": "microsoft.keyvault/vaults", "location": "westeurope",
                     "properties": {"enableSoftDelete": true, "enablePurgeProtection": null}}]),
        );
        write(
            dir.path(),
            "diagnosticSettings.kv1.json",
            &json!({"value": [{"id": format!("{graph}/providers/microsoft.insights/diagnosticSettings/audit"),
                "name": "audit", "properties": {"workspaceId": null, "logs": [{"categoryGroup": "audit", "enabled": "True"}]}}]}),
        );
        let law = arm_id("/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law1");
        write(
            dir.path(),
            &format!("workspaces.{SUB}.json"),
            &json!({"value": [{"id": law.to_lowercase(), "name": "law1", "type": "Microsoft.OperationalInsights/workspaces",
                "properties": {"customerId": "c", "retentionInDays": 90}}]}),
        );
        write(
            dir.path(),
            "onboardingStates.law1.json",
            &json!({"value": [{"id": format!("{law}/providers/Microsoft.SecurityInsights/onboardingStates/default"), "name": "default"}]}),
        );
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
        let docs = all_documents(&imported);
        let vaults: Vec<&Value> = docs.iter().filter(|d| d["kind"] == "AzureResource").collect();
        assert_eq!(vaults.len(), 1, "{docs:#?}");
        let spec = &vaults[0]["spec"];
        assert_eq!(spec["id"], arm.as_str());
        assert_eq!(spec["type"], "Microsoft.KeyVault/vaults");
        assert_eq!(spec["properties"], json!({"enableSoftDelete": true}));
        assert_eq!(
            spec["diagnosticSettings"],
            json!([{"name": "audit", "logs": [{"categoryGroup": "audit", "enabled": true}]}])
        );
        let workspace = find(&docs, "SentinelWorkspace", "law1");
        assert_eq!(
            workspace["spec"]["workspaceResourceId"],
            law.to_lowercase().as_str()
        );
        assert_eq!(workspace["spec"]["onboardingStates"], json!(["default"]));
        assert_eq!(workspace["spec"]["subscriptionId"], SUB);
    }

    #[test]
    fn resources_sharing_a_name_are_named_by_resource_group() {
        let dir = tempfile::tempdir().unwrap();
        let account = |rg: &str| {
            json!({"id": arm_id(&format!("/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/st1")),
                   "name": "st1", "type": "Microsoft.Storage/storageAccounts"})
        };
        write(
            dir.path(),
            &format!("resources.{SUB}.json"),
            &json!({"value": [account("RG-A"), account("rg-b")]}),
        );
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        let docs = all_documents(&imported);
        find(&docs, "AzureResource", "st1.rg-a");
        find(&docs, "AzureResource", "st1.rg-b");
    }

    #[test]
    fn unknown_file_names_and_invalid_json_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("policies.x.json"), "{}").unwrap();
        std::fs::write(
            dir.path().join(format!("pricings.{SUB}.json")),
            "{\n  \"value\": [\n}",
        )
        .unwrap();
        let imported = azure(&[dir.path().to_path_buf()], None, DATE);
        assert_eq!(imported.errors.len(), 2, "{:?}", imported.errors);
        assert!(
            imported.errors[0].message.contains("`policies`"),
            "{:?}",
            imported.errors
        );
        let at = imported.errors[1].location.as_ref().unwrap();
        assert_eq!(at.line, 3);
        assert!(imported.files.is_empty());
    }

    #[test]
    fn the_header_marks_generated_files() {
        assert!(generated_header("azure").starts_with("# Generated by `steward import azure`"));
    }
}
