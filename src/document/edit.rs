//! Format-preserving edits of the front matter (not built yet).
