//! `pm hooks` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Subcommand)]
pub enum HooksCommand {
    /// Install the pre-commit hook.
    Install,
    /// Remove the pre-commit hook.
    Uninstall,
    /// Say whether the hook is installed.
    Status,
}

pub fn run(_ctx: &Context, _args: HooksCommand) -> Result<Outcome> {
    Err(Error::usage("`pm hooks` is not available yet"))
}

/// `pm init --hooks`: installs the hook; returns what was done, if anything.
pub fn install_for_init(_ctx: &Context) -> Result<Option<String>> {
    Err(Error::usage("`pm init --hooks` is not available yet"))
}
