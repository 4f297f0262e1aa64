//! Blame-focused wording detection (stub; see docs/CHECKS.md).
