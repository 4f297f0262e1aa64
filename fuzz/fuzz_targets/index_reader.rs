//! The hand-written index reader (`src/git/index.rs`) on arbitrary bytes: never panics, never
//! allocates more than the bytes can justify (libFuzzer's `-rss_limit_mb` and
//! `-malloc_limit_mb` catch a header that asks for gigabytes), and every entry it returns is a
//! regular file under the folder asked for. The first byte chooses the folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, index)) = data.split_first() else {
        return;
    };
    let dir = match choice % 4 {
        0 => "postmortems",
        1 => "",
        2 => "a",
        _ => "docs/pm",
    };
    let _ = pm::git::fuzzing::index_read(index, dir);
});
