//! The shared-responsibility matrix (ten areas by four service models) and the rule that
//! turns a finding into an owner. The matrix itself is data, `rules/responsibility.yaml`,
//! embedded at build time; nothing here encodes a cell.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::Party;

/// The matrix as shipped.
pub const MATRIX_TEXT: &str = include_str!("../rules/responsibility.yaml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawMatrix {
    source: String,
    service_models: Vec<ServiceModel>,
    areas: Vec<BTreeMap<String, String>>,
    kind_service_models: BTreeMap<String, String>,
}

/// A column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceModel {
    pub id: String,
    pub title: String,
}

/// The parsed matrix: rows in their published order, each with a party per model.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub source: String,
    pub service_models: Vec<ServiceModel>,
    pub areas: Vec<(String, BTreeMap<String, Party>)>,
    kind_models: BTreeMap<String, String>,
}

impl Matrix {
    /// The built-in matrix.
    pub fn builtin() -> Result<Matrix, String> {
        Matrix::parse(MATRIX_TEXT).map_err(|e| format!("rules/responsibility.yaml: {e}"))
    }

    pub fn parse(text: &str) -> Result<Matrix, String> {
        let raw: RawMatrix = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let models: Vec<&str> = raw.service_models.iter().map(|m| m.id.as_str()).collect();
        let mut areas = Vec::new();
        for row in &raw.areas {
            let name = row.get("area").ok_or("a row without `area`")?.clone();
            let mut cells = BTreeMap::new();
            for model in &models {
                let cell = row
                    .get(*model)
                    .ok_or_else(|| format!("area {name:?} has no cell for {model}"))?;
                let party: Party = serde_yaml::from_str(cell).map_err(|_| {
                    format!("area {name:?}, {model}: {cell:?} is not customer, shared or microsoft")
                })?;
                cells.insert((*model).to_owned(), party);
            }
            if row.len() != models.len() + 1 {
                return Err(format!("area {name:?} has cells for unknown service models"));
            }
            areas.push((name, cells));
        }
        for (kind, model) in &raw.kind_service_models {
            if !models.contains(&model.as_str()) {
                return Err(format!("kind {kind}: unknown service model {model:?}"));
            }
        }
        Ok(Matrix {
            source: raw.source,
            service_models: raw.service_models,
            areas,
            kind_models: raw.kind_service_models,
        })
    }

    pub fn has_area(&self, area: &str) -> bool {
        self.areas.iter().any(|(a, _)| a == area)
    }

    /// The service model that decides ownership for a document: its own declaration,
    /// else the fixed model of its kind.
    pub fn service_model<'a>(&'a self, kind: &str, declared: Option<&'a str>) -> Option<&'a str> {
        declared.or_else(|| self.kind_models.get(kind).map(String::as_str))
    }

    /// Who owns `area` under `model`. With no known model the customer is accountable:
    /// until a document says where it runs, nobody else can be shown to own anything.
    pub fn party(&self, area: &str, model: Option<&str>) -> Party {
        let Some(model) = model else {
            return Party::Customer;
        };
        self.areas
            .iter()
            .find(|(a, _)| a == area)
            .and_then(|(_, cells)| cells.get(model).copied())
            .unwrap_or(Party::Customer)
    }

    /// The matrix as rules see it in `data.steward.matrix`: area -> model -> party.
    pub fn to_data(&self) -> serde_json::Value {
        let rows: BTreeMap<&str, BTreeMap<&str, &str>> = self
            .areas
            .iter()
            .map(|(area, cells)| {
                (
                    area.as_str(),
                    cells.iter().map(|(m, p)| (m.as_str(), p.as_str())).collect(),
                )
            })
            .collect();
        serde_json::json!(rows)
    }

    pub fn kind_models_data(&self) -> serde_json::Value {
        serde_json::json!(self.kind_models)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_matrix_is_the_published_table() {
        let m = Matrix::builtin().unwrap();
        assert_eq!(m.areas.len(), 10);
        let column = |model: &str| -> Vec<&str> { m.areas.iter().map(|(_, c)| c[model].as_str()).collect() };
        assert_eq!(column("onprem"), vec!["customer"; 10]);
        assert_eq!(
            column("iaas"),
            [
                "customer",
                "customer",
                "customer",
                "customer",
                "customer",
                "customer",
                "customer",
                "microsoft",
                "microsoft",
                "microsoft"
            ]
        );
        assert_eq!(
            column("paas"),
            [
                "customer",
                "customer",
                "customer",
                "customer",
                "shared",
                "shared",
                "microsoft",
                "microsoft",
                "microsoft",
                "microsoft"
            ]
        );
        assert_eq!(
            column("saas"),
            [
                "customer",
                "customer",
                "customer",
                "shared",
                "shared",
                "microsoft",
                "microsoft",
                "microsoft",
                "microsoft",
                "microsoft"
            ]
        );
    }

    #[test]
    fn party_resolution_uses_the_declared_model_then_the_kind() {
        let m = Matrix::builtin().unwrap();
        assert_eq!(
            m.party("Network controls", m.service_model("Tenant", None)),
            Party::Microsoft
        );
        assert_eq!(
            m.party("Network controls", m.service_model("Subscription", Some("paas"))),
            Party::Shared
        );
        assert_eq!(
            m.party("Network controls", m.service_model("Subscription", None)),
            Party::Customer
        );
    }

    #[test]
    fn a_malformed_matrix_is_rejected_with_the_reason() {
        let text = MATRIX_TEXT.replace("saas: shared", "saas: nobody");
        assert!(
            Matrix::parse(&text)
                .unwrap_err()
                .contains("is not customer, shared or microsoft")
        );
    }
}
