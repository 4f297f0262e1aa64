//! The wording judgement: the learned model reads every sentence; the rules (`patterns.rs`) run
//! only on sentences the model finds suspicious, and the two together decide the tier.
//!
//! - **error** (stops a commit): the model is confident, or the model leans toward blame and a
//!   rule found the same sentence.
//! - **warning** (asks the author to reconsider): the model leans toward blame, or a rule fired
//!   while the model is unsure.
//!
//! Thresholds were chosen from out-of-fold figures by author on the training split
//! (`eval.rs`), never from the validation authors.

use super::features::{fnv, for_each_sentence, Tok};
use super::model::{evidence_where, judge, FAMILIES, MODEL};
use super::suggest::suggestion;
use super::{Rule, WordingContext, WordingHit};

/// Below this the sentence is left alone without running the rules (out of fold, rules with a
/// model probability below 0.1 were wrong 16 times in 22).
pub(crate) const GATE: f32 = 0.10;
/// Model alone: a warning from here (out of fold by author, round 2: P 0.94, R 0.85 on sentences,
/// 54 false findings on 3,470 clean training-document lines; at 0.50 it was 143).
pub(crate) const WARN: f32 = 0.85;
/// Model and a rule agree: an error from here (out of fold by author: P 0.995, R 0.49). The
/// model alone never makes an error: out of fold it stayed below 0.98 precision at every
/// threshold.
pub(crate) const ERROR_WITH_RULE: f32 = 0.40;
/// The weight (toward the family, against "ok") of the strongest feature holding a content word
/// that a finding of the model alone needs.
pub(crate) const MIN_EVIDENCE: f32 = 0.0;
/// The model alone judges sentences of at least this many words.
pub(crate) const MIN_WORDS: usize = 4;

const FUNCTION_WORDS: [u64; 24] = {
    let words: [&str; 24] = [
        "the", "a", "an", "it", "its", "was", "were", "is", "are", "be", "to", "of", "and", "in",
        "on", "for", "that", "this", "at", "by", "with", "as", "from", "or",
    ];
    let mut out = [0u64; 24];
    let mut i = 0;
    while i < words.len() {
        out[i] = fnv(words[i].as_bytes());
        i += 1;
    }
    out
};

pub(crate) fn scan(text: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    let model = &*MODEL;
    let mut hits = Vec::new();
    for_each_sentence(text, |s, e, toks| {
        let j = judge(model, toks);
        if j.blame < GATE {
            return;
        }
        let sentence = &text[s..e];
        let rule_hits = super::scan_rules(sentence, ctx);
        let error = !rule_hits.is_empty() && j.blame >= ERROR_WITH_RULE;
        // A fragment of a few words ("None.", "Rollback started.") gives the model too little
        // evidence to judge on its own.
        let words = toks.iter().filter(|t| !t.mark).count();
        let warn = (j.blame >= WARN && words >= MIN_WORDS) || !rule_hits.is_empty();
        if !warn {
            return;
        }
        let mut found: Vec<(Rule, usize, usize)> = rule_hits
            .iter()
            .map(|h| (rule_of(h.rule), s + h.start, s + h.end))
            .collect();
        if found.is_empty() {
            // The evidence must hold a content word that weighs toward the family: a verdict
            // that rests on "the" or "was" has no wording to point at and no rewrite to ask for.
            let content = |s: usize, e: usize| {
                toks[s..e]
                    .iter()
                    .any(|t| !t.mark && !FUNCTION_WORDS.contains(&t.key))
            };
            let Some((weight, a, b)) = evidence_where(model, toks, j.class, content) else {
                return;
            };
            if weight < MIN_EVIDENCE {
                return;
            }
            let (a, b) = trim_marks(toks, a, b);
            found.push((FAMILIES[j.class - 1], toks[a].start, toks[b - 1].end));
        }
        for (rule, start, end) in found {
            let Some((start, end)) = tidy(text, start, end) else {
                continue;
            };
            let message = format!(
                "{} Here: \"{}\" ({}).",
                rule.message(),
                &text[start..end],
                if error {
                    "confident"
                } else {
                    "possible blame; reconsider the wording"
                }
            );
            hits.push(WordingHit {
                start,
                end,
                rule: rule.info().id,
                message,
                suggestion: suggestion(rule, text, toks, start, end),
                error,
            });
        }
    });
    if !ctx.allow.is_empty() && !hits.is_empty() {
        let allowed: Vec<(usize, usize)> = ctx
            .allow
            .iter()
            .flat_map(|a| super::text::find_ci(text, a))
            .collect();
        hits.retain(|h| !allowed.iter().any(|&(s, e)| s < h.end && h.start < e));
    }
    hits
}

fn trim_marks(toks: &[Tok], mut a: usize, mut b: usize) -> (usize, usize) {
    while a + 1 < b && toks[a].mark {
        a += 1;
    }
    while b > a + 1 && toks[b - 1].mark {
        b -= 1;
    }
    (a, b.max(a + 1))
}

fn rule_of(id: &str) -> Rule {
    FAMILIES
        .iter()
        .copied()
        .find(|r| r.info().id == id)
        .unwrap_or(Rule::IndividualFault)
}

fn tidy(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    Some((start, end))
}
