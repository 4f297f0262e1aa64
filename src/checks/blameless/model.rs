//! The learned part of the wording check: a multinomial logistic regression over the hashed
//! features of `features.rs` (stems, word shapes, negation scope, word bi- and trigrams), with
//! one class for "no blame" and one per family. Trained offline and deterministically from the
//! training split of the corpus by `train.rs`; the weights are committed in `weights.tsv` and
//! embedded in the binary.

use std::sync::LazyLock;

use super::features::{features, Tok};
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

pub(crate) const WEIGHTS_TSV: &str = include_str!("weights.tsv");

/// Weights are stored in thousandths.
pub(crate) const SCALE: f32 = 1000.0;

/// The weight table: open addressing over the feature ids, behind a one-hash Bloom filter.
///
/// Most n-grams of a sentence are not in the model (a trigram of ordinary prose almost never
/// is), so the filter (32 KB) answers most lookups without touching the table. A slot holds
/// the id and its ten weights in thousandths (`i16`, 32 bytes): a feature that is found costs
/// one cache line. Built once, from the embedded `weights.tsv`, the first time a sentence is
/// judged.
pub(crate) struct Model {
    bloom: Vec<u64>,
    slots: Vec<Slot>,
    mask: usize,
}

#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    w: [i16; CLASSES],
}

const BLOOM_BITS: u32 = 18;

pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(WEIGHTS_TSV));

impl Model {
    /// Reads `id<TAB>w0,…,w9<TAB>name` lines (weights in thousandths); malformed lines and
    /// weights outside ±32.767 are skipped (the file is ours and a test checks it parses
    /// completely).
    pub(crate) fn parse(tsv: &str) -> Model {
        let mut rows: Vec<(u64, [i16; CLASSES])> = Vec::new();
        for line in tsv.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(ws)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(id) = u64::from_str_radix(id, 16) else {
                continue;
            };
            let mut w = [0i16; CLASSES];
            let mut n = 0;
            for (slot, v) in w.iter_mut().zip(ws.split(',')) {
                if let Ok(v) = v.parse::<i16>() {
                    *slot = v;
                    n += 1;
                }
            }
            // Id 0 marks an empty slot; a hash of 0 is not worth a special case.
            if n == CLASSES && id != 0 {
                rows.push((id, w));
            }
        }
        Model::from_rows(rows)
    }

    fn from_rows(rows: Vec<(u64, [i16; CLASSES])>) -> Model {
        // Load factor at most 0.75: linear probing stays short.
        let cap = (rows.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut m = Model {
            bloom: vec![0u64; (1usize << BLOOM_BITS) / 64],
            slots: vec![
                Slot {
                    key: 0,
                    w: [0; CLASSES]
                };
                cap
            ],
            mask: cap - 1,
        };
        for (id, w) in rows {
            let b = Model::bloom_bit(id);
            m.bloom[b / 64] |= 1 << (b % 64);
            let mut i = (id as usize) & m.mask;
            loop {
                let slot = &mut m.slots[i];
                if slot.key == 0 || slot.key == id {
                    *slot = Slot { key: id, w };
                    break;
                }
                i = (i + 1) & m.mask;
            }
        }
        m
    }

    fn bloom_bit(id: u64) -> usize {
        (id >> (64 - BLOOM_BITS)) as usize
    }

    /// The weights of a feature, if the model has it.
    #[inline]
    pub(crate) fn get(&self, id: u64) -> Option<[f32; CLASSES]> {
        let b = Model::bloom_bit(id);
        if self.bloom[b / 64] & (1 << (b % 64)) == 0 || id == 0 {
            return None;
        }
        let mut i = (id as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == id {
                return Some(slot.w.map(|x| f32::from(x) / SCALE));
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
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
    features(toks, |id, _, _| {
        if let Some(w) = model.get(id) {
            for (zi, wi) in z.iter_mut().zip(w) {
                *zi += wi;
            }
        }
    });
    let p = softmax(&z);
    let class = (1..CLASSES)
        .max_by(|&a, &b| p[a].total_cmp(&p[b]))
        .unwrap_or(1);
    Judgement {
        blame: 1.0 - p[0],
        class,
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
        // Ids that are not features are not found.
        let absent = (1..5000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .filter(|&id| !WEIGHTS_TSV.contains(&format!("{id:016x}")))
            .filter(|&id| MODEL.get(id).is_some())
            .count();
        assert_eq!(absent, 0);
    }
}
