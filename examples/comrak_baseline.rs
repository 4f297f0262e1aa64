//! Benchmark baseline for `pm check`: read every `.md` file under a folder and parse it with
//! comrak alone, with the same comrak version (this crate's lock file) and the same options as
//! `src/document/body.rs` (read from there). `benches/run.sh` times `pm check` against this.
//!
//! ```text
//! cargo build --release --example comrak_baseline
//! target/release/examples/comrak_baseline [--threads N] [--without-autolink] DIR
//! ```
//!
//! `--threads 0` (the default) uses rayon's default pool, like `pm`'s parallel readers;
//! `--threads 1` parses on the calling thread only. The whole file is parsed (front matter
//! included), so the baseline does slightly more Markdown work than `pm`, which hands comrak
//! the body only.

use comrak::{parse_document, Arena, Options};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// The options `pm` parses with (`src/document/body.rs`): the same set, not a copy of it.
fn options() -> Options<'static> {
    pm::document::body::comrak_options()
}

/// Parses one file; returns (bytes, top-level blocks) so the work cannot be optimised away.
fn parse(path: &PathBuf, options: &Options<'_>) -> Result<(usize, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let arena = Arena::new();
    let root = parse_document(&arena, &text, options);
    Ok((text.len(), root.children().count()))
}

fn main() -> ExitCode {
    let mut threads = 0usize;
    let mut autolink = true;
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => threads = n,
                None => {
                    eprintln!("comrak_baseline: --threads needs a number");
                    return ExitCode::from(2);
                }
            },
            // For profiling only: what the autolink extension costs (pm itself keeps it on).
            "--without-autolink" => autolink = false,
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("usage: comrak_baseline [--threads N] [--without-autolink] DIR");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: comrak_baseline [--threads N] [--without-autolink] DIR");
        return ExitCode::from(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let mut options = options();
    options.extension.autolink = autolink;
    let results: Vec<Result<(usize, usize), String>> = if threads == 1 {
        files.iter().map(|p| parse(p, &options)).collect()
    } else {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool,
            Err(e) => {
                eprintln!("comrak_baseline: cannot start threads: {e}");
                return ExitCode::from(2);
            }
        };
        pool.install(|| files.par_iter().map(|p| parse(p, &options)).collect())
    };
    let (mut bytes, mut blocks) = (0, 0);
    for r in results {
        match r {
            Ok((b, n)) => {
                bytes += b;
                blocks += n;
            }
            Err(e) => {
                eprintln!("comrak_baseline: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "{} files, {bytes} bytes, {blocks} top-level blocks",
        files.len()
    );
    ExitCode::SUCCESS
}
