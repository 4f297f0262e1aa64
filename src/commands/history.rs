//! `pm history` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    pub reference: String,
}

pub fn run(_ctx: &Context, _args: HistoryArgs) -> Result<Outcome> {
    Err(Error::usage("`pm history` is not available yet"))
}
