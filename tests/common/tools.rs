//! External tools some tests need (installed on demand).
