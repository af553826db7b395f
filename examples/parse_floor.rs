//! The parse floor of the benchmark: find, read and parse the inventory files exactly
//! as `steward check` does (same walker, same YAML parser, same JSON values), and do
//! nothing else. `steward check` can never be faster than this.

use std::path::PathBuf;
use std::process::ExitCode;

use steward::inventory::{discover, parse};

fn main() -> ExitCode {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let found = discover::discover(&roots);
    let mut documents = 0usize;
    let mut failed = 0usize;
    for file in &found.files {
        match std::fs::read_to_string(&file.path)
            .map_err(|e| e.to_string())
            .and_then(|t| parse::parse(&t).map_err(|e| e.message))
        {
            Ok(parsed) => documents += parsed.documents.len(),
            Err(_) => failed += 1,
        }
    }
    println!(
        "{documents} documents in {} files ({failed} failed)",
        found.files.len()
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
