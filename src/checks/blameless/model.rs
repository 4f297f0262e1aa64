//! The learned part of the wording check: a multinomial logistic regression over the hashed
//! features of `features.rs` (stems, word shapes, negation scope, word bi- and trigrams), with
//! one class for "no blame" and one per family. Trained offline and deterministically from the
//! training split of the corpus by `train.rs`; the weights are committed in `weights.tsv` and
//! embedded in the binary.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::features::{features, walk_features, Feature, FeatureSink, Tok};
use super::Rule;

/// Number of classes: "ok" and the nine families.
pub(crate) const CLASSES: usize = 10;

/// The families in class order (class 0 is "ok").
pub(crate) const FAMILIES: [Rule; CLASSES - 1] = [
    Rule::IndividualFault,
    Rule::Counterfactual,
    Rule::HumanError,
    Rule::Judgemental,
    Rule::Negligence,
    Rule::Punishment,
    Rule::Hindsight,
    Rule::TeamBlame,
    Rule::Sarcasm,
];

/// Corpus category name → class.
#[cfg(test)]
pub(crate) fn class_of(category: &str) -> usize {
    match category {
        "named-individual-fault" | "other" => 1,
        "counterfactual" => 2,
        "human-error-label" => 3,
        "judgemental-adjective" => 4,
        "negligence/carelessness" => 5,
        "punishment" => 6,
        "hindsight" => 7,
        "team-blame" => 8,
        "sarcasm/insinuation" => 9,
        _ => 0,
    }
}

/// The committed source of truth; `build.rs` compiles it into the table below, so only the
/// trainer and the tests read the text.
#[cfg(test)]
pub(crate) const WEIGHTS_TSV: &str = include_str!("weights.tsv");

/// Weights are stored in thousandths.
pub(crate) const SCALE: f32 = 1000.0;

#[allow(dead_code)]
mod table {
    include!("weights_table.rs");
}
use table::{slot_key, tag_of, SLOT};

/// The weight table (layout in `weights_table.rs`): open addressing over the feature ids, each
/// slot the id and its ten weights in thousandths in one 32-byte slot, so a feature that is
/// found costs one cache line; a 16-bit tag per slot, probed first, so that one is read only
/// where the tag matches.
///
/// The committed weights are laid out by `build.rs` and embedded as bytes, so a pre-commit hook
/// pays nothing to load them (parsing the 1.5 MB `weights.tsv` at start-up was about a third of
/// the hook's instructions). [`Model::parse`] builds the same table at run time, for weights
/// the trainer has just computed; a test holds the two to each other.
pub(crate) struct Model {
    tags: Cow<'static, [[u8; 2]]>,
    slots: Cow<'static, [[u8; SLOT]]>,
    mask: usize,
}

/// Aligns the embedded table so that no slot straddles a cache line.
#[repr(C, align(64))]
struct Aligned<T: ?Sized>(T);

static TAG_BYTES: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/weights.tags")));
static SLOT_BYTES: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/weights.slots")));

/// The committed model, as `build.rs` compiled it from `weights.tsv`.
pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let (slots, rest) = SLOT_BYTES.0.as_chunks::<SLOT>();
    debug_assert!(rest.is_empty() && slots.len().is_power_of_two());
    let (tags, rest) = TAG_BYTES.0.as_chunks::<2>();
    debug_assert!(rest.is_empty() && tags.len() == slots.len());
    Model {
        tags: Cow::Borrowed(tags),
        slots: Cow::Borrowed(slots),
        mask: slots.len().saturating_sub(1),
    }
});

impl Model {
    /// Builds the table from `id<TAB>w0,…,w9<TAB>name` lines (weights in thousandths);
    /// malformed lines and weights outside ±32.767 are skipped.
    #[cfg(test)]
    pub(crate) fn parse(tsv: &str) -> Model {
        let t = table::build_table(&table::parse_rows(tsv));
        let mask = t.slots.len() - 1;
        Model {
            tags: Cow::Owned(t.tags),
            slots: Cow::Owned(t.slots),
            mask,
        }
    }

    /// The weights of a feature, if the model has it.
    #[inline]
    pub(crate) fn get(&self, id: u64) -> Option<[f32; CLASSES]> {
        self.get_thousandths(id).map(|w| w.map(|x| x / SCALE))
    }

    /// The weights of a feature in thousandths as stored (`weight × SCALE`), if the model has
    /// it: [`judge`] sums these and scales the sum once, not each weight.
    #[inline]
    fn get_thousandths(&self, id: u64) -> Option<[f32; CLASSES]> {
        self.slot_of(id).map(|i| self.thousandths_at(i))
    }

    /// The index of the slot holding feature `id`, if the model has it.
    #[inline]
    pub(crate) fn slot_of(&self, id: u64) -> Option<usize> {
        if id == 0 {
            return None;
        }
        let tag = tag_of(id);
        let mut i = (id as usize) & self.mask;
        loop {
            let t = u16::from_le_bytes(*self.tags.get(i)?);
            if t == tag && slot_key(&self.slots[i]) == id {
                return Some(i);
            }
            if t == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The weights in thousandths of the slot at `i` (an index [`Model::slot_of`] gave).
    #[inline]
    fn thousandths_at(&self, i: usize) -> [f32; CLASSES] {
        self.weights_at(i).map(f32::from)
    }

    /// The weights in thousandths of the slot at `i` as stored (`i16`, little-endian after the
    /// slot's id).
    #[inline]
    fn weights_at(&self, i: usize) -> [i16; CLASSES] {
        let slot = &self.slots[i];
        std::array::from_fn(|c| i16::from_le_bytes([slot[8 + 2 * c], slot[9 + 2 * c]]))
    }

    /// Number of features.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|s| slot_key(s) != 0).count()
    }
}

/// The model's view of one sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Judgement {
    /// Probability that the sentence is blame (1 − P(ok)).
    pub blame: f32,
    /// The most likely family, as a class index 1..=9.
    pub class: usize,
}

/// Scores one sentence.
pub(crate) fn judge(model: &Model, toks: &[Tok]) -> Judgement {
    let mut z = [0f32; CLASSES];
    if std::ptr::eq(model, &*MODEL) && toks.len() <= MAX_I32_TOKENS {
        // The committed model: a word's own feature was looked up when the word was first met
        // (`Tok::unit`). The sums are of integers, kept in `i32` and so exact; the general path
        // below sums them in `f32`, exact while a running total stays under 2^24 (about 7,500
        // features of the largest weight), which every labelled sentence does: a test holds
        // the two to each other on all of them.
        sum_with_units(model, toks, &mut z);
    } else {
        features(toks, |id, _, _| {
            if let Some(w) = model.get_thousandths(id) {
                add(&mut z, w);
            }
        });
    }
    for zi in &mut z {
        *zi /= SCALE;
    }
    let p = softmax(&z);
    let class = (1..CLASSES)
        .max_by(|&a, &b| p[a].total_cmp(&p[b]))
        .unwrap_or(1);
    Judgement {
        blame: 1.0 - p[0],
        class,
    }
}

#[inline(always)]
fn add(z: &mut [f32; CLASSES], w: [f32; CLASSES]) {
    for (zi, wi) in z.iter_mut().zip(w) {
        *zi += wi;
    }
}

/// The longest sentence, in tokens, whose sums [`sum_with_units`] keeps in `i32`: a token gives
/// at most five features (its own, a bigram, a trigram and two of an actor's), each at most
/// 32,767 thousandths, and 13,000 × 5 × 32,767 (plus the bias) is under 2^31. A longer one
/// takes the general path.
const MAX_I32_TOKENS: usize = 13_000;

/// Adds to `z` the weights in thousandths of the features [`features`] gives, each token's own
/// feature (its unigram or its negated form) taken from where [`Tok::unit`] found it in the
/// committed model. The sums are kept in `i32`, widened from `i16` in vector registers (`i64`
/// cost 1.2 M instructions on trig100, a spill check per feature 2 M), which
/// [`MAX_I32_TOKENS`] keeps from overflowing.
fn sum_with_units(model: &Model, toks: &[Tok], z: &mut [f32; CLASSES]) {
    struct Sums<'a> {
        model: &'a Model,
        z: [i32; CLASSES],
    }
    impl FeatureSink for Sums<'_> {
        #[inline(always)]
        fn feature(&mut self, feature: Feature, _: usize, _: usize) {
            let slot = match feature {
                Feature::Id(id) => self.model.slot_of(id),
                Feature::Unit(unit) => unit.checked_sub(1).map(|i| i as usize),
            };
            if let Some(i) = slot {
                for (zi, w) in self.z.iter_mut().zip(self.model.weights_at(i)) {
                    *zi += i32::from(w);
                }
            }
        }
    }
    debug_assert!(toks.len() <= MAX_I32_TOKENS);
    let mut sums = Sums {
        model,
        z: [0; CLASSES],
    };
    walk_features(toks, true, &mut sums);
    for (zi, s) in z.iter_mut().zip(sums.z) {
        *zi += s as f32;
    }
}

pub(crate) fn softmax(z: &[f32; CLASSES]) -> [f32; CLASSES] {
    let m = z.iter().copied().fold(f32::MIN, f32::max);
    let mut p = [0f32; CLASSES];
    let mut sum = 0.0;
    for (pi, zi) in p.iter_mut().zip(z) {
        *pi = (zi - m).exp();
        sum += *pi;
    }
    for pi in &mut p {
        *pi /= sum;
    }
    p
}

/// The strongest feature toward `class` (against "ok") whose token range passes `keep`: its
/// weight and token range.
pub(crate) fn evidence_where(
    model: &Model,
    toks: &[Tok],
    class: usize,
    keep: impl Fn(usize, usize) -> bool,
) -> Option<(f32, usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    features(toks, |id, s, e| {
        if e <= s || !keep(s, e) {
            return;
        }
        if let Some(w) = model.get(id) {
            let c = w[class] - w[0];
            let better = match best {
                None => true,
                Some((b, bs, be)) => c > b + 1e-6 || ((c - b).abs() <= 1e-6 && e - s < be - bs),
            };
            if better {
                best = Some((c, s, e));
            }
        }
    });
    best
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn the_committed_weights_parse_completely_and_look_up() {
        let lines = WEIGHTS_TSV.lines().count();
        assert!(lines > 1000, "{lines}");
        assert_eq!(MODEL.len(), lines, "every weights.tsv line is a feature");
        for line in WEIGHTS_TSV.lines().take(500) {
            let id = u64::from_str_radix(line.split('\t').next().unwrap_or(""), 16).unwrap_or(0);
            assert!(MODEL.get(id).is_some(), "{line}");
        }
        // Ids that are not features are not found. (The ids are collected once: searching the
        // whole file for each of 4,999 ids took two minutes in an unoptimised test build.)
        let ids: std::collections::HashSet<u64> = WEIGHTS_TSV
            .lines()
            .filter_map(|line| u64::from_str_radix(line.split('\t').next()?, 16).ok())
            .collect();
        let absent = (1..5000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .filter(|id| !ids.contains(id))
            .filter(|&id| MODEL.get(id).is_some())
            .count();
        assert_eq!(absent, 0);
    }

    /// The committed model's heaviest unigram repeated to the longest sentence the `i32` sums
    /// take, and past it: neither overflows (a test build checks every addition), and the
    /// shorter, summed in `i32`, is judged blame, as the word's weight says.
    #[test]
    fn the_longest_sentences_sum_without_overflow() {
        use super::super::features::for_each_sentence;
        let heaviest = WEIGHTS_TSV
            .lines()
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let (_, ws, name) = (cols.next()?, cols.next()?, cols.next()?);
                let word = name.strip_prefix("u ")?;
                // Toward a family (class 0 is "ok").
                let most = ws
                    .split(',')
                    .skip(1)
                    .filter_map(|w| w.parse::<i32>().ok())
                    .max()?;
                (word.chars().all(|c| c.is_ascii_lowercase()) && word.len() > 3)
                    .then(|| (most, word.to_owned()))
            })
            .max();
        let Some((weight, word)) = heaviest else {
            panic!("no unigram in weights.tsv");
        };
        assert!(weight > 1000, "{word} {weight}");
        for n in [MAX_I32_TOKENS - 1, MAX_I32_TOKENS + 500] {
            let text = vec![word.as_str(); n].join(" ");
            let mut judged = 0;
            for_each_sentence(&text, |_, _, toks| {
                let j = judge(&MODEL, toks);
                assert!(j.blame.is_finite(), "{n}");
                if n < MAX_I32_TOKENS {
                    assert!(j.blame > 0.5, "{word} × {n}: {}", j.blame);
                }
                judged += toks.len();
            });
            assert!(judged >= n, "{judged} {n}");
        }
    }

    /// The committed model's sums, with each token's own feature looked up when its word was
    /// first met (`Tok::unit`), are the sums of every feature looked up by id, on every
    /// sentence of every labelled set (training, validation and the sealed fresh sets).
    #[test]
    fn judging_with_looked_up_words_sums_what_looking_up_every_feature_sums() {
        let mut dirs: Vec<std::path::PathBuf> = Vec::new();
        for group in ["corpus", "sealed"] {
            let root = super::super::train::data_dir().join(group);
            for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
                dirs.push(entry.path());
            }
        }
        dirs.sort();
        let mut sentences = 0;
        for dir in &dirs {
            for (_, _, text) in super::super::train::read_tsv(&dir.join("sentences.tsv")) {
                super::super::features::for_each_sentence(&text, |_, _, toks| {
                    let mut fast = [0f32; CLASSES];
                    sum_with_units(&MODEL, toks, &mut fast);
                    let mut general = [0f32; CLASSES];
                    features(toks, |id, _, _| {
                        if let Some(w) = MODEL.get_thousandths(id) {
                            add(&mut general, w);
                        }
                    });
                    assert_eq!(fast, general, "{text}");
                    sentences += 1;
                });
            }
        }
        assert!(sentences > 50_000, "{sentences} sentences");
    }

    /// The table `build.rs` embedded is the one `weights.tsv` gives when parsed at run time.
    #[test]
    fn the_embedded_table_is_the_parsed_weights() {
        let parsed = Model::parse(WEIGHTS_TSV);
        assert_eq!(MODEL.mask, parsed.mask);
        assert!(MODEL.tags[..] == parsed.tags[..], "tags differ");
        assert!(MODEL.slots[..] == parsed.slots[..], "slots differ");
        assert!(matches!(MODEL.slots, Cow::Borrowed(_)));
    }
}
