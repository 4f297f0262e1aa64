//! `pm`: blameless incident post-mortems kept in git.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod checks;
