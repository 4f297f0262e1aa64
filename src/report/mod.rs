//! Rendering findings and reports (human, JSON, SARIF, GitHub, Markdown).
