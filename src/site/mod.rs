//! The static HTML site (not built yet).
