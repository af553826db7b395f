//! `steward completions` and `steward man`: shell completion scripts and manual pages,
//! generated from the clap definitions so they always match `--help`.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};

use super::Status;

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<Status> {
    clap_complete::generate(shell, &mut Cli::command(), "steward", out);
    Ok(Status::Clean)
}

/// steward.1 to stdout, or with `--out` a page per command (steward-check.1, ...), the
/// layout `man steward-check` expects.
pub fn manual(args: &ManArgs, out: &mut dyn Write) -> io::Result<Status> {
    let mut command = Cli::command();
    command.build();
    let Some(dir) = &args.out else {
        clap_mangen::Man::new(command).render(out)?;
        return Ok(Status::Clean);
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display())))?;
    let mut pages = vec![("steward.1".to_owned(), command.clone())];
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("steward-{}", sub.get_name());
        pages.push((format!("{name}.1"), sub.clone().name(name)));
    }
    for (file, page) in pages {
        let path = dir.join(&file);
        let mut bytes = Vec::new();
        clap_mangen::Man::new(page).render(&mut bytes)?;
        std::fs::write(&path, bytes)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(Status::Clean)
}
