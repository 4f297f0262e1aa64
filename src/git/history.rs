//! Reading post-mortems through the history: commits that changed the post-mortem folder
//! (not built yet).
