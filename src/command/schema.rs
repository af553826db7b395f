//! `steward schema`: the JSON Schemas of the inventory and the configuration, for
//! editors (yaml-language-server) and other tools.

use std::io::{self, Write};

use crate::cli::{SchemaArgs, SchemaName};

use super::Status;

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> io::Result<Status> {
    let text = match args.name {
        SchemaName::Inventory => crate::inventory::schema::SCHEMA_TEXT,
        SchemaName::Config => crate::config::SCHEMA_TEXT,
    };
    out.write_all(text.as_bytes())?;
    Ok(Status::Clean)
}
