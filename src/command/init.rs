//! `steward init`: write the starter repository, never overwriting a file.

use std::io::{self, Write};

use crate::cli::InitArgs;
use crate::starter;

use super::Status;

pub fn run(args: &InitArgs, out: &mut dyn Write) -> io::Result<Status> {
    let mut skipped = Vec::new();
    for (relative, content) in starter::FILES {
        let path = args.dir.join(relative);
        if path.exists() {
            skipped.push(path);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot create {}: {e}", parent.display())))?;
        }
        // create_new: a file that appeared since the check above is still not overwritten.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot create {}: {e}", path.display())))?;
        file.write_all(content.as_bytes())
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
        writeln!(out, "created {}", path.display())?;
    }
    for path in &skipped {
        writeln!(out, "skipped {} (it exists)", path.display())?;
    }
    let inventory = args.dir.join("inventory");
    writeln!(
        out,
        "\nNext: steward check {}   (the examples have a few gaps on purpose; see the # gap: comments)",
        inventory.display()
    )?;
    Ok(Status::Clean)
}
