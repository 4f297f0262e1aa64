//! A headless browser for tests of the generated site (installed on demand).
