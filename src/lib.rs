//! `pm`: blameless incident post-mortems kept in git.
//!
//! The library holds the parts with no terminal in them: the document model, configuration,
//! checks, git access and report rendering. The binary (`src/main.rs`, `src/commands/`) parses
//! arguments, runs commands and decides what goes to the terminal.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod action_commit;
pub mod action_dates;
pub mod action_edit;
pub mod agenda;
pub mod changes;
pub mod check_input;
pub mod check_report;
pub mod checks;
pub mod config;
pub mod demo;
pub mod document;
pub mod error;
pub mod followup;
pub mod git;
pub mod import;
pub mod listing;
pub mod lsp;
pub mod new_postmortem;
pub mod paths;
pub mod pull_request;
pub mod report;
pub mod repository;
pub mod setup;
pub mod site;
pub mod stats;
pub mod status_change;
pub mod summary;
pub mod templates;
pub mod text;
pub mod timeline;
pub mod timeline_import;
pub mod today;
pub mod writing;

pub use error::{Error, Outcome, Result};
