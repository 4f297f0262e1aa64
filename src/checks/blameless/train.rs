//! Deterministic training of the wording model from the training split of the corpus.
//!
//! Training split: the team's sets (`tests/data/blameless/*.tsv`) and the independent authors
//! of [`TRAIN_AUTHORS`] (`tests/data/blameless/corpus/…` and, since rounds 14, 16, 18, 22 and
//! 37, the used fresh sets `tests/data/blameless/sealed/f27`–`f236`: sentences and whole
//! documents).
//! The validation authors a4 and a5 are never read here.
//!
//! `cargo test --lib checks::blameless::train::retraining_reproduces_the_weights` retrains and
//! compares with the committed `weights.tsv`; `PM_WRITE_WEIGHTS=1` writes it instead.

#![allow(clippy::print_stderr)] // test-only figures are printed for the docs

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::features::{feature_names, features, for_each_sentence};
use super::model::{class_of, softmax, CLASSES, SCALE};

/// One training example: a sentence, its class and its group (author) for cross-validation.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub text: String,
    pub class: usize,
    pub group: String,
    /// From a whole document rather than a sentence list.
    pub from_doc: bool,
}

pub(crate) fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/blameless")
}

/// The folder of an author's set: `corpus/<author>`, or `sealed/<author>` for the used fresh
/// sets that joined training (f27–f129).
pub(crate) fn author_dir(author: &str) -> PathBuf {
    let corpus = data_dir().join("corpus").join(author);
    if corpus.exists() {
        corpus
    } else {
        data_dir().join("sealed").join(author)
    }
}

/// Authors of sentences and documents (a*, f*, t*), and authors of documents only (n*, round 4):
/// realistic reports in the registers of published post-mortems, written because real
/// published reports drew most of the false findings. Round 7 added f9, f10 and f11 (each
/// scored once unseen first) and n8–n10; round 8 added f13–f17 (each scored once unseen first)
/// and t3, t4 and n11 (written for training); round 9 added f18, f19 and f20 (each scored once
/// unseen first) and t5 and t6 (written for training), then f21 and f22 (each scored once
/// unseen first), t7, t8, n12 and n13. Round 10 added f23–f26 (each scored once unseen
/// first) and n14–n19 (written for training, asked for the shapes of real prose that
/// drew false findings: people and teams doing ordinary things, praise, lessons told with
/// "would have", quoted mail, status updates and reported questions). Round 11 added n20–n27
/// (written for training, asked for attackers' methods, annoyance at unknown perpetrators,
/// quoted API names, vendors' assurances and, in blameful reports, departments by name).
///
/// Round 14 added f27–f49, the fresh sets of rounds 9 to 13 (`tests/data/blameless/sealed/`).
/// Each was scored once, when it was fresh, and its first-run figure reported; since then the
/// rules had been tuned on them, so they measured nothing any more. As training data they are
/// 7,038 labelled sentences and 92 documents in the nine families. Trained on f27–f45 only,
/// the model raised sentence recall on f46–f49 from 0.877 to 0.912 at the same precision
/// (docs/BLAMELESS.md, "Round 14").
///
/// Round 16 added f50–f69, the fresh sets of rounds 14 to 16, on the same grounds: 6,120
/// labelled sentences and 80 documents. Trained on f50–f65 only (the `PM_TRAIN_EXTRA` knob),
/// the model raised sentence recall on f66–f69, which it had not seen, from 0.876 to 0.897 and
/// precision from 0.991 to 0.995 (docs/BLAMELESS.md, "Round 16").
///
/// Round 17 added n28–n31 (written for training by four new authors, asked for the casual,
/// first-person prose of small teams and individuals about their own outage: interjections,
/// sign-offs, hopes, harsh verdicts on their own work, praise), because such prose drew most
/// of the model's false warnings on real published reports: on the used real sets
/// (real9–real48) 47 false findings became 29 at the same bar, for 0.4 points of sentence
/// recall on the sets the model never saw.
///
/// Round 18 added f70–f85 (the used fresh sets of rounds 16 to 18: 4,896 labelled sentences and
/// 64 documents; f82–f85, tech operations settings, were scored once unseen first) and n32–n35
/// (written for training by four new authors, asked for registers of published reports the
/// model had warned on: chat-log appendices and handles in timelines, status-page promises and
/// security notices, solo developers' blog posts with jokes and pastiches, engineering-wiki
/// reviews that quote "human error" as a term). On f86–f89, which it had not seen, f70–f85 took
/// sentence recall from 0.874 (round 17's engine) to 0.913 with the round's rule mends
/// (docs/BLAMELESS.md, "Round 18").
///
/// Round 22 added f86–f129 (the used fresh sets of rounds 18 to 21: 13,464 labelled sentences
/// and 176 documents). Trained with f86–f125 only, the model took sentence recall on f126–f129,
/// which it had not seen, from 0.913 to 0.949 at precision 1.000, with no false finding in their
/// documents; with f86–f109 only, on f110–f129 from 0.921 to 0.948 at precision 0.998 and
/// 0.999, and 2 false findings in their 126,409 words of documents became 4. On the fresh sets
/// of the round (f130–f133), scored once, 0.908 to 0.920 (docs/BLAMELESS.md, "Round 22").
///
/// Round 37 added f130–f236 (the used fresh sets of rounds 22 to 37: 32,742 labelled sentences
/// and 428 documents), after round 33 had measured and held back such a retraining. Trained
/// with f130–f223 only, the model took sentence recall on f224–f236, which it had not seen,
/// from 0.813 to 0.861 at precision 0.993 and 0.995; on the used real collections
/// (real135–real147, 120,951 words) its false findings went from 4 to 7; the final engine,
/// trained on all of f130–f236 and with the round's mends, draws 5. The fresh sets written for
/// the round and held back (f237–f239), scored once on the final engine, gave 0.878 at 0.998
/// (docs/BLAMELESS.md, "Round 37").
pub(crate) const TRAIN_AUTHORS: [&str; 281] = [
    "a1", "a2", "a3", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f13",
    "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26",
    "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8",
    "n9", "n10", "n11", "n12", "n13", "n14", "n15", "n16", "n17", "n18", "n19", "n20", "n21",
    "n22", "n23", "n24", "n25", "n26", "n27", "f27", "f28", "f29", "f30", "f31", "f32", "f33",
    "f34", "f35", "f36", "f37", "f38", "f39", "f40", "f41", "f42", "f43", "f44", "f45", "f46",
    "f47", "f48", "f49", "f50", "f51", "f52", "f53", "f54", "f55", "f56", "f57", "f58", "f59",
    "f60", "f61", "f62", "f63", "f64", "f65", "f66", "f67", "f68", "f69", "n28", "n29", "n30",
    "n31", "f70", "f71", "f72", "f73", "f74", "f75", "f76", "f77", "f78", "f79", "f80", "f81",
    "f82", "f83", "f84", "f85", "n32", "n33", "n34", "n35", "f86", "f87", "f88", "f89", "f90",
    "f91", "f92", "f93", "f94", "f95", "f96", "f97", "f98", "f99", "f100", "f101", "f102", "f103",
    "f104", "f105", "f106", "f107", "f108", "f109", "f110", "f111", "f112", "f113", "f114", "f115",
    "f116", "f117", "f118", "f119", "f120", "f121", "f122", "f123", "f124", "f125", "f126", "f127",
    "f128", "f129", "f130", "f131", "f132", "f133", "f134", "f135", "f136", "f137", "f138", "f139",
    "f140", "f141", "f142", "f143", "f144", "f145", "f146", "f147", "f148", "f149", "f150", "f151",
    "f152", "f153", "f154", "f155", "f156", "f157", "f158", "f159", "f160", "f161", "f162", "f163",
    "f164", "f165", "f166", "f167", "f168", "f169", "f170", "f171", "f172", "f173", "f174", "f175",
    "f176", "f177", "f178", "f179", "f180", "f181", "f182", "f183", "f184", "f185", "f186", "f187",
    "f188", "f189", "f190", "f191", "f192", "f193", "f194", "f195", "f196", "f197", "f198", "f199",
    "f200", "f201", "f202", "f203", "f204", "f205", "f206", "f207", "f208", "f209", "f210", "f211",
    "f212", "f213", "f214", "f215", "f216", "f217", "f218", "f219", "f220", "f221", "f222", "f223",
    "f224", "f225", "f226", "f227", "f228", "f229", "f230", "f231", "f232", "f233", "f234", "f235",
    "f236",
];
pub(crate) const VALIDATION_AUTHORS: [&str; 2] = ["a4", "a5"];
const TEAM_SETS: [&str; 5] = [
    "blameless-dev.tsv",
    "blameless-extra.tsv",
    "blameless-probe.tsv",
    "blameless-fresh.tsv",
    // Round 3: the structures of published post-mortems that drew false findings (timeline
    // entries naming responders, remediation told in the first person, plans and action
    // items, causes that are bugs), each written anew, with a few blameful entries of the
    // same shapes so the model learns the verb, not the handle.
    "blameless-structure.tsv",
];

/// `label<TAB>category<TAB>sentence` rows.
pub(crate) fn read_tsv(path: &std::path::Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.splitn(3, '\t');
            Some((
                c.next()?.to_owned(),
                c.next()?.to_owned(),
                c.next()?.to_owned(),
            ))
        })
        .collect()
}

/// The prose of a Markdown document, block by block, the way `pm check` sees it: code blocks
/// dropped, list, heading and quote markers removed, table cells split, and the lines of a
/// paragraph or list item joined into one (a hard-wrapped sentence is judged whole, as
/// `pm check` judges it), except that a line opening a timeline entry starts a block of its
/// own ([`super::text::opens_entry`]). `pm check` has since (round 11's review) split only
/// between entries ([`super::text::entry_break`]), so the few corpus lines where a wrapped
/// sentence goes on with a time (46 of about 48,000) are still cut here. Round 12 trained
/// with the cut aligned (together with two other changes to what the model reads) and did
/// not adopt it: out of fold it was no better (docs/BLAMELESS.md, "Round 12").
pub(crate) fn doc_prose(md: &str) -> Vec<String> {
    fn tidy(block: String) -> String {
        block.replace("**", "").replace('`', "")
    }
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    let mut in_code = false;
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            out.extend(block.take().map(tidy));
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if t.is_empty() || t.starts_with('#') && !t.starts_with("#1") {
            out.extend(block.take().map(tidy));
            if !t.is_empty() {
                out.push(t.trim_start_matches('#').trim().to_owned());
            }
            continue;
        }
        // A list item, a table row or an entry opens a block; other lines continue one.
        let quoted = t.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let digits = quoted.bytes().take_while(u8::is_ascii_digit).count();
        let opens = ["- ", "* ", "+ "].iter().any(|m| quoted.starts_with(m))
            || digits > 0
                && (quoted[digits..].starts_with(". ") || quoted[digits..].starts_with(") "))
            || quoted.starts_with('|')
            || super::text::opens_entry(quoted);
        let mut t = t;
        loop {
            let n = t.trim_start_matches(['>', '-', '*', '+']).trim_start();
            if n.len() == t.len() {
                break;
            }
            t = n;
        }
        if t.starts_with('|') {
            out.extend(block.take().map(tidy));
            for cell in t.split('|') {
                let c = cell.trim();
                if !c.is_empty() && !c.chars().all(|c| matches!(c, '-' | ':' | ' ')) {
                    out.push(c.to_owned());
                }
            }
            continue;
        }
        match block.as_mut() {
            Some(b) if !opens => {
                b.push(' ');
                b.push_str(t);
            }
            _ => {
                out.extend(block.take().map(tidy));
                block = Some(t.to_owned());
            }
        }
    }
    out.extend(block.take().map(tidy));
    out
}

/// A row of `docs/labels.tsv`: (document, family, sentence).
pub(crate) type DocLabel = (String, String, String);

/// An author's documents: the rows of `docs/labels.tsv` and each `docs/NN.md` as (stem, text),
/// in file-name order.
pub(crate) fn author_docs(author: &str) -> (Vec<DocLabel>, Vec<(String, String)>) {
    docs_in(&author_dir(author))
}

/// The documents of a corpus folder (`docs/NN.md`, `docs/labels.tsv`).
pub(crate) fn docs_in(folder: &std::path::Path) -> (Vec<DocLabel>, Vec<(String, String)>) {
    let dir = folder.join("docs");
    let labels = read_tsv(&dir.join("labels.tsv"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    let docs = names
        .into_iter()
        .filter(|path| path.extension().and_then(|e| e.to_str()) == Some("md"))
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_owned();
            (stem, std::fs::read_to_string(&path).unwrap_or_default())
        })
        .collect();
    (labels, docs)
}

/// The sentences of an author's documents, labelled from `docs/labels.tsv`.
pub(crate) fn doc_examples(author: &str) -> Vec<Example> {
    doc_examples_in(&author_dir(author), author)
}

/// The labelled sentences of the documents of a corpus folder.
pub(crate) fn doc_examples_in(folder: &std::path::Path, author: &str) -> Vec<Example> {
    let (labels, docs) = docs_in(folder);
    let mut out = Vec::new();
    for (stem, md) in docs {
        let doc_labels: Vec<&(String, String, String)> = labels
            .iter()
            .filter(|l| l.0.trim_end_matches(".md") == stem)
            .collect();
        for line in doc_prose(&md) {
            let blamed: Vec<(usize, usize, usize)> = doc_labels
                .iter()
                .filter_map(|l| {
                    line.find(l.2.as_str())
                        .map(|p| (p, p + l.2.len(), class_of(&l.1)))
                })
                .collect();
            for_each_sentence(&line, |s, e, _| {
                let class = blamed
                    .iter()
                    .find(|&&(bs, be, _)| s < be && bs < e)
                    .map_or(0, |b| b.2);
                out.push(Example {
                    text: line[s..e].to_owned(),
                    class,
                    group: author.to_owned(),
                    from_doc: true,
                });
            });
        }
    }
    out
}

pub(crate) fn sentence_examples(path: &std::path::Path, group: &str) -> Vec<Example> {
    read_tsv(path)
        .into_iter()
        .map(|(label, cat, text)| Example {
            class: if label == "blame" {
                class_of(&cat).max(1)
            } else {
                0
            },
            text,
            group: group.to_owned(),
            from_doc: false,
        })
        .collect()
}

/// The whole training split, in a fixed order.
pub(crate) fn training_examples() -> Vec<Example> {
    let mut out = Vec::new();
    for set in TEAM_SETS {
        out.extend(sentence_examples(&data_dir().join(set), "team"));
    }
    // pm's own templates and demo post-mortems: prose that talks about incidents and blame
    // without blaming.
    for t in [
        "default.md",
        "sre.md",
        "demo/checkout-db-pool.md",
        "demo/dns-eu-west.md",
        "demo/payouts-queue.md",
        "demo/tls-certificate.md",
    ] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(t);
        let md = std::fs::read_to_string(path).unwrap_or_default();
        for line in doc_prose(&md) {
            for_each_sentence(&line, |s, e, _| {
                out.push(Example {
                    text: line[s..e].to_owned(),
                    class: 0,
                    group: "templates".to_owned(),
                    from_doc: true,
                });
            });
        }
    }
    // Study knob: more training folders (comma-separated paths), never in the committed weights.
    if let Ok(extra) = std::env::var("PM_TRAIN_EXTRA") {
        for dir in extra.split(',').filter(|d| !d.is_empty()) {
            let dir = PathBuf::from(dir);
            out.extend(sentence_examples(&dir.join("sentences.tsv"), "extra"));
            out.extend(doc_examples_in(&dir, "extra"));
        }
    }
    for a in TRAIN_AUTHORS {
        out.extend(sentence_examples(&author_dir(a).join("sentences.tsv"), a));
        out.extend(doc_examples(a));
    }
    out
}

/// Feature ids of a sentence, sorted, each as often as the sentence holds it, and their
/// readable names.
///
/// Repeats are kept because `judge` adds a feature's weight once per occurrence: trained on
/// deduplicated features, the model had learned "the" as a second bias term (+2.7 toward
/// team blame, against a bias of -3.5), and at inference a long sentence with six "the"
/// added it six times: long, neutral sentences drew probabilities near 1.
pub(crate) fn featurise(text: &str) -> (Vec<u64>, Vec<String>) {
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for_each_sentence(text, |_, _, toks| {
        features(toks, |id, _, _| ids.push(id));
        names.extend(feature_names(text, toks));
    });
    let mut pairs: Vec<(u64, String)> = ids.into_iter().zip(names).collect();
    pairs.sort_by_key(|p| p.0);
    if std::env::var_os("PM_DEDUP").is_some() {
        pairs.dedup_by_key(|p| p.0);
    }
    pairs.into_iter().unzip()
}

pub(crate) struct Trained {
    pub weights: BTreeMap<u64, [f32; CLASSES]>,
    pub names: HashMap<u64, String>,
}

const EPOCHS: usize = 12;
/// Runs in different orders whose weights are averaged (round 14).
const SHUFFLES: usize = 3;
const RATE: f32 = 0.2;
/// Round 3: 3e-3 (was 1e-4), chosen out of fold with repeated features (`out_of_fold`): at
/// the same sentence recall it put fewer warnings on clean document lines than 1e-4 or 1e-3.
const L2: f32 = 3e-3;
const MIN_COUNT: usize = 2;
/// Weight of a blame example relative to an ok one in the loss (documents bring many ok lines).
const DOC_OK_WEIGHT: f32 = 1.0;

fn knob(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Trains on `examples` deterministically: fixed orders from fixed-seed shuffles, AdaGrad,
/// L2, features seen in fewer than two examples dropped, weights averaged over the epochs and
/// over the orders.
pub(crate) fn train(examples: &[Example]) -> Trained {
    // In parallel, collected in the examples' order.
    let featurised: Vec<(Vec<u64>, Vec<String>)> = {
        use rayon::prelude::*;
        examples.par_iter().map(|e| featurise(&e.text)).collect()
    };
    let mut count: HashMap<u64, usize> = HashMap::new();
    let mut names: HashMap<u64, String> = HashMap::new();
    for (ids, ns) in &featurised {
        for (k, (id, n)) in ids.iter().zip(ns).enumerate() {
            // Counted once per example: "seen in fewer than two examples".
            if k == 0 || ids[k - 1] != *id {
                *count.entry(*id).or_default() += 1;
            }
            names.entry(*id).or_insert_with(|| n.clone());
        }
    }
    // Each kept feature gets a dense index, in order of first appearance, so the loop below
    // reads and updates plain arrays instead of hashing every id of every example in every
    // epoch (with the parallel featurising above, `retraining_reproduces_the_weights` went from
    // 17.4 s to 9.6 s in the unoptimised test build). The arithmetic, and its order, is what it
    // was with maps keyed by id, so the weights are the same to the bit.
    let keep = |id: &u64| count.get(id).copied().unwrap_or(0) >= MIN_COUNT;
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut ids_of: Vec<u64> = Vec::new();
    let l2 = knob("PM_L2", L2);
    let doc_ok = knob("PM_DOC_OK_WEIGHT", DOC_OK_WEIGHT);
    let data: Vec<(Vec<usize>, usize, f32)> = featurised
        .iter()
        .zip(examples)
        .map(|((ids, _), e)| {
            let w = if e.from_doc && e.class == 0 {
                doc_ok
            } else {
                1.0
            };
            let dense = ids
                .iter()
                .filter(|i| keep(i))
                .map(|id| {
                    *index.entry(*id).or_insert_with(|| {
                        ids_of.push(*id);
                        ids_of.len() - 1
                    })
                })
                .collect();
            (dense, e.class, w)
        })
        .collect();
    // Round 14: the average of `SHUFFLES` runs, each from its own fixed-seed order. With one
    // order, a change of the examples' order alone (the same examples read in another
    // sequence) moved validation recall from 0.827 to 0.811 and the false findings on the used
    // real sets from 46 to 54.
    let shuffles = knob("PM_SHUFFLES", SHUFFLES as f32).max(1.0) as usize;
    // The orders train in parallel and are summed in their own order, so the weights are the
    // same to the bit on any number of threads.
    let runs: Vec<Vec<[f32; CLASSES]>> = {
        use rayon::prelude::*;
        (0..shuffles)
            .into_par_iter()
            .map(|run| {
                let seed =
                    0x9e37_79b9_7f4a_7c15_u64.wrapping_add(run as u64 * 0x2545_f491_4f6c_dd1d);
                train_order(&data, ids_of.len(), seed, l2)
            })
            .collect()
    };
    let mut total = vec![[0f32; CLASSES]; ids_of.len()];
    for w in &runs {
        for (acc, w) in total.iter_mut().zip(w) {
            for c in 0..CLASSES {
                acc[c] += w[c];
            }
        }
    }
    // Divided by one, a weight is itself: one order gives its own weights.
    let weights = ids_of
        .into_iter()
        .zip(total.into_iter().map(|w| w.map(|x| x / shuffles as f32)));
    // Quantise to the stored precision so the in-memory model is the committed one.
    let weights: BTreeMap<u64, [f32; CLASSES]> = weights
        .map(|(id, w)| (id, w.map(|x| (x * SCALE).round() / SCALE)))
        .filter(|(_, w)| w.iter().any(|&x| x != 0.0))
        .collect();
    Trained { weights, names }
}

/// One run of AdaGrad over `data` (dense feature indices, class, weight) in the order of a
/// xorshift shuffle from `seed`: the weights averaged over the last epochs.
fn train_order(
    data: &[(Vec<usize>, usize, f32)],
    features: usize,
    mut seed: u64,
    l2: f32,
) -> Vec<[f32; CLASSES]> {
    let mut weights = vec![[0f32; CLASSES]; features];
    let mut grad2 = vec![[0f32; CLASSES]; features];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let epochs = knob("PM_EPOCHS", EPOCHS as f32) as usize;
    // Round 4: the model is the average of the weights at the end of every epoch (Polyak
    // averaging; `PM_AVERAGE_FROM=1` keeps only the last). With the last epoch's weights alone
    // the order the examples came in moved validation recall by a point and a half; averaged,
    // the validation authors' recall at the same noise on real reports rose from 0.816 to 0.832.
    let average_from = knob("PM_AVERAGE_FROM", epochs as f32) as usize;
    let mut sum = vec![[0f32; CLASSES]; features];
    let mut averaged = 0usize;
    for epoch in 0..epochs {
        // Fisher–Yates with a xorshift generator: the same order on every machine.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let j = (seed % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (ids, class, w) = &data[k];
            let mut z = [0f32; CLASSES];
            for &i in ids {
                for c in 0..CLASSES {
                    z[c] += weights[i][c];
                }
            }
            let p = softmax(&z);
            for &i in ids {
                let (wt, g2) = (&mut weights[i], &mut grad2[i]);
                for c in 0..CLASSES {
                    let target = if c == *class { 1.0 } else { 0.0 };
                    let g = (p[c] - target) * w + l2 * wt[c];
                    g2[c] += g * g;
                    wt[c] -= RATE * g / (g2[c].sqrt() + 1e-6);
                }
            }
        }
        if epoch + average_from >= epochs {
            averaged += 1;
            for (acc, w) in sum.iter_mut().zip(&weights) {
                for c in 0..CLASSES {
                    acc[c] += w[c];
                }
            }
        }
    }
    if averaged > 1 {
        weights = sum
            .into_iter()
            .map(|w| w.map(|x| x / averaged as f32))
            .collect();
    }
    weights
}

impl Trained {
    pub(crate) fn to_tsv(&self) -> String {
        let mut out = String::new();
        for (id, w) in &self.weights {
            let ws: Vec<String> = w
                .iter()
                .map(|x| format!("{}", (x * SCALE).round() as i32))
                .collect();
            let name = self.names.get(id).map_or("", String::as_str);
            out.push_str(&format!("{id:016x}\t{}\t{name}\n", ws.join(",")));
        }
        out
    }

    pub(crate) fn model(&self) -> super::model::Model {
        super::model::Model::parse(&self.to_tsv())
    }
}

#[test]
#[ignore = "writes src/checks/blameless/weights.tsv when PM_WRITE_WEIGHTS=1"]
fn write_weights() {
    let t = train(&training_examples());
    let tsv = t.to_tsv();
    if std::env::var_os("PM_WRITE_WEIGHTS").is_some() {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/checks/blameless/weights.tsv");
        std::fs::write(path, &tsv).expect("write weights");
    }
    eprintln!("{} features", t.weights.len());
}

/// Every training author's folder is found and read: a misspelt name, or a set moved away,
/// would otherwise train on less data without a word.
#[test]
fn every_training_author_has_examples() {
    for a in TRAIN_AUTHORS {
        let dir = author_dir(a);
        let n = sentence_examples(&dir.join("sentences.tsv"), a).len() + doc_examples(a).len();
        assert!(n > 0, "{a}: nothing read from {}", dir.display());
    }
}

#[test]
fn retraining_reproduces_the_weights() {
    let t = train(&training_examples());
    let tsv = t.to_tsv();
    assert!(
        tsv == super::model::WEIGHTS_TSV,
        "retraining gave different weights: run PM_WRITE_WEIGHTS=1 cargo test --lib checks::blameless::train::write_weights -- --ignored"
    );
}
