//! Checks over the document model.
pub mod blameless;
