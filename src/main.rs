//! The `pm` binary: parse arguments, run the command, map the result to an exit code.

mod cli;
mod commands;
mod completion;
mod render;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than glibc's malloc: the wording check allocates a little for every sentence,
/// and glibc's malloc and free were about a tenth of `pm check`'s instructions on trigger-heavy
/// text (docs/PERFORMANCE.md, "Round 15").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `COMPLETE=bash pm …`: the shell asks for completions (src/completion.rs).
    clap_complete::CompleteEnv::with_factory(<cli::Cli as clap::CommandFactory>::command)
        .complete();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(cli) {
        Ok(pm::Outcome::Success) => ExitCode::SUCCESS,
        Ok(pm::Outcome::Failure) => ExitCode::from(1),
        Ok(pm::Outcome::Incomplete) => ExitCode::from(2),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Error text names files and keys a stranger may have chosen: sanitised like all
            // human-readable output (`pm::text::terminal_safe`).
            eprintln!("pm: error: {}", pm::text::terminal_safe(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`pm list | head`) is not an error.
fn is_broken_pipe(e: &pm::Error) -> bool {
    matches!(e, pm::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}
