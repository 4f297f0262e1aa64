//! Change records between two states of the post-mortems (not built yet).
