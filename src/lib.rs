//! steward checks an organisation's cloud-estate inventory against Microsoft's
//! shared-responsibility security guidance and says, for every gap, who owns it.
//!
//! The data flows top to bottom: [`inventory`] reads and validates documents,
//! [`catalog`] loads the Rego rules and their metadata, [`engine`] evaluates them with
//! regorus, [`assessment`] turns results into located, owned findings, and [`report`]
//! renders them.

pub mod assessment;
pub mod baseline;
pub mod catalog;
pub mod changes;
pub mod cli;
pub mod command;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod digest;
pub mod engine;
pub mod finding;
pub mod import;
pub mod inventory;
pub mod memory;
pub mod probe;
pub mod progress;
pub mod rego_test;
pub mod rego_value;
pub mod report;
pub mod responsibility;
pub mod rule_page;
pub mod scaffold;
pub mod score;
pub mod shard;
pub mod starter;
pub mod waiver;
