//! `pm action` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Subcommand)]
pub enum ActionCommand {
    /// List action items across the repository.
    List,
}

pub fn run(_ctx: &Context, _args: ActionCommand) -> Result<Outcome> {
    Err(Error::usage("`pm action` is not available yet"))
}
