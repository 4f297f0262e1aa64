//! `pm diff` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    pub from: String,
    pub to: Option<String>,
}

pub fn run(_ctx: &Context, _args: DiffArgs) -> Result<Outcome> {
    Err(Error::usage("`pm diff` is not available yet"))
}
