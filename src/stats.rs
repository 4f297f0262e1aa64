//! Incident and action-item statistics (not built yet).
