//! `pm followup` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct FollowupArgs {}

pub fn run(_ctx: &Context, _args: FollowupArgs) -> Result<Outcome> {
    Err(Error::usage("`pm followup` is not available yet"))
}
