//! `pm agenda` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct AgendaArgs {
    pub id: String,
}

pub fn run(_ctx: &Context, _args: AgendaArgs) -> Result<Outcome> {
    Err(Error::usage("`pm agenda` is not available yet"))
}
