//! `pm pr` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct PrArgs {
    /// Only print the compare URL and the body.
    #[arg(long)]
    pub print: bool,
}

pub fn run(_ctx: &Context, _args: PrArgs) -> Result<Outcome> {
    Err(Error::usage("`pm pr` is not available yet"))
}
