//! The checks' patterns (wording triggers, action titles) as DFAs compiled by `build.rs` and
//! read from the binary without copying or compiling anything at run time.
//!
//! Compiling them as regexes at run time cost the pre-commit hook most of its time: about
//! 30 ms for one document. `source.rs` explains the two rewrites this needs: the patterns
//! search an ASCII shadow of the text ([`shadow`]), and a gap of up to N characters between
//! two parts of a pattern is joined here ([`Alt::Window`]) instead of inside the DFA.

#[cfg(test)]
mod source;

use std::borrow::Cow;
use std::sync::OnceLock;

use regex_automata::dfa::{dense, regex::Regex};
use regex_automata::Input;

/// Where a forward and a reverse DFA sit in the blob: (offset, length) each.
#[derive(Clone, Copy)]
struct DfaSpec {
    fwd: (usize, usize),
    rev: (usize, usize),
}

enum AltSpec {
    Plain(DfaSpec),
    Window {
        head: DfaSpec,
        gap: usize,
        stop: &'static str,
        tail: DfaSpec,
    },
}

// `TRIGGER_ALTS` (one entry per wording `Kind`, in order), `META_ALTS` and `ACTION_ALTS` (one
// per entry of `action_patterns.rs`, in order).
include!(concat!(env!("OUT_DIR"), "/pattern_dfas.rs"));

/// Deserialising a dense DFA without copying needs its bytes aligned like its `u32`s.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u64; 0],
    bytes: B,
}

static BLOB: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/patterns.dfa")),
};

type Dfa = Regex<dense::DFA<&'static [u32]>>;

fn load(spec: DfaSpec) -> Dfa {
    let part = |(start, len): (usize, usize)| {
        let bytes = &BLOB.bytes[start..start + len];
        // SAFETY: `build.rs` serialised these bytes with `to_bytes_*_endian` for this target's
        // endianness and `BLOB` keeps them 8-byte aligned, which is what `from_bytes_unchecked`
        // requires; `dfa_blob_loads` reads every one back with the checked `from_bytes`. The
        // check is skipped at run time because it is linear in the DFA's size: it cost the
        // hook more than the search itself.
        unsafe { dense::DFA::from_bytes_unchecked(bytes) }
            .expect("build.rs wrote a valid DFA")
            .0
    };
    Regex::builder().build_from_dfas(part(spec.fwd), part(spec.rev))
}

// Boxed: a dense DFA regex is about 1.5 KB, and most alternatives are plain.
enum Alt {
    Plain(Box<Dfa>),
    /// `head`, then at most `gap` characters none of which is in `stop`, then `tail`: what
    /// `head[^stop]{0,gap}?tail` matches, leftmost first.
    Window {
        head: Box<Dfa>,
        gap: usize,
        stop: &'static [u8],
        tail: Box<Dfa>,
    },
}

impl Alt {
    fn load(spec: &AltSpec) -> Alt {
        match *spec {
            AltSpec::Plain(d) => Alt::Plain(Box::new(load(d))),
            AltSpec::Window {
                head,
                gap,
                stop,
                tail,
            } => Alt::Window {
                head: Box::new(load(head)),
                gap,
                stop: stop.as_bytes(),
                tail: Box::new(load(tail)),
            },
        }
    }

    /// The leftmost match starting at or after `at`.
    fn find(&self, text: &[u8], shadow: &[u8], at: usize) -> Option<(usize, usize)> {
        let from = |at: usize| Input::new(shadow).span(at..shadow.len());
        match self {
            Alt::Plain(re) => re.find(from(at)).map(|m| (m.start(), m.end())),
            Alt::Window {
                head,
                gap,
                stop,
                tail,
            } => {
                let mut at = at;
                while at <= shadow.len() {
                    let h = head.find(from(at))?;
                    if let Some(t) = tail.find(from(h.end())) {
                        let between = &shadow[h.end()..t.start()];
                        // Characters, not bytes, as the Unicode pattern counted them.
                        let chars = text[h.end()..t.start()]
                            .iter()
                            .filter(|&&b| b & 0xC0 != 0x80)
                            .count();
                        if chars <= *gap && !between.iter().any(|b| stop.contains(b)) {
                            return Some((h.start(), t.end()));
                        }
                    }
                    at = h.end().max(h.start() + 1);
                }
                None
            }
        }
    }
}

/// One pattern: its DFAs are read from the blob the first time it is used.
pub(crate) struct Pattern {
    specs: &'static [AltSpec],
    alts: OnceLock<Vec<Alt>>,
}

impl Pattern {
    fn new(specs: &'static [AltSpec]) -> Pattern {
        Pattern {
            specs,
            alts: OnceLock::new(),
        }
    }

    fn alts(&self) -> &[Alt] {
        self.alts
            .get_or_init(|| self.specs.iter().map(Alt::load).collect())
    }

    /// Non-overlapping matches, leftmost first, as `(start, end)` byte offsets. `shadow` must
    /// be `shadow(text)`. Lazy: `find` takes only the first.
    pub(crate) fn find_iter<'s>(
        &'s self,
        text: &'s str,
        shadow: &'s [u8],
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let alts = self.alts();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at <= shadow.len() {
                // The leftmost match of any alternative; on a tie the earlier alternative
                // wins, as in a regex alternation.
                let mut best: Option<(usize, usize)> = None;
                for alt in alts {
                    if let Some(m) = alt.find(text.as_bytes(), shadow, at) {
                        if best.is_none_or(|b| m.0 < b.0) {
                            best = Some(m);
                        }
                    }
                }
                let (start, end) = best?;
                at = end.max(start + 1);
                // A match can only start and end where the text has a character boundary:
                // the triggers begin and end on ASCII, and the shadow keeps every other byte
                // non-ASCII.
                if text.is_char_boundary(start) && text.is_char_boundary(end) {
                    return Some((start, end));
                }
            }
            None
        })
    }

    /// The first match, leftmost.
    pub(crate) fn find(&self, text: &str, shadow: &[u8]) -> Option<(usize, usize)> {
        self.find_iter(text, shadow).next()
    }

    pub(crate) fn is_match(&self, text: &str, shadow: &[u8]) -> bool {
        self.alts()
            .iter()
            .any(|alt| alt.find(text.as_bytes(), shadow, 0).is_some())
    }
}

/// The wording triggers, in `Kind` order, and the meta-talk pattern.
pub(crate) fn wording() -> (Vec<Pattern>, Pattern) {
    (
        TRIGGER_ALTS
            .iter()
            .map(|specs| Pattern::new(specs))
            .collect(),
        Pattern::new(META_ALTS),
    )
}

/// The action-title pattern at `index` of `action_patterns.rs`.
pub(crate) fn action(index: usize) -> Pattern {
    Pattern::new(ACTION_ALTS[index])
}

/// The copy of `text` the trigger DFAs search: the same length, ASCII kept, and every other
/// character replaced by bytes of its role (see `dfa_source.rs`): whitespace by spaces, a
/// letter or digit by `0xC0`, the typographic apostrophe kept, anything else by `0xC1`.
pub(crate) fn shadow(text: &str) -> Cow<'_, [u8]> {
    if text.is_ascii() {
        return Cow::Borrowed(text.as_bytes());
    }
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if c == '’' {
            out.extend_from_slice("’".as_bytes());
        } else {
            let role = if c.is_whitespace() {
                b' '
            } else if c.is_alphanumeric() {
                0xC0
            } else {
                0xC1
            };
            out.extend(std::iter::repeat_n(role, c.len_utf8()));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dfa_blob_loads() {
        let all = TRIGGER_ALTS
            .iter()
            .chain([&META_ALTS])
            .chain(ACTION_ALTS.iter());
        for specs in all {
            for spec in specs.iter() {
                let dfas = match *spec {
                    AltSpec::Plain(d) => vec![d],
                    AltSpec::Window { head, tail, .. } => vec![head, tail],
                };
                for d in dfas {
                    for (start, len) in [d.fwd, d.rev] {
                        let bytes = &BLOB.bytes[start..start + len];
                        assert!(dense::DFA::from_bytes(bytes).is_ok());
                    }
                }
            }
            let pattern = Pattern::new(specs);
            assert!(!pattern.alts().is_empty());
            assert!(!pattern.is_match("", b""));
        }
    }

    #[test]
    fn shadow_keeps_length_and_roles() {
        let text = "José’s fix — “done”\u{a0}ok";
        let s = shadow(text);
        assert_eq!(s.len(), text.len());
        assert_eq!(&s[..3], b"Jos");
        assert_eq!(&s[3..5], &[0xC0, 0xC0]);
        assert_eq!(&s[5..8], "’".as_bytes());
        assert!(s.ends_with(b"  ok"));
        assert!(matches!(shadow("plain"), Cow::Borrowed(_)));
    }
}
