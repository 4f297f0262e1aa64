//! `pm demo`: a sample repository with history, and the main commands run on it.

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Where to build the sample repository (default: a new temporary folder, kept).
    #[arg(long)]
    pub dir: Option<std::path::PathBuf>,
}

pub fn run(_ctx: &Context, _args: DemoArgs) -> Result<Outcome> {
    Err(Error::usage("`pm demo` is not available yet"))
}
