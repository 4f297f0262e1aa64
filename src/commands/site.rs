//! `pm site` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    pub out_dir: std::path::PathBuf,
}

pub fn run(_ctx: &Context, _args: SiteArgs) -> Result<Outcome> {
    Err(Error::usage("`pm site` is not available yet"))
}
