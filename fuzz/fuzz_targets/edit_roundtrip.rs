//! Stand-in for the format-preserving edit target: the front matter, read by `toml_edit` and
//! written back without changes, must be byte-for-byte what was read. `pm` edits front matter
//! through `toml_edit`, so a lossy round trip would change bytes the user never touched.
//!
//! When `pm::document::edit` lands, this target becomes: parse, set one action's status,
//! check that only that value's bytes changed and the result still parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pm::document::frontmatter;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(split) = frontmatter::split(text) else {
        return;
    };
    let toml = &text[split.toml.clone()];
    let Ok(doc) = toml.parse::<toml_edit::DocumentMut>() else {
        return;
    };
    let written = doc.to_string();
    assert_eq!(written, toml, "a parse and write with no edit changes nothing");
});
