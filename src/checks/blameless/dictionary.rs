//! Which words are common English words, so that a capitalised word that is *not* one reads as a
//! name (a person, a handle, a product: the sentence decides which).
//!
//! `common_stems.txt` holds the Snowball stems of the lower-case entries of the curated English
//! dictionary of Harper (`harper-core` 3.0.0, `dictionary.dict`, Apache-2.0), one per line.
//! `harper-core` itself is not a dependency: its build (a Brill tagger trained in a build script
//! and the `burn` neural-network stack) did not finish in 15 minutes on the 2-core build
//! machine, and its curated dictionary is built at first use, which a pre-commit hook would pay
//! on every commit. `derive_common_stems` (ignored) rebuilds the list from the crate's source.

#[cfg(test)]
const COMMON_STEMS: &str = include_str!("common_stems.txt");

// `STEM_TEXT`: the stems of `common_stems.txt` in byte order, each followed by a line break;
// `STEM_STARTS`: where each begins, and the text's length last. `build.rs` writes both, so a
// pre-commit hook builds nothing at start-up (a hash set of the 31,532 stems cost a quarter of
// the hook's time; a sorted list of them built at start-up, about 2 M instructions).
include!(concat!(env!("OUT_DIR"), "/common_stems.rs"));

/// True when this lower-case word is a common English word: its stem (`features::stem_of`) is
/// [`is_common_stem`]. For the rules' analysis, which runs while the tokenizer holds its own
/// stemmer and cache; the tokenizer itself keeps its cached path (`features::stem_key`).
pub(crate) fn is_common_word(lower: &str) -> bool {
    static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> = std::sync::LazyLock::new(|| {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
    });
    is_common_stem(&super::features::stem_of(lower, &STEMMER))
}

/// True when the stem of this lower-case word is the stem of a common English word.
pub(crate) fn is_common_stem(stem: &str) -> bool {
    let at = |k: usize| -> &'static str {
        let (a, b) = (STEM_STARTS[k] as usize, STEM_STARTS[k + 1] as usize);
        STEM_TEXT.get(a..b.saturating_sub(1)).unwrap_or("")
    };
    let (mut lo, mut hi) = (0, STEM_STARTS.len() - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match at(mid).cmp(stem) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HARPER_DICT=…/harper-core-3.0.0/dictionary.dict cargo test --lib derive_common_stems -- --ignored`
    #[test]
    #[ignore = "rebuilds common_stems.txt from harper-core's dictionary"]
    fn derive_common_stems() {
        let Some(path) = std::env::var_os("HARPER_DICT") else {
            return;
        };
        let dict = std::fs::read_to_string(path).expect("read dictionary.dict");
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut stems: Vec<String> = dict
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('/').next())
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
            })
            .map(|w| super::super::features::stem_of(w, &stemmer))
            .collect();
        stems.sort();
        stems.dedup();
        let out = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src/checks/blameless/common_stems.txt");
        std::fs::write(out, stems.join("\n") + "\n").expect("write");
    }

    /// The table `build.rs` wrote holds exactly the stems of `common_stems.txt`.
    #[test]
    fn the_built_table_is_the_stem_list() {
        let mut stems: Vec<&str> = COMMON_STEMS.lines().collect();
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(STEM_STARTS.len(), stems.len() + 1);
        for s in &stems {
            assert!(is_common_stem(s), "{s}");
        }
        for s in ["", "zzzzzz", "aaaaaaa", "tomasz"] {
            assert!(!is_common_stem(s), "{s}");
        }
    }

    #[test]
    fn names_are_not_common_words() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        for w in ["engineers", "security", "root", "the", "careless", "waved"] {
            assert!(
                is_common_stem(&super::super::features::stem_of(w, &stemmer)),
                "{w}"
            );
        }
        for w in ["tomasz", "priya", "mkovacs", "kubernetes"] {
            assert!(
                !is_common_stem(&super::super::features::stem_of(w, &stemmer)),
                "{w}"
            );
        }
    }
}
