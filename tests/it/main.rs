//! The integration tests: one test crate, so the `pm` library and its dependencies are linked
//! into one test binary instead of one per file. Each module is what used to be its own crate
//! under `tests/`; `common` is the harness they share. See `tests/README.md`.
//!
//! Run one area with a filter: `cargo test --test it hooks::` (or one test by its name).

mod common;

mod action;
mod agenda;
mod check;
mod check_rules;
mod ci;
mod crash_safety;
mod demo;
mod followup;
mod followup_trust;
mod formats;
mod foundation;
mod git_formats;
mod git_states;
mod history;
mod history_parallel;
mod hook_managers;
mod hooks;
mod hostile;
mod list_reading;
mod lsp;
mod pr;
mod properties;
mod security;
mod site;
mod snapshots;
mod staged_cache_tree;
mod stats;
mod timeline;
mod toml_suite;
mod trust_everywhere;
