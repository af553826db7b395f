//! The starter inventory repository `steward init` writes: a commented steward.yaml,
//! one small example document per kind (with a few instructive gaps, so the first
//! `steward check` reports something real), the schemas editors validate against, a
//! pre-commit hook and a CI workflow.

/// (path relative to the new repository, content), in the order they are written.
pub const FILES: &[(&str, &str)] = &[
    ("steward.yaml", include_str!("starter/steward.yaml")),
    (
        ".steward/inventory.schema.json",
        crate::inventory::schema::SCHEMA_TEXT,
    ),
    (".steward/config.schema.json", crate::config::SCHEMA_TEXT),
    (
        "inventory/tenant.yaml",
        include_str!("starter/inventory/tenant.yaml"),
    ),
    (
        "inventory/subscription.yaml",
        include_str!("starter/inventory/subscription.yaml"),
    ),
    (
        "inventory/azure-resource.yaml",
        include_str!("starter/inventory/azure-resource.yaml"),
    ),
    (
        "inventory/power-platform-environment.yaml",
        include_str!("starter/inventory/power-platform-environment.yaml"),
    ),
    (
        "inventory/sentinel-workspace.yaml",
        include_str!("starter/inventory/sentinel-workspace.yaml"),
    ),
    (
        "inventory/purview-account.yaml",
        include_str!("starter/inventory/purview-account.yaml"),
    ),
    (
        "inventory/cloud-account.yaml",
        include_str!("starter/inventory/cloud-account.yaml"),
    ),
    (
        "inventory/on-prem-server.yaml",
        include_str!("starter/inventory/on-prem-server.yaml"),
    ),
    (
        "inventory/on-prem-data-store.yaml",
        include_str!("starter/inventory/on-prem-data-store.yaml"),
    ),
    (
        ".pre-commit-config.yaml",
        include_str!("starter/pre-commit-config.yaml"),
    ),
    (
        ".github/workflows/steward.yml",
        include_str!("starter/workflow.yml"),
    ),
];

/// The line every starter inventory file begins with, so editors validate as you type.
pub const INVENTORY_SCHEMA_LINE: &str = "# yaml-language-server: $schema=../.steward/inventory.schema.json";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::Loaded;

    #[test]
    fn every_starter_document_is_valid_and_names_the_schema() {
        let mut loaded = Loaded::default();
        let mut kinds = std::collections::BTreeSet::new();
        for (path, text) in FILES.iter().filter(|(p, _)| p.starts_with("inventory/")) {
            assert!(text.starts_with(INVENTORY_SCHEMA_LINE), "{path}");
            loaded.add_file((*path).to_owned(), text.as_bytes().to_vec());
        }
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        for d in &loaded.inventory.documents {
            kinds.insert(d.kind.clone());
        }
        assert_eq!(kinds.len(), 9, "one example per kind: {kinds:?}");
    }

    #[test]
    fn the_starter_configuration_is_valid() {
        let (_, text) = FILES[0];
        let parsed = crate::config::Config::parse("steward.yaml", text, std::path::Path::new("."));
        assert!(parsed.is_ok(), "{:?}", parsed.err());
    }
}
