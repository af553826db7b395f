//! The `steward` binary: parse the arguments, run the command, map the result to an
//! exit code. A closed stdout (`steward check | head`) ends the run quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = steward::cli::Cli::parse();
    match steward::command::run(cli) {
        Ok(status) => ExitCode::from(status as u8),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::from(2)
        }
    }
}
