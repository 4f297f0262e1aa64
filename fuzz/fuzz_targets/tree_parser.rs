//! The hand-written tree-object parser (`src/git/tree.rs`) on arbitrary bytes: never panics,
//! and when it accepts the bytes its entries cover them exactly and write back to the same
//! bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pm::git::fuzzing::tree_parse(data);
});
