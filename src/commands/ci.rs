//! CI workflow templates for `pm init --ci` (not built yet).

use pm::{Error, Result};
use std::path::Path;

/// Writes the workflow for `kind` (`github` or `gitlab`) under `root`; returns the paths written.
pub fn write_workflow(_root: &Path, kind: &str) -> Result<Vec<String>> {
    Err(Error::usage(format!(
        "`pm init --ci {kind}` is not available yet"
    )))
}
