//! Rendering findings and reports (human, JSON, SARIF, GitHub, Markdown).
//!
//! Renderers turn finished results into text; they decide nothing about what is found. The
//! `pm check` renderers take a [`crate::checks::CheckReport`].

pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;
