//! The shared-responsibility matrix as a heat-map: for each area and service model, the
//! party that owns the cell and how many failing findings of documents in that service
//! model fall under rules of that area. Shared by the HTML and Markdown reports and
//! `steward matrix PATH...`.

use std::collections::BTreeMap;

use crate::assessment::Assessment;
use crate::finding::{Outcome, Party};
use crate::responsibility::Matrix;

/// One cell of the heat-map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub model: String,
    pub party: Party,
    pub failing: usize,
}

/// Rows in the matrix's published order.
pub fn heatmap(assessment: &Assessment, matrix: &Matrix) -> Vec<(String, Vec<Cell>)> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &assessment.findings {
        if f.outcome != Outcome::Fail {
            continue;
        }
        if let Some(r) = &f.responsibility
            && let Some(model) = &r.service_model
        {
            *counts.entry((&*r.area, model.as_str())).or_default() += 1;
        }
    }
    matrix
        .areas
        .iter()
        .map(|(area, cells)| {
            let row = matrix
                .service_models
                .iter()
                .map(|m| Cell {
                    model: m.id.clone(),
                    party: cells.get(&m.id).copied().unwrap_or(Party::Customer),
                    failing: counts.get(&(area.as_str(), m.id.as_str())).copied().unwrap_or(0),
                })
                .collect();
            (area.clone(), row)
        })
        .collect()
}
