//! `pm lsp`: the language server on standard input and output (see `pm::lsp`).

use crate::cli::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Speak the protocol over standard input and output (the only transport; editors pass it).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_ctx: &Context, _args: LspArgs) -> Result<Outcome> {
    let (connection, threads) = lsp_server::Connection::stdio();
    let served = pm::lsp::serve(&connection);
    // The writer thread ends once every sender is gone: drop ours before joining it.
    drop(connection);
    served.map_err(|e| Error::usage(format!("pm lsp: {e}")))?;
    threads
        .join()
        .map_err(|e| Error::usage(format!("pm lsp: {e}")))?;
    Ok(Outcome::Success)
}
