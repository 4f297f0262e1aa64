//! Sentence analysis for the learned wording model: sentences, word tokens, contractions expanded,
//! word shapes, clause and negation scope, and the hashed features the model weighs.
//!
//! The hot path allocates nothing per token: a word is hashed once the sentence scan has read it
//! ([`word_hash`]), and a per-thread cache keyed by that hash gives its tokens with their classes, flags and
//! the model's slot for the word's own feature, worked out the first time the word is met
//! (lower-cased into a reused buffer, its stem from Snowball English, `rust-stemmers`).
//! The same functions produce readable feature names for the trainer ([`feature_names`]), so the
//! committed weights say what they weigh.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One analysed token of a sentence: a byte span of the scanned text and its normalised class.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Hash of the normalised form: a stem, or a shape such as `<name>` or `<handle>`.
    pub key: u64,
    /// Inside the scope of a negation ("not", "no", "never", "without", "nobody"…).
    pub negated: bool,
    /// Inside quotation marks or link text: a title, a citation or talk about a term ("a talk
    /// called 'The Myth of Human Error'"). Such words weigh as quoted words, not as the
    /// sentence's own wording, and n-grams see one `<qt>` in their place.
    pub quoted: bool,
    /// The token is punctuation-like (a quote mark, `!`, `?`): part of n-grams, never a span end.
    pub mark: bool,
    /// The word names an actor: a name, a handle, or a role or group of people (see
    /// [`Actors`]).
    pub actor: bool,
    /// A lower-case word of more than three letters that `dictionary::is_person_noun` knows
    /// ("porter", "caseworker"), as written; asked once per distinct word.
    pub person_noun: bool,
    /// Where the committed model holds the token's own feature (its unigram, or its negated
    /// form when `negated`), looked up once per distinct word: [`UNIT_UNKNOWN`] when not looked
    /// up, 0 when the model lacks it, else the slot's index plus one.
    pub unit: u32,
}

/// [`Tok::unit`] of a token whose feature was not looked up when it was made.
pub(crate) const UNIT_UNKNOWN: u32 = u32::MAX;

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub(crate) const fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// Combines a feature kind and up to two token keys into one feature id.
pub(crate) fn mix(kind: u8, a: u64, b: u64) -> u64 {
    let mut h = FNV_OFFSET ^ u64::from(kind);
    h = h.wrapping_mul(FNV_PRIME);
    h ^= a;
    h = h.rotate_left(29).wrapping_mul(FNV_PRIME);
    h ^= b;
    h = h.rotate_left(31).wrapping_mul(FNV_PRIME);
    h ^ (h >> 33)
}

pub(crate) const UNI: u8 = 1;
pub(crate) const BI: u8 = 2;
pub(crate) const NEG: u8 = 3;
pub(crate) const TRI: u8 = 4;
pub(crate) const BIAS: u8 = 5;
pub(crate) const QUO: u8 = 6;
/// An actor (a name, a handle, a role or a group of people) and the word right after it.
pub(crate) const AGT: u8 = 7;
/// An actor and the word two after it ("the operator, switched"; "crew mis-pointed").
pub(crate) const AGT2: u8 = 8;

/// Shapes that stand for a class of words; the model learns the class, not the word.
#[cfg(test)]
pub(crate) const SHAPES: &[&str] = &[
    "<s>",      // sentence start
    "<name>",   // a capitalised word that is not a common English word: a person, a product…
    "<handle>", // @mkovacs
    "<num>",    // 14:02, 47, 3.5
    "<q>",      // a quotation mark that is not an apostrophe
    "<excl>",   // !
    "<ques>",   // ?
    "<ell>",    // ... or …
    "<code>",   // a word with digits, dots, slashes or underscores: an identifier
    "<qt>",     // a quoted passage, to the n-grams around it
];

pub(crate) const fn shape_key(name: &str) -> u64 {
    fnv(name.as_bytes())
}

type IdHasher = BuildHasherDefault<IdentityHasher>;

/// Keys are already hashes: the map uses them as they are.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, IdHasher>;

struct Norm {
    stemmer: rust_stemmers::Stemmer,
    /// Hash of a lower-cased word → hash of its stem.
    cache: IdMap<(u64, bool)>,
    /// Hash of a word without an apostrophe, as written → its one or two tokens' classes. A
    /// word's tokens depend on its bytes alone, so a word met before costs one hash and one
    /// lookup instead of its shape, stem and actor tests.
    words: IdMap<WordEntry>,
    buf: String,
}

impl Norm {
    fn new() -> Norm {
        Norm {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            cache: IdMap::default(),
            words: IdMap::default(),
            buf: String::new(),
        }
    }
}

/// What a token's key says about it, computed once per distinct word (see [`Norm::words`]).
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    key: u64,
    actor: bool,
    person_noun: bool,
    /// [`Tok::unit`] of the word asserted and negated.
    units: [u32; 2],
    /// Ends a negation's scope before the word ("but", "because"…).
    closer: bool,
    /// Opens a negation's scope after the word ("not", "never"…).
    negator: bool,
}

impl WordInfo {
    fn of(key: u64, raw: &str) -> WordInfo {
        WordInfo {
            key,
            actor: ACTORS.is_actor(key, raw),
            person_noun: raw.len() > 3
                && raw.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
                && super::dictionary::is_person_noun(raw),
            closer: closes_clause_key(key),
            negator: is_negator_key(key),
            units: [UNI, NEG].map(|kind| {
                let model = &*super::model::MODEL;
                model
                    .slot_of(mix(kind, key, 0))
                    .map_or(0, |i| u32::try_from(i + 1).unwrap_or(UNIT_UNKNOWN))
            }),
        }
    }
}

/// The tokens of a word without an apostrophe: the word, or an unmarked contraction's two
/// parts ("didnt": "did" of three bytes, then "not").
#[derive(Debug, Clone, Copy)]
struct WordEntry {
    head: WordInfo,
    tail: Option<(usize, WordInfo)>,
}

impl WordEntry {
    fn of(norm: &mut Norm, raw: &str) -> WordEntry {
        if let Some((head, tail)) = unmarked_contraction(raw) {
            let cut = head.len();
            let head_key = classify(norm, head);
            return WordEntry {
                head: WordInfo::of(head_key, head),
                tail: Some((cut, WordInfo::of(fnv(tail.as_bytes()), &raw[cut..]))),
            };
        }
        let key = classify(norm, raw);
        WordEntry {
            head: WordInfo::of(key, raw),
            tail: None,
        }
    }
}

thread_local! {
    static NORM: RefCell<Norm> = RefCell::new(Norm::new());
}

/// The normalised form of a lower-case word: its Snowball stem, except for the function words
/// the model needs whole (pronouns, modals, auxiliaries).
pub(crate) fn stem_of(lower: &str, stemmer: &rust_stemmers::Stemmer) -> String {
    if lower.len() <= 3 || keep_whole(lower) {
        return lower.to_owned();
    }
    stemmer.stem(lower).into_owned()
}

fn keep_whole(w: &str) -> bool {
    matches!(
        w,
        "should"
            | "could"
            | "would"
            | "might"
            | "must"
            | "ought"
            | "was"
            | "were"
            | "has"
            | "had"
            | "have"
            | "been"
            | "being"
            | "does"
            | "did"
            | "they"
            | "their"
            | "them"
            | "this"
            | "that"
            | "there"
            | "these"
            | "those"
            | "anyone"
            | "everyone"
            | "someone"
            | "nobody"
            | "always"
            | "again"
            | "apparently"
            | "obviously"
            | "clearly"
    )
}

/// Whether the word that ends at byte `dot` of `text` is a title written before a name, "Mr",
/// "Mrs", "Ms", "Mx", "Dr" or "Prof", alone as a word. The model's sentences end at its stop,
/// as they did when it learned (a name after it opens the next one); a piece that ends so is
/// not judged by the model alone (`engine::scan`).
pub(super) fn title_before(text: &str, dot: usize) -> bool {
    let head = text.as_bytes().get(..dot).unwrap_or(&[]);
    let letters = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    // The word stands alone: no letter of another script or digit joined before it.
    let alone = head
        .len()
        .checked_sub(letters + 1)
        .is_none_or(|k| !head[k].is_ascii_alphanumeric() && head[k] < 0x80);
    alone
        && matches!(
            head[head.len() - letters..].to_ascii_lowercase().as_slice(),
            b"mr" | b"mrs" | b"ms" | b"mx" | b"dr" | b"prof"
        )
}

/// Calls `f` with each sentence's byte range and its tokens.
pub(crate) fn for_each_sentence(text: &str, mut f: impl FnMut(usize, usize, &[Tok])) {
    NORM.with(|norm| {
        let mut norm = norm.borrow_mut();
        let mut toks: Vec<Tok> = Vec::with_capacity(64);
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut sent_start: Option<usize> = None;
        let mut negated = false;
        let mut quoted = false;
        let flush = |toks: &mut Vec<Tok>,
                     s: Option<usize>,
                     e: usize,
                     f: &mut dyn FnMut(usize, usize, &[Tok])| {
            if let Some(s) = s {
                // A timeline entry's stamp and a chat line's speaker say nothing about blame:
                // the sentence is judged from what follows them.
                let k = entry_prefix_len(text, toks);
                let rest = &toks[k..];
                if rest.iter().any(|t| !t.mark) {
                    let s = if k > 0 { rest[0].start } else { s };
                    f(s, e, rest);
                }
            }
            toks.clear();
        };
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                // A blank line, or a line break between timeline entries ("14:05 …" after
                // "14:02 …"), ends the sentence.
                if b == b'\n' && sent_start.is_some() {
                    let next_nl = bytes[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_whitespace())
                        .any(|&c| c == b'\n');
                    if next_nl
                        || super::text::entry_break(text, i)
                        || super::text::field_break(text, i)
                    {
                        let end = last_end(&toks, i);
                        flush(&mut toks, sent_start.take(), end, &mut f);
                        negated = false;
                        quoted = false;
                    }
                }
                i += 1;
                continue;
            }
            let ch_len = utf8_len(b);
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() || b == b'@' || b == b'#' && next_is_alnum(text, i + 1) {
                // A word: letters, digits, inner apostrophes, hyphens, dots and slashes.
                let start = i;
                let mut j = i + ch_len;
                let mut apostrophe = false;
                while j < bytes.len() {
                    // ASCII first, without decoding: letters, digits and `_` continue the
                    // word, and any other ASCII byte but the joiners below ends it.
                    let cb = bytes[j];
                    if cb.is_ascii_alphanumeric() || cb == b'_' {
                        j += 1;
                        continue;
                    }
                    if cb.is_ascii() && !matches!(cb, b'\'' | b'-' | b'.' | b'/' | b':') {
                        break;
                    }
                    let c = text[j..].chars().next().unwrap_or(' ');
                    // A joiner joins when a letter or digit follows; a colon only in a word
                    // that starts with a digit ("14:02").
                    let joins = c.is_alphanumeric()
                        || c == '_'
                        || (matches!(c, '\'' | '’' | '-' | '.' | '/' | ':')
                            && next_is_alnum(text, j + c.len_utf8())
                            && (c != ':' || bytes[start].is_ascii_digit()));
                    if !joins {
                        break;
                    }
                    apostrophe |= matches!(c, '\'' | '’');
                    j += c.len_utf8();
                }
                if sent_start.is_none() {
                    sent_start = Some(start);
                }
                let before = toks.len();
                let word = Word {
                    start,
                    end: j,
                    hash: word_hash(&bytes[start..j]),
                    apostrophe,
                };
                word_tokens(&mut norm, text, word, &mut negated, &mut toks);
                if quoted {
                    for t in &mut toks[before..] {
                        t.quoted = true;
                    }
                }
                i = j;
                continue;
            }
            // Punctuation.
            match ch {
                '.' | '!' | '?' | '…' => {
                    let mut j = i;
                    while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                        j += 1;
                    }
                    if ch == '…' {
                        j = i + ch_len;
                    }
                    let run = &text[i..j.max(i + ch_len)];
                    let mark = if run.contains('!') {
                        Some("<excl>")
                    } else if run.contains('?') {
                        Some("<ques>")
                    } else if run.len() >= 3 || ch == '…' {
                        Some("<ell>")
                    } else {
                        None
                    };
                    let end = j.max(i + ch_len);
                    if let (Some(m), Some(_)) = (mark, sent_start) {
                        toks.push(Tok {
                            start: i,
                            end,
                            key: shape_key(m),
                            negated: false,
                            quoted: false,
                            mark: true,
                            actor: false,
                            person_noun: false,
                            unit: UNIT_UNKNOWN,
                        });
                    }
                    // A sentence ends at the stop unless a lower-case word follows ("e.g. the").
                    let next = text[end..].trim_start();
                    let cont = ch == '.'
                        && j == i + 1
                        && next.chars().next().is_some_and(|c| c.is_lowercase());
                    if !cont
                        && (end >= bytes.len()
                            || bytes[end].is_ascii_whitespace()
                            || mark.is_some())
                    {
                        flush(&mut toks, sent_start.take(), end, &mut f);
                        negated = false;
                        quoted = false;
                    }
                    i = end;
                }
                '"' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '\'' | '`' => {
                    // "engineers' laptops": an apostrophe right after a word opens nothing.
                    let after_word = text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    quoted = match ch {
                        '“' | '«' | '„' | '‘' => true,
                        '”' | '»' => false,
                        '\'' | '’' if after_word && !quoted => false,
                        '’' => false,
                        _ => !quoted,
                    };
                    if sent_start.is_some() || !matches!(ch, '\'' | '’') {
                        if sent_start.is_none() {
                            sent_start = Some(i);
                        }
                        toks.push(Tok {
                            start: i,
                            end: i + ch_len,
                            key: shape_key("<q>"),
                            negated: false,
                            quoted: false,
                            mark: true,
                            actor: false,
                            person_noun: false,
                            unit: UNIT_UNKNOWN,
                        });
                    }
                    i += ch_len;
                }
                ',' | ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']' => {
                    negated = false;
                    // Link text is a title: "[Human error is a label](…)".
                    if ch == '[' {
                        quoted = true;
                    } else if ch == ']' {
                        quoted = false;
                    }
                    i += ch_len;
                }
                _ => {
                    if ch == '-' && bytes.get(i + 1) == Some(&b'-') {
                        negated = false;
                    }
                    i += ch_len;
                }
            }
        }
        let end = last_end(&toks, bytes.len());
        flush(&mut toks, sent_start.take(), end, &mut f);
    });
}

/// How many leading tokens of a sentence are a timeline entry's stamp ("14:02 UTC", "2:05 PM
/// PST", "[03-04 14:05]", "??:??") and, after it or alone, a chat line's speaker ("Sam Ortiz:",
/// "@kim:"), which are left out of the sentence's features. A stamp is digits with `:`, `.`,
/// `/` or `-`, time-zone abbreviations and AM/PM; a speaker is one to three names or a handle
/// followed by a colon.
// Inlined into `for_each_sentence` whatever the size of the caller's closure: left to the
// compiler, a larger `engine::scan` closure once made it call these two per word and per
// sentence instead, 1.1 M more instructions on trig100 (round 35, docs/PERFORMANCE.md).
#[inline(always)]
fn entry_prefix_len(text: &str, toks: &[Tok]) -> usize {
    fn is_stamp(word: &str) -> bool {
        let w = word
            .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | '*'))
            .as_bytes();
        if w.iter().any(u8::is_ascii_digit) {
            return w
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'/' | b'-'));
        }
        // A zone or AM/PM, any case: most words are ruled out by their length.
        if w.is_empty() || w.len() > 4 {
            return false;
        }
        let mut lower = [0u8; 4];
        for (l, b) in lower.iter_mut().zip(w) {
            *l = b.to_ascii_lowercase();
        }
        matches!(
            &lower[..w.len()],
            b"utc"
                | b"gmt"
                | b"z"
                | b"am"
                | b"pm"
                | b"a.m"
                | b"p.m"
                | b"pst"
                | b"pdt"
                | b"est"
                | b"edt"
                | b"cst"
                | b"cdt"
                | b"mst"
                | b"mdt"
                | b"cet"
                | b"cest"
                | b"bst"
                | b"ist"
                | b"jst"
                | b"aest"
                | b"aedt"
        )
    }
    let word = |t: &Tok| text.get(t.start..t.end).unwrap_or("");
    let has_digit = |t: &Tok| word(t).bytes().any(|b| b.is_ascii_digit());
    // Only spaces between two tokens: a colon or a dash ends a stamp ("14:02 UTC: Am I …").
    let spaced = |a: &Tok, b: &Tok| {
        text.get(a.end..b.start)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    let mut k = 0;
    // A zone or AM/PM is part of a stamp only right beside a time or a date, or after another
    // such word of the stamp ("2:05 PM PST", "UTC 14:02"): alone, or after a colon, it is a
    // word ("Am I just stupid?", "14:02 UTC: Am I …?", "MDT was replaced").
    while k < toks.len() && !toks[k].mark && is_stamp(word(&toks[k])) {
        let t = &toks[k];
        let after_stamp = k > 0 && spaced(&toks[k - 1], t);
        let before_time = toks
            .get(k + 1)
            .is_some_and(|n| !n.mark && has_digit(n) && spaced(t, n));
        if !(has_digit(t) || after_stamp || before_time) {
            break;
        }
        k += 1;
    }
    // A speaker: up to three capitalised words or one handle, then a colon before the next word.
    let mut j = k;
    while j < toks.len() && j - k < 3 && !toks[j].mark {
        let w = word(&toks[j]);
        let speaker_word = w.starts_with('@') || w.chars().next().is_some_and(char::is_uppercase);
        if !speaker_word {
            break;
        }
        let gap_end = toks.get(j + 1).map_or(text.len(), |t| t.start);
        let gap = text.get(toks[j].end..gap_end).unwrap_or("");
        if gap.trim_start().starts_with(':') && j + 1 < toks.len() {
            return j + 1;
        }
        if !gap.trim().is_empty() {
            break;
        }
        j += 1;
    }
    if k == toks.len() {
        0
    } else {
        k
    }
}

fn last_end(toks: &[Tok], fallback: usize) -> usize {
    toks.last().map_or(fallback, |t| t.end)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// A word as the sentence scan found it: its bytes in the text, their hash ([`word_hash`]), and
/// whether an apostrophe (straight or typographic) joins its parts.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    hash: u64,
    apostrophe: bool,
}

/// The key of a word as written in the word cache ([`Norm::words`]): rustc-hash's hash of its
/// bytes, which reads a short word in one or two loads and mixes it with one multiplication.
/// FNV-1a, byte by byte while the scan read the word, was a chain of multiplications each
/// waiting on the last (about 4 % of `pm check`'s time on trigger-heavy text,
/// docs/PERFORMANCE.md "Round 31"). Only the cache uses this key; the model's feature ids stay
/// FNV-1a ([`fnv`]).
#[inline]
fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// Splits one word (with any contraction) into tokens and pushes them: "didn't" → did not,
/// "we'd" → we would, "shouldn't've" → should not have, "won't" → will not, "it's" → it 's.
// Inlined, as `entry_prefix_len` is.
#[inline(always)]
fn word_tokens(norm: &mut Norm, text: &str, word: Word, negated: &mut bool, toks: &mut Vec<Tok>) {
    let Word {
        start,
        end,
        hash: h,
        apostrophe,
    } = word;
    let raw = &text[start..end];
    let push_info = |toks: &mut Vec<Tok>, negated: &mut bool, s: usize, e: usize, w: WordInfo| {
        if w.closer {
            *negated = false;
        }
        toks.push(Tok {
            start: s,
            end: e,
            key: w.key,
            negated: *negated,
            quoted: false,
            mark: false,
            actor: w.actor,
            person_noun: w.person_noun,
            unit: w.units[usize::from(*negated)],
        });
        if w.negator {
            *negated = true;
        }
    };
    // A word with no apostrophe, straight or typographic, is the common case: it is looked up
    // by the hash of its bytes as written.
    if !apostrophe {
        // Two words may share a hash: an entry whose contraction cut does not fall inside this
        // word, on a character boundary, is another word's, and is worked out again. (A shared
        // hash can give a word another's classes, as the stem cache's can; it cannot give a
        // token bytes outside its word.)
        let fits = |entry: &WordEntry| {
            entry
                .tail
                .is_none_or(|(cut, _)| cut < raw.len() && raw.is_char_boundary(cut))
        };
        let entry = match norm.words.get(&h).filter(|entry| fits(entry)) {
            Some(&entry) => entry,
            None => {
                let entry = WordEntry::of(norm, raw);
                if norm.words.len() > 200_000 {
                    norm.words.clear();
                }
                norm.words.insert(h, entry);
                entry
            }
        };
        match entry.tail {
            None => push_info(toks, negated, start, end, entry.head),
            Some((cut, tail)) => {
                push_info(toks, negated, start, start + cut, entry.head);
                push_info(toks, negated, start + cut, end, tail);
            }
        }
        return;
    }
    let mut push = |toks: &mut Vec<Tok>, s: usize, e: usize, key: u64| {
        push_info(toks, negated, s, e, WordInfo::of(key, &text[s..e]));
    };
    // Segments between apostrophes, with their byte offsets.
    let mut segs: Vec<(usize, usize)> = Vec::with_capacity(4);
    let mut s = start;
    for (i, c) in raw.char_indices() {
        if c == '\'' || c == '’' {
            segs.push((s, start + i));
            s = start + i + c.len_utf8();
        }
    }
    segs.push((s, end));
    let mut out: Vec<(usize, usize, Option<&'static str>)> = Vec::with_capacity(4);
    let (h0, h1) = segs[0];
    out.push((h0, h1, None));
    let mut whole = false;
    for &(a, b) in &segs[1..] {
        let t = text[a..b].to_ascii_lowercase();
        let rep = match t.as_str() {
            "t" => {
                // The n of "n't" belongs to the contraction: did|n't.
                let Some(last) = out.last_mut() else { break };
                if last.2.is_some() || last.1 <= last.0 || !text[..last.1].ends_with(['n', 'N']) {
                    whole = true;
                    break;
                }
                last.1 -= 1;
                let head = text[last.0..last.1].to_ascii_lowercase();
                match head.as_str() {
                    "wo" => last.2 = Some("will"),
                    "ca" => last.2 = Some("can"),
                    "sha" => last.2 = Some("shall"),
                    "ai" => last.2 = Some("is"),
                    _ => {}
                }
                let cut = last.1;
                out.push((cut, b, Some("not")));
                continue;
            }
            "d" => "would",
            "ve" => "have",
            "ll" => "will",
            "re" => "are",
            "m" => "am",
            "s" => "'s",
            _ => {
                whole = true;
                break;
            }
        };
        out.push((a, b, Some(rep)));
    }
    if whole {
        let key = classify(norm, raw);
        push(toks, start, end, key);
        return;
    }
    for &(s, e, rep) in &out {
        let key = match rep {
            Some(r) => fnv(r.as_bytes()),
            None if s < e => classify(norm, &text[s..e]),
            None => continue,
        };
        push(toks, s, e.max(s + 1).min(end), key);
    }
}

/// A contraction written without its apostrophe, as chat writes it, split into the word and
/// what the contraction stands for: "shoulda" and "shouldve" are "should" "have" ("shoulda
/// tested it on staging"), "didnt" is "did" "not" ("we didnt page anyone"), as "should've"
/// and "didn't" are. Only verbs whose bare form is no other word: "cant" and "wont" are
/// words, and stay whole. `None` for any other word; no allocation.
#[inline]
pub(super) fn unmarked_contraction(raw: &str) -> Option<(&str, &'static str)> {
    const HAVE: &[&str] = &["should", "could", "would", "must"];
    const NOT: &[&str] = &[
        "did", "does", "do", "is", "was", "were", "has", "have", "had", "should", "could", "would",
        "must", "are",
    ];
    let b = raw.as_bytes();
    let n = b.len();
    if !(4..=8).contains(&n) {
        return None;
    }
    // Most words end otherwise: two byte tests rule them out (this runs on every word).
    let (list, cut, word): (&[&str], usize, &'static str) = match (b[n - 2] | 0x20, b[n - 1] | 0x20)
    {
        (b'n', b't') => (NOT, n - 2, "not"),
        (b'v', b'e') => (HAVE, n - 2, "have"),
        (_, b'a') if n > 5 => (&HAVE[..3], n - 1, "have"),
        _ => return None,
    };
    if !raw.is_char_boundary(cut) {
        return None;
    }
    let head = &raw[..cut];
    list.iter()
        .any(|w| head.eq_ignore_ascii_case(w))
        .then_some((head, word))
}

/// Byte flags of [`classify_ascii`]. `UPPER` is 0x20 so that `b | (flags & UPPER)` lower-cases.
const DIGIT: u8 = 0x01;
/// Not a digit and not `:`, `.` or `,`: the word is not a number.
const OTHER: u8 = 0x02;
/// `_` or `/`: an identifier.
const MARK: u8 = 0x04;
const DOT: u8 = 0x08;
const LOWER: u8 = 0x10;
const UPPER: u8 = 0x20;
const ASCII_FLAGS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c == b':' || c == b',' {
            0
        } else if c == b'.' {
            DOT
        } else if c == b'_' || c == b'/' {
            OTHER | MARK
        } else if c.is_ascii_uppercase() {
            OTHER | UPPER
        } else if c.is_ascii_lowercase() {
            OTHER | LOWER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};
const HANDLE: u64 = shape_key("<handle>");
const NUM: u64 = shape_key("<num>");
const CODE: u64 = shape_key("<code>");
pub(crate) const NAME: u64 = shape_key("<name>");

/// The key of a word: its shape's (`<handle>`, `<num>`, `<code>`, `<name>`, as constants) or
/// its stem's.
fn classify(norm: &mut Norm, w: &str) -> u64 {
    if w.as_bytes()[0] == b'@' {
        return HANDLE;
    }
    if w.is_ascii() {
        classify_ascii(norm, w)
    } else {
        classify_any(norm, w)
    }
}

/// [`classify`] for any word after the handle test, lower-casing it into the buffer; the
/// reference [`classify_ascii`] is held to.
fn classify_any(norm: &mut Norm, w: &str) -> u64 {
    let bytes = w.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit) {
        return if bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b','))
        {
            NUM
        } else {
            CODE
        };
    }
    if w.contains(['_', '/']) || (w.contains('.') && !w.ends_with('.')) {
        return CODE;
    }
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars.clone().all(|c| !c.is_uppercase());
    let all_upper = w
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    norm.buf.clear();
    for c in w.chars() {
        for l in c.to_lowercase() {
            norm.buf.push(l);
        }
    }
    if first_upper && rest_lower && !all_upper && !is_common(norm) {
        // A capitalised word that is not a common English word: a name of some kind. At the
        // start of a sentence too: "Tomasz pushed…".
        return NAME;
    }
    stem_key(norm).0
}

/// [`classify`] for an ASCII word, in one pass: the same shapes in the same order (digits,
/// then identifier marks, then a capitalised uncommon word) and the hash of the lower-cased
/// word, which finds its stem in the cache without a buffer.
fn classify_ascii(norm: &mut Norm, w: &str) -> u64 {
    let bytes = w.as_bytes();
    // One table lookup per byte: the flags of every byte after the first are or-ed together,
    // and the upper-case flag is the bit that lower-cases an ASCII letter.
    let first = ASCII_FLAGS[usize::from(bytes[0])];
    let mut rest = 0u8;
    let mut h = (FNV_OFFSET ^ u64::from(bytes[0] | (first & UPPER))).wrapping_mul(FNV_PRIME);
    for &b in &bytes[1..] {
        let f = ASCII_FLAGS[usize::from(b)];
        rest |= f;
        h ^= u64::from(b | (f & UPPER));
        h = h.wrapping_mul(FNV_PRIME);
    }
    let all = first | rest;
    let digit = all & DIGIT != 0;
    let numeric = all & OTHER == 0;
    let mark = all & MARK != 0;
    let dot = all & DOT != 0;
    let upper_after_first = rest & UPPER != 0;
    let all_upper = all & LOWER == 0;
    if digit {
        return if numeric { NUM } else { CODE };
    }
    if mark || (dot && !w.ends_with('.')) {
        return CODE;
    }
    let (key, common) = match norm.cache.get(&h) {
        Some(&k) => k,
        None => {
            norm.buf.clear();
            norm.buf.push_str(w);
            norm.buf.make_ascii_lowercase();
            stem_key(norm)
        }
    };
    let capitalised = bytes[0].is_ascii_uppercase() && !upper_after_first && !all_upper;
    if capitalised && !common {
        return NAME;
    }
    key
}

/// The key of the stem of the word in the buffer and whether it is a common word, cached.
fn stem_key(norm: &mut Norm) -> (u64, bool) {
    let raw = fnv(norm.buf.as_bytes());
    if let Some(&k) = norm.cache.get(&raw) {
        return k;
    }
    let stem = stem_of(&norm.buf, &norm.stemmer);
    let k = (
        fnv(stem.as_bytes()),
        super::dictionary::is_common_stem(&stem),
    );
    if norm.cache.len() > 200_000 {
        norm.cache.clear();
    }
    norm.cache.insert(raw, k);
    k
}

fn is_common(norm: &mut Norm) -> bool {
    stem_key(norm).1
}

/// The words that name an actor in an incident: a name or a handle (by shape), and a role or
/// group noun as written or its plural (`lexicon::is_actor_noun`: "operator", "crew",
/// "departments"). A stem shared with a thing ("engine" and "engineer", "authorization" and
/// "author", "operations" and "operator") is no actor; the stems' keys only rule most words out
/// before the written form is asked about.
pub(crate) struct Actors {
    stems: std::collections::HashSet<u64, IdHasher>,
}

impl Actors {
    /// Whether the word `raw`, whose key is `key`, names an actor.
    fn is_actor(&self, key: u64, raw: &str) -> bool {
        key == NAME
            || key == HANDLE
            || (self.stems.contains(&key) && super::lexicon::is_actor_noun(raw))
            || is_department(raw)
    }
}

/// A department named as a team, capitalised as written ("Marketing pushed the campaign",
/// "Infrastructure let the certificate lapse", "QA passed the build"): the name of a
/// function of the organisation standing for the people who do it. Only as written: "It"
/// is the pronoun, "IT" the department.
fn is_department(raw: &str) -> bool {
    // Most words are lower case; a `match` on the written forms rules most capitalised ones
    // out by their length.
    raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && matches!(
            raw,
            "Ops"
                | "DevOps"
                | "Networking"
                | "Security"
                | "InfoSec"
                | "Infosec"
                | "QA"
                | "IT"
                | "Infra"
                | "SRE"
                | "DBA"
                | "DBAs"
                | "Legal"
                | "Management"
                | "Leadership"
                | "Finance"
                | "Marketing"
                | "Sales"
                | "Support"
                | "Engineering"
                | "Procurement"
                | "Compliance"
                | "Infrastructure"
                | "Facilities"
                | "Backend"
                | "Frontend"
                | "HR"
                | "Billing"
                | "Payroll"
                | "Dispatch"
                | "Helpdesk"
                | "Purchasing"
                | "Operations"
        )
}

static ACTORS: std::sync::LazyLock<Actors> = std::sync::LazyLock::new(|| {
    use super::lexicon::{AMBIGUOUS_ROLES, GROUP_NOUNS, ROLE_NOUNS};
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let stems = ROLE_NOUNS
        .iter()
        .chain(AMBIGUOUS_ROLES.iter())
        .chain(GROUP_NOUNS.iter())
        .flat_map(|w| [w.to_string(), format!("{w}s")])
        .map(|form| fnv(stem_of(&form, &stemmer).as_bytes()))
        .collect();
    Actors { stems }
});

fn closes_clause_key(k: u64) -> bool {
    CLOSER_BITS & (1 << (k & 63)) != 0 && CLOSERS.contains(&k)
}

fn is_negator_key(k: u64) -> bool {
    NEGATOR_BITS & (1 << (k & 63)) != 0 && NEGATORS.contains(&k)
}

/// Words that end a negation's scope ("not tested, but shipped"): the model's tokens read them
/// by hash ([`CLOSERS`]), and `engine::denies_every_neglect` by word.
#[rustfmt::skip]
pub(crate) const CLOSER_WORDS: [&str; 17] = [
    "but", "because", "although", "though", "while", "whereas", "instead", "so", "which", "who",
    "that", "and", "yet", "since", "when", "after", "before",
];

const CLOSERS: [u64; 17] = {
    let words = CLOSER_WORDS;
    let mut out = [0u64; 17];
    let mut i = 0;
    while i < words.len() {
        out[i] = fnv(words[i].as_bytes());
        i += 1;
    }
    out
};

/// One bit per key's low six bits: most words are ruled out by one test before the list.
const fn bits(keys: &[u64]) -> u64 {
    let mut out = 0u64;
    let mut i = 0;
    while i < keys.len() {
        out |= 1 << (keys[i] & 63);
        i += 1;
    }
    out
}
const CLOSER_BITS: u64 = bits(&CLOSERS);
const NEGATOR_BITS: u64 = bits(&NEGATORS);

const NEGATORS: [u64; 9] = {
    let words: [&str; 9] = [
        "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without",
    ];
    let mut out = [0u64; 9];
    let mut i = 0;
    while i < words.len() {
        out[i] = fnv(words[i].as_bytes());
        i += 1;
    }
    out
};

/// The features of one sentence, each with the token range it covers, passed to `f`.
pub(crate) fn features(toks: &[Tok], f: impl FnMut(u64, usize, usize)) {
    struct Ids<F>(F);
    impl<F: FnMut(u64, usize, usize)> FeatureSink for Ids<F> {
        #[inline(always)]
        fn feature(&mut self, feature: Feature, s: usize, e: usize) {
            if let Feature::Id(id) = feature {
                (self.0)(id, s, e);
            }
        }
    }
    walk_features(toks, false, &mut Ids(f));
}

/// What [`walk_features`] gives each feature to: a trait rather than a closure, so that the
/// model's sums (`model::sum_with_units`) are inlined into the walk.
pub(crate) trait FeatureSink {
    fn feature(&mut self, feature: Feature, start: usize, end: usize);
}

/// A feature of [`walk_features`]: its id, or, for a token's own feature when asked for, where
/// the committed model holds it ([`Tok::unit`]: 0 when it lacks it, else the slot plus one).
pub(crate) enum Feature {
    Id(u64),
    Unit(u32),
}

/// The features of one sentence in the model's order, each with the token range it covers.
/// With `units`, a token's own feature (its unigram, or its negated form) comes as the
/// [`Tok::unit`] its word was given where there is one; [`features`] gives ids only.
#[inline(always)]
pub(crate) fn walk_features(toks: &[Tok], units: bool, sink: &mut impl FeatureSink) {
    let mut f = |feature, s, e| sink.feature(feature, s, e);
    let start = shape_key("<s>");
    f(Feature::Id(mix(BIAS, 0, 0)), 0, 0);
    let mut prev = start;
    // `mix(0, prev2, prev)`, the trigram's first two words, carried from the token before.
    let mut pair = mix(0, start, start);
    let qt = shape_key("<qt>");
    let key_of = |t: &Tok| if t.quoted { qt } else { t.key };
    for (i, t) in toks.iter().enumerate() {
        if t.actor && !t.quoted && !t.negated {
            // What an actor did, whoever the actor is: the model learns "<actor> pushed" from
            // every name, role and team it saw push, not "crew pushed" from crews alone. A
            // negated word is its own feature ("Dave never ignored" is not "Dave ignored").
            if let Some(n) = toks.get(i + 1) {
                f(
                    Feature::Id(mix(AGT, key_of(n), u64::from(n.negated))),
                    i,
                    i + 2,
                );
            }
            // Its span is the actor alone: the word between is no part of the evidence.
            if let Some(n) = toks.get(i + 2) {
                f(
                    Feature::Id(mix(AGT2, key_of(n), u64::from(n.negated))),
                    i,
                    i + 1,
                );
            }
        }
        if t.quoted {
            f(Feature::Id(mix(QUO, t.key, 0)), i, i + 1);
            // A quoted passage is one `<qt>` to the n-grams around it.
            if prev == qt {
                continue;
            }
        } else if units && t.unit != UNIT_UNKNOWN {
            f(Feature::Unit(t.unit), i, i + 1);
        } else {
            // A word in the scope of a negation is its own feature, not the asserted word:
            // "it was not obvious" does not carry the weight of "obvious".
            let kind = if t.negated { NEG } else { UNI };
            f(Feature::Id(mix(kind, t.key, 0)), i, i + 1);
        }
        let key = key_of(t);
        f(Feature::Id(mix(BI, prev, key)), i.saturating_sub(1), i + 1);
        f(Feature::Id(mix(TRI, pair, key)), i.saturating_sub(2), i + 1);
        pair = mix(0, prev, key);
        prev = key;
    }
}

/// Readable names of the features of a sentence, in the order [`features`] gives them, for the
/// trainer and the committed weights.
#[cfg(test)]
pub(crate) fn feature_names(text: &str, toks: &[Tok]) -> Vec<String> {
    let names: Vec<String> = toks.iter().map(|t| token_name(text, t)).collect();
    let mut out = vec!["bias".to_owned()];
    let mut prev = "<s>".to_owned();
    let mut prev2 = "<s>".to_owned();
    for (i, t) in toks.iter().enumerate() {
        let n = &names[i];
        if t.actor && !t.quoted && !t.negated {
            let name_of = |j: usize| match toks.get(j) {
                Some(x) if x.quoted => Some("<qt>".to_owned()),
                Some(x) if x.negated => names.get(j).map(|n| format!("not:{n}")),
                Some(_) => names.get(j).cloned(),
                None => None,
            };
            if let Some(m) = name_of(i + 1) {
                out.push(format!("a <actor> {m}"));
            }
            if let Some(m) = name_of(i + 2) {
                out.push(format!("a2 <actor> _ {m}"));
            }
        }
        if t.quoted {
            out.push(format!("q {n}"));
            if prev == "<qt>" {
                continue;
            }
        } else if t.negated {
            out.push(format!("n {n}"));
        } else {
            out.push(format!("u {n}"));
        }
        let n = if t.quoted { "<qt>" } else { n.as_str() };
        out.push(format!("b {prev} {n}"));
        out.push(format!("t {prev2} {prev} {n}"));
        prev2 = std::mem::replace(&mut prev, n.to_owned());
    }
    out
}

/// The readable normalised form of a token (the inverse of its key, for names).
#[cfg(test)]
pub(crate) fn token_name(text: &str, t: &Tok) -> String {
    for s in SHAPES {
        if shape_key(s) == t.key {
            return (*s).to_owned();
        }
    }
    for w in [
        "not", "would", "have", "will", "are", "am", "'s", "can", "shall", "is",
    ] {
        if fnv(w.as_bytes()) == t.key {
            return w.to_owned();
        }
    }
    let lower = text[t.start..t.end].to_lowercase();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let s = stem_of(&lower, &stemmer);
    if fnv(s.as_bytes()) == t.key {
        s
    } else {
        format!("#{:x}", t.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm() -> Norm {
        Norm::new()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        /// The one-pass ASCII classifier gives every ASCII word the key the general one gives:
        /// shapes (numbers, identifiers, capitalised uncommon words) and stems alike.
        #[test]
        fn ascii_words_are_classified_as_the_general_path_does(
            w in "[A-Za-z][A-Za-z0-9_./:,'-]{0,11}|[0-9][0-9:.,]{0,6}|[A-Z][a-z]{1,9}|[A-Z]{2,5}",
        ) {
            let (mut fast, mut general) = (norm(), norm());
            prop_assert_eq!(classify_ascii(&mut fast, &w), classify_any(&mut general, &w));
            // Again, now that the stem is cached.
            prop_assert_eq!(classify_ascii(&mut fast, &w), classify_any(&mut general, &w));
        }
    }

    /// A word whose hash another word's cached entry holds (two words may share a 64-bit
    /// hash) gets tokens inside itself: here the entry of "shouldnt", cut after six bytes,
    /// stands where "didnt" looks.
    #[test]
    fn a_cached_entry_that_does_not_fit_the_word_is_worked_out_again() {
        let mut n = norm();
        let text = "we didnt";
        let other = WordEntry::of(&mut n, "shouldnt");
        assert_eq!(other.tail.map(|(cut, _)| cut), Some(6));
        n.words.insert(word_hash(b"didnt"), other);
        let word = Word {
            start: 3,
            end: 8,
            hash: word_hash(b"didnt"),
            apostrophe: false,
        };
        let (mut negated, mut toks) = (false, Vec::new());
        word_tokens(&mut n, text, word, &mut negated, &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["did", "nt"]);
        assert_eq!(toks[1].key, fnv(b"not"));
    }

    #[test]
    fn shapes_of_ascii_words() {
        let mut n = norm();
        assert_eq!(classify(&mut n, "@mkovacs"), HANDLE);
        assert_eq!(classify(&mut n, "14:02"), NUM);
        assert_eq!(classify(&mut n, "v1.2"), CODE);
        assert_eq!(classify(&mut n, "retry_loop"), CODE);
        assert_eq!(classify(&mut n, "Tomasz"), NAME);
        assert_ne!(classify(&mut n, "The"), NAME);
        assert_eq!(classify(&mut n, "Because"), classify(&mut n, "because"));
    }
}
