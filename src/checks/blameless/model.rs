//! The learned part of the wording check: a multinomial logistic regression over the hashed
//! features of `features.rs` (stems, word shapes, negation scope, word bi- and trigrams), with
//! one class for "no blame" and one per family. Trained offline and deterministically from the
//! training split of the corpus by `train.rs`; the weights are committed in `weights.tsv` and
//! embedded in the binary.

use std::sync::LazyLock;

use super::features::{features, IdMap, Tok};
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

pub(crate) struct Model {
    pub weights: IdMap<[f32; CLASSES]>,
}

pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(WEIGHTS_TSV));

impl Model {
    /// Reads `id<TAB>w0,…,w9<TAB>name` lines; malformed lines are skipped (the file is ours and
    /// a test checks it parses completely).
    pub(crate) fn parse(tsv: &str) -> Model {
        let mut weights = IdMap::default();
        for line in tsv.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(ws)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(id) = u64::from_str_radix(id, 16) else {
                continue;
            };
            let mut w = [0f32; CLASSES];
            let mut n = 0;
            for (slot, v) in w.iter_mut().zip(ws.split(',')) {
                if let Ok(v) = v.parse::<i32>() {
                    *slot = v as f32 / SCALE;
                    n += 1;
                }
            }
            if n == CLASSES {
                weights.insert(id, w);
            }
        }
        Model { weights }
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
        if let Some(w) = model.weights.get(&id) {
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
        if let Some(w) = model.weights.get(&id) {
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
