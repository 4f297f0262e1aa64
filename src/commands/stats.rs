//! `pm stats` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct StatsArgs {}

pub fn run(_ctx: &Context, _args: StatsArgs) -> Result<Outcome> {
    Err(Error::usage("`pm stats` is not available yet"))
}
