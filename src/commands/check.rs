//! `pm check` (not built yet).

use super::Context;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the post-mortem folder).
    pub paths: Vec<std::path::PathBuf>,
    /// Check the staged content of added or modified post-mortems (what the hook runs).
    #[arg(long)]
    pub staged: bool,
    /// Check post-mortems added or modified in a revision range A..B, at their state in B.
    #[arg(long, value_name = "A..B")]
    pub rev_range: Option<String>,
    /// Read one document from standard input.
    #[arg(long)]
    pub stdin: bool,
    /// The file name to report for --stdin.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

pub fn run(_ctx: &Context, _args: CheckArgs) -> Result<Outcome> {
    Err(Error::usage("`pm check` is not available yet"))
}
