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

use std::sync::LazyLock;

use super::features::{fnv, for_each_sentence, Tok};
use super::model::{evidence_where, judge, FAMILIES, MODEL};
use super::patterns::Kind;
use super::suggest::suggestion;
use super::{Rule, WordingContext, WordingHit};

/// Below this the sentence is left alone without running the rules (out of fold, rules with a
/// model probability below 0.1 were wrong 16 times in 22).
/// Round 14: below it the act-then-harm rule alone runs (`scan`).
pub(crate) const GATE: f32 = 0.10;
/// Model alone: a warning from here. Round 4 (f5–f8, t1, t2 and the realistic reports n1–n7
/// in training, weights averaged over the epochs): at 0.30 the validation authors' recall
/// stays where round 3's 0.50 had it (R 0.832, was 0.838, at P 0.974, was 0.969), and real
/// published post-mortems, which are not in the repository, draw 1.05 false findings per
/// 1,000 words on 20 reports (was 2.09) and 0.90 on 15 more (was 4.03). At 0.25: R 0.844,
/// 1.24 and 1.01; at 0.35: R 0.822, 0.76 and 0.58. docs/BLAMELESS.md has the curve.
///
/// Round 9 (actor features, 39 training authors): 0.40. Out of fold by author, the lowest
/// phrase bar at which model-alone and rule findings on clean training-document lines are no
/// more than the model without actor features drew at 0.30 (58 on 28,000 lines), with
/// sentence recall 0.865 against its 0.855 (P 0.989, was 0.988). Round 10 kept it: out of fold
/// (54 authors, before f26 joined), phrase findings of the model alone from 0.40 are 0.980
/// precise.
pub(crate) const WARN: f32 = 0.40;

/// How much more the model alone needs on a timeline entry ("14:41 Jean-François Pelletier,
/// release captain for the day, approves the promotion …"): the phrase bar plus this. Round
/// 21: an entry tells who did what, and the model, which learned blame from many sentences
/// about release captains and on-call engineers, warned on the act itself (f118's first run;
/// "11.21 Someone on Content team published new content" in real61). On the used labelled
/// sets one blame sentence that opens with a stamp was found by the model alone below 0.6,
/// and two ok ones were flagged there.
pub(crate) const ENTRY_MARGIN: f32 = 0.20;

/// The model's blame probabilities from which a sentence no rule matched is a warning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WarnAt {
    /// When the finding's evidence is a phrase: a feature holding two or more content words.
    pub phrase: f32,
    /// When its evidence only names a topic or an actor: one content word ("team", "outage",
    /// "the developer") or a group or role with its modifiers ("the operations team"). That
    /// names who or what was involved more often than a fault: out of fold by author on the
    /// training split (`eval::cross_validation_by_author`, round 7), model-alone findings
    /// resting on such evidence were right 648 times in 823 at P ≥ 0.30 (0.787), those resting
    /// on a phrase 842 in 873 (0.964). Each level's bar for them is the lowest P (in steps of
    /// 0.05) at which they reach the precision of phrase findings at that level's phrase bar.
    pub naming: f32,
}

/// The model-alone warning thresholds of each `[check.blameless] sensitivity`.
///
/// The phrase bars are round 4's curve (docs/BLAMELESS.md, "Sensitivity"), but `normal`'s,
/// which round 9 moved from 0.30 to 0.40 (see [`WARN`]). The one-word bars
/// of `normal` and `low` are round 7's, out of fold: at `normal` phrase findings from 0.30 are
/// 0.964 precise and one-word findings reach that from 0.75 (0.966); at `low` 0.984 from 0.50,
/// and 0.90 (0.986). Round 10 moved `normal`'s to 0.70: the realistic reports that joined
/// training made the model warier of people doing ordinary things, and out of fold by author
/// (54 authors, before f26 joined) 0.75 gives sentence recall 0.852 and 0.70 gives 0.858 at
/// P 0.992 (one-word findings alone 0.969 precise). On the document lines of the 49 authors
/// it shares with the model trained before n16–n19 joined, it draws 51 false findings where
/// that model drew 62 at 0.40 and 0.75. `high` is for teams that want every finding the
/// model supports: one-word findings from its phrase bar, 0.20, as every finding was before
/// round 7. Round 17 moved `normal`'s to 0.80, re-derived for the model retrained on 110
/// authors: out of fold by author (106 authors, round 16's split), on clean and blameful
/// document lines, the prose nearest published reports, one-word findings from 0.70 were 0.828
/// precise (159 in 192) and from 0.80 0.905 (153 in 169), against 0.809 for phrase findings
/// from 0.40; on 475,000 words of used published reports (real9–real48) the false findings at
/// `normal` fell from 29 to 18, for 0.8 points of sentence recall on the sets the model never
/// saw (f70–f73, a4, a5: 0.873 to 0.865). Round 18 kept 0.80 for the model retrained on 126
/// authors: validation recall 0.845 / 0.836 / 0.822 / 0.817 at 0.70 / 0.75 / 0.80 / 0.85, and
/// 10 / 7 / 6 / 6 findings on 32,816 words of published reports it had not seen (real52). Held
/// by `eval::sensitivity_levels_hold_on_the_validation_split`. Round 22 kept the bars for the
/// model retrained on 174 authors without re-deriving them (docs/BLAMELESS.md, "Round 22").
/// Round 37 kept them for the model retrained on 281 authors, measured on sets that model had
/// not seen (trained without f224–f236): on f224–f236 and the used real collections
/// real135–real147, phrase and naming bars of 0.40 / 0.80 gave sentence recall 0.861 and 7 false
/// findings in 120,951 words of real reports; 0.45 / 0.80 0.860 and 6; 0.45 / 0.85 0.854 and 6;
/// 0.50 / 0.90 0.844 and 5. No pair moved the real reports' false findings by more than two,
/// and those two were mended by kind instead (docs/BLAMELESS.md, "Round 37").
/// Errors are the same at every level.
pub(crate) fn warn_threshold(sensitivity: crate::config::Sensitivity) -> WarnAt {
    use crate::config::Sensitivity;
    let (phrase, naming) = match sensitivity {
        Sensitivity::Low => (0.50, 0.90),
        Sensitivity::Normal => (WARN, 0.80),
        Sensitivity::High => (0.20, 0.20),
    };
    WarnAt { phrase, naming }
}
/// Model and a rule agree: an error from here (round 3, out of fold by author: P 0.995, R 0.468;
/// at 0.40, P 0.996, R 0.444). The model alone never makes an error: out of fold it stayed below
/// 0.98 precision at every threshold.
pub(crate) const ERROR_WITH_RULE: f32 = 0.20;
/// The weight (toward the family, against "ok") of the strongest feature holding a content word
/// that a finding of the model alone needs (round 3: 0.5, was 0.0; out of fold at a warning
/// threshold of 0.50 it removed a quarter of the false findings on clean document lines, 67 to
/// 50, for 1.3 points of sentence recall, 0.874 to 0.861).
pub(crate) const MIN_EVIDENCE: f32 = 0.5;
/// The model alone judges sentences of at least this many words.
pub(crate) const MIN_WORDS: usize = 4;

/// Words that carry no wording of their own to point at: determiners, pronouns, auxiliaries and
/// modals, prepositions, conjunctions, quantifiers and degree adverbs, adverbs that frame a
/// sentence ("basically"), the possessive `'s`, and the clock's AM/PM. A model verdict whose
/// strongest evidence is one of these ("s", "our", "has", "will", "PM") rests on no wording
/// (round 3: such findings were a tenth of the false ones on real published post-mortems).
/// Kept as the keys of their stems.
static FUNCTION_WORDS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "the", "a", "an", "it", "its", "was", "were", "is", "are", "be", "been", "being", "am",
        "to", "of", "and", "in", "on", "for", "that", "this", "these", "those", "there", "at",
        "by", "with", "as", "from", "or", "but", "so", "if", "then", "than", "once", "while",
        "when", "after", "before", "during", "until", "since", "because", "about", "over", "under",
        "into", "onto", "out", "up", "down", "off", "through", "across", "between", "we", "us",
        "our", "ours", "you", "your", "they", "them", "their", "he", "him", "his", "she", "her",
        "i", "me", "my", "who", "whom", "whose", "which", "what", "has", "have", "had", "having",
        "do", "does", "did", "will", "would", "shall", "can", "may", "must", "'s", "s", "all",
        "some", "any", "each", "every", "both", "more", "most", "much", "many", "very", "even",
        "also", "just", "still", "already", "again", "too", "here", "now", "not", "no", "pm", "am",
        "utc", "going", "get", "got",
        // Words that frame a sentence, not judge it (round 29, real118's first run:
        // "Basically, IE and Safari aren't so nice." rested on "Basically").
        "basically", "essentially", "anyway",
    ];
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut keys: Vec<u64> = WORDS
        .iter()
        .map(|w| fnv(super::features::stem_of(w, &stemmer).as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
});

fn is_function_word(key: u64) -> bool {
    FUNCTION_WORDS.binary_search(&key).is_ok()
}

/// Below this the model alone does not judge a sanction in a sentence that names nobody
/// ([`names_anyone`]).
const SURE_SANCTION: f32 = 0.9;

/// Below this the model alone does not find an individual's fault in a sentence that names
/// nobody ([`names_anyone`], [`holds_a_handle`]).
const SURE_FAULT: f32 = 0.9;

/// From this the model alone judges a line that names someone ([`names_anyone`],
/// [`holds_a_handle`]; a chat line's speaker counts, as the line is theirs) where it otherwise
/// judges only full sentences outside chat: a heading ("### How Dmitri's 3 a.m. hotfix wiped
/// the oven profiles"), a table cell ("| Missed opportunity | Tomasz needed to schedule the
/// reindex off-peak |") and a chat line ("<iravn> this one's on eirik, he picked the rollout
/// window himself"). Round 40, f282–f285's first runs: the model put such misses at 0.97–1.00,
/// and the structure alone kept them quiet. On every labelled sentence (92,968) it finds 234
/// more blame lines and no ok one, and on every labelled document and real135–real159 it adds
/// 4 findings, all on labelled blame lines; a bar of 0.85 found 32 more but added 2 false
/// findings on real reports (a heading where the author owns the mistake, a counterfactual of
/// recovery time).
const SURE_OF_SOMEONE: f32 = 0.95;

/// Whether `words[k]`, a copula, is followed by "a" or "an", one of `verdicts` and "decision",
/// "call" or "choice": "… was a reasonable decision" (round 53, f514's first run).
fn calls_at(words: &[String], k: usize, verdicts: &[&str]) -> bool {
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    matches!(w(k + 1), "a" | "an")
        && verdicts.contains(&w(k + 2))
        && matches!(w(k + 3), "decision" | "call" | "choice")
}

/// The words of `words` that hold a letter or a digit, as `&str`: what the sentence says,
/// without a token of marks alone (an emoji, a dash) between its words. The word-window gates
/// below read these, so a mark between two words does not break a phrase.
fn spoken(words: &[String]) -> impl Iterator<Item = &str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Whether a word of `rest` (lower-cased words after a verdict) turns the sentence ("but",
/// "however", "yet") or denies ("not", "n't", "didn't", …): what follows a verdict of
/// soundness that takes it back ("The engine was fine; … config was not.").
fn turns_or_denies(rest: &[String]) -> bool {
    rest.iter()
        .any(|x| matches!(x.as_str(), "but" | "however" | "yet" | "not") || x.ends_with("n't"))
}

/// Whether the sentence calls an act a reasonable (or sound, or right) decision, call or
/// choice, with no "but", "however", "yet" or negation after it: "Going back to sleep with
/// the pager on was a reasonable decision." (round 53, f514's first run). Unlike
/// [`declares_it_correct`] it needs the noun, so "the runbook was right there" is not read.
fn calls_it_reasonable(words: &[String]) -> bool {
    const VERDICTS: &[&str] = &[
        "reasonable",
        "sound",
        "right",
        "sensible",
        "correct",
        "fair",
    ];
    (0..words.len()).any(|k| {
        matches!(words[k].as_str(), "was" | "were" | "is" | "are")
            && calls_at(words, k, VERDICTS)
            && !turns_or_denies(&words[k + 4..])
    })
}

/// Whether someone in the sentence (its words, lower-cased) "made the right call" or "made a
/// sound decision", with no "but", "however", "yet" or negation after it: "The on-call
/// engineer made the right call by failing over early." (round 57, f605's first run) credits
/// a decision; "made the wrong call" keeps its fault, and so does "made the call to keep the
/// trucks running …, and that call put people at risk", which names no verdict.
fn made_a_sound_call(words: &[String]) -> bool {
    #[rustfmt::skip]
    const SOUND: &[&str] = &[
        "right", "correct", "sound", "good", "reasonable", "sensible", "safe", "smart",
    ];
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        matches!(w(k), "made" | "makes" | "make" | "making")
            && matches!(w(k + 1), "the" | "a")
            && SOUND.contains(&w(k + 2))
            && matches!(w(k + 3), "call" | "decision" | "choice")
            && !turns_or_denies(&words[k + 3..])
    })
}

/// Whether the sentence (its words, lower-cased) tells what a thing will make possible: "will"
/// (an adverb may follow) and "let", "allow", "enable" or "help", with no negation: "Lucía's
/// script will let station staff start such announcements without waiting for the incident
/// channel." (round 57, f613's first run) is a remedy, whoever wrote it.
fn tells_a_future_aid(words: &[String]) -> bool {
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        if w(k) != "will" {
            return false;
        }
        let v = if w(k + 1).ends_with("ly") {
            k + 2
        } else {
            k + 1
        };
        matches!(w(v), "let" | "allow" | "enable" | "help")
    })
}

/// Whether the sentence (its words, lower-cased) puts an error in a thing: "an", "a", "the",
/// "some" or "one", then "error", "errors", "bug" or "bugs" (no one's: "an employee error in
/// setting the permissions" is a label), then "in", a determiner if any, at most one more word and a thing's
/// noun ([`super::lexicon::is_thing_noun`], or "code", "logic", "script", "query"): "The root
/// cause was an error in our code that allowed …" (round 57, real319's first run) is no
/// human-error label.
fn error_in_a_thing(words: &[String]) -> bool {
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let thing = |x: &str| {
        super::lexicon::is_thing_noun(x)
            || matches!(
                x,
                "code" | "logic" | "script" | "scripts" | "query" | "queries"
            )
    };
    (0..words.len()).any(|k| {
        if !matches!(w(k), "error" | "errors" | "bug" | "bugs")
            || w(k + 1) != "in"
            || !matches!(w(k.wrapping_sub(1)), "an" | "a" | "the" | "some" | "one")
        {
            return false;
        }
        let mut n = k + 2;
        if matches!(
            w(n),
            "the" | "our" | "a" | "an" | "its" | "their" | "this" | "that"
        ) {
            n += 1;
        }
        thing(w(n)) || thing(w(n + 1))
    })
}

/// Whether the sentence (its words, lower-cased) reports an investigation under way:
/// "continue(s) to investigate" or "are/is/still/currently investigating": "Preliminary root
/// cause: Engineers continue to investigate a potential power event …" (round 57, real319's
/// first run) names who looks, not who is at fault.
fn reports_an_investigation(words: &[String]) -> bool {
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        matches!(w(k), "continue" | "continues" | "continuing")
            && w(k + 1) == "to"
            && matches!(w(k + 2), "investigate" | "examine" | "look")
            || matches!(w(k), "are" | "is" | "still" | "currently") && w(k + 1) == "investigating"
    })
}

/// Whether the sentence (its words, lower-cased) declares something correct: a copula ("was",
/// "were", "is", "are") right before "correct", "right", "fine", "sound", "valid", "accurate"
/// or "reasonable" ("Hùng's change to the mapping sheet was correct; the importer simply read
/// it twice."), or before "a" or "an", one of those words and "decision", "call" or "choice"
/// ("… was a reasonable decision", round 53), not said by someone in the sentence, with no
/// "but", "however", "yet" or negation after it. "The change was correct, but he pushed it to
/// the wrong cluster" keeps its fault.
fn declares_it_correct(words: &[String]) -> bool {
    #[rustfmt::skip]
    const CORRECT: &[&str] = &[
        "correct", "right", "fine", "sound", "valid", "accurate", "reasonable",
    ];
    const SAID: &[&str] = &[
        "told", "tell", "tells", "said", "say", "says", "claimed", "claims", "insisted", "assured",
        "promised", "reported", "thought", "assumed", "believed",
    ];
    words.windows(2).enumerate().any(|(k, w)| {
        matches!(w[0].as_str(), "was" | "were" | "is" | "are")
            && (CORRECT.contains(&w[1].as_str()) || calls_at(words, k, CORRECT))
            // "Operators were right to complain: …" judges an act, not a work.
            && words.get(k + 2).is_none_or(|x| x != "to")
            // "Liisa told hundreds of callers the app was fine while it was plainly down":
            // what someone said, not the report's finding.
            && !words[..k].iter().any(|x| SAID.contains(&x.as_str()))
            // "The engine was fine; Nurul Aisyah's hand-edited config was not."
            && !turns_or_denies(&words[k + 2..])
    })
}

/// The words that open the object of "needed" when it names a thing needed, not a duty: a
/// determiner, a possessive, a quantity ("needed the re-sequencing", "needed a second
/// approver", "needed two hours"). After "needed to …" the need is a duty.
const NEED_OBJECTS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "its",
    "some", "more", "another", "one", "two",
];

/// The text of token `k` of a sentence's tokens `toks` (offsets into `text`), if there is one.
fn word_at<'t>(text: &'t str, toks: &[Tok], k: usize) -> Option<&'t str> {
    toks.get(k).and_then(|t| text.get(t.start..t.end))
}

/// Whether a word of the sentence may be a chat handle or a name written in lower case
/// ("emeka rebooted the wrong box", "jmartinez's PR dropped the index", "`@kwatanabe`"): a
/// handle, or a word of three or more lower-case letters (a possessive `'s` and backticks
/// aside) that is no common English word (`dictionary::is_common_word`) and is a possessive
/// or stands right before a verb in the past. A program's name so placed ("kubelet
/// restarted") passes too: the test only keeps findings.
fn holds_a_handle(text: &str, toks: &[Tok]) -> bool {
    let word = |k: usize| word_at(text, toks, k);
    (0..toks.len()).any(|i| {
        let Some(w) = word(i) else {
            return false;
        };
        let w = w.trim_matches('`');
        let bare = w.strip_suffix("'s").or(w.strip_suffix("’s"));
        let past = word(i + 1)
            .is_some_and(|v| v.ends_with("ed") || super::lexicon::IRREGULAR_PAST.contains(v));
        // As an agent: a possessive, or right before a verb in the past.
        let possessive =
            bare.is_some() || word(i + 1).is_some_and(|v| matches!(v, "s" | "'s" | "’s"));
        let w = bare.unwrap_or(w);
        let lower = w.bytes().all(|b| b.is_ascii_lowercase());
        // A capitalised word inside the sentence right before a verb in the past is a name
        // whatever else it means ("once Precious clicked 'merge duplicates'").
        // "I" is the author, not a name ("… so I spent the night moving logs").
        let capitalised = i > 0
            && w.len() > 1
            && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && w.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        // A handle with a dot or an underscore ("t.nguyen's deploy", "fatma.c re-imported",
        // round 59, f650's and f646's misses) is a handle by its shape.
        w.starts_with('@')
            || (capitalised && past)
            || ((possessive || past)
                && (lower && w.len() >= 3 && !super::dictionary::is_common_word(w)
                    || w.contains(['.', '_']) && super::patterns::is_handle_shaped(w)))
    })
}

/// Whether any word of the sentence names or points at a person or a group: an actor (a
/// name, a handle, a role, a team; `Tok::actor`) or a personal pronoun, object and possessive
/// forms included ("make an example of him", "whoever did this").
fn names_anyone(text: &str, toks: &[Tok]) -> bool {
    names_anyone_but(text, toks, |_| false)
}

/// [`names_anyone`], with the authors' own words ("we", "our", "us", "ours", "I", "my", "me")
/// left out: whether anyone but the authors stands in the sentence.
fn names_anyone_but_the_authors(text: &str, toks: &[Tok]) -> bool {
    names_anyone_but(text, toks, |k| {
        word_at(text, toks, k).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "we" | "our" | "us" | "ours" | "i" | "my" | "me"
            )
        })
    })
}

/// [`names_anyone`], with the tokens `skip` picks left out.
fn names_anyone_but(text: &str, toks: &[Tok], skip: impl Fn(usize) -> bool) -> bool {
    #[rustfmt::skip]
    const PRONOUNS: &[&str] = &[
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
        "they", "them", "their", "someone", "somebody", "anyone", "anybody", "everyone",
        "everybody", "whoever", "who", "those", "nobody",
    ];
    toks.iter().enumerate().any(|(i, t)| {
        !skip(i)
            && ((t.actor
                && !named_as_a_thing(text, toks, i)
                && !leads_somewhere(text, toks, i)
                && !word_at(text, toks, i + 1).is_some_and(super::lexicon::is_system_part))
                || (word_at(text, toks, i)
                    .is_some_and(|w| PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)))
                    && !owns_a_thing(text, toks, i)))
    })
}

/// Whether token `i` is the authors' "our" or "my" before a thing: "Our Juniper router
/// dropped the ARP entry for the Cisco switch" (round 32, real123's first run) names the
/// authors' router, not a person. A thing needs evidence: a system part
/// ([`super::lexicon::is_system_part`]) or a device noun among the next three words, and
/// none of them an actor or a person noun ("Our network admin", "my colleague", "our star
/// performer" still name people).
fn owns_a_thing(text: &str, toks: &[Tok], i: usize) -> bool {
    #[rustfmt::skip]
    const DEVICES: &[&str] = &[
        "router", "routers", "firewall", "firewalls", "gateway", "gateways", "laptop", "laptops",
        "appliance", "appliances", "proxy", "proxies", "balancer", "balancers", "controller",
        "controllers", "modem", "modems", "phone", "phones", "vm", "vms", "container",
        "containers", "pipeline", "pipelines", "script", "scripts", "service", "services",
    ];
    let first_person = word_at(text, toks, i)
        .is_some_and(|w| w.eq_ignore_ascii_case("our") || w.eq_ignore_ascii_case("my"));
    if !first_person {
        return false;
    }
    let after = toks.get(i + 1..).unwrap_or_default();
    let phrase = i + 1..i + 1 + after.iter().take(3).take_while(|t| !t.mark).count();
    !toks[phrase.clone()]
        .iter()
        .any(|t| t.actor || t.person_noun)
        && phrase.into_iter().any(|k| {
            word_at(text, toks, k).is_some_and(|w| {
                super::lexicon::is_system_part(w)
                    || DEVICES.iter().any(|d| d.eq_ignore_ascii_case(w))
            })
        })
}

/// Whether the sentence says heads will roll ("Heads will roll once the Chief Executive sees
/// the SMS figures", round 26, f171's first run): the idiom's heads are the people a sanction
/// falls on, though no word of it names them.
fn heads_will_roll(words: &[String]) -> bool {
    words.windows(2).any(|w| w[0] == "heads" && w[1] != "up")
        && words.iter().any(|w| w.starts_with("roll"))
}

/// Whether the role word at token `i` is the verb "lead" or "head" going somewhere: "the
/// firewall request leads to it being blocked", "heads into the queue" (round 26, a real
/// report's first run). "The team leads" are people; "leads to" is a consequence.
fn leads_somewhere(text: &str, toks: &[Tok], i: usize) -> bool {
    let verb = word_at(text, toks, i).is_some_and(|w| {
        ["lead", "leads", "head", "heads"]
            .iter()
            .any(|v| v.eq_ignore_ascii_case(w))
    });
    verb && word_at(text, toks, i + 1).is_some_and(|w| {
        ["to", "into", "toward", "towards"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// Whether the name at token `i` is followed by "which" (a comma between is no token):
/// "Loki, which is responsible for forwarding logs" is a program, as "Marta, who is
/// responsible for …" is a person (round 24, real79's first run). Or whether it is a brand
/// that modifies a thing's noun: after a determiner and before a thing in lower case that no
/// person or group word follows, "traced back to the Okta integration", "our Workday
/// integration", "an Okta integration change" (round 55, real278's first run on round 54's
/// final code), a lower-case modifier allowed after the determiner ("the whole Zipchat
/// platform"). People are not put after "the" or "our" before a thing ("the Kaltenegg gate
/// crew" is a group, and stays one). Or whether it is joined to another word by an en dash
/// ([`super::text::en_dash_joined`]: "Dumaguete–Siquijor is suspended", a route).
fn named_as_a_thing(text: &str, toks: &[Tok], i: usize) -> bool {
    if toks[i].key != super::features::NAME {
        return false;
    }
    if super::text::en_dash_joined(text, toks[i].start, toks[i].end) {
        return true;
    }
    let word = |k: usize| word_at(text, toks, k).unwrap_or("");
    if word(i + 1).eq_ignore_ascii_case("which") {
        return true;
    }
    let is_determiner = |k: usize| {
        matches!(
            word(k).to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "our" | "their" | "its" | "your" | "this" | "that"
        )
    };
    // One lower-case modifier may stand between: "The whole Zipchat platform", "our new Okta
    // integration" (round 57, real316's first run on a field line "Service Affected: The
    // whole Zipchat platform").
    let modifier = |k: usize| {
        word(k).starts_with(|c: char| c.is_ascii_lowercase())
            && toks
                .get(k)
                .is_some_and(|t| !t.actor && !t.person_noun && !t.mark)
    };
    let determiner =
        i > 0 && is_determiner(i - 1) || i > 1 && modifier(i - 1) && is_determiner(i - 2);
    let thing = |k: usize| {
        let w = word(k);
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && toks
                .get(k)
                .is_some_and(|t| !t.actor && !t.person_noun && !t.mark)
            && super::lexicon::is_thing_noun(w)
    };
    let person_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| !t.mark && (t.actor || t.person_noun))
    };
    // Or one lower-case modifier after the name: "the Santiago standby broker", "the Kisumu
    // backup server" (round 58, f632's first run).
    determiner
        && (thing(i + 1) && !person_at(i + 2)
            || modifier(i + 1) && !person_at(i + 1) && thing(i + 2) && !person_at(i + 3))
}

/// Whether the word before token `i` is a preposition that makes the word at `i` its object
/// ("supply to Nyamagana", "traffic from Lagos", "the queue at Rotterdam"): such a name is
/// where something went, came from or stood, not who acted.
fn after_a_preposition(text: &str, toks: &[Tok], i: usize) -> bool {
    // "down to Rafael clicking approve", "due to Ana", "traced back to Omar", "left to Li":
    // a cause or a duty laid on someone through "to".
    let lays_on = i > 1
        && word_at(text, toks, i - 1).is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && word_at(text, toks, i - 2).is_some_and(|w| {
            [
                "down",
                "due",
                "owing",
                "thanks",
                "up",
                "back",
                "attributable",
                "left",
                "fell",
                "falls",
                "pinned",
                "traceable",
            ]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
        });
    i > 0
        && !lays_on
        && !toks[i - 1].mark
        && word_at(text, toks, i - 1).is_some_and(|w| {
            [
                "to", "from", "in", "at", "into", "across", "near", "via", "towards", "toward",
            ]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
        })
}

/// Whether `word` is written as an acronym or an opcode that no lexicon knows as a group:
/// four or more characters, all ASCII capitals or digits, at least three of them letters
/// ("SLOAD", "TANESCO", "NGINX"). A person's name is not written so, yet the model reads such
/// a word as a name (`<name>`): "SLOAD pushed zero on the stack." and "TANESCO mains supply
/// to Nyamagana fails." (round 60, real349's and f664's first runs) were read as a team's
/// fault. Shorter ones ("NOC", "SRE", "IT") are left to the lexicon and the model: many
/// name groups of people.
fn spelled_as_an_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b.iter().filter(|c| c.is_ascii_uppercase()).count() >= 3
        && !super::lexicon::DEPARTMENTS.contains(word.to_ascii_lowercase().as_str())
        && !super::lexicon::GROUP_NOUNS.contains(word.to_ascii_lowercase().as_str())
}

/// Whether the actor of the sentence is the one who was told: an actor, then "was", "were",
/// "got" or "been" if any, then a verb of being alerted ("paged", "notified", "informed"), with
/// no object after it unless a passive said so ("DevOps team alerted that Python is offline",
/// "the storage team was paged at 02:10"): the sentence ends there or a preposition or
/// conjunction follows (commas and stops are no tokens). "The team alerted customers" has an
/// object: the team acted.
fn actor_was_told(text: &str, toks: &[Tok]) -> bool {
    #[rustfmt::skip]
    const NO_OBJECT: &[&str] = &[
        "that", "of", "about", "by", "at", "via", "through", "and", "in", "on", "for", "when",
        "after", "as", "with", "from", "to", "around",
    ];
    let word = |k: usize| word_at(text, toks, k).unwrap_or("");
    toks.iter().enumerate().any(|(i, t)| {
        if !t.actor {
            return false;
        }
        let mut k = i + 1;
        let passive = matches!(
            word(k).to_ascii_lowercase().as_str(),
            "was" | "were" | "got" | "been"
        );
        if passive {
            k += 1;
        }
        let verb = word(k).to_ascii_lowercase();
        super::lexicon::is_reached(&verb)
            && (passive
                || k + 1 >= toks.len()
                || NO_OBJECT.contains(&word(k + 1).to_ascii_lowercase().as_str()))
    })
}

/// Whether the model's evidence `a..b` (at most three tokens) is the object of a verb of
/// reaching someone, at most three words before it with no mark between: "Most riders
/// called the dispatch desk straight away", "we escalated to the network team" (round 27,
/// f178's first run). The team was reached, not at fault.
fn evidence_was_reached(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    // Between the verb and the team only a determiner or the team's own words.
    const BETWEEN: &[&str] = &["the", "our", "their", "its", "to", "a", "an", "up"];
    if b <= a || b - a > 3 {
        return false;
    }
    for k in (a.saturating_sub(3)..a).rev() {
        let Some(t) = toks.get(k) else {
            return false;
        };
        if t.mark {
            return false;
        }
        let w = word_at(text, toks, k).unwrap_or("").to_ascii_lowercase();
        if super::lexicon::is_reaching(&w) {
            return true;
        }
        if !BETWEEN.contains(&w.as_str()) && !t.actor {
            return false;
        }
    }
    false
}

/// Whether the sentence is the author's account of their own act: it opens with "I" (after
/// a clock time or a list marker) and a verb that is not one of thinking, knowing, hearing
/// or saying ("I deleted the pager group", not "I think Dave deleted it").
fn author_alone(text: &str, toks: &[Tok]) -> bool {
    #[rustfmt::skip]
    const REPORTING: &[&str] = &[
        "think", "thought", "believe", "believed", "guess", "suspect", "suspected", "feel",
        "felt", "hear", "heard", "know", "knew", "notice", "noticed", "saw", "see", "found",
        "learned", "learnt", "was", "am", "told", "said", "reckon", "assume", "assumed", "bet",
        "wish", "hope", "mean", "suppose", "expect", "expected", "realised", "realized",
    ];
    let mut words = toks
        .iter()
        .filter(|t| !t.mark)
        .filter_map(|t| text.get(t.start..t.end))
        .skip_while(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b':'));
    words.next() == Some("I")
        && words
            .next()
            .is_some_and(|w| !REPORTING.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

/// Whether the sentence holds a line of a pasted chat transcript: a speaker, then a clock
/// time ("fejta [8:23 AM] is this related…", "sam (14:02): restarting"). What responders
/// typed during an incident is evidence quoted in the report, not the author's wording: the
/// rules still judge it, the model alone does not. (A timeline entry puts the time first:
/// "[09:27] @kim finds…" is the author's account and stays judged.) Since round 32 a chat
/// line that ends with an emoji ([`ends_with_emoji`]) is judged by the model as well: the
/// emoji often carries the line's irony ("Priya  9:12 PM  must be lovely to log off at five
/// while the pager screams 🙂"), and the model reads sincere thanks and status lines with
/// an emoji as no blame (none of the labelled ones became a finding).
///
/// A chat copied from Slack or Discord puts the header on a line of its own and the message
/// on the lines under it ("bentheelder [5:19 PM]" / "replied to a thread:" / "A lot of these
/// were already cleaned up."): a header on an earlier line of the same paragraph counts too.
pub(crate) fn is_transcript(text: &str, s: usize, e: usize) -> bool {
    let start = line_start(text, s);
    let Some(span) = text.get(start..e) else {
        return false;
    };
    // Each line is looked at only up to the clock time of a header.
    let header = |l: &str| {
        let mut end = l.len().min(64);
        while !l.is_char_boundary(end) {
            end -= 1;
        }
        super::text::chat_header(&l[..end])
    };
    span.lines().any(header)
        || text
            .get(..start)
            .unwrap_or("")
            .lines()
            .rev()
            .take_while(|l| !l.trim().is_empty())
            .any(header)
}

/// Whether the sentence `s..e` of `text` is a chat line: a chat's header ([`is_transcript`]),
/// or a speaker between the entry's stamp and the sentence ("19:33 @rbenitez: …", "[03:15]
/// <tgirgis> …"), which the sentence split leaves out before `s`. `text` is the block's
/// source, where the prose masking has not blanked "<tgirgis>" as a tag.
fn spoken_in_chat(text: &str, s: usize, e: usize) -> bool {
    let before = text.get(line_start(text, s)..s).unwrap_or("").trim_end();
    // Or the speaker opens the sentence itself, when the split kept it ("fzahra: the hub IT
    // people did this", "<tgirgis> network ops pushed …", whose "<" the split leaves before
    // the sentence).
    let first = text
        .get(s..e)
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("");
    let speaker = first.len() <= 33 && first.len() > 1 && first.ends_with([':', '>']);
    before.ends_with([':', '>', '<']) || speaker || is_transcript(text, s, e)
}

/// The roles of an incident-command system and of an action item, beside the lexicon's roles.
const INCIDENT_ROLES: &[&str] = &[
    "commander",
    "captain",
    "scribe",
    "coordinator",
    "liaison",
    "responder",
    "lead",
    "owner",
    "approver",
    "author",
    "officer",
    "assignee",
    "dri",
    "reviewer",
    "contact",
];

/// Whether the sentence is a field that names who holds a role and nothing else: a label of
/// one to three words ending in a role ("Owner", "Owners", "Action owner", "Assignee") and a
/// colon, then only names, handles and the words that join them ("Owner: Joy Magbanua and
/// Teddy Lim.", round 55, f552's first run on round 54's final code; "Owners: @mkovacs,
/// Priya"). The model weighs two names beside a role; who owns an action item is no fault.
fn names_who_holds_a_role(text: &str, toks: &[Tok]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    // The label stands before the sentence's first token on its line (the split leaves a
    // field's label out of the sentence), or opens the sentence itself.
    let before = text.get(..first.start).unwrap_or("");
    let from = before
        .rfind(['\n', '.', '|', ';'])
        .map_or(0, |k| k + 1)
        .max(before.len().saturating_sub(40));
    let sentence = sentence_of(text, toks);
    let (label, value) = match before.get(from..).map(str::trim_end) {
        Some(l) if l.trim_end_matches(['*', '_']).ends_with(':') => (l, sentence),
        _ => {
            let head = &sentence.as_bytes()[..sentence.len().min(40)];
            let Some(colon) = memchr::memchr(b':', head) else {
                return false;
            };
            (&sentence[..colon], &sentence[colon + 1..])
        }
    };
    let label: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let role = label
        .last()
        .is_some_and(|w| INCIDENT_ROLES.contains(&super::patterns::singular(w)));
    if label.is_empty() || label.len() > 3 || !role {
        return false;
    }
    let value: Vec<&str> = value
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | '*' | '_' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect();
    let joins = |w: &str| matches!(w, "and" | "&" | "/" | "+");
    !value.is_empty()
        && value.len() <= 8
        && value.iter().any(|w| !joins(w))
        && value
            .iter()
            .all(|w| joins(w) || w.starts_with('@') || w.starts_with(char::is_uppercase))
}

/// Whether the sentence names someone only by the names `products` holds (the document's
/// programs, [`super::products_of`]): at least one actor's word is a program's name, and
/// without those words the sentence names no one ([`names_anyone_but`]).
fn names_only_programs(
    text: &str,
    toks: &[Tok],
    products: &std::collections::HashSet<String>,
) -> bool {
    if products.is_empty() {
        return false;
    }
    let program = |k: usize| {
        toks[k].actor
            && word_at(text, toks, k).is_some_and(|w| products.contains(&w.to_lowercase()))
    };
    (0..toks.len()).any(program) && !names_anyone_but(text, toks, program)
}

/// Whether people kept something going: "keep", "keeps" or "kept" then, within four words, a
/// state that went well ("stable", "steady", "safe", "fed", "informed"), no denial before it
/// and no "anyway", "while", "still", "despite" or "without" in the sentence: "The Naviera
/// Calbuco crew kept oxygen stable for six hours" (round 55, f566's first run). "Kept us waiting" and "kept the site down" tell harm,
/// and stay judged. `words` are lower-cased.
fn kept_it_going(words: &[String]) -> bool {
    // Not "running", "moving", "open" or "up": "kept the line running anyway", "to keep the
    // queue moving", "we keep cleaning up after them" tell neglect as often.
    #[rustfmt::skip]
    const WELL: &[&str] = &[
        "stable", "steady", "safe", "alive", "fed", "warm", "cool", "calm", "informed",
        "healthy", "level",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    if words.iter().any(|x| {
        matches!(
            x.as_str(),
            "anyway" | "while" | "still" | "despite" | "without"
        )
    }) {
        return false;
    }
    (0..words.len()).any(|k| {
        matches!(w(k), "kept" | "keeps" | "keep")
            && !(k.saturating_sub(3)..k).any(|j| {
                matches!(
                    w(j),
                    "not" | "n't" | "never" | "didn't" | "couldn't" | "failed"
                )
            })
            && (k + 1..(k + 5).min(words.len())).any(|m| WELL.contains(&w(m)))
    })
}

/// Whether the sentence closes with a purpose fulfilled: "what" after "is" or "was" (with
/// "exactly", "precisely" or "just" between or not), and the sentence's last word "for" after
/// "is", "are" or "was" ("… which is exactly what procedure BK-7 is for", round 55). `words`
/// are lower-cased.
fn closes_with_a_purpose(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let n = words.len();
    if n < 4 || w(n - 1) != "for" || !matches!(w(n - 2), "is" | "are" | "was" | "were") {
        return false;
    }
    (1..n - 2).any(|k| {
        w(k) == "what"
            && (matches!(w(k - 1), "is" | "was")
                || (matches!(w(k - 1), "exactly" | "precisely" | "just")
                    && k >= 2
                    && matches!(w(k - 2), "is" | "was")))
    })
}

/// Whether the sentence weighs a word for what happened as a choice: it opens with "calling",
/// "labelling", "describing" or "to call", then "it", "this" or "that", and later a modal
/// ("would", "will", "could", "might") whose verb is not "be" or "have been": "Calling it a
/// mistake, or anyone's fault, would set the wrong people the wrong homework" (round 55,
/// f558's first run). "Calling it Dave's fault would be fair" asserts the word, and stays
/// judged. `words` are lower-cased.
fn weighs_a_word(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(object) = super::patterns::calling_object(w, 0) else {
        return false;
    };
    if !matches!(w(object), "it" | "this" | "that") {
        return false;
    }
    (object + 1..words.len()).any(|m| {
        if !matches!(w(m), "would" | "will" | "could" | "might") {
            return false;
        }
        let mut k = m + 1;
        if matches!(w(k), "not" | "n't" | "never") {
            k += 1;
        }
        let asserts = w(k) == "be" || (w(k) == "have" && w(k + 1) == "been");
        !asserts && !w(k).is_empty()
    })
}

/// Whether the sentence is a legend of who is who: a label of people or handles ("Handles:",
/// "People:", "Participants:", "Who's who:", "Key:") before it on its line or opening it, or
/// two or more "X is Y" pairs whose Y is capitalised, joined by commas ("gortiz is Gabriela,
/// fbennani is Fatima"), and no word of harm ([`tells_of_harm`]). Round 55, f554's first run.
fn tells_who_is_who(text: &str, toks: &[Tok]) -> bool {
    #[rustfmt::skip]
    const LEGENDS: &[&str] = &[
        "handles", "handle", "people", "participants", "attendees", "present", "names", "key",
        "legend", "who", "cast", "roster", "responders",
    ];
    let sentence = sentence_of(text, toks);
    if tells_of_harm(sentence) {
        return false;
    }
    let lead = toks
        .first()
        .and_then(|t| line_lead(text, t.start, 64))
        .unwrap_or("");
    let label = |l: &str| {
        let l = l.trim().trim_matches(['*', '_', '#', ' ']);
        let Some(head) = l
            .strip_suffix(':')
            .or_else(|| l.split_once(':').map(|(h, _)| h))
        else {
            return false;
        };
        head.split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .is_some_and(|w| LEGENDS.contains(&w.to_lowercase().as_str()))
            && head.split_whitespace().count() <= 3
    };
    if label(lead) || sentence.get(..24.min(sentence.len())).is_some_and(label) {
        return true;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let pairs = (1..words.len().saturating_sub(1))
        .filter(|&k| {
            words[k] == "is"
                && words[k + 1].starts_with(char::is_uppercase)
                && (k < 2 || words[k - 2].ends_with([',', ':']))
        })
        .count();
    pairs >= 2
}

/// Whether the sentence opens with a thing (a runbook, a checklist, a screen: `ARTIFACT_NOUNS`,
/// `DETECTOR_NOUNS`) that never asked, showed or prompted something of people, within its
/// first five words ([`super::patterns::denies_a_prompt`]), and holds no modal of duty
/// ("should", "ought", "must"): "The runbook never asked her to compare the total with last
/// season" (round 55, f556's first run). `words` are lower-cased.
fn unprompted_by_a_thing(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    if words
        .iter()
        .any(|x| matches!(x.as_str(), "should" | "ought" | "must" | "shouldn't"))
    {
        return false;
    }
    let Some(subject) = (1..words.len().min(5)).find(|&k| {
        let one = super::patterns::singular(w(k));
        matches!(w(k - 1), "the" | "our" | "its" | "their" | "that" | "this")
            && (super::lexicon::ARTIFACT_NOUNS.contains(one)
                || super::lexicon::DETECTOR_NOUNS.contains(one))
    }) else {
        return false;
    };
    super::patterns::denies_a_prompt((subject + 1..(subject + 4).min(words.len())).map(w))
}

/// Whether the sentence looks, turns or glances away: "looked the other way", "turn a blind
/// eye" is another idiom. `words` are lower-cased.
fn looked_away(words: &[String]) -> bool {
    words.iter().any(|w| {
        ["look", "turn", "glanc", "face", "facing", "walk"]
            .iter()
            .any(|v| w.starts_with(v))
    })
}

/// Whether the sentence tells two roles held by one person or one team: two things joined by
/// "and" before "were", "was", "are" or "is", then "the same" and a person's or a team's noun
/// ("person", "people", "engineer", "team") or "one and the same", with nothing after it in the
/// clause but when or where ("… were the same person that week"). "The on-call engineer and
/// the deploying engineer were the same person" (round 55, f550's first run). `words` are
/// lower-cased.
fn roles_held_by_one(words: &[String]) -> bool {
    #[rustfmt::skip]
    const HOLDERS: &[&str] = &[
        "person", "people", "individual", "engineer", "human", "team", "responder", "one",
        "man", "woman", "operator", "developer",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    (1..words.len()).any(|c| {
        if !matches!(w(c), "were" | "was" | "are" | "is") || !(0..c).any(|k| w(k) == "and") {
            return false;
        }
        let mut k = c + 1;
        if w(k) == "one" && w(k + 1) == "and" {
            k += 2;
        }
        if w(k) == "the" {
            k += 1;
        }
        w(k) == "same"
            && (HOLDERS.contains(&w(k + 1)) || k + 1 == words.len())
            && (k + 2 == words.len()
                || matches!(
                    w(k + 2),
                    "that" | "this" | "on" | "in" | "at" | "during" | "for" | "again" | "too"
                ))
    })
}

/// Whether the sentence tells who held a role, and names no one else: a role noun, "was" or
/// "is", then one to three capitalised names that end the clause ("The incident commander was
/// Priya.", "… and this train's captain was Katrin." (round 29, f191's first run)). The model
/// alone, which weighs a role beside a name, warned on such facts; a sentence with any other
/// name in it ("Dave broke prod, and the release captain was Katrin") is still judged.
fn states_who_held_a_role(text: &str, toks: &[Tok]) -> bool {
    let n = toks.len();
    let word = |k: usize| word_at(text, toks, k).unwrap_or("");
    let capitalised = |k: usize| word(k).starts_with(|c: char| c.is_uppercase());
    let Some((c, end)) = (1..n).find_map(|c| {
        if !matches!(word(c), "was" | "is") {
            return None;
        }
        let role = word(c - 1).to_lowercase();
        let role = super::patterns::singular(&role);
        if !(super::lexicon::is_actor_noun(role) || INCIDENT_ROLES.contains(&role))
            || word(c - 1).starts_with(|ch: char| ch.is_uppercase())
        {
            return None;
        }
        let mut k = c + 1;
        while k < n && k < c + 4 && capitalised(k) {
            k += 1;
        }
        let closes = k == n
            || word(k) == "and"
            || text
                .get(toks[k - 1].end..toks[k].start)
                .is_some_and(|gap| gap.contains([',', ';', '.']));
        (k > c + 1 && closes).then_some((c, k))
    }) else {
        return false;
    };
    // No other name: every capitalised actor outside the holder's names opens the sentence
    // as an ordinary word would ("The", "Our") or is the role itself.
    (0..n).all(|k| (c + 1..end).contains(&k) || k == 0 || !capitalised(k))
}

/// One lower-cased word per token of `toks`, marks included (their text, or "" where the
/// span is not in `text`), leading apostrophes trimmed as in [`lower_words`]: index `k` is
/// token `k`.
fn token_words(text: &str, toks: &[Tok]) -> Vec<String> {
    toks.iter()
        .map(|t| {
            text.get(t.start..t.end)
                .unwrap_or("")
                .trim_start_matches(['\'', '’'])
                .to_lowercase()
        })
        .collect()
}

/// The sentence's words, punctuation-like tokens left out, lower-cased, a contraction's
/// apostrophe dropped ("'ve" is "ve", "n't" stays).
pub(super) fn lower_words(text: &str, toks: &[Tok]) -> Vec<String> {
    toks.iter()
        .filter(|t| !t.mark)
        .filter_map(|t| text.get(t.start..t.end))
        .map(|w| w.trim_start_matches(['\'', '’']).to_lowercase())
        .collect()
}

/// Whether the sentence's only modal is a present need: "need" or "needs" then "to" and a
/// bare verb ("needs to verify"), or "to have" and no participle ("need to have a better
/// working relationship"). A counterfactual tells what the past could have held, so any of
/// its marks anywhere ("had", "'d", "'ve", "have" before a participle, "should", "could",
/// "would", "must", "ought", "supposed", "failed", "needed", "if only") keeps the model's
/// finding. On the labelled sets no counterfactual is told by a present need alone.
fn states_a_present_need(words: &[String]) -> bool {
    #[rustfmt::skip]
    const PAST: &[&str] = &[
        "had", "d", "ve", "should", "could", "would", "must", "might", "ought", "supposed",
        "failed", "fail", "needed", "only", "shoulda", "coulda", "woulda", "hadn",
    ];
    let participle = |w: &str| {
        w.ends_with("ed") || w.ends_with("en") || super::lexicon::IRREGULAR_PARTICIPLES.contains(w)
    };
    let mut need = false;
    for (i, w) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).map_or("", String::as_str);
        if PAST.contains(&w.as_str()) || (w == "have" && participle(next(1))) {
            return false;
        }
        if matches!(w.as_str(), "need" | "needs") && next(1) == "to" {
            need = true;
        }
    }
    need
}

/// Whether the sentence's only modal is a present "should" or "must" before a bare verb: a
/// rule or a plan ("Per the runbook, the shift lead should page facilities for any chiller
/// alarm", round 26, f175's first run), as "We should add …" is by the conventions. Any mark
/// of the past ("should have", "had", "'d", "would", "could", "if", "only", a verb in the
/// past) or of a consequence ("then", "so", "otherwise": "must wait for the backfill, then no
/// entitlements are lost") keeps the model's finding.
fn states_a_standing_rule(words: &[String]) -> bool {
    #[rustfmt::skip]
    const PAST: &[&str] = &[
        "had", "d", "ve", "have", "could", "would", "might", "ought", "supposed", "failed",
        "fail", "needed", "only", "shoulda", "coulda", "woulda", "hadn", "if", "why", "wish",
        "been", "was", "were", "did", "didn't", "never", "instead", "of", "then", "so",
        "otherwise",
    ];
    let mut rule = false;
    for (i, w) in words.iter().enumerate() {
        if PAST.contains(&w.as_str())
            || w.ends_with("n't")
            || w.ends_with("ed")
            || super::lexicon::IRREGULAR_PAST.contains(w.as_str())
        {
            return false;
        }
        if matches!(w.as_str(), "should" | "must") && words.get(i + 1).is_some() {
            rule = true;
        }
    }
    rule
}

/// Whether the sentence states a norm about an event and nothing else: its modal is a present
/// "should" or "must" (negated or not) right before "happen", "occur" or "recur", as in "This
/// sort of outage clearly shouldn't happen" (round 35, real136's first run) or "A restore like
/// this must never occur silently". Any mark of the past ("had", "have", "could", "would", a
/// verb in the past) keeps the model's finding: "this should never have happened" looks back.
/// The caller asks too that nobody is named ("Such an elementary oversight should never happen
/// in a hospital IT department" judges a department).
#[inline(never)]
fn states_a_norm_for_events(words: &[String]) -> bool {
    #[rustfmt::skip]
    const PAST: &[&str] = &[
        "had", "d", "ve", "have", "could", "would", "might", "ought", "supposed", "failed",
        "shoulda", "coulda", "woulda", "hadn", "if", "wish", "been", "was", "were", "did",
    ];
    const SKIP: &[&str] = &[
        "not", "n't", "n’t", "never", "ever", "really", "clearly", "simply",
    ];
    let mut norm = false;
    for (i, w) in words.iter().enumerate() {
        let w = w.as_str();
        if PAST.contains(&w) || w.ends_with("ed") || super::lexicon::IRREGULAR_PAST.contains(w) {
            return false;
        }
        if matches!(w, "should" | "must") {
            let mut k = i + 1;
            while words.get(k).is_some_and(|n| SKIP.contains(&n.as_str())) {
                k += 1;
            }
            norm |= words
                .get(k)
                .is_some_and(|n| matches!(n.as_str(), "happen" | "occur" | "recur"));
        }
    }
    norm
}

/// Whether the sentence (its words, lower-cased) opens with "Nobody", "No one" or "None" and
/// denies a mistake ("mistake", "error", "wrong", "fault", "slip", "blunder") with no "but",
/// "except", "other" or "than" after: "Nobody at the intake desk made a mistake." (round 57,
/// f609's first run) clears the desk. A denial later in the sentence ("… that's why nobody
/// saw the fault") or of a thing ("Nothing wrong with the platform — the problem was the
/// person") clears no one.
fn denies_any_mistake(words: &[String]) -> bool {
    const MISTAKE: &[&str] = &["mistake", "error", "wrong", "fault", "slip", "blunder"];
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    (matches!(w(0), "nobody" | "none") || w(0) == "no" && w(1) == "one")
        && words
            .iter()
            .any(|x| MISTAKE.iter().any(|m| x.starts_with(m)))
        && !words
            .iter()
            .any(|x| matches!(x.as_str(), "but" | "except" | "other" | "than"))
}

/// Whether the sentence holds a word of neglect ("skipped", "rushed", "ignored", "overlooked",
/// "missed", "neglected", "forgot") and every one of them stands after a denial in its clause
/// ("nothing", "nobody", "none", "no", "never", "not", "n't"), whatever its case: "Nothing was
/// skipped and nothing was rushed." (round 56, f581's first run) denies the neglect. A clause
/// ends at a comma, semicolon or colon and at "but", "and", "because" and their kin, so
/// "Nobody skipped the step, but Kofi ignored the alert" keeps a neglect told.
fn denies_every_neglect(text: &str, toks: &[Tok]) -> bool {
    const NEGLECT: &[&str] = &[
        "skip", "rush", "ignor", "overlook", "miss", "neglect", "forg",
    ];
    let (mut any, mut denied) = (false, false);
    for (k, t) in toks.iter().enumerate() {
        let Some(w) = text.get(t.start..t.end) else {
            continue;
        };
        let w = w.to_ascii_lowercase();
        let gap = k
            .checked_sub(1)
            .and_then(|p| text.get(toks[p].end..t.start))
            .unwrap_or("");
        // The model's closers of a negation's scope, and "or".
        if gap.contains([',', ';', ':', '(', ')'])
            || super::features::CLOSER_WORDS.contains(&w.as_str())
            || w == "or"
        {
            denied = false;
        }
        if NEGLECT.iter().any(|n| w.starts_with(n)) && !w.starts_with("forge") {
            if !denied {
                return false;
            }
            any = true;
        }
        if matches!(
            w.as_str(),
            "nothing" | "nobody" | "none" | "no" | "never" | "not" | "n't" | "neither" | "nor"
        ) || w.ends_with("n't")
        {
            denied = true;
        }
    }
    any
}

/// Whether the model's sanction rests on someone's access ("access", "rights",
/// "permissions", "privileges" in its `evidence`) while the sentence, lower-cased `words`,
/// tells a control the access lacks: a denied check on it ("neither time-limited nor
/// reviewed", "never audited", "not scoped") and nothing taken away (no verb of removing,
/// suspending, revoking, freezing or banning, no "gone", "until", "no longer"). "Kofi's
/// access was revoked", "Luka's merge rights are gone" and "… are frozen until she …" stay
/// found.
fn access_told_not_taken(words: &[String], evidence: &[String]) -> bool {
    #[rustfmt::skip]
    const TAKEN: &[&str] = &[
        "revok", "remov", "suspend", "pull", "strip", "lost", "lose", "losing", "cut", "disabl",
        "restrict", "taken", "take", "took", "withdr", "ban", "block", "lock", "deni", "deny",
        "terminat", "rescind", "curtail", "reduc", "downgrad", "demot", "forfeit", "frozen",
        "freez", "gone", "until", "unless", "longer", "anymore", "again", "kick", "yank",
        "price", "punish", "prove", "trust",
    ];
    #[rustfmt::skip]
    const CONTROL: &[&str] = &[
        "reviewed", "audited", "limited", "time-limited", "scoped", "logged", "monitored",
        "expired", "expiring", "rotated", "checked", "approved", "recertified", "tracked",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    evidence.iter().any(|w| {
        matches!(
            w.as_str(),
            "access" | "rights" | "permissions" | "privileges" | "permission" | "privilege"
        )
    }) && !words.iter().any(|w| TAKEN.iter().any(|t| w.starts_with(t)))
        && (0..words.len()).any(|k| {
            CONTROL.contains(&w(k))
                && (k.saturating_sub(3)..k).any(|n| {
                    matches!(w(n), "not" | "n't" | "never" | "neither" | "nor" | "no")
                        || w(n).ends_with("n't")
                })
        })
}

/// Whether the sentence gives as its reason a thing that was missing: "because", then "no" or
/// "nothing" and, within three words, a thing's noun
/// ([`super::lexicon::is_thing_noun`], or an alert, alarm, monitor, check or test): "went
/// unread for 30 minutes because no dashboard or alert was reading them". "because nobody
/// was watching" gives people as the reason, and is not read here.
fn unseen_for_want_of_a_thing(text: &str, toks: &[Tok]) -> bool {
    let lower = |k: usize| word_at(text, toks, k).unwrap_or("").to_ascii_lowercase();
    (0..toks.len()).any(|k| {
        lower(k) == "because"
            && matches!(lower(k + 1).as_str(), "no" | "nothing")
            && (k + 2..(k + 5).min(toks.len())).any(|m| {
                let w = lower(m);
                !toks[m].actor
                    && !toks[m].person_noun
                    && (super::lexicon::is_thing_noun(&w)
                        || matches!(
                            w.trim_end_matches('s'),
                            "alert" | "alarm" | "monitor" | "check" | "test" | "probe" | "rule"
                        ))
            })
    })
}

/// Whether the evidence `a..b` holds a verb of finding ("discovered", "noticed", "spotted",
/// "detected", "identified", "caught") and the sentence no mark of irony: none of
/// [`IRONY_OF_PRAISE`] ("finally", "only", "again", "not"), no word of a find that came late
/// ("later", "late", "eventually", "hours", "days", "weeks", "until"), no question, exclamation
/// or quotation, and no mocking emoji: "NICS staff discovered the mail service outage early
/// this morning." "Ops finally noticed the outage" stays judged. `words` are lower-cased.
fn plain_detection(sentence: &str, words: &[String], a: usize, b: usize) -> bool {
    const FOUND: &[&str] = &[
        "discovered",
        "noticed",
        "spotted",
        "detected",
        "identified",
        "caught",
    ];
    const LATE: &[&str] = &[
        "later",
        "late",
        "eventually",
        "hours",
        "days",
        "weeks",
        "until",
        "even",
        "bothered",
    ];
    // What was found is harm ("the mail service outage", "the leak"): "has discovered email",
    // "discovered the delete key", "discovered that MWh and kWh differ" mock a find of the
    // obvious.
    (a..b.min(words.len())).any(|k| {
        FOUND.contains(&words[k].as_str())
            && words.get(k + 1).is_some_and(|w| w != "that")
            && tells_of_harm(&words[k + 1..(k + 6).min(words.len())].join(" "))
    }) && !words.iter().any(|w| {
        // Praise of a find is the irony ("a round of applause to the bench official who
        // discovered the delete key").
        matches!(
            w.as_str(),
            "applause"
                | "congratulations"
                | "congrats"
                | "kudos"
                | "bravo"
                | "thanks"
                | "great"
                | "hats"
                | "well"
        ) || IRONY_OF_PRAISE.contains(&w.as_str())
            || LATE.contains(&w.as_str())
            || w.ends_with("n't")
    }) && !sentence.contains(['?', '!', '"', '“', '”'])
        && !super::patterns::mocking_emoji(sentence)
}

/// Whether the evidence at token `a` is "despite" (or "in spite of") with an effort made after
/// it: a possessive or "all", "best" if any, and "efforts", "effort", "attempts" or
/// "intentions" ("Despite our best efforts, sometimes things just go wrong"). "Despite the
/// warnings, Dev deployed" sets an act against a warning, and is not read here. `words` are
/// the sentence's lower-cased tokens.
fn despite_efforts(words: &[String], a: usize) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let after = match (w(a), w(a + 1), w(a + 2)) {
        ("despite", _, _) => a + 1,
        ("in", "spite", "of") => a + 3,
        ("spite", "of", _) => a + 2,
        _ => return false,
    };
    matches!(
        w(after),
        "our" | "my" | "their" | "his" | "her" | "everyone's" | "all" | "the" | "your"
    ) && (after + 1..after + 4).any(|k| {
        matches!(
            w(k),
            "efforts" | "effort" | "attempts" | "intentions" | "work" | "care"
        )
    })
}

/// Whether the word "sure" at token `a` is a courtesy to the reader: "as I'm sure" or "as I
/// am sure" before it, then "you", a modal and a verb of understanding ("As I'm sure you can
/// appreciate, it's an all hands on deck effort"; "as I am sure you will understand"). "I'm
/// sure it was a coincidence that …" says no such thing to the reader, and stays judged.
fn courtesy_to_the_reader(text: &str, toks: &[Tok], a: usize) -> bool {
    let lower = |k: usize| {
        word_at(text, toks, k)
            .unwrap_or("")
            .to_lowercase()
            .replace('\u{2019}', "'")
    };
    if lower(a) != "sure" {
        return false;
    }
    let before = text
        .get(..toks[a].start)
        .unwrap_or("")
        .to_lowercase()
        .replace('\u{2019}', "'");
    let before = before.trim_end();
    let as_i_am = [" as i'm", " as i am"]
        .iter()
        .any(|tail| before.ends_with(tail) || format!(" {before}") == *tail);
    as_i_am
        && lower(a + 1) == "you"
        && matches!(
            lower(a + 2).as_str(),
            "can" | "will" | "would" | "may" | "might" | "could" | "all"
        )
        && (a + 3..a + 5).any(|k| {
            matches!(
                lower(k).as_str(),
                "appreciate" | "understand" | "imagine" | "know" | "see" | "tell" | "agree"
            )
        })
}

/// Whether the sentence, lower-cased `words`, opens with the authors' "I'm sure" (or "I am",
/// "we're", "we are") and tells how the reader ("you", "your") feels about what happened, by
/// a word of feeling ("tempting", "frustrating", "fun", "upsetting", …), and nothing of fault
/// or repetition: "I'm sure the idea of playing with a Sword of Damocles hovering over your
/// head isn't too tempting." (round 59, real344's first run). "I'm sure the vendor will fix it
/// this time" tells the reader nothing, and stays judged.
fn sure_of_the_readers_feelings(words: &[String]) -> bool {
    #[rustfmt::skip]
    const FEELING: &[&str] = &[
        "tempting", "frustrating", "fun", "upsetting", "annoying", "disappointing", "stressful",
        "worrying", "inconvenient", "frightening", "scary", "painful", "unpleasant", "welcome",
        "appealing", "frustrated", "upset", "annoyed", "disappointed", "worried",
    ];
    #[rustfmt::skip]
    const FAULT: &[&str] = &[
        "again", "should", "blame", "fault", "failed", "ignored", "forgot", "genius", "great",
        "brilliant", "always", "never", "once",
    ];
    let w: Vec<String> = spoken(words).map(|x| x.replace('\u{2019}', "'")).collect();
    let opens = match w.as_slice() {
        [a, b, ..] if (a == "i'm" || a == "we're") && b == "sure" => true,
        [a, b, c, ..] => {
            (a == "i" && b == "m"
                || matches!((a.as_str(), b.as_str()), ("i" | "we", "am" | "are" | "re")))
                && c == "sure"
        }
        _ => false,
    };
    opens
        && w.iter().any(|x| x == "you" || x == "your")
        && w.iter().any(|x| FEELING.contains(&x.as_str()))
        && !w.iter().any(|x| FAULT.contains(&x.as_str()))
}

/// Whether the sentence opens with a concession, "Sure" and a comma ("Sure, it's unpleasant
/// and the engineers try to minimise these times", round 56, real307's first run), and tells
/// nothing past: no "was", "were", "had", "did", "should", "could" or verb in the past, so it
/// grants how things are, not what someone should have seen. "Sure, the signs were there"
/// stays found. `words` are lower-cased.
fn concedes_a_present(text: &str, toks: &[Tok], words: &[String]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let opens = text
        .get(first.start..first.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("sure"))
        && text
            .get(first.end..)
            .is_some_and(|rest| rest.trim_start().starts_with(','));
    opens
        && !words.iter().any(|w| {
            matches!(
                w.as_str(),
                "was"
                    | "were"
                    | "had"
                    | "did"
                    | "should"
                    | "could"
                    | "would"
                    | "might"
                    | "obvious"
                    | "obviously"
                    | "known"
                    | "seen"
                    | "see"
                    | "clear"
            ) || w.ends_with("ed")
                || w.ends_with("n't")
                || super::lexicon::IRREGULAR_PAST.contains(w.as_str())
        })
}

/// Whether every "fire", "fires", "fired" or "firing" of the sentence is a trigger going off,
/// and no other word of sanction is there: the verb right after a thing that fires ("check",
/// "alert", "alarm", "rule", …) with nothing after it but a mark, an adverb or a preposition
/// ("the check fires, …", "the alert fired twice at 02:14"); not "Kim was fired", "they
/// fired Kim" or "I want the person who approved this change fired". `words` are the
/// sentence's lower-cased words, marks left out.
fn fires_as_a_trigger(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const AFTER: &[&str] = &[
        "again", "twice", "at", "on", "for", "when", "whenever", "and", "but", "off", "as",
        "early", "late", "within", "after", "before", "every", "once", "correctly", "too",
        "repeatedly", "only", "in", "during", "while", "if", "so",
    ];
    // What fires: the word right before the verb.
    #[rustfmt::skip]
    const TRIGGERS: &[&str] = &[
        "check", "alert", "alarm", "rule", "monitor", "probe", "trigger", "hook", "webhook", "job",
        "cron", "timer", "page", "pager", "sensor", "event", "handler", "callback", "test", "it",
        "detector", "watchdog", "notification", "alertmanager", "condition", "threshold",
        "breaker", "interlock", "guard", "canary", "heartbeat", "that", "which", "this",
    ];
    #[rustfmt::skip]
    const SANCTION: &[&str] = &[
        "sack", "suspend", "disciplin", "reprimand", "probation", "pip", "demot", "dismiss",
        "terminat", "punish", "penal", "written", "write-up",
    ];
    let is_fire = |w: &str| matches!(w, "fire" | "fires" | "fired" | "firing");
    if words
        .iter()
        .any(|w| SANCTION.iter().any(|s| w.starts_with(s)))
        || words.windows(2).any(|p| p[0] == "let" && p[1] == "go")
    {
        return false;
    }
    let mut any = false;
    for (k, t) in toks.iter().enumerate() {
        if t.mark {
            continue;
        }
        let Some(w) = text.get(t.start..t.end).map(str::to_ascii_lowercase) else {
            continue;
        };
        if !is_fire(&w) {
            continue;
        }
        any = true;
        let prev = (0..k)
            .rev()
            .find(|&p| !toks[p].mark)
            .and_then(|p| text.get(toks[p].start..toks[p].end))
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !TRIGGERS.contains(&super::patterns::singular(&prev)) {
            return false;
        }
        let next = toks.get(k + 1);
        // Punctuation between makes no token of its own: "fires, the …".
        let trigger = match next {
            None => true,
            Some(n) if n.mark => true,
            Some(n) => {
                text.get(t.end..n.start)
                    .is_some_and(|gap| gap.chars().any(|c| !c.is_whitespace()))
                    || text
                        .get(n.start..n.end)
                        .is_some_and(|x| AFTER.contains(&x.to_ascii_lowercase().as_str()))
            }
        };
        if !trigger {
            return false;
        }
    }
    any
}

/// Whether lower-cased `words` offer care to staff: a word of care ("assistance",
/// "counselling", "wellbeing", "therapy"; "support" also names teams) and no word of sanction anywhere
/// ("fired", "suspended", "disciplinary", "reprimand", "warning", "probation", "HR", "PIP",
/// "demoted", "written up", …). "HR will support Kofi through the disciplinary process" stays
/// found.
fn offers_support(words: &[String]) -> bool {
    #[rustfmt::skip]
    const SUPPORT: &[&str] = &[
        "assistance", "counselling", "counseling", "wellbeing", "well-being", "therapy",
    ];
    #[rustfmt::skip]
    const SANCTION: &[&str] = &[
        "fire", "fired", "firing", "sack", "suspend", "disciplin", "reprimand", "warning",
        "probation", "hr", "pip", "demot", "dismiss", "terminat", "revok", "remov", "written",
        "write-up", "penal", "punish", "consequence", "accountab", "performance", "review",
        "pay", "bonus", "docked", "lose", "lost", "off", "until", "again",
    ];
    words.iter().any(|w| SUPPORT.contains(&w.as_str()))
        && !words
            .iter()
            .any(|w| SANCTION.iter().any(|s| w.starts_with(s)))
}

/// Whether the sentence goes on to a find: "and" then, within two words, a verb of finding or
/// raising in any tense ("and flags the issue", "and quickly spotted the loop"), with no
/// negation anywhere ("… and never flagged it" stays neglect). `words` are lower case.
fn then_found_it(words: &[String]) -> bool {
    #[rustfmt::skip]
    const FOUND: &[&str] = &[
        "flag", "flags", "flagged", "spot", "spots", "spotted", "catch", "catches", "caught",
        "notice", "notices", "noticed", "find", "finds", "found", "raise", "raises", "raised",
        "escalate", "escalates", "escalated", "report", "reports", "reported",
    ];
    const NOT: &[&str] = &[
        "not", "n't", "n’t", "never", "no", "nobody", "without", "failed",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    !words.iter().any(|x| NOT.contains(&x.as_str()))
        && (0..words.len()).any(|k| {
            w(k) == "and" && (k + 1..(k + 3).min(words.len())).any(|f| FOUND.contains(&w(f)))
        })
}

/// The tokens of a mark of repetition that insinuates ("once again", "yet again", "as usual",
/// "as always"), as `(first, end)`: the content of a sarcastic sentence that the evidence bar
/// reads as function words only ("Once again IT has left the remote pens without a working
/// link", P 0.93, round 35, f215's first run). Held to the naming bar.
fn repetition_marker(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let w = |k: usize| word_at(text, toks, k).map(str::to_ascii_lowercase);
    (0..toks.len().saturating_sub(1)).find_map(|k| {
        let pair = (w(k)?, w(k + 1)?);
        matches!(
            (pair.0.as_str(), pair.1.as_str()),
            ("once" | "yet", "again") | ("as", "usual" | "always" | "ever")
        )
        .then_some((k, k + 2))
    })
}

/// Whether the model's evidence `a..b` (token positions of `words`, one lower-cased word per
/// token, marks included) is only "another" (with "yet", "and" or "still" before it; or "yet"
/// alone, "another" right after it) used as a pronoun for a person: the subject of a verb in
/// the past that is no fault's, which a function word or a mark follows ("Yet another tweeted
/// about the fact …", "Another called the desk"). "Yet another failed deploy" and "yet another
/// botched release" keep their reading: the past form there is a fault's word, or a noun
/// follows it.
fn another_as_someone(words: &[String], a: usize, b: usize) -> bool {
    const FOLLOWS: &[&str] = &[
        "about", "the", "a", "an", "us", "me", "in", "on", "at", "from", "with", "for", "that",
        "up", "back", "out", "our", "this", "his", "her", "their", "them", "him",
    ];
    const FAULTS: &[&str] = &[
        "failed",
        "forgot",
        "ignored",
        "missed",
        "skipped",
        "broke",
        "dropped",
        "deleted",
        "botched",
        "messed",
        "screwed",
        "blew",
        "overlooked",
        "neglected",
        "rushed",
        "fumbled",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let evidence_only = (a..b).all(|k| {
        matches!(w(k), "yet" | "another" | "and" | "still")
            || !w(k).chars().any(char::is_alphanumeric)
    });
    evidence_only
        && (a..=b).any(|k| {
            w(k) == "another"
                && super::patterns::is_past(w(k + 1))
                && !FAULTS.contains(&w(k + 1))
                && (FOLLOWS.contains(&w(k + 2)) || !w(k + 2).chars().any(char::is_alphanumeric))
        })
}

/// Whether lower-cased `words` tell an act's consequence as people kept safe: "which",
/// "that" or "and" then "kept", then within three words "everyone", "everybody", "staff",
/// "people", "us", "them", "workers", "crews" or "the crew", then "out", "safe", "away" or
/// "clear" within three more ("…, which kept everyone out of the gas zone").
fn kept_people_safe(words: &[String]) -> bool {
    const WHO: &[&str] = &[
        "everyone",
        "everybody",
        "staff",
        "people",
        "us",
        "them",
        "workers",
        "crews",
        "crew",
        "customers",
        "passengers",
        "patients",
    ];
    let w: Vec<&str> = spoken(words).collect();
    (1..w.len()).any(|k| {
        w[k] == "kept"
            && matches!(w[k - 1], "which" | "that" | "and" | "this")
            && (k + 1..(k + 4).min(w.len())).any(|q| {
                WHO.contains(&w[q])
                    && (q + 1..(q + 4).min(w.len()))
                        .any(|r| matches!(w[r], "out" | "safe" | "away" | "clear"))
            })
    })
}

/// Whether lower-cased `words` credit a success to someone by "because": the clause before
/// "because" tells something that came through ("made the vessel", "made the deadline",
/// "made it", "survived", "saved"; not "reached" or "stayed", which harm does too) with no word
/// of harm or shortfall ("only", "late", "worse", "lost", "missed", …), and the twelve words
/// after it no fault ("forgot", "skipped", "didn't", …):
/// "Six containers made the vessel because Ama Serwaa and her colleagues entered their
/// permits by hand". "Only six containers made the vessel because Dave forgot the permits"
/// stays judged.
fn made_it_because(words: &[String]) -> bool {
    // What "made" it: "made the vessel", "made the deadline", "made it".
    #[rustfmt::skip]
    const MADE: &[&str] = &[
        "vessel", "deadline", "cut-off", "cutoff", "window", "flight", "train", "it", "payroll",
        "sailing", "connection", "run", "ship", "truck", "post",
    ];
    #[rustfmt::skip]
    const SHORT: &[&str] = &[
        "only", "just", "late", "worse", "lost", "missed", "failed", "down", "broke", "broken",
        "outage", "wrong", "never", "not", "n't", "barely", "nearly", "almost",
    ];
    #[rustfmt::skip]
    const FAULT: &[&str] = &[
        "forgot", "skipped", "ignored", "missed", "failed", "didn't", "did", "never", "not",
        "deleted", "broke", "rushed", "should", "wrong", "mistake", "error", "blame", "fault",
        "careless", "again",
    ];
    let w: Vec<&str> = spoken(words).collect();
    let Some(k) = w.iter().position(|x| *x == "because") else {
        return false;
    };
    let before = &w[..k];
    let came_through = (0..before.len()).any(|q| {
        before[q] == "made" && before[q + 1..].iter().take(2).any(|x| MADE.contains(x))
            || matches!(before[q], "survived" | "saved")
    });
    came_through
        && !before.iter().any(|x| SHORT.contains(x))
        && !w[k + 1..].iter().take(12).any(|x| FAULT.contains(x))
}

/// Whether lower-cased `words` tell what the authors managed by something a person had or
/// knew: "we" before "because" with no harm or shortfall there, and after it, within four
/// words, "has", "had", "knew", "knows", "kept" or "holds" before a determiner or a
/// possessive (not a participle: "had deleted"), with no fault in the twelve words after
/// (round 61, f672's first run: "We reached Marcela because Fatima has her mobile number.").
/// "The export missed the flight because Fatima has the only key" tells harm before it, and
/// stays judged.
fn reached_because_someone_had(words: &[String]) -> bool {
    #[rustfmt::skip]
    const HAD: &[&str] = &["has", "had", "knew", "knows", "kept", "keeps", "holds", "held"];
    #[rustfmt::skip]
    const OBJECT: &[&str] = &[
        "her", "his", "their", "the", "a", "an", "our", "one", "every", "all", "both",
    ];
    #[rustfmt::skip]
    const SHORT: &[&str] = &[
        "only", "late", "worse", "lost", "missed", "failed", "down", "broke", "broken", "outage",
        "wrong", "never", "not", "n't", "couldn't", "didn't", "stuck", "delayed", "until",
    ];
    #[rustfmt::skip]
    const FAULT: &[&str] = &[
        "forgot", "skipped", "ignored", "missed", "failed", "didn't", "never", "not", "deleted",
        "broke", "rushed", "should", "wrong", "mistake", "error", "blame", "fault", "careless",
        "again", "only", "without",
    ];
    let w: Vec<&str> = spoken(words).collect();
    let Some(k) = w.iter().position(|x| *x == "because") else {
        return false;
    };
    let before = &w[..k];
    let after = &w[k + 1..];
    before.contains(&"we")
        && !before.iter().any(|x| SHORT.contains(x))
        && (1..after.len().min(5)).any(|q| {
            HAD.contains(&after[q]) && after.get(q + 1).is_some_and(|o| OBJECT.contains(o))
        })
        && !after.iter().take(12).any(|x| FAULT.contains(x))
}

/// Whether the sentence tells that someone had a hard time of it, and nothing that went
/// wrong by them: "had" (or "has", "have"), "a", a word of hardship ("hard", "rough",
/// "long", "difficult", "tough", "brutal", "stressful", "miserable", "exhausting"), then a
/// stretch of time ("morning", "day", "night", "week", "shift", "time", …), with no word of
/// fault or duty in the sentence ("should", "failed", "because", …). `words` are lower case.
fn had_a_hard_time(words: &[String]) -> bool {
    const HARD: &[&str] = &[
        "hard",
        "rough",
        "long",
        "difficult",
        "tough",
        "brutal",
        "stressful",
        "miserable",
        "exhausting",
        "gruelling",
        "grueling",
    ];
    const SPANS: &[&str] = &[
        "morning",
        "day",
        "night",
        "week",
        "weekend",
        "shift",
        "time",
        "evening",
        "afternoon",
        "few",
        "couple",
        "month",
    ];
    const FAULT: &[&str] = &[
        "should", "failed", "because", "ignored", "forgot", "missed", "blame", "fault", "again",
        "thanks", "careless", "mistake", "wrong", "caused",
    ];
    let w: Vec<&str> = spoken(words).collect();
    !w.iter().any(|x| FAULT.contains(x))
        && w.windows(4).any(|q| {
            matches!(q[0], "had" | "has" | "have")
                && q[1] == "a"
                && HARD.contains(&q[2])
                && SPANS.contains(&q[3])
        })
}

/// Whether the sentence says that nobody could have seen or known: "nobody" or "no one", then
/// within eight words a word of ability ("could", "would", "able", "position", "way"), then
/// within six a verb of seeing or knowing ("see", "known", "spot", "foresee"), with no
/// "failed" or "fail" between ("Nobody could possibly have failed to spot it" blames). `words`
/// are lower case. The sarcastic "nobody could possibly have known 🙄" is the sarcasm
/// family's, which this does not clear.
fn denies_anyone_could_see(words: &[String]) -> bool {
    const ABLE: &[&str] = &["could", "would", "able", "position", "way"];
    #[rustfmt::skip]
    const SEE: &[&str] = &[
        "see", "seen", "saw", "know", "known", "knew", "spot", "spotted", "notice", "noticed",
        "tell", "predict", "predicted", "foresee", "foreseen", "anticipate", "anticipated",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).any(|i| {
        let nobody = w(i) == "nobody" || w(i) == "no-one" || (w(i) == "no" && w(i + 1) == "one");
        nobody
            && (i + 1..(i + 9).min(words.len()))
                .find(|&k| ABLE.contains(&w(k)))
                .is_some_and(|a| {
                    (a + 1..(a + 7).min(words.len()))
                        .take_while(|&k| !matches!(w(k), "failed" | "fail"))
                        .any(|k| SEE.contains(&w(k)))
                })
    })
}

/// Whether the sentence draws a lesson for everyone, the authors among them: "lesson" and
/// then "us", "all of us" or "everyone", with nobody else named ("Let this be a lesson for
/// us all to never underestimate backups!"). "Let this be a lesson to the night shift" names
/// whom it falls on, and stays judged.
fn a_lesson_for_us_all(text: &str, toks: &[Tok], words: &[String]) -> bool {
    const ALL: &[&str] = &[
        "us",
        "we",
        "our",
        "all",
        "everyone",
        "everybody",
        "ourselves",
    ];
    let Some(lesson) = words.iter().position(|w| w == "lesson" || w == "lessons") else {
        return false;
    };
    words[lesson..].iter().any(|w| ALL.contains(&w.as_str()))
        && !names_anyone_but(text, toks, |i| {
            word_at(text, toks, i).is_some_and(|w| ALL.iter().any(|a| a.eq_ignore_ascii_case(w)))
        })
}

/// Whether every person the sentence names is the set of people an incident reached: "anyone",
/// "everyone", "anybody", "everybody", "those" or "all" right before "affected" or "impacted"
/// ("Anyone affected by this leak has had their API key reset already", round 35, real136's
/// first run). Those are the incident's audience, not its agents; a sentence that names anyone
/// else ("anyone affected could have told the on-call") is left to the model.
#[inline(never)]
fn names_only_the_affected(text: &str, toks: &[Tok]) -> bool {
    const SETS: &[&str] = &["anyone", "everyone", "anybody", "everybody", "those", "all"];
    let affected = |i: usize| {
        word_at(text, toks, i).is_some_and(|w| SETS.iter().any(|s| s.eq_ignore_ascii_case(w)))
            && word_at(text, toks, i + 1).is_some_and(|w| {
                w.eq_ignore_ascii_case("affected") || w.eq_ignore_ascii_case("impacted")
            })
    };
    let Some(first) = (0..toks.len()).find(|&i| affected(i)) else {
        return false;
    };
    // The rest of the sentence names nobody, with the set's words left out and the pronouns
    // after them that refer back to it ("has had their API key reset").
    let refers_back = |i: usize| {
        i > first
            && word_at(text, toks, i).is_some_and(|w| {
                ["they", "them", "their"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w))
            })
    };
    !names_anyone_but(text, toks, |i| {
        affected(i) || (i > 0 && affected(i - 1)) || refers_back(i)
    })
}

/// Words that grade work well, for praise ("great job", "excellent work") and for a grade
/// ("the rollback plan was thorough"): one list, so praise and grade agree.
#[rustfmt::skip]
const WORDS_OF_WORTH: &[&str] = &[
    "great", "good", "nice", "excellent", "fantastic", "amazing", "outstanding", "superb",
    "solid", "stellar", "brilliant", "terrific", "impressive", "thorough", "careful", "clear",
    "calm", "helpful", "effective", "sound", "exemplary", "spot-on", "invaluable",
];

/// The text from the sentence's first token to its last ("" when it has none), for the
/// tests that read its punctuation: quotation marks, "!", "?", an ellipsis.
fn sentence_of<'a>(text: &'a str, toks: &[Tok]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

/// Whether an actor's verb is followed by a credit: "a", "an" or "the", then a word of
/// worth ("important", "good", "valid") and what was given ("point", "call", "catch"), as in
/// "The billing team made an important point", "Ama raised a valid concern". The
/// sentence holds no negation and no ironic mark ("again", "as usual", "thanks to").
fn credits_the_actor(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const WORTH: &[&str] = &[
        "good", "great", "important", "valid", "excellent", "fair", "useful", "helpful", "key",
        "right", "strong", "valuable", "thoughtful", "sharp", "timely", "crucial",
    ];
    #[rustfmt::skip]
    const GIVEN: &[&str] = &[
        "point", "call", "catch", "suggestion", "observation", "contribution", "question",
        "concern", "argument", "case", "idea", "proposal", "find",
    ];
    #[rustfmt::skip]
    const IRONY: &[&str] = &[
        "again", "usual", "another", "thanks", "sure", "really", "genius", "nice", "bravo",
        "congrats", "congratulations", "not", "n't", "never", "no",
    ];
    let sentence = sentence_of(text, toks);
    if words.iter().any(|w| IRONY.contains(&w.as_str())) || sentence.contains(['!', '"', '“']) {
        return false;
    }
    let actors: Vec<usize> = toks
        .iter()
        .filter(|t| !t.mark)
        .enumerate()
        .filter(|(_, t)| t.actor)
        .map(|(k, _)| k)
        .collect();
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let worth = actors.iter().any(|&a| {
        (a + 2..(a + 5).min(words.len())).any(|k| {
            matches!(w(k - 1), "a" | "an" | "the")
                && WORTH.contains(&w(k))
                && GIVEN.contains(&w(k + 1).trim_end_matches('s'))
        })
    });
    worth || mends_alone(sentence, &actors, words)
}

/// The tokens `a..b` of the sentence, marks included, each lower-cased: a model finding's
/// evidence, read by the gates that ask what it rests on.
fn lowered_span(text: &str, toks: &[Tok], a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter_map(|k| word_at(text, toks, k))
        .map(str::to_lowercase)
        .collect()
}

/// The words an editorial aside is made of ([`editorial_aside`]): a model finding whose
/// evidence holds only these rests on the aside alone.
#[rustfmt::skip]
const EDITORIAL: &[&str] = &[
    "that's", "that’s", "that", "this", "it", "it's", "it’s", "is", "was", "'s", "’s", "s", "no",
    "not", "little", "surprise", "surprising", "unsurprising", "unsurprisingly", "needless",
    "to", "say",
];

/// Whether lower-cased `words` hold an aside of the author's that frames what follows, "no
/// surprise", "not surprising", "unsurprisingly" or "needless to say", and no word of
/// foresight or of fault ("should", "obvious", "knew", "ignored", …) that would make it
/// hindsight about someone (round 51, real222's and real223's first runs).
fn editorial_aside(words: &[String]) -> bool {
    #[rustfmt::skip]
    const FORESIGHT: &[&str] = &[
        "should", "could", "would", "obvious", "obviously", "known", "knew", "know", "seen",
        "foreseen", "foresee", "predictable", "predicted", "ignored", "warned", "told", "again",
        "typical", "typically", "usual", "as",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let aside = (0..words.len()).any(|k| {
        (matches!(w(k), "no" | "little") && w(k + 1) == "surprise")
            || (w(k) == "not" && w(k + 1) == "surprising")
            || matches!(w(k), "unsurprising" | "unsurprisingly")
            || (w(k) == "needless" && w(k + 1) == "to" && w(k + 2) == "say")
    });
    aside && !words.iter().any(|x| FORESIGHT.contains(&x.as_str()))
}

/// Whether the sentence is a pseudo-cleft crediting what found or saved something: "What did
/// catch it was Ingrid's manual cross-check", "What saved us was the night shift's runbook"
/// (round 51, f453's first run). A fault word anywhere ("What caught it was a customer, after
/// Dave's typo had …"), a denial or a "but" leaves it to be judged; verbs that stop or break
/// ("What stopped the deploy was Dave's typo") are not read.
fn credits_a_catch(words: &[String]) -> bool {
    #[rustfmt::skip]
    const CAUGHT: &[&str] = &[
        "caught", "catch", "catches", "spotted", "spot", "noticed", "notice", "detected",
        "detect", "flagged", "flag", "found", "find", "saved", "save", "rescued", "rescue",
    ];
    #[rustfmt::skip]
    const FAULT: &[&str] = &[
        "mistake", "error", "typo", "fault", "slip", "careless", "blunder", "oversight",
        "ignor", "forg", "neglect", "sloppy", "lazy",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let start = usize::from(matches!(w(0), "and" | "but" | "so"));
    if w(start) != "what" {
        return false;
    }
    let mut v = start + 1;
    while v < start + 3
        && matches!(
            w(v),
            "did" | "actually" | "really" | "eventually" | "finally" | "ultimately" | "first"
        )
    {
        v += 1;
    }
    CAUGHT.contains(&w(v))
        && (v + 1..(v + 6).min(words.len())).any(|k| matches!(w(k), "was" | "were" | "is"))
        && !words.iter().any(|x| {
            matches!(
                x.as_str(),
                "not" | "n't" | "never" | "no" | "nobody" | "but"
            ) || FAULT.iter().any(|f| x.starts_with(f))
        })
}

/// Whether the sentence tells people getting up and leaving ("the entire Infrastructure team
/// got up and left at once", "saw several key engineers get up and leave the room"): a move
/// the author saw, not a fault (round 51, real221's first run). Leaving "before", "early",
/// "without" or "instead", and leaving told without the getting up ("left the room", "left the
/// desk to …", "walked out of the building"), stay judged.
fn leaves_a_place(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        matches!(w(k), "got" | "get" | "gets" | "stood" | "stand" | "jumped")
            && w(k + 1) == "up"
            && w(k + 2) == "and"
            && matches!(
                w(k + 3),
                "left" | "leave" | "leaves" | "walked" | "went" | "ran"
            )
    }) && !words.iter().any(|x| {
        matches!(
            x.as_str(),
            "before"
                | "early"
                | "without"
                | "instead"
                | "not"
                | "n't"
                | "never"
                | "despite"
                | "unattended"
                | "abandoned"
        )
    })
}

/// Whether the actor's verb mends (or approves a remedy, or shuts off a hazard: round 55) and
/// nothing in the sentence tells harm: "Ramp lead Azad Demirtaş and his crew clear it by hand", "the night shift restored the feed at 04:10"
/// (round 27, f180's first run). The verb follows an actor within four words ("and his crew",
/// "on call"), the sentence tells no consequence (", so", ", which", "what"), and has no
/// negation, modal or word of fault.
fn mends_alone(sentence: &str, actors: &[usize], words: &[String]) -> bool {
    #[rustfmt::skip]
    const MENDS: &[&str] = &[
        "clear", "clears", "cleared", "fix", "fixes", "fixed", "restore", "restores", "restored",
        "recover", "recovers", "recovered", "resolve", "resolves", "resolved", "repair",
        "repairs", "repaired", "unblock", "unblocks", "unblocked", "rescue", "rescues",
        "rescued", "reopen", "reopens", "reopened", "free", "frees", "freed", "mitigate",
        "mitigates", "mitigated",
    ];
    #[rustfmt::skip]
    const FAULT: &[&str] = &[
        "not", "n't", "never", "should", "could", "would", "must", "wrong", "without", "forgot",
        "failed", "fault", "blame", "instead", "late", "finally", "eventually", "only", "while",
        "but", "though", "although", "rather", "than", "still", "asked", "told", "supposed",
        "before", "despite", "because", "lost", "broke", "caused", "over",
    ];
    if words.iter().any(|w| FAULT.contains(&w.as_str())) {
        return false;
    }
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    // "Ingrid approves the refund run." (f563) and "The fire department turned off the water"
    // (real290), round 55's first runs: a remedy approved, a hazard shut off.
    #[rustfmt::skip]
    const REMEDIES: &[&str] = &[
        "refund", "refunds", "rollback", "fix", "hotfix", "restore", "credit", "credits",
        "reversal", "repair", "rerun", "recovery", "compensation", "replacement",
    ];
    #[rustfmt::skip]
    const HAZARDS: &[&str] = &["water", "gas", "leak", "fire", "flow", "mains", "supply"];
    let remedied = actors.iter().any(|&a| {
        (a + 1..(a + 5).min(words.len())).any(|k| {
            (matches!(
                w(k),
                "approved" | "approves" | "approve" | "authorised" | "authorized"
            ) && (k + 1..(k + 4).min(words.len())).any(|q| REMEDIES.contains(&w(q))))
                || (matches!(w(k), "turned" | "shut" | "cut" | "switched")
                    && w(k + 1) == "off"
                    && (k + 2..(k + 5).min(words.len())).any(|q| HAZARDS.contains(&w(q))))
        })
    });
    // A remedy or a hazard shut off may be told with what followed (", and we had to have
    // our servers turned off"); other mends need no consequence told.
    if remedied && !tells_of_harm(sentence) {
        return true;
    }
    if tells_a_consequence(sentence) {
        return false;
    }
    // A verb, not a noun: "the rescue", "a fix" are things.
    let noun = |k: usize| {
        matches!(
            w(k - 1),
            "the" | "a" | "an" | "this" | "that" | "our" | "their" | "his" | "her" | "its"
        )
    };
    actors
        .iter()
        .any(|&a| (a + 1..(a + 5).min(words.len())).any(|k| MENDS.contains(&w(k)) && !noun(k)))
}

/// Whether the sentence holds a modal perfect of duty ("should have", "should've", "ought to
/// have") and every one has a thing's pronoun for its subject, "it" or "which", with an
/// active verb after "have": "did not know it should have tried". "It would have taken Kemal
/// a minute" and "None of this would have happened" weigh a person's act, and "it should
/// have been caught" asks who would have caught it. `words` are the sentence's words,
/// lower-cased.
fn modal_perfects_of_things_only(words: &[String]) -> bool {
    let mut any = false;
    for (k, w) in words.iter().enumerate() {
        let at = |n: usize| words.get(n).map_or("", String::as_str);
        let participle = match w.as_str() {
            "should've" => k + 1,
            "should" | "shouldn't" if at(k + 1) == "have" => k + 2,
            "ought" if at(k + 2) == "have" => k + 3,
            "would've" | "could've" => return false,
            "would" | "could" | "wouldn't" | "couldn't" if at(k + 1) == "have" => return false,
            _ => continue,
        };
        any = true;
        let subject = k.checked_sub(1).map_or("", at);
        if !matches!(subject, "it" | "which") || at(participle) == "been" {
            return false;
        }
    }
    any
}

/// Whether the sentence holds a word that can tell another course the past could have taken:
/// a modal ("should", "could", "would", "must", "ought", "might", "'d"), "had", "if",
/// "unless", "only", "supposed", a need ("need", "needed"), "failed" (not the present "fails":
/// "Symptom: Hermes fails to relay" tells what a program does, round 28), "instead", "why",
/// "wish", "rather", "time" ("it was time to …"), a chat form ("shoulda", "coulda"), "have"
/// ("have to", "should've"), a denial, a duty ("it was on the captain to …") or a word of
/// neglect. A counterfactual with none of them is no counterfactual.
fn holds_a_counterfactual_mark(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const MARKS: &[&str] = &[
        "should", "shouldn't", "could", "couldn't", "would", "wouldn't", "must", "mustn't",
        "ought", "might", "d", "had", "hadn't", "if", "unless", "only", "supposed", "need",
        "needs", "needed", "failed", "fail", "failing", "instead", "why", "wish",
        "rather", "time", "shoulda", "coulda", "woulda", "have", "ve", "whyd", "didnt",
        "didn't", "did", "not", "never", "n't", "no", "nobody", "anyone", "expected", "meant",
        "better", "required", "requires", "neglected", "forgot", "skipped", "ignored",
    ];
    // "It was on the release captain to stop the rollout": a duty.
    let marked = words.iter().enumerate().any(|(k, w)| {
        let next = words.get(k + 1).map_or("", String::as_str);
        (MARKS.contains(&w.as_str())
            && w != "had"
            // "it was time to …", not "at about 1659 eastern standard time"; "No. 600" is a
            // number's abbreviation (round 56).
            && !(w == "time" && next != "to")
            && !(w == "no" && next.starts_with(|c: char| c.is_ascii_digit())))
            || w.ends_with("n't")
            || (w == "on" && k > 0 && matches!(words[k - 1].as_str(), "was" | "is" | "'s"))
    }) || toks.iter().enumerate().any(|(k, t)| {
        text.get(t.start..t.end)
            .is_some_and(|w| w.eq_ignore_ascii_case("had"))
            && !plain_past_perfect(text, toks, k)
    });
    // The answer to a question on its line that holds the mark: "What should Magnus have
    // done? Rung the rigging lead before signing off the harnesses."
    let first = toks.first().map_or(0, |t| t.start);
    let lead = text.get(line_start(text, first)..first).unwrap_or("");
    marked
        || (lead.contains('?')
            && lead
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| MARKS.contains(&w.to_ascii_lowercase().as_str())))
}

/// Whether the "had" at token `k` tells a plain past perfect inside its clause, not a
/// condition: a word of the same clause before it (no comma, colon or bracket between, and
/// not "if", "only" or "wish") and a participle after it, adverbs of time skipped ("train No.
/// 600 had just cleared the Ballantyne controlled location", round 56, real297's first run).
/// "Had the reviewer looked, …" opens its clause and "had to" is a duty; both stay marks.
fn plain_past_perfect(text: &str, toks: &[Tok], k: usize) -> bool {
    let lower = |j: usize| word_at(text, toks, j).map(str::to_lowercase);
    if k == 0 {
        // A number the tokens leave out may stand before it on the line ("train No. 600 had
        // just cleared …", split after "No."): a digit right before it keeps it mid-clause.
        let before = text.get(..toks[0].start).unwrap_or("").trim_end();
        if !before.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    } else if text
        .get(toks[k - 1].end..toks[k].start)
        .is_none_or(|gap| gap.contains([',', ';', ':', '(', ')', '—', '–']))
        || lower(k - 1).is_none_or(|w| matches!(w.as_str(), "if" | "only" | "wish" | "than"))
    {
        return false;
    }
    let mut v = k + 1;
    while lower(v).is_some_and(|w| {
        matches!(
            w.as_str(),
            "just" | "already" | "recently" | "previously" | "also" | "since" | "earlier"
        )
    }) {
        v += 1;
    }
    lower(v).is_some_and(|w| {
        w != "to"
            && (w.ends_with("ed")
                || w.ends_with("en")
                || super::lexicon::IRREGULAR_PARTICIPLES.contains(w.as_str()))
    })
}

/// Whether the model's evidence, ending before token `b`, is a label the sentence denies as
/// the cause right after it (`patterns::denied_as_cause`).
fn label_denied(text: &str, toks: &[Tok], b: usize) -> bool {
    let words: Vec<String> = (b..(b + 7).min(toks.len()))
        .filter_map(|k| word_at(text, toks, k))
        .map(str::to_ascii_lowercase)
        .collect();
    super::patterns::denied_as_cause(&words.iter().map(String::as_str).collect::<Vec<_>>(), 0)
}

/// Whether `w` (lower case), right before "fine", makes it the adjective: a copula, a verb of
/// seeming or a word of degree ("are fine", "looked fine", "perfectly fine", "it's fine").
fn states_a_quality(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "look"
            | "looks"
            | "looked"
            | "seem"
            | "seems"
            | "seemed"
            | "sound"
            | "sounds"
            | "sounded"
            | "feel"
            | "felt"
            | "perfectly"
            | "totally"
            | "just"
            | "still"
            | "mostly"
            | "all"
            | "it's"
            | "that's"
            | "they're"
            | "we're"
            | "you're"
            | "i'm"
    )
}

/// Whether the sentence tells someone failing a service over or back: "fail", "fails",
/// "failed" or "failing", then at most four words (none of them "to": "failed to fail over"
/// is a failure) and "over" or "back" ("failed the storage pool over to Brno", "failed
/// the primary back"). The phrasal verb is the operation of moving to a standby.
fn fails_something_over(words: &[String]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "fail" | "fails" | "failed" | "failing")
            && words
                .iter()
                .skip(k + 1)
                .take(5)
                .take_while(|x| x.as_str() != "to")
                .any(|x| matches!(x.as_str(), "over" | "back"))
    })
}

/// Words that make praise ironic, or tell harm done or an act left undone beside it ("Bravo to
/// the release captain for skipping the canary, again", "… for breaking prod"): read by
/// [`praises_a_rescue`] and [`deserves_credit`], each with marks of its own.
#[rustfmt::skip]
const IRONY_OF_PRAISE: &[&str] = &[
    "again", "usual", "another", "yet", "finally", "only", "sure", "really", "truly", "clearly",
    "obviously", "genius", "lovely", "record", "once", "breaking", "broke", "taking", "took",
    "not", "n't", "never", "no", "without", "nobody", "nothing", "somehow",
];

/// Whether the sentence is sincere praise for a rescue: a word of praise ("kudos", "bravo",
/// "thanks … for", "hats off", "well done", "great job", "excellent work") whose praised act,
/// the verb right after "for", "who", "in" or "on" or after the praise itself, helped
/// ("spotting", "isolated", "rebooking", "kept … informed", "rolled back") or added a
/// safeguard ("to whoever added the … reminder", round 52); no mark of irony ("again", "as
/// usual", "finally", "only", quotes other than a safeguard's title, a question) and no harm
/// done or act left undone ("breaking", "took … down", "not", "never", "without") anywhere.
/// "Great work by the night shift, who moved forty racks to feed B in under ten minutes"
/// thanks them; "Bravo to the release captain for skipping the canary, again" and "Hats off
/// to Procurement for saving us the support renewal fee" are sarcasm, and stay found. Round
/// 25: sincere praise was the most frequent false finding on the sentence sets (f162's and
/// f163's first runs, six used sets).
fn praises_a_rescue(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const PRAISE: &[&str] = &[
        "kudos", "bravo", "thanks", "thank", "shout-out", "shoutout", "shout", "props", "hats",
        "congratulations", "congrats",
    ];
    #[rustfmt::skip]
    const HELPED: &[&str] = &[
        "spot", "caught", "catching", "isolat", "kept", "keeping", "moved", "moving", "rebook",
        "restor", "recover", "rolled", "rolling", "checked", "checking",
        "diagnos", "identif", "mitigat", "resolv", "handl", "inform", "communicat", "escalat",
        "help", "notic", "detect", "flagg", "report", "rerout", "drain", "respond", "triag",
        "coordinat", "answer", "stay", "stood", "rebuil", "contain", "unblock",
        "walk", "tracked", "tracking", "investigat", "traced", "tracing", "document",
        // Round 35 (f214's first run): "for shipping the corrected tiles at 2 a.m.".
        "correct", "fixed", "fixing", "repair", "patch",
        // Round 58 (real331's first run): "Congratulations to all the sellers who achieved
        // impressive numbers this month."
        "achieved", "earned", "won",
    ];
    // A rescue's own marks of irony besides those of any praise ([`IRONY_OF_PRAISE`]).
    const IRONY: &[&str] = &["late", "later", "single-handedly"];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let sentence = sentence_of(text, toks);
    // An outcome with no harm in it, praised: "… on zero sensor losses during the storm",
    // "for no data lost" (round 27, f183's first run). Its "no" is no irony.
    const HARM: &[&str] = &[
        "loss",
        "losses",
        "lost",
        "downtime",
        "outage",
        "outages",
        "error",
        "errors",
        "incident",
        "incidents",
        "failure",
        "failures",
        "complaint",
        "complaints",
        "drop",
        "dropped",
        "missed",
        "damage",
        "data",
    ];
    let outcome_at = |k: usize| {
        matches!(w(k), "zero" | "no")
            && k > 0
            && matches!(w(k - 1), "on" | "for" | "with")
            && (k + 1..(k + 4).min(words.len())).any(|h| HARM.contains(&w(h)))
    };
    // "… who kept a paper log for three hours without missing a single call" (round 50,
    // f444's first run): "without" and a harm or a loss within three words is an outcome
    // with no harm in it, as "on zero sensor losses" above.
    let harmless_without = |k: usize| {
        w(k) == "without"
            && (k + 1..(k + 4).min(words.len()))
                .any(|h| HARM.contains(&w(h)) || matches!(w(h), "missing" | "losing" | "dropping"))
    };
    // A safeguard someone added or wrote, its noun within eight words (a title may stand
    // before it): "Kudos to whoever added the \"watch for hindsight bias\" reminder to the
    // template" (round 52, f479's first run). "added a retry loop" names no safeguard.
    #[rustfmt::skip]
    const SAFEGUARD: &[&str] = &[
        "reminder", "reminders", "alert", "alerts", "alarm", "alarms", "check", "checks",
        "checklist", "test", "tests", "runbook", "guard", "guardrail", "guardrails", "lock",
        "validation", "fallback", "warning", "banner", "canary", "limit", "backup", "backups",
    ];
    let adds_a_safeguard = |k: usize| {
        matches!(w(k), "added" | "adding" | "wrote" | "writing")
            && (k + 1..(k + 9).min(words.len())).any(|m| SAFEGUARD.contains(&w(m)))
    };
    // Quotes that give what a safeguard says, two words or more right before its noun ("the
    // \"watch for hindsight bias\" reminder"), are its title; any other quote may be irony's
    // ("the person who \"tidied\" the rate table").
    if sentence.contains(['?', '…'])
        || (sentence.contains(['"', '“', '”']) && !quotes_name_a_safeguard(sentence, SAFEGUARD))
        || (0..words.len()).any(|k| {
            (IRONY_OF_PRAISE.contains(&w(k)) || IRONY.contains(&w(k)))
                && !outcome_at(k)
                && !harmless_without(k)
        })
    {
        return false;
    }
    // The end of the praise: "thanks" counts only with "for" after it ("thanks to X, the
    // archive lost …" tells a cause).
    let Some(end) = (0..words.len()).find_map(|k| {
        if (w(k) == "well" && w(k + 1) == "done")
            || (WORDS_OF_WORTH.contains(&w(k)) && matches!(w(k + 1), "job" | "work" | "effort"))
        {
            Some(k + 2)
        } else if PRAISE.contains(&w(k)) && !(w(k) == "thanks" && w(k + 1) == "to") {
            Some(k + 1)
        } else {
            None
        }
    }) else {
        return false;
    };
    let helped = |k: usize| {
        let mut k = k;
        while w(k).ends_with("ly") && w(k).len() > 3 {
            k += 1;
        }
        HELPED.iter().any(|h| w(k).starts_with(h)) || adds_a_safeguard(k)
    };
    helped(end)
        || (end..words.len()).any(|k| {
            // "to whoever added the reminder": the one praised, then what they did.
            (matches!(w(k), "for" | "who" | "whoever" | "in" | "on")
                && (helped(k + 1)
                    // "for shipping the corrected tiles": what was delivered is the mend.
                    || (w(k + 1).ends_with("ing")
                        && matches!(w(k + 2), "the" | "a" | "an")
                        && helped(k + 3))))
                || outcome_at(k)
        })
}

/// Whether every quote in `sentence` (straight or typographic) is one of a pair around two
/// words or more right before a noun of `safeguards`: the "watch for hindsight bias"
/// reminder, a safeguard named by what it says.
fn quotes_name_a_safeguard(sentence: &str, safeguards: &[&str]) -> bool {
    let is_quote = |c: char| matches!(c, '"' | '“' | '”');
    let past = |text: &str, at: usize| {
        let width = text[at..].chars().next().map_or(1, char::len_utf8);
        at + width
    };
    let mut rest = sentence;
    let mut any = false;
    while let Some(open) = rest.find(is_quote) {
        let after = &rest[past(rest, open)..];
        let Some(close) = after.find(is_quote) else {
            return false;
        };
        let inside = &after[..close];
        let tail = &after[past(after, close)..];
        let next = tail
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if inside.split_whitespace().count() < 2 || !safeguards.contains(&next.as_str()) {
            return false;
        }
        any = true;
        rest = tail;
    }
    any
}

/// Whether the sentence grades someone's work well and nothing else: a copula then a word of
/// worth ("Brenda's rollback plan was excellent and kept the outage short", round 27, f183's
/// first run), with no negation, contrast or mark of irony. The model, which learned
/// judgement from the shape "X's plan was <word>", finds the judgemental family in it.
fn grades_well(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const NOT_PLAIN: &[&str] = &[
        "not", "n't", "never", "no", "but", "though", "although", "however", "yet", "again",
        "usual", "another", "sure", "really", "truly", "clearly", "obviously", "genius",
        "apparently", "somehow", "just", "only", "finally", "as", "if",
    ];
    let sentence = sentence_of(text, toks);
    if sentence.contains(['"', '“', '”', '?', '!', '…'])
        || words.iter().any(|x| NOT_PLAIN.contains(&x.as_str()))
    {
        return false;
    }
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    // "were the clearest part of the record" (round 35, f217's first run): a superlative of
    // a word of worth after "the".
    // "clearest" is "clear" and "est"; "nicest" is "nice" and "st".
    let superlative = |x: &str| {
        x.strip_suffix("est")
            .is_some_and(|stem| WORDS_OF_WORTH.contains(&stem))
            || x.strip_suffix("st")
                .is_some_and(|stem| stem.ends_with('e') && WORDS_OF_WORTH.contains(&stem))
            || matches!(x, "best" | "finest")
    };
    (0..words.len()).any(|k| {
        matches!(w(k), "is" | "was" | "are" | "were")
            && (WORDS_OF_WORTH.contains(&w(k + 1))
                || (matches!(w(k + 1), "very" | "extremely" | "truly")
                    && WORDS_OF_WORTH.contains(&w(k + 2)))
                || (w(k + 1) == "the" && superlative(w(k + 2))))
    })
}

/// Words that charge neglect whoever is their subject: an account of one's own acts that
/// holds one is judged as any other sentence is.
#[rustfmt::skip]
const NEGLECT: &[&str] = &[
    "ignored", "neglected", "skipped", "overlooked", "bypassed", "dismissed", "disregarded",
    "careless", "carelessly", "lazy", "sloppy", "negligent", "negligence", "forgot",
    "without", "never", "didn't", "instead", "corners",
];

/// Whether the sentence is the authors' plain account of their own doing: "we" or "I" right
/// before a verb in the past that tells an act ("we forgot to deploy the patch", not "I
/// guessed", "we knew"), no one else in it (no actor, no other personal pronoun, no "anyone",
/// "someone" or "who"), nothing said of the future or a modal ("I'll let the reader guess"),
/// no negation ("I'm not saying anyone …"), and none of irony's marks: no exclamation or
/// question mark, ellipsis, quotation mark or emoji, no word of praise ("great", "thanks",
/// "kudos") and no adverb that irony leans on ("sure", "clearly", "apparently", "again").
/// Sarcasm needs a target and a tone; an account of what the authors did has neither.
fn plain_own_account(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const TONE: &[&str] = &[
        "great", "good", "nice", "well", "thanks", "thank", "kudos", "bravo", "congrats",
        "congratulations", "love", "loved", "lovely", "wonderful", "brilliant", "perfect",
        "perfectly", "amazing", "fantastic", "excellent", "classic", "genius", "impressive",
        "stellar", "superb", "flawless", "sure", "surely", "certainly", "clearly", "obviously",
        "apparently", "naturally", "course", "totally", "really", "truly", "again", "usual",
        "yet", "once", "record", "finally", "only", "just", "somehow", "exactly", "best",
        "proud", "heroic", "heroes", "hero", "shocking", "shocked", "shocker", "surprise",
        "surprised", "funny", "interesting", "wow", "oh", "ah", "lol", "lmao", "yay", "fun",
        "exciting", "thrilling", "esteemed", "guess", "pretend", "wonder", "suppose", "assume",
    ];
    #[rustfmt::skip]
    const NOT_ALONE: &[&str] = &[
        "he", "him", "his", "she", "her", "they", "them", "their", "you", "your", "someone",
        "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "others", "certain",
        "who", "whose", "whom", "which", "all", "names", "not", "n't", "never", "no", "will",
        "ll", "would", "can", "could", "should", "let", "lets", "let's", "might", "must",
    ];
    const THOUGHT: &[&str] = &[
        "guessed", "knew", "thought", "assumed", "supposed", "wondered", "figured", "reckoned",
        "expected", "imagined", "hoped", "learned", "learnt",
    ];
    if toks.is_empty() {
        return false;
    }
    let sentence = sentence_of(text, toks);
    let acts = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "we" | "i")
            && (w[1].ends_with("ed") || super::lexicon::IRREGULAR_PAST.contains(w[1].as_str()))
            && !THOUGHT.contains(&w[1].as_str())
    });
    acts && !toks.iter().any(|t| t.actor)
        && !words
            .iter()
            .any(|w| TONE.contains(&w.as_str()) || NOT_ALONE.contains(&w.as_str()))
        && !sentence.contains(['!', '?', '…', '"', '“', '”', '‘'])
        && sentence.is_ascii()
}

/// Whether byte `at` of `text` (in the sentence `s..e`) lies in a quotation of four words
/// or more that a quotative verb puts in something's mouth: "PostgreSQL was all like
/// \"indexes? lol never heard of 'em\"" (round 27, a real report's first run). One of the
/// three words before the opening quote is "like", "goes", "went", "said", "says",
/// "replied", "answered" or "responded". The quotations are [`text::quotations`]'s, read on
/// the sentence's line (at most [`QUOTE_REACH`] bytes either side): the model's sentence
/// split ends a sentence at a question mark inside a quotation, so the quotation may open
/// in the sentence before. (Not splitting inside quotations would change what the model
/// learned from, and needs a retraining.)
fn quoted_speech(text: &str, s: usize, e: usize, at: usize) -> bool {
    const QUOTATIVES: &[&str] = &[
        "like",
        "goes",
        "went",
        "said",
        "says",
        "replied",
        "replies",
        "answered",
        "responded",
        "responds",
    ];
    let Some(LineQuotes {
        line,
        quotes,
        holding,
    }) = quotation_at(text, s, e, at, QUOTE_REACH)
    else {
        return false;
    };
    let (a, b) = quotes[holding];
    let words = line.get(a..b).map_or(0, |q| {
        q.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    });
    words >= 4
        && last_words(line.get(..a).unwrap_or(""), 3)
            .any(|w| QUOTATIVES.iter().any(|q| q.eq_ignore_ascii_case(w)))
}

/// Whether byte `at` of `rule_sentence` (which starts at byte `rs` of `text`) lies in a
/// quotation of the sentence's line that the sentence alone cannot pair, because the sentence
/// split cut inside it: "* \"'Surprise, … guess you shoulda enabled billing alarms!' is crappy
/// … WOULD NOT HAVE SOLVED THE PROBLEM!\"" (round 50, real218's first run on the final code,
/// a false error), split at the "!" inside the quotation. The rules mask what a sentence
/// quotes; this gives a cut sentence the same masking as a whole one.
fn cut_inside_a_quotation(
    text: &str,
    s: usize,
    e: usize,
    rule_sentence: &str,
    at: usize,
    rs: usize,
) -> bool {
    !super::text::quotations(rule_sentence)
        .iter()
        .any(|&(a, b)| a <= at && at < b)
        && quotation_at(text, s, e, rs + at, QUOTE_REACH).is_some()
}

/// The last `n` words of `text` (runs of letters and digits), the last first: the words before
/// a quotation that [`quoted_speech`] and [`quoted_as_wording`] read.
fn last_words(text: &str, n: usize) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
}

/// The line around the sentence `s..e` of `text` (at most `reach` bytes either side,
/// [`line_around`]) and its quotations ([`super::text::quotations`]), when one of them holds
/// byte `at` of `text`: what [`quoted_speech`] and [`quoted_as_wording`] read.
fn quotation_at(text: &str, s: usize, e: usize, at: usize, reach: usize) -> Option<LineQuotes<'_>> {
    let (from, to) = line_around(text, s, e, reach);
    let line = text.get(from..to)?;
    let at = at.clamp(from, to) - from;
    let quotes = super::text::quotations(line);
    let holding = quotes.iter().position(|&(a, b)| a <= at && at < b)?;
    Some(LineQuotes {
        line,
        quotes,
        holding,
    })
}

/// A line, its quotations as byte ranges of it, and the index of the one asked about
/// ([`quotation_at`]).
struct LineQuotes<'t> {
    line: &'t str,
    quotes: Vec<(usize, usize)>,
    holding: usize,
}

/// Whether byte `at` of `text` (in the sentence `s..e`) lies in a quotation the line puts up
/// as wording to talk about, not as the author's claim: one of a run of quotations ("…" and
/// "…", "…", not "…") that follows a noun of wording with "like" or "such as" ("used phrases
/// like \"who signed this off?\" and \"the change team missed it\"", round 46, f387's first
/// run), or a question the sentence names ("the question we ask afterwards is \"what let this
/// happen?\", not \"who let this happen?\""). The model's sentence split ends a sentence at
/// a question mark inside a quotation, so the line is read, as [`quoted_speech`] reads it.
fn quoted_as_wording(text: &str, s: usize, e: usize, at: usize) -> bool {
    const NOUNS: &[&str] = &[
        "phrase",
        "phrases",
        "word",
        "words",
        "wording",
        "term",
        "terms",
        "language",
        "label",
        "labels",
        "expression",
        "expressions",
        "comments",
        "questions",
        "lines",
    ];
    // Read further back than `quoted_speech` does: a window that opens inside an earlier
    // quotation pairs every quote mark after it wrongly. Asked only of findings.
    let Some(LineQuotes {
        line,
        quotes,
        holding: q,
    }) = quotation_at(text, s, e, at, WORDING_REACH)
    else {
        return false;
    };
    // Walk back over the run of quotations joined by commas, "and", "or" and "not".
    let mut first = q;
    while first > 0 {
        let gap = line
            .get(quotes[first - 1].1..quotes[first].0)
            .unwrap_or("x");
        let joins = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "or" | "not"));
        if !joins || gap.contains(['.', ';', ':', '!', '?']) {
            break;
        }
        first -= 1;
    }
    let before = line
        .get(..quotes[first].0)
        .unwrap_or("")
        .to_ascii_lowercase();
    let words: Vec<&str> = last_words(&before, 8).collect();
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    // "phrases like", "words such as"
    let like = (w(0) == "like" && NOUNS.contains(&w(1)))
        || (w(0) == "as" && w(1) == "such" && NOUNS.contains(&w(2)));
    // "the question (we ask afterwards) is"
    let question = matches!(w(0), "is" | "was" | "becomes" | "be")
        && (1..words.len().min(7)).any(|k| w(k) == "question" && w(k + 1) == "the");
    like || question
}

/// Where a run of emoji of mockery right after the sentence ending at `e` ends: the sentence
/// split leaves a line's closing emoji out of the sentence. At most 24 bytes of the line are
/// read, spaces and emoji only; `e` when there is none.
fn mocking_emoji_tail(text: &str, e: usize) -> usize {
    let Some(rest) = text.get(e..) else {
        return e;
    };
    // The first byte after spaces must open an emoji.
    if rest.bytes().find(|&b| b != b' ' && b != b'\t') != Some(0xF0) {
        return e;
    }
    let mut end = e;
    for (i, c) in rest.char_indices() {
        if i > 24 || c == '\n' {
            break;
        }
        // Spaces, the emoji variation selector and other symbols may stand between.
        let between =
            c.is_whitespace() || c == '\u{FE0F}' || (!c.is_ascii() && !c.is_alphanumeric());
        if super::patterns::is_mocking_emoji(c) {
            end = e + i + c.len_utf8();
        } else if !between {
            break;
        }
    }
    end
}

/// How far either side of a finding [`quoted_as_wording`] reads its line.
const WORDING_REACH: usize = 2048;

/// How far either side of a sentence [`quoted_speech`] reads its line for the quotation.
const QUOTE_REACH: usize = 300;

/// Whether the sentence is a field that says the cause is not known yet: every word is a
/// cause field's label ("Root Causes", "Trigger", "Contributing factor") or a word of a
/// pending finding ("Yet To Be Determined", "TBD", "Unknown", "Under investigation"), and one
/// of those says so.
fn states_no_cause_yet(words: &[String]) -> bool {
    #[rustfmt::skip]
    const LABEL: &[&str] = &[
        "root", "cause", "causes", "trigger", "triggers", "contributing", "factor", "factors",
        "primary", "secondary", "category", "reason", "the", "is", "are", "was", "at", "this",
        "time", "yet", "to", "be", "still", "not", "in", "under", "being", "currently", "as",
        "of", "writing", "and",
    ];
    #[rustfmt::skip]
    const PENDING: &[&str] = &[
        "determined", "tbd", "tbc", "unknown", "pending", "investigation", "investigating",
        "investigated", "unclear", "known", "identified", "confirmed", "awaiting", "ongoing",
        "progress", "established", "understood", "n/a",
    ];
    words.iter().any(|w| PENDING.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| LABEL.contains(&w.as_str()) || PENDING.contains(&w.as_str()))
}

/// Whether the sentence is the authors' apology and nothing else: "sorry", "apology", "apologise",
/// "apologize" or "apologies" with "I", "we", "my" or "our", at most fifteen words, no actor
/// (no one else is in it), and no "but" or "not" ("I'm sorry, but the rota was idiotic",
/// "sorry not sorry" stay judged).
fn apologises(toks: &[Tok], words: &[String]) -> bool {
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(&w.as_str()));
    words.len() <= 15
        && has(&[
            "sorry",
            // "Once again, please accept my deepest personal apology." (round 58,
            // real334's first run).
            "apology",
            "apologise",
            "apologize",
            "apologies",
            "apologises",
            "apologizes",
        ])
        && has(&["i", "we", "my", "our"])
        && !has(&["but", "not", "n't", "though", "however"])
        && !toks.iter().any(|t| t.actor)
}

/// Whether the sentence says someone had no duty to act: "had no duty to escalate", "no
/// obligation to call the vendor", "didn't have to escalate", "was not required to page the
/// DBA" ("… and he did": credit, not a course the past should have taken; round 24, f152's
/// first run). A modal's perfect ("should have", "could have", "would have") anywhere keeps
/// the finding.
fn lifts_a_duty(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let modal_perfect = (0..words.len()).any(|k| {
        matches!(
            w(k),
            "should" | "could" | "would" | "must" | "might" | "ought"
        ) && (k + 1..(k + 4).min(words.len())).any(|j| matches!(w(j), "have" | "ve"))
    });
    if modal_perfect {
        return false;
    }
    (0..words.len()).any(|k| match w(k) {
        "no" => {
            matches!(w(k + 1), "duty" | "obligation" | "requirement" | "need") && w(k + 2) == "to"
        }
        "not" | "t" | "n't" => {
            (matches!(w(k + 1), "have" | "need") && w(k + 2) == "to")
                || (matches!(w(k + 1), "required" | "obliged" | "obligated") && w(k + 2) == "to")
        }
        _ => false,
    })
}

/// Whether the sentence `toks` (of `text`), or the words before it on its line, name a slip or
/// someone to make one: what every human-error label is made of. A slip by a word or an idiom
/// ("error", "mis-click", "fat-fingered", "PEBKAC", "layer 8" but not "a layer up", "cock-up",
/// "a bad keystroke");
/// someone by the model's actors (a handle, a role, a team: "a wrong click by @priya", "the
/// engineer clicked the wrong button") or a pronoun for someone other than the authors
/// ("someone", "he", "they"); or a word for who slips that is no actor ("a people problem",
/// "the human factor", "user error"). A capitalised name alone is not someone here: it names
/// a product as often as a person ("Discovered that Grafana Agent was still down due to a
/// newly applied LimitRange", round 25, a used real report), and a person's name beside a
/// slip is found by the slip word. The model learned the labels from sentences that also
/// state a root cause, and finds its family in root causes that name neither ("The root cause
/// was determined to be a network configuration change made to a nonstandard device in our
/// data center."); a label with nothing to label is none. "We" and "our" do not count: the
/// authors' own systems go wrong as often as their people do ("an `@error` expression that we
/// used, applied in the wrong position"). Generous on purpose ("fatal" passes for "fat"): it
/// rules out only sentences with no such word at all. Out of fold by author (round 11's
/// rows), model-alone human-error findings on blame sentences all pass (216 of 216).
pub(crate) fn names_a_slip(text: &str, toks: &[Tok]) -> bool {
    #[rustfmt::skip]
    const SLIPS: &[&str] = &[
        // Slips and their idioms ("layer 8", "PICNIC", "ID-ten-T", "between the chair and the
        // keyboard", "wetware", "a brain fart", "a cock-up", "butterfingers").
        "error", "mistake", "slip", "typo", "oversight", "lapse", "blunder", "goof", "gaffe",
        "fat", "finger", "butterfinger", "pebkac", "pebcak", "ebkac", "picnic", "id10t", "id-10",
        "id-ten", "chair", "keyboard", "keystroke", "keypress", "wetware", "meat",
        "carbon", "oops", "whoops", "brain", "cock-up", "balls-up", "muck-up", "screw-up",
        "foul-up", "snafu", "botch", "bungle", "flub", "fumble", "howler", "clanger", "boo-boo",
        "noob", "rookie", "inattention", "attention",
        // Who slips, where no actor says so.
        "human", "people", "person", "user", "staff", "operator", "manual",
        // Someone other than the authors ("someone fat-fingered", "whoever ran it").
        "someone", "somebody", "anyone", "anybody", "whoever",
    ];
    // Whole words: "he" is no prefix of "help".
    const PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "they", "them", "their"];
    let names = |raw: &str| {
        let lower = raw.to_lowercase();
        PRONOUNS.contains(&lower.as_str())
            // "mis-keyed", "misclick", "mistyped", "misread": a slip by its prefix.
            || (lower.starts_with("mis") && lower.len() > 5)
            || SLIPS.iter().any(|w| lower.starts_with(w))
    };
    // A label can head the line the sentence ends ("Classic PEBKAC: the flag got toggled in
    // prod", "Cause: PICNIC, …"): the words before the sentence on its line count too.
    let first = toks.first().map_or(0, |t| t.start);
    let lead = text.get(line_start(text, first)..first).unwrap_or("");
    // "Layer 8" is a slip's idiom; "a layer up", "the cache layer" are not (round 26, a real
    // report's first run: "IMO needs to be pushed a layer up").
    let layer_eight = |w: &str, after: &str| {
        let is_layer = w.len() >= 5 && w.as_bytes()[..5].eq_ignore_ascii_case(b"layer");
        if !is_layer {
            return false;
        }
        let tail = w[5..].trim_start_matches(['-', '_']);
        let after = after.trim_start_matches([' ', '-', '_']);
        let eight = |x: &str| {
            x.starts_with('8') || x.get(..5).is_some_and(|e| e.eq_ignore_ascii_case("eight"))
        };
        eight(tail) || (tail.is_empty() && eight(after))
    };
    let rest = |at: usize| text.get(at..).unwrap_or("");
    let word = |k: usize| word_at(text, toks, k).unwrap_or("").to_ascii_lowercase();
    toks.iter().enumerate().any(|(k, t)| {
        (t.actor && t.key != super::features::NAME)
            || text.get(t.start..t.end).is_some_and(|w| {
                let (before, after) = (k.checked_sub(1).map_or(String::new(), word), word(k + 1));
                (names(w) && !a_thing_at_fault(w, &before, &after)) || layer_eight(w, rest(t.end))
            })
    }) || {
        let words: Vec<&str> = lead
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let at = |k: usize| words.get(k).copied().unwrap_or("");
        (0..words.len()).any(|k| {
            let before = k.checked_sub(1).map_or("", at).to_ascii_lowercase();
            let after = at(k + 1).to_ascii_lowercase();
            (names(at(k)) && !a_thing_at_fault(at(k), &before, &after))
                || layer_eight(at(k), at(k + 1))
        })
    }
}

/// A slip's word that names a fault in a thing, not a person's slip (round 27, a real
/// report's first run): "a misconfiguration in our automated deployment system" (a "mis-"
/// noun not followed by "by" or "on"), "The error caused a cascade failure" (an error already
/// told, after "the", "this" or "that"), "a configuration error" (a thing's error), "a manual
/// step" (a way of working). `before` and `after` are the words either side, in lower case.
fn a_thing_at_fault(w: &str, before: &str, after: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let mis_noun = lower.starts_with("mis")
        && (lower.ends_with("tion") || lower.ends_with("tions"))
        && !matches!(after, "by" | "on");
    // "a misconfigured request to a third-party service", "misconfigured DNS records" (round
    // 41, real166's first run): a "mis-" participle before the noun it describes tells the
    // thing's state; "Ravi misconfigured the proxy", "it was misconfigured by …" stay a slip,
    // and so does a slip of the hand or the eye ("a mis-keyed value", "a mistyped host").
    const HAND: &[&str] = &[
        "key", "typ", "click", "read", "enter", "dial", "spel", "cop", "past", "label", "tap",
        "press", "select", "pick", "heard", "punch", "writ", "wrot",
    ];
    // Words after a participle that show it is a verb, not a noun's modifier: an object's
    // determiner or pronoun, a preposition, a conjunction, an adverb of how often.
    #[rustfmt::skip]
    const NOT_A_NOUN: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "my",
        "your", "its", "it", "them", "him", "me", "us", "by", "on", "in", "at", "for", "and",
        "or", "but", "to", "from", "with", "during", "when", "while", "so", "because", "which",
        "as", "again", "twice", "once", "some", "several", "all", "both", "every", "each",
    ];
    let verb = lower.get(3..).unwrap_or("").trim_start_matches('-');
    let mis_state = lower.starts_with("mis")
        && lower.ends_with("ed")
        && !HAND.iter().any(|h| verb.starts_with(h))
        && after.starts_with(|c: char| c.is_ascii_alphabetic())
        && !NOT_A_NOUN.contains(&after);
    let error = matches!(lower.as_str(), "error" | "errors");
    let told = error && matches!(before, "the" | "this" | "that" | "these" | "those");
    // "a configuration error", "a DNS error" (round 27, a real report's first run): an
    // error of a thing, named by the thing.
    // "a configuration error by a designer" and "Scheduler error" (a scheduler may be a
    // person) stay a person's.
    let of_a_thing = error
        && !matches!(after, "by" | "on" | "from")
        && !super::dictionary::is_person_noun(before)
        && (super::lexicon::ARTIFACT_NOUNS.contains(before)
            || matches!(
                before,
                "dns"
                    | "network"
                    | "parsing"
                    | "parse"
                    | "syntax"
                    | "routing"
                    | "rounding"
                    | "validation"
                    | "connection"
                    | "database"
                    | "disk"
                    | "memory"
                    | "permission"
                    | "permissions"
                    | "certificate"
                    | "logic"
                    | "data"
                    | "software"
                    | "hardware"
                    | "programming"
                    | "encoding"
                    | "network's"
            ));
    // "during a manual step", "a manual failover": a way of working, not a slip, unless a
    // slip's word follows ("manual error", "a manual keying mistake").
    let manual = lower == "manual"
        && !matches!(
            after,
            "error" | "errors" | "mistake" | "mistakes" | "slip" | "slips" | "keying" | "entry"
        );
    mis_noun || mis_state || told || of_a_thing || manual
}

/// The keys (`features::classify`: the hash of the stem) of the words that pass a sentence
/// below the model's gate to the rules, with the kinds each passes it to: the rarest word of
/// each idiom `Kind::AsleepIdiom` reads (its anchors in `anchors.rs`, one list for both), and
/// since round 27 the anchors of `Kind::Unheeded` ("had gone unheeded"), `Kind::Bother`
/// ("didn't bother testing"), `Kind::MockedDuty` ("optional", "naming") and the rarer ones of
/// `Kind::IronicPraise` ("thanks", "kudos", "bravo"): kinds whose own checks are strict, that the model, knowing few of their words,
/// often scores below the gate (f178–f181's first runs). Below the model's gate only a
/// sentence holding one of them is passed to the rules, whose anchor pass over every kind
/// costs more than this look at the sentence's tokens (round 19: 18 M instructions on the
/// trigger-heavy benchmark without it).
///
/// "Did not do their job", "dropped it on the floor", "looked the other way" and "treated the
/// reminders like spam" are left to the rules above the gate: "job", "floor", "looked" and
/// "treated" are too common in operations prose to pass every sentence holding them; so are
/// "paying", "window" and "forgotten", and the common words of praise ("good", "nice").
/// One bit per key's low ten bits rules most tokens out before the sorted list is asked.
static BELOW_GATE_KEYS: std::sync::LazyLock<BelowGateKeys> = std::sync::LazyLock::new(|| {
    const ABOVE_THE_GATE_ONLY: &[&str] = &[
        "job",
        "floor",
        "looked",
        "treated",
        "through",
        "fill",
        "expire",
        "lapse",
        "rot",
        "paying",
        "window",
        "forgotten",
        "done",
        "work",
        "effort",
        "shout",
        "kind",
        "nice",
        "lovely",
        "thoughtful",
        "good",
        "credit",
        "allowed",
        "chose",
        "decided",
    ];
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut keys: Vec<(u64, super::anchors::KindSet)> = Vec::new();
    // The key of `word`'s stem, passing to `kind`: a key met again gains the kind's bit.
    let mut add = |word: &str, kind: Kind| {
        let key = super::features::fnv(super::features::stem_of(word, &stemmer).as_bytes());
        let bit = super::patterns::kind_bit(kind);
        match keys.iter_mut().find(|(k, _)| *k == key) {
            Some((_, kinds)) => *kinds |= bit,
            None => keys.push((key, bit)),
        }
    };
    for kind in [
        Kind::AsleepIdiom,
        Kind::Unheeded,
        Kind::Bother,
        Kind::IronicPraise,
        Kind::MockedDuty,
    ] {
        for word in super::anchors::anchor_groups(kind)
            .iter()
            .flat_map(|group| group.iter())
            .map(|anchor| anchor.trim_start_matches(r"\b").trim_end_matches(r"\b"))
            .filter(|word| !ABOVE_THE_GATE_ONLY.contains(word))
        {
            add(word, kind);
        }
    }
    // Round 35 (f211's first run): "have no idea what they are doing", a verdict the model
    // scores far below its gate (P 0.002), passes to `Kind::CompetenceVerdict` by its rarer
    // nouns.
    // So does "what the loyalty team got wrong", a heading the model scores under its gate,
    // to `Kind::WhereTheyWentWrong` by "wrong"; that kind's own check needs a team or a person
    // after the wh-word.
    // Round 36 (f224–f227's first runs): a sanction told by money withheld or deducted, a
    // ban, a reassignment or a contract ended for cause ("The logistics coordinator's Q4
    // bonus is withheld"), which the model scores under its gate, passes to
    // `Kind::Sanction` by its rarer verbs; that kind's own check needs the sanction's person.
    for (word, kind) in [
        // Round 58 (f627's, f632's and f635's first runs): the rarest words of judgement
        // ("an inept firmware rollout", "a dim-witted idea", "the ham-fisted reset
        // sequence"), which the model, having seen few of them, scores under its gate; the
        // judgement rule's own checks need an act or a person judged. The common ones
        // ("lazy", "silly", "unacceptable", "lax") stay above the gate.
        ("inept", Kind::JudgeWeak),
        ("ineptly", Kind::JudgeWeak),
        ("ineptitude", Kind::JudgeWeak),
        ("dim-witted", Kind::JudgeWeak),
        ("ham-fisted", Kind::JudgeWeak),
        ("cack-handed", Kind::JudgeWeak),
        ("slapdash", Kind::JudgeWeak),
        ("slipshod", Kind::JudgeWeak),
        ("thoughtless", Kind::JudgeWeak),
        ("feckless", Kind::JudgeWeak),
        ("bumbling", Kind::JudgeWeak),
        ("bungling", Kind::JudgeWeak),
        ("gormless", Kind::JudgeWeak),
        ("brainless", Kind::JudgeWeak),
        ("half-arsed", Kind::JudgeWeak),
        ("lackadaisical", Kind::JudgeWeak),
        ("idea", Kind::CompetenceVerdict),
        ("clue", Kind::CompetenceVerdict),
        ("wrong", Kind::WhereTheyWentWrong),
        ("withheld", Kind::Sanction),
        ("withholding", Kind::Sanction),
        ("deducted", Kind::Sanction),
        ("docked", Kind::Sanction),
        ("barred", Kind::Sanction),
        ("banned", Kind::Sanction),
        ("reassigned", Kind::Sanction),
        ("terminate", Kind::Sanction),
        ("forfeited", Kind::Sanction),
        // Round 43 (f342's and f343's first runs): a role taken away ("is being stood down
        // as rota coordinator", "relieved of her duties"), pay or work withheld ("lose their
        // quarterly incentive", "won't be offered any more shifts"), a wall of shame. The
        // rarer words of `Kind::PunishStrong` ("disciplinary", "accountable") were tried too:
        // below the gate they are mostly a sanction denied ("Will the engineer face
        // disciplinary action? No.", 23 false warnings in used documents).
        ("stood", Kind::Sanction),
        ("relieved", Kind::Sanction),
        ("incentive", Kind::Sanction),
        ("offered", Kind::Sanction),
        ("rostered", Kind::Sanction),
        ("redeployed", Kind::Sanction),
        ("shame", Kind::Shaming),
        ("wall-of-shame", Kind::Shaming),
        ("hall-of-shame", Kind::Shaming),
        // Round 44 (f352's and f355's first runs): "make an example of them", "to be dealt
        // with", "will be fined", which the model scores under its gate at the end of a longer
        // sentence ("Cancel Corvane's support contract and make an example of them").
        ("example", Kind::Sanction),
        ("dealt", Kind::Sanction),
        ("fined", Kind::Sanction),
        // "Quillon's upgrade crew trashed our stock records" (round 44, f360's miss, P 0.08): the
        // fault verbs that tell harm done carelessly and nothing else; the kind's own check
        // needs a person or a group for subject.
        ("trashed", Kind::FaultVerb),
        ("botched", Kind::FaultVerb),
        ("wrecked", Kind::FaultVerb),
        ("mangled", Kind::FaultVerb),
        // Round 62 (used sets' misses, P 0.02–0.3: "I launched the discount code without a
        // cap, that one's on me", "I glossed over the release notes …, and that's on me"):
        // the authors owning the fault; the kind's own check reads "on me" after "that",
        // "this" or "it", and quotation and corrections of something shared stay out.
        ("me", Kind::OnPerson),
        // "Optisort will be charged the full cost …, to teach them a lesson" (round 62, P
        // 0.09): the pattern needs the whole idiom.
        ("lesson", Kind::Shaming),
        // Round 62: "Keewatin Tow messed this up, not us", "dispatch screwed it up again",
        // "Regulatory affairs blew the filing deadline" (used sets' misses, P 0.01–0.8): the
        // pattern needs the whole phrase, with its object or a missed deadline.
        ("messed", Kind::FaultVerb),
        ("screwed", Kind::FaultVerb),
        ("blew", Kind::FaultVerb),
        // Round 48 (f418's, f419's and f420's first runs): a sanction told as a person
        // "written up" or "escorted out", "a verbal warning", "next time it's a PIP", which
        // the model scores under its gate (P 0.03 for "Rafael was written up by the plant
        // manager the same afternoon"); the kinds' own checks need the person and no denial.
        ("written", Kind::PunishPassive),
        // Round 59 (f651's and f652's misses): "We've written Seun up for missing the page",
        // "Write up t.nguyen for bypassing the change process", P 0.04; the kind's own check
        // needs the person written up as the verb's object.
        ("written", Kind::Revoked),
        ("wrote", Kind::Revoked),
        ("write", Kind::Revoked),
        ("escorted", Kind::PunishPassive),
        ("verbal", Kind::PunishStrong),
        ("pip", Kind::PunishStrong),
        // "No surprise the waiting room fell over, given …" (f421's first run): the kind's
        // pattern needs "no surprise" to open the sentence, alone or after "it's" or "that's".
        ("surprise", Kind::Predictable),
        // "Redes Pacífico's engineers knocked over the site VPN" (f420's first run), as
        // "trashed" above; and "QA signoff was rubber-stamped" (f420), a passive idiom of
        // neglect whose one word the stem of "rubber" does not reach.
        ("knocked", Kind::FaultVerb),
        ("rubber-stamped", Kind::AsleepIdiom),
        // Round 49 (f432's first run): "We've all been waiting for this to happen", which the
        // model scores far under its gate (P 0.002); the pattern needs the whole idiom.
        ("waiting", Kind::HindsightIdiom),
        // "It's easy to see now that …", "There was a complete disregard for the change
        // calendar" (round 49): the patterns need the whole idiom.
        ("easy", Kind::HindsightIdiom),
        ("disregard", Kind::Negligent),
    ] {
        add(word, kind);
    }
    // Round 42: a careless act told in one clause by the person who opens the sentence
    // (`careless_act_in_one_clause`), which the scan asks only of a sentence so passed.
    for word in CARELESS_WORDS {
        add(word, Kind::CarelessAction);
    }
    keys.sort_unstable();
    let mut bits = [0u64; 16];
    for (k, _) in &keys {
        let b = (k & 1023) as usize;
        bits[b / 64] |= 1 << (b % 64);
    }
    (bits, keys)
});

/// The kinds a table cell, or a pipe row kept as a paragraph, passes below the model's gate
/// besides `Kind::HumanError` (round 29): who a field names as answerable (`Kind::Culprit`:
/// "| Responsible party | Roster team |"), a sanction in an action table ("| AI-7 |
/// Disciplinary review for the night shift | HR |") and a person's act told as the fault
/// ("| Cause | Deniz mapped the segment to the wrong field |"). The model, judging a row as one
/// sentence or a cell without its row, scores these far below its gate, while their own checks
/// are strict; run over every labelled row and every document's cells below the gate, the
/// other kinds found timeline rows ("started by Urban") and adverbs ("lazily") instead (round
/// 36).
static ROW_KINDS: LazyLock<super::anchors::KindSet> = LazyLock::new(|| {
    [
        Kind::HumanError,
        Kind::Culprit,
        Kind::PunishStrong,
        Kind::PunishPassive,
        Kind::Sanction,
        Kind::SanctionVerb,
        Kind::Revoked,
        Kind::Shaming,
        Kind::FaultVerb,
        Kind::DidNotCheck,
        Kind::CarelessAction,
        Kind::Ignored,
    ]
    .into_iter()
    .fold(0, |set, kind| set | super::patterns::kind_bit(kind))
});

/// The keys of "what", "where" and "how", which `Kind::WhereTheyWentWrong` needs beside
/// "wrong" below the model's gate.
static WH_KEYS: LazyLock<[u64; 3]> = LazyLock::new(|| {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    ["what", "where", "how"]
        .map(|w| super::features::fnv(super::features::stem_of(w, &stemmer).as_bytes()))
});

/// The words that tell what was wrong with an act, the first of which ends the clause
/// [`careless_act_in_one_clause`] reads; they pass a sentence below the model's gate to
/// `Kind::CarelessAction` ([`BELOW_GATE_KEYS`]).
const CARELESS_WORDS: [&str; 6] = [
    "wrong", "instead", "without", "untested", "broken", "against",
];

/// The keys of [`CARELESS_WORDS`].
static CARELESS_KEYS: LazyLock<[u64; 6]> = LazyLock::new(|| {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    CARELESS_WORDS.map(|w| super::features::fnv(super::features::stem_of(w, &stemmer).as_bytes()))
});

/// [`BELOW_GATE_KEYS`]: a bit per key's low ten bits, and the (key, kinds) pairs sorted by key.
type BelowGateKeys = ([u64; 16], Vec<(u64, super::anchors::KindSet)>);

/// The kinds the sentence's tokens pass it to below the model's gate ([`BELOW_GATE_KEYS`]).
fn below_gate_kinds(toks: &[Tok]) -> super::anchors::KindSet {
    let (bits, keys) = &*BELOW_GATE_KEYS;
    toks.iter()
        .filter(|t| {
            let b = (t.key & 1023) as usize;
            bits[b / 64] & (1 << (b % 64)) != 0
        })
        .fold(0, |kinds, t| {
            kinds
                | keys
                    .binary_search_by_key(&t.key, |&(k, _)| k)
                    .map_or(0, |i| keys[i].1)
        })
}

/// Whether the sentence says "on me" of "this", "that", "it" or "which" (with "one" or an
/// adverb between at most): "that's on me", "this one is on me", "which is entirely on me".
fn owned_as_that_one(text: &str, toks: &[Tok]) -> bool {
    let w = |k: usize| word_at(text, toks, k).map(str::to_ascii_lowercase);
    (1..toks.len()).any(|k| {
        if w(k).as_deref() != Some("me") || w(k - 1).as_deref() != Some("on") {
            return false;
        }
        (k.saturating_sub(6)..k - 1).any(|j| {
            matches!(w(j).as_deref(), Some("this" | "that" | "it" | "which"))
                && (j + 1..k - 1).all(|q| {
                    matches!(
                        w(q).as_deref(),
                        Some(
                            "one"
                                | "is"
                                | "was"
                                | "'s"
                                | "s"
                                | "all"
                                | "entirely"
                                | "squarely"
                                | "totally"
                                | "completely"
                                | "solely"
                                | "really"
                        )
                    )
                })
        })
    })
}

/// Whether the sentence's lower-cased words (`words`) state a duty in the present: "is" or
/// "are" (an adverb may stand between), "responsible for" and a verb in "-ing" that does no
/// harm ("is responsible for flipping load", "are responsible for rotating the keys"). "Cave
/// management is responsible for losing the spring wheels" tells a harm, and "was responsible
/// for" a past act.
pub(super) fn states_a_duty(words: &[String]) -> bool {
    #[rustfmt::skip]
    const HARM: &[&str] = &[
        "losing", "breaking", "deleting", "causing", "dropping", "corrupting", "wiping",
        "crashing", "missing", "ignoring", "skipping", "forgetting", "failing", "leaking",
        "overwriting", "disabling", "removing", "killing", "blocking", "delaying",
    ];
    (0..words.len()).any(|i| {
        if !matches!(words[i].as_str(), "is" | "are") {
            return false;
        }
        let k = if words.get(i + 1).is_some_and(|w| w.ends_with("ly")) {
            i + 2
        } else {
            i + 1
        };
        words.get(k).is_some_and(|w| w == "responsible")
            && words.get(k + 1).is_some_and(|w| w == "for")
            && words
                .get(k + 2)
                .is_some_and(|g| g.len() > 4 && g.ends_with("ing") && !HARM.contains(&g.as_str()))
    })
}

/// Whether the sentence's lower-cased words (`words`) state a need in the present: within the
/// first five words, "need", "needs", "require" or "requires" followed by what is needed, not
/// by "to" ("Frontend applications need robust error handling for external schema changes",
/// round 38, real151's first run). "Ops needs to stop ignoring alerts" tells what someone must
/// stop doing, and stays judged.
pub(super) fn states_a_need(words: &[String]) -> bool {
    words.iter().take(5).enumerate().any(|(i, w)| {
        matches!(w.as_str(), "need" | "needs" | "require" | "requires")
            && i > 0
            && words
                .get(i + 1)
                .is_some_and(|n| !matches!(n.as_str(), "to" | "not" | "n't"))
    })
}

/// Whether the sentence (`text`, its tokens `toks` and their lower-cased words `words`) advises
/// the reader: it opens with an instruction ("make sure", "please", "remember to", "ensure",
/// "update", "upgrade", "use"), speaks to "you", names no one else ([`names_anyone_but`] the
/// reader), and holds no word of an exhortation ("next time", "again", "careful",
/// "attention"), which aims it at someone ("make sure you test it next time"). Asked only of
/// the model's own findings.
pub(super) fn advises_the_reader(text: &str, toks: &[Tok], words: &[String]) -> bool {
    let first = words.first().map_or("", String::as_str);
    let second = words.get(1).map_or("", String::as_str);
    let instruction = matches!(first, "please" | "ensure" | "update" | "upgrade" | "use")
        || (first == "make" && second == "sure")
        || (first == "remember" && second == "to");
    let reader = |w: &str| w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("your");
    instruction
        && words.iter().any(|w| reader(w))
        && !words
            .iter()
            .any(|w| matches!(w.as_str(), "next" | "again" | "careful" | "attention"))
        && !names_anyone_but(text, toks, |i| word_at(text, toks, i).is_some_and(reader))
}

/// Whether the sentence is a report's byline or list of people: a label of authorship or
/// attendance and a colon, then names only ("Authors: Hypha and Interchain Labs", round 47,
/// real196's first run; "Attendees: Priya, the SRE team, Kofi"). It says who wrote or who
/// was there, not who did anything. The names are capitalised words, handles and addresses,
/// joined by commas, "and", "&" and the words a team's name is made of.
fn is_byline(sentence: &str) -> bool {
    const LABELS: &[&str] = &[
        "author",
        "authors",
        "written by",
        "prepared by",
        "reviewed by",
        "drafted by",
        "editor",
        "editors",
        "contributors",
        "attendees",
        "participants",
        "reviewers",
        "present",
    ];
    const JOINERS: &[&str] = &["and", "the", "team", "teams", "of", "at", "from", "with"];
    let sentence = sentence.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '*');
    let Some((label, names)) = sentence.split_once(':') else {
        return false;
    };
    let label = label.trim().trim_matches('*').trim();
    if !LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return false;
    }
    let mut words = names
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.starts_with(char::is_uppercase)
                || w.starts_with('@')
                || w.contains('@')
                || JOINERS.contains(&w.to_lowercase().as_str())
        })
}

/// Whether the sentence `s..e` of `text` is read with its line's start as a byline
/// ([`is_byline`]). The label stands before the sentence ("Authors:" is cut off as a
/// speaker's), so the line is read from its start, looked for at most [`TITLE_REACH`] bytes
/// back ([`bounded_line_start`]): a byline's label is near, and an unbounded look-back per
/// reported sentence would make a long line of findings quadratic.
fn bylined(text: &str, s: usize, e: usize) -> bool {
    let (from, line_start) = bounded_line_start(text, s, TITLE_REACH);
    line_start && text.get(from..e).is_some_and(is_byline)
}

/// Whether the sentence is a letter's sign-off: a valediction, a comma and a signature
/// ("Love, the Travis team!", "Cheers, Priya", "Kind regards, the Platform team"), which
/// judges no one (round 19: real55's only false finding). The signature is capitalised words
/// and the few words signatures are made of ("the", "team", "all", "of"); "Thanks, Dave, for
/// breaking prod again!" has words of a sentence after the name, and is judged.
fn is_sign_off(sentence: &str) -> bool {
    const VALEDICTIONS: &[&str] = &[
        "love",
        "cheers",
        "regards",
        "best",
        "sincerely",
        "warmly",
        "yours",
        "thanks",
        "respectfully",
        "kind regards",
        "best regards",
        "warm regards",
        "with love",
        "all the best",
        "best wishes",
        "many thanks",
    ];
    const SIGNATURE: &[&str] = &[
        "the", "team", "teams", "crew", "folks", "everyone", "all", "of", "at", "from", "and",
        "your", "friends", "us", "&",
    ];
    // Most sentences open with another letter, or have no comma among their first words: the
    // check costs a few bytes.
    let sentence = sentence.trim_start();
    if !sentence.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'l' | b'c' | b'r' | b'b' | b's' | b'w' | b'y' | b't' | b'k' | b'a' | b'm'
        )
    }) {
        return false;
    }
    let Some(comma) = sentence.bytes().take(16).position(|b| b == b',') else {
        return false;
    };
    let (head, rest) = (sentence[..comma].trim(), &sentence[comma + 1..]);
    if !VALEDICTIONS.iter().any(|v| v.eq_ignore_ascii_case(head)) {
        return false;
    }
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '!' | '.' | '—' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || SIGNATURE.contains(&w.to_lowercase().as_str())
        })
}

/// What a scanned block is, as its caller knows from the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph, list item, heading or field of prose.
    Prose,
    /// A table cell: judged as a pipe row kept as a paragraph is ([`in_a_table_row`]).
    Cell,
    /// A table cell whose row is a cause field (`| Root cause | … |`, `super::cause_row`):
    /// every sentence of it is judged as whole, punctuated or not.
    CauseCell,
}

/// `source` is `text` as written, before masking (the same length), or `text` itself.
pub(crate) fn scan(
    text: &str,
    source: &str,
    ctx: &WordingContext,
    block: Block,
) -> Vec<WordingHit> {
    let cause_field = block == Block::CauseCell;
    // Every emoji of mockery is four bytes in UTF-8, opening with 0xF0: one byte search per
    // block spares the emoji tests below for almost every sentence.
    let block_has_emoji = memchr::memchr(0xF0, text.as_bytes()).is_some();
    let model = &*MODEL;
    let mut hits = Vec::new();
    for_each_sentence(text, |s, e, toks| {
        let j = judge(model, toks);
        let sentence = &text[s..e];
        // Round 39 (f264–f267's first runs): a field label in capitals before its value
        // ("Cause: José Luis ran past the protection board", "**Culprit:** Dave") is cut from
        // the sentence as a chat line's speaker is (`features::entry_prefix_len`), so the
        // model weighs the value alone; the rules read the label with its value, as they do
        // "Root cause: …", since a cause field that names someone is `Kind::Culprit`'s claim.
        // Only when the value opens with someone's own name or handle: after a capitalised
        // label the value's first word is capitalised as a sentence's is, so a common word
        // there ("**Cause:** Very unlikely to be related", "Root Cause: Merchant
        // authentication service …") is no name, and a possessive ("Apollo's resolver") may
        // be a product's.
        // A label that itself asserts fault ("Culprit:", "At fault:", "Responsible party:")
        // lets the rules read any value (round 46, f386's first run: "At fault: TabWorks
        // (MDM vendor)", and "Culprit: the platform team"): `Kind::Culprit` still asks that
        // the value names someone or a group, so "Culprit: a race in the cache" stays quiet.
        let label = cause_label_before(text, s)
            .filter(|&from| {
                value_opens_with_someone(sentence)
                    || text.get(from..s).is_some_and(label_asserts_fault)
            })
            .and_then(|from| Some((from, text.get(from..e)?)));
        let (rs, rule_sentence, cause_label) = match label {
            Some((from, with_label)) => (from, with_label, true),
            None => (s, sentence, false),
        };
        // Round 46: an emoji of mockery that the sentence split left after the sentence
        // ("siri.c: great job team, double-charging 8,000 riders on payday 👏👏") is read with
        // it by the rules, which judge praise with one as mockery (`Kind::IronicPraise`).
        let tail = if block_has_emoji {
            mocking_emoji_tail(text, e)
        } else {
            e
        };
        let rule_sentence = if tail > e {
            text.get(rs..tail).unwrap_or(rule_sentence)
        } else {
            rule_sentence
        };
        // Below the gate only a person's act told with the harm it did is looked for
        // (`Kind::ActThenHarm`, round 14), and what it finds is a warning (an error needs
        // `ERROR_WITH_RULE`): the model knows few of the acts ("Dwayne zeroed scale 2 with a
        // full bucket on it, so every farmer's beans came up short" is P 0.01).
        let rule_hits = if j.blame < GATE {
            // Round 19: neglect told by an idiom with its agent ("phoned in his review",
            // "winged the failover", `Kind::AsleepIdiom`) is looked for below the gate too,
            // and is a warning there: the model knows few of the idioms. Round 27: so are
            // neglect unheeded, not bothered with, and mocking praise ([`BELOW_GATE_KEYS`]).
            let mut kinds = below_gate_kinds(toks);
            // A memo's or a message's sentences quoted whole (round 47): the model reads them
            // as a quotation, the rules as the statement they are. Not the human-error label's
            // rule, which below the gate needs a cause field: a quoted principle ("\"Human
            // error is where the investigation starts …\" (SRE guild charter)") talks about
            // the label.
            if super::text::opens_a_quoted_statement(text, s) {
                kinds |= !super::patterns::kind_bit(Kind::HumanError);
            }
            // "wrong" passes a sentence to `Kind::WhereTheyWentWrong` only with a wh-word
            // beside it: "the wrong node" is common in operations prose.
            let went_wrong = super::patterns::kind_bit(Kind::WhereTheyWentWrong);
            if kinds & went_wrong != 0 && !toks.iter().any(|t| WH_KEYS.contains(&t.key)) {
                kinds &= !went_wrong;
            }
            // A careless act (its words pass the sentence here, [`BELOW_GATE_KEYS`]) only
            // when the person who did it opens the sentence and the act is told in one clause.
            let careless = super::patterns::kind_bit(Kind::CarelessAction);
            if kinds & careless != 0
                && !someone_opens(text, toks)
                    .is_some_and(|subject| careless_act_in_one_clause(text, toks, subject))
            {
                kinds &= !careless;
            }
            // The authors' "on me" only as "that's on me", "this one is on me" (round 62):
            // "This downtime was on me: the box is my responsibility" owns an outcome, and
            // the model judges it.
            let on_person = super::patterns::kind_bit(Kind::OnPerson);
            if kinds & on_person != 0 && !owned_as_that_one(text, toks) {
                kinds &= !on_person;
            }
            if opens_with_someone(toks) && tells_a_consequence(sentence) {
                kinds |= super::patterns::kind_bit(Kind::ActThenHarm);
            }
            // Round 29 (f192's first run): a pipe row kept as a paragraph is judged by the
            // model as one sentence, so a label in one of its cells ("| 03:40 | CV-03 tripped on
            // overcurrent | Operator error |") is drowned by the neutral cells beside it.
            // The human-error rule's own checks are strict, and table rows are few.
            if block != Block::Prose || in_a_table_row(source, s, e) {
                kinds |= *ROW_KINDS;
            }
            // Round 31 (real122's first run): so is a cause field's value given in prose,
            // "**Root cause:** Operator error - did not anticipate that upgrading containerd.io
            // would restart Docker daemon, stopping all containers.", where the explanation
            // after the label drowns it (P 0.05; 0.70 for "Root cause: operator error - the
            // upgrade restarted Docker.").
            // Round 48 (f420's first run): a word that judges people as a cause field's value
            // ("Contributing factor: carelessness during the broker migration checklist"),
            // which, like "operator error", labels a person's fault as the cause.
            if cause_label || opens_with_a_cause_label(sentence, toks) {
                kinds |= super::patterns::kind_bit(Kind::HumanError)
                    | super::patterns::kind_bit(Kind::Culprit)
                    | super::patterns::kind_bit(Kind::JudgeStrong);
            }
            // In a block with no emoji (`block_has_emoji`), no sentence is read for one.
            if tail > e || (block_has_emoji && super::patterns::mocking_emoji(sentence)) {
                kinds |= super::patterns::kind_bit(Kind::IronicPraise);
            }
            if kinds == 0 {
                return;
            }
            let hits = super::scan_rules_of(rule_sentence, ctx, kinds);
            if hits.is_empty() {
                return;
            }
            hits
        } else {
            super::scan_rules(rule_sentence, ctx)
        };
        // A fragment of a few words ("None.", "Rollback started.") gives the model too little
        // evidence to judge on its own.
        let words = toks.iter().filter(|t| !t.mark).count();
        // A fragment without a full stop (a heading, a table cell, a caption, a byline, an
        // unfinished list label) is judged by the rules alone: the model learned from
        // sentences, and structure is not prose. Nor is a chat line, unless an emoji ends it.
        // Both yield when the model is all but sure and the line names someone (round 40).
        let sure =
            j.blame >= SURE_OF_SOMEONE && (names_anyone(text, toks) || holds_a_handle(text, toks));
        let model_may_warn = j.blame >= ctx.warn.phrase.min(ctx.warn.naming)
            && words >= MIN_WORDS
            && (cause_field
                || sure
                || is_full_sentence(text, s, e)
                || in_a_cause_row(source, s, e))
            && (sure || !is_transcript(text, s, e) || ends_with_emoji(text, s, e))
            && !is_bold_label(source, s, e)
            && !is_a_caption(source, s, e)
            && (j.blame >= ctx.warn.phrase + ENTRY_MARGIN || !opens_an_entry(text, s))
            // "The Shirotae dispatcher, Ms." (round 62, f683's first run: "…, Ms. Goto, kept
            // us updated every 30 minutes"): a piece cut before a name, with no verb in the
            // past before it, tells no act ("… and handed Mrs." does).
            && !(e > s + 1
                && text.as_bytes()[e - 1] == b'.'
                && super::features::title_before(text, e - 1)
                && !toks.iter().any(|t| {
                    text.get(t.start..t.end)
                        .is_some_and(|w| super::patterns::is_past(&w.to_lowercase()))
                }));
        let warn = model_may_warn || !rule_hits.is_empty();
        if !warn || (rule_hits.is_empty() && super::is_meta(sentence)) {
            return;
        }
        // A question answered no, a sign-off and a bold topic label are no claim. Asked only
        // of a sentence that would be reported (most are not), as each is a scan of its own.
        if (asks_a_verdict(text, s, e) && (answered_no(text, e) || is_bold_label(source, s, e)))
            || (asks_yes_or_no(sentence) && answered_no(text, e))
            || is_sign_off(sentence)
            || bylined(text, s, e)
            || (names_a_topic(sentence)
                && (is_bold_label(source, s, e) || is_atx_heading(source, s)))
            || (asks_who(sentence) && answered_nobody(text, e))
            || ((is_atx_heading(source, s) || is_bold_label(source, s, e))
                && (titles_a_label(sentence) || raises_a_label(sentence)))
        {
            return;
        }
        // A title, or wording quoted to talk about: the rules mask the sentence's quotations,
        // but a sentence the split cut inside a quotation pairs its quote marks wrongly
        // ("… is \"what let this happen?\", not \"who let this happen?\"", round 46).
        // A match inside a quotation the split cut is not the rules' to judge, as it would
        // be masked in a whole sentence; the model still judges the sentence alone.
        let in_cut_quotation: Vec<bool> = rule_hits
            .iter()
            .map(|h| cut_inside_a_quotation(text, s, e, rule_sentence, h.start, rs))
            .collect();
        let kept: Vec<&WordingHit> = rule_hits
            .iter()
            .zip(&in_cut_quotation)
            .filter(|&(h, &cut)| {
                !cut && !is_title(text, toks, rs + h.start, rs + h.end)
                    && !quoted_as_wording(text, s, e, rs + h.start)
            })
            .map(|(h, _)| h)
            .collect();
        if !kept.is_empty()
            && kept.iter().all(|h| h.rule == Rule::Hindsight.info().id)
            && denied_at_the_time(text, e)
        {
            return;
        }
        if !kept.is_empty() && reported_then_rejected(text, toks, e) {
            return;
        }
        if !kept.is_empty()
            && kept.iter().all(|h| h.rule == Rule::Punishment.info().id)
            && (is_bold_label(source, s, e) || is_atx_heading(source, s))
            && names_a_sanction_only(text, toks)
        {
            return;
        }
        if kept.is_empty() && in_cut_quotation.contains(&false) {
            // Every rule match was part of a title: the title's words are what the model
            // weighs most, so the model alone does not judge the sentence either.
            return;
        }
        // Model and a rule agree; a rule whose person is known only from the dictionary warns
        // (`Sentence::dictionary_role`).
        let error = j.blame >= ERROR_WITH_RULE && kept.iter().any(|h| h.error);
        let mut found: Vec<(Rule, usize, usize)> = kept
            .iter()
            .map(|h| (rule_of(h.rule), rs + h.start, rs + h.end))
            .collect();
        if found.is_empty() {
            // Both widths of evidence, walked once for the model's own bars and for
            // `act_told_with_its_outcome`.
            let by_width = evidence_by_width(model, text, toks, j.class);
            let evidence = model_evidence(by_width, j.blame, ctx.warn)
                .or_else(|| {
                    (FAMILIES[j.class - 1] == Rule::Sarcasm && j.blame >= ctx.warn.naming)
                        .then(|| repetition_marker(text, toks))
                        .flatten()
                })
                .or_else(|| {
                    act_told_with_its_outcome(text, toks, sentence, j, ctx.warn, by_width.1)
                });
            let Some((a, b)) = evidence else {
                return;
            };
            let (a, b) = trim_marks(toks, a, b);
            let family = FAMILIES[j.class - 1];
            let (start, end) = (toks[a].start, toks[b - 1].end);
            let quoted = quoted_text(text, s, e, start, end);
            if quoted.is_some_and(is_title_case)
                || (family == Rule::HumanError && quoted.is_some())
                || quoted_as_wording(text, s, e, start)
            {
                // The evidence is quoted wording (a title, a phrase talked about), which the
                // rules do not read either: not the author's own.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && evidence_width(text, &toks[a..b]) == Width::Naming
                && actor_was_told(text, toks)
            {
                // The finding rests on the team's name alone, and the team is who was told:
                // "DevOps team alerted that Python is offline" (round 24, real79's first run).
                return;
            }
            if family == Rule::TeamBlame && evidence_was_reached(text, toks, a, b) {
                return;
            }
            // "The support team broke the backlog into four queues" (round 49, f432's first
            // run): the evidence's "broke" divides or is an idiom of no harm, as the rules read
            // it (`patterns::broke_as_division`).
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && (a..b).any(|k| {
                    word_at(text, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("broke")) && {
                        let clause: Vec<String> = (k..(k + 6).min(toks.len()))
                            .filter(|&q| !toks[q].mark)
                            .filter_map(|q| word_at(text, toks, q))
                            .map(str::to_lowercase)
                            .collect();
                        super::patterns::broke_as_division(
                            &clause.iter().map(String::as_str).collect::<Vec<_>>(),
                        )
                    }
                })
            {
                return;
            }
            // The sentence's words, lower-cased once for the gates below that read them.
            let lowered = std::cell::OnceCell::new();
            let words = || lowered.get_or_init(|| lower_words(text, toks)).as_slice();
            // One lower-cased word per token, marks included, for gates that index by the
            // evidence's token positions (`words` leaves marks out).
            let by_token = std::cell::OnceCell::new();
            let tok_words = || by_token.get_or_init(|| token_words(text, toks)).as_slice();
            // The same words as `&str`, for the gates of `patterns` that read them.
            let borrowed = std::cell::OnceCell::new();
            let strs = || {
                borrowed
                    .get_or_init(|| words().iter().map(String::as_str).collect::<Vec<_>>())
                    .as_slice()
            };
            if family == Rule::HumanError
                && (label_denied(text, toks, b) || {
                    // Every token, marks included, so `a` and `b` index it.
                    let all = lowered_span(text, toks, 0, toks.len());
                    let all: Vec<&str> = all.iter().map(String::as_str).collect();
                    super::patterns::label_set_aside(&all, a, b)
                })
            {
                // "A small human mistake is never the true problem" (round 28); "We found no
                // evidence that human error caused …" (round 56).
                return;
            }
            if family == Rule::HumanError
                && b >= 2
                && matches!(
                    tok_words()[b - 1].as_str(),
                    "error" | "errors" | "mistake" | "mistakes"
                )
                && tok_words()[b - 2].chars().any(char::is_alphabetic)
                && tok_words().get(b).is_some_and(|next| {
                    let next = next.rsplit('-').next().unwrap_or(next);
                    super::patterns::HEADS_AFTER_A_LABEL.contains(&next)
                        || super::patterns::form_part_left_unused(next, strs())
                })
            {
                // "The human error section of the vendor's template was left blank, because
                // our findings did not fit it." (round 59, f647's first run, a false error):
                // the label names a part of a form or a thing, as the rules read it.
                return;
            }
            if family == Rule::Counterfactual && super::patterns::substitution_test(strs()) {
                // The substitution test, the method's own counterfactual (round 28).
                return;
            }
            if family == Rule::Hindsight
                && editorial_aside(words())
                && lowered_span(text, toks, a, b).iter().all(|w| {
                    !w.chars().any(char::is_alphanumeric) || EDITORIAL.contains(&w.as_str())
                })
                && !names_anyone_but_the_authors(text, toks)
            {
                // "That's no surprise: …", "Needless to say, our web server configuration
                // received a thorough review after that incident." (round 51, real222's and
                // real223's first runs): the author's aside, resting on its own words, about
                // a thing or the authors' own work.
                return;
            }
            if family == Rule::Punishment
                && {
                    let evidence = lowered_span(text, toks, a, b);
                    let improving = |w: &String| w.starts_with("improv");
                    let trouble = |w: &String| {
                        matches!(
                            w.as_str(),
                            "issue" | "issues" | "problem" | "problems" | "degradation"
                        )
                    };
                    evidence
                        .iter()
                        .all(|w| w == "performance" || improving(w) || trouble(w))
                        && evidence.iter().any(|w| w == "performance")
                        && (evidence.iter().any(improving)
                            // "We apologize for this and other recent performance issues."
                            // (round 56, real291's warning on round 55's final code): a
                            // service's trouble, with no one but the authors in the sentence.
                            || (evidence.iter().any(trouble)
                                && !names_anyone_but_the_authors(text, toks)))
                }
                && !words().iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "plan" | "plans" | "pip" | "pips" | "review" | "appraisal" | "record"
                    )
                })
            {
                // "Error cases began trending downward as Shopify performance improved."
                // (round 51, real228's first run): a system's performance improving, read by
                // the model as the words of a performance improvement plan; a sanction needs
                // the plan named.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && super::patterns::joint_cause(strs())
            {
                // "Kwame's firewall change and the CDN's IP rotation landed in the same hour,
                // and only the combination broke the route." (round 52, f472's first run): the
                // harm laid on conditions lining up, not on the person named among them.
                return;
            }
            if family == Rule::Sarcasm && super::patterns::acts_unasked(strs()) {
                // "… because he keeps them up to date every Friday, which is not in anyone's
                // job description, and it saved the morning." (round 51, f464's first run):
                // initiative, told plainly.
                return;
            }
            if family == Rule::Counterfactual && super::patterns::only_a_load_supposed(strs()) {
                // "Had we seen thousands of players, this would have left a very bad first
                // impression." (round 51, real224's first run): a load that did not come.
                return;
            }
            if family == Rule::Counterfactual && super::patterns::only_deliveries_expected(strs()) {
                // "If this happened to you, you should have gotten an email saying as much."
                // (round 51, real222's first run): what should have reached the reader.
                return;
            }
            if family == Rule::Counterfactual
                && (super::patterns::supposes_a_worse_outcome(strs())
                    || super::patterns::harm_supposed_then_denied(strs()))
            {
                // "Had the pilgrims landed an hour earlier, the overbooking would have hit
                // twice as many groups." (round 52, f482's first run): more harm supposed, not
                // harm that someone's act would have avoided.
                return;
            }
            if family == Rule::Counterfactual && super::patterns::outcome_could_have_been(strs()) {
                // "That could easily have been an hour." (round 50, f443's first run): how
                // much worse the outcome could have been, said of no one.
                return;
            }
            if family == Rule::Punishment
                && (a..b).any(|k| {
                    k > 0
                        && word_at(text, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("fine"))
                        && word_at(text, toks, k - 1)
                            .is_some_and(|w| states_a_quality(&w.to_ascii_lowercase()))
                })
            {
                // "Marek's deploy rights are fine, the pipeline just lost its token" (round 50,
                // f445's first run): "fine" after a copula, a verb of seeming or a degree is
                // the adjective, not a penalty.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && fails_something_over(words())
                && !tells_a_consequence(sentence)
                && (a..b).any(|k| {
                    word_at(text, toks, k)
                        .is_some_and(|w| w.to_ascii_lowercase().starts_with("fail"))
                })
            {
                // "Our team failed the storage pool over to Brno at 04:12" (round 28, f186's
                // first run): failing a service over is an operation, not a failure, when the
                // model's evidence is the word "failed" itself ("misread the alert and failed
                // over the wrong database" rests on "misread", and stays found), and the
                // sentence tells no consequence (", and that cost us …").
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Negligence
            ) {
                // "The Camp 7 crew ignored the frozen GPS and navigated by the haul-road
                // markers, exactly as their training says" (round 45, f377's first run): the
                // act is the one the procedure asks for.
                // "… without waiting for members to ask" (round 46): initiative.
                if super::patterns::done_as_told(strs()) || super::patterns::acts_unasked(strs()) {
                    return;
                }
                // "Lotte's regression pack is the reason the second bad mapping never reached
                // production" (round 45): credit for harm kept away.
                if family != Rule::Negligence && super::patterns::credits_harm_kept_away(strs()) {
                    return;
                }
            }
            if matches!(family, Rule::Judgemental | Rule::Sarcasm)
                && another_as_someone(tok_words(), a, b)
            {
                // "Yet another tweeted about the fact that we were broadcasting Naval
                // Observatory Time for an hour!" (round 59, real341's first run): "another"
                // is a person who got in touch, the subject of the verb after it, not the
                // exasperation of "yet another outage".
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Negligence
            ) && kept_people_safe(words())
            {
                // "The warehouse team skipped the Saturday loading slot after the FumiPlan
                // warning, which kept everyone out of the gas zone." (round 59, f654's first
                // run): the act told with the harm it kept people from.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && (made_it_because(words()) || reached_because_someone_had(words()))
            {
                // "Six containers made the vessel because Ama Serwaa and her colleagues
                // entered their permits by hand; …" (round 59, f654's first run): what went
                // right, credited to the people who did it.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && had_a_hard_time(words())
            {
                // "Staff at the Puerto Lagos office had a hard morning." (round 59, f649's
                // first run): what the incident put people through, told with sympathy.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && sends_help(words()) {
                // "The Jeddah and Madinah desks sent three staff by road to help." (round 52,
                // f482's first run): help sent is credit.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && done_on_time(words()) {
                // "The finance team closed the month-end books on schedule despite the
                // reconciliation work." (round 52, f485's first run): a duty done on time.
                return;
            }
            if family == Rule::Punishment
                && done_on_time(words())
                && words().iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "account" | "accounts" | "login" | "logins" | "credentials" | "badge"
                    )
                })
            {
                // "The monthly contractor-access review suspended Kwame's account on
                // schedule" (round 56, f579's first run): an account closed by a routine on
                // its timetable, not a sanction on the person.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && super::patterns::credited_as_how_it_was_found(strs())
            {
                // "Tomasz sorted the alarm list by priority on his own initiative, which is how
                // the low-pressure alarm was found." (round 56, f582's first run): the act
                // told as how the fault was found.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && did_the_job(words()) {
                // "The maintenance team did their job." (round 47, f408's first run): a duty
                // told as done is credit; "did not do their job" stays judged.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && signed_off_plainly(words())
            {
                // "Nothing suspicious, and QA signed off on the release." (round 54, real275's
                // first run, left then; round 55): a sign-off told and nothing else in its
                // clause. "… signed off on a build they never ran" and "… without reading it"
                // tell what went wrong with it, and stay judged.
                return;
            }
            if family == Rule::TeamBlame && team_on_the_clock(sentence, words()) {
                // "The Bergen team shipped the corrected settlement file at 17:40." (round 46,
                // f384's and f386's first runs): a team's act told with its time and nothing
                // else, as a named person's timeline entry is told.
                return;
            }
            if family == Rule::TeamBlame
                && (opens_an_entry(text, s) || within_an_entry(text, s))
                && !spoken_in_chat(source, s, e)
                && told_plainly(sentence, words())
            {
                // Or a later sentence of the entry: "**Thursday 26 November, 15:30.** The
                // portal operator confirmed a credit … Finance released the hold." (round 55,
                // f553's first run).
                // "- 2:21 The engineers reboot the backend server." (round 48, real204 on the
                // final code): a timeline entry that tells a team's act and nothing more, as
                // "14:02 Priya restarted the primary" tells a person's. Not a chat line,
                // where a responder's "QA passed it, so QA owns this" is blame in plain words.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && credits_the_actor(text, toks, words())
            {
                // "The billing team made an important point" (round 24, f152's first run):
                // what the team did is credited, and irony is the sarcasm family's.
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Negligence
            ) && credits_a_catch(words())
            {
                // "What did catch it was Ingrid's manual cross-check." (round 51, f453's first
                // run): what found the fault or saved the day, credited.
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Negligence | Rule::Punishment
            ) && leaves_a_place(words())
            {
                // "Eventually the entire Infrastructure team got up and left at once" (round
                // 51, real221's first run): people getting up and leaving, told as what the
                // author saw.
                return;
            }
            if matches!(
                family,
                Rule::Sarcasm | Rule::TeamBlame | Rule::IndividualFault | Rule::Judgemental
            ) && praises_a_rescue(text, toks, words())
            {
                // Sincere thanks for what helped; irony praises harm (round 25).
                return;
            }
            if family == Rule::Judgemental && grades_well(text, toks, words()) {
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && (states_a_duty(words()) || states_a_need(words()))
            {
                // "The ATS is responsible for flipping load between the active and backup
                // power" (round 37, real148 on the final engine): what someone or something
                // is there to do, not a fault.
                return;
            }
            if family == Rule::Sarcasm && super::patterns::doubts_anyone(strs()) {
                // "We doubt anyone on the team knew of it." (round 38, f248's first run): a
                // doubt that anyone did is a denial, as "nobody knew" is. The other families
                // ask it through `is_not_asserted` (`Sentence::does_not_assert`), below.
                return;
            }
            if advises_the_reader(text, toks, words()) {
                // "Make sure that you use one of the supported releases and update your image."
                // (round 37, real140 on the retrained model): an instruction to the reader
                // about the reader's own step names no one at fault.
                return;
            }
            if family == Rule::Sarcasm
                && words().windows(3).any(|w| {
                    matches!(w[0].as_str(), "i" | "we")
                        && w[1] == "wondered"
                        && matches!(w[2].as_str(), "if" | "whether")
                })
            {
                // "I wondered if anyone had noticed." (round 38, real152's first run): the
                // authors' own doubt at the time, told in the past; "I wonder who approved
                // this" insinuates in the present, and stays judged.
                return;
            }
            if family == Rule::Negligence
                && words()
                    .first()
                    .is_some_and(|w| matches!(w.as_str(), "i" | "we"))
                && plain_own_account(text, toks, words())
                && !words().iter().any(|w| NEGLECT.contains(&w.as_str()))
            {
                // "I watched for forty minutes and went home." (round 47, f401's first run):
                // the authors' plain account of their own acts, with no word of neglect in
                // it, is no charge of neglect; "we ignored the disk alerts" stays judged.
                return;
            }
            if family == Rule::Sarcasm && plain_own_account(text, toks, words()) {
                // "Another aspect of this incident was that we forgot to deploy the patch for
                // the steam client." (round 26, a real report's first run): the authors tell
                // their own act, plainly, with no one else to mock and no mark of irony.
                return;
            }
            if family == Rule::Sarcasm
                && quoted_speech(text, s, e, start)
                && !toks.iter().any(|t| t.actor)
                && !holds_a_handle(text, toks)
            {
                // Words put in a program's mouth, with nobody in the sentence: "PostgreSQL was
                // all like \"indexes? lol never heard of 'em\"" (round 27, a real report's
                // first run). Scare quotes ("the \"fully tested\" release") and a saying
                // quoted without a speaker ("the famous \"it works on my machine\"") stay
                // judged.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault
                    | Rule::Judgemental
                    | Rule::Punishment
                    | Rule::TeamBlame
                    | Rule::Sarcasm
            ) && (states_who_held_a_role(text, toks) || names_who_holds_a_role(text, toks))
            {
                // "The incident commander was Priya." (round 29), "Owner: Joy Magbanua and
                // Teddy Lim." (round 55): a fact of who held a role.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence
            ) && names_only_programs(text, toks, ctx.products())
            {
                // "Also worth saying: Granero let the same transfer ID in twice without
                // complaint." (round 55, f561's first run), where the report names "Granero
                // v4": the only name in the sentence is one of the document's programs.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence
            ) && closes_with_a_purpose(words())
                && !tells_of_harm(sentence)
            {
                // "When the observed levels confirmed his concern, he closed the barrier on his
                // own authority, which is exactly what procedure BK-7 is for." (round 55,
                // f560's first run): an act told as what a procedure is there for, as the
                // rules read it (`patterns::fulfils_a_purpose`).
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Negligence
            ) && (super::patterns::denies_the_miss(sentence) || kept_it_going(words()))
            {
                // "The data team's on-call missed no alerts, because the stale-chart condition
                // had no alert at all." (f564) and "The Naviera Calbuco crew kept oxygen stable
                // for six hours" (f566), round 55's first runs: a miss denied by its object,
                // and people keeping something steady.
                return;
            }
            if weighs_a_word(words()) {
                // "Calling it a mistake, or anyone's fault, would set the wrong people the
                // wrong homework." (round 55, f558's first run): what a word would do if
                // chosen, which the rules read as talk about wording (`weighs_a_label`).
                return;
            }
            if matches!(family, Rule::IndividualFault | Rule::TeamBlame)
                && tells_who_is_who(text, toks)
            {
                // "Handles: gortiz is Gabriela, fbennani is Fatima, …, nacho is Ignacio from
                // the Luján scale house." (round 55, f554's first run): a legend of who is
                // who before a pasted chat.
                return;
            }
            if matches!(
                family,
                Rule::Counterfactual | Rule::Negligence | Rule::IndividualFault
            ) && unprompted_by_a_thing(words())
            {
                // "The runbook never asked her to compare the total with last season, and the
                // number she would have needed was in a folder nobody would think to open
                // during an upload." (round 55, f556's first run): what a thing never asked
                // of people is its gap, and what they would have needed is the condition.
                return;
            }
            if family == Rule::Negligence
                && lowered_span(text, toks, a, b)
                    .windows(2)
                    .any(|p| p[0] == "other" && p[1] == "way")
                && !looked_away(words())
            {
                // "The protein and SCC errors pushed the payment the other way." (round 55,
                // f557's first run): a direction, not the idiom of looking away.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault
                    | Rule::Negligence
                    | Rule::HumanError
                    | Rule::TeamBlame
                    | Rule::Judgemental
            ) && roles_held_by_one(words())
            {
                // "The on-call engineer and the deploying engineer were the same person."
                // (round 55, f550's first run): two roles held by one person is a condition
                // of the work, which the model read as a verdict on the roles it names.
                return;
            }
            if states_no_cause_yet(words()) {
                // "**Root Causes:** Yet To Be Determined" (round 27, a real report's first
                // run): a field that says the cause is not known yet blames no one.
                return;
            }
            if family == Rule::Sarcasm && apologises(toks, words()) {
                // "Again, I'm truly sorry this happened." (round 24, real85's first run): the
                // authors' own apology, with no one else in it, is no irony.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault
                    | Rule::TeamBlame
                    | Rule::HumanError
                    | Rule::Judgemental
                    | Rule::Sarcasm
            ) && denies_any_mistake(words())
            {
                // "Nobody at the intake desk made a mistake." (round 57, f609's first run).
                return;
            }
            if (matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence | Rule::Judgemental
            ) && tells_a_future_aid(words()))
                || (family == Rule::HumanError && error_in_a_thing(words()))
                || (matches!(
                    family,
                    Rule::IndividualFault | Rule::TeamBlame | Rule::HumanError
                ) && reports_an_investigation(words()))
            {
                // A remedy a thing will make possible, an error in a thing, and an
                // investigation under way (round 57: f613's and real319's first runs).
                return;
            }
            if family == Rule::Punishment
                && b == a + 2
                && matches!(tok_words()[a].as_str(), "our" | "my")
                && a >= 2
                && tok_words()[a - 1] == "on"
                && matches!(
                    tok_words()[a - 2].as_str(),
                    "flag" | "hold" | "block" | "restriction" | "suspension" | "limit" | "lock"
                )
                && !toks[a + 1].actor
                && !toks[a + 1].person_noun
                && super::lexicon::is_thing_noun(&tok_words()[a + 1])
            {
                // "JSN's integration manager has accepted our explanation and cleared the
                // flag on our account." (round 58, f630's first run): the authors' own
                // account, flagged by a vendor, is a thing's state, not a person sanctioned.
                return;
            }
            if family == Rule::Negligence
                && !toks.iter().any(|t| t.actor)
                && unseen_for_want_of_a_thing(text, toks)
            {
                // "Those errors went unread for 30 minutes because no dashboard or alert was
                // reading them." (round 58, f628's first run): the reason is a thing that was
                // missing, and no one is in the sentence.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && (0..toks.len())
                    .any(|k| toks[k].actor && plain_detection(sentence, tok_words(), k + 1, k + 2))
                && !words()
                    .iter()
                    .any(|w| matches!(w.as_str(), "and" | "but" | "so" | "because" | "after"))
            {
                // "Hydrant staff discovered the leak early this morning." (round 58, as
                // real328's first run): the find is the act told, and is credit.
                return;
            }
            if family == Rule::Sarcasm && plain_detection(sentence, tok_words(), a, b) {
                // "NICS staff discovered the mail service outage early this morning." (round
                // 58, real328's first run): a find told plainly.
                return;
            }
            if family == Rule::Negligence && despite_efforts(tok_words(), a) {
                // "Despite our best efforts, sometimes things just go wrong." (round 58,
                // real332's first run): effort made, not care withheld.
                return;
            }
            if family == Rule::Sarcasm
                && b == a + 1
                && (courtesy_to_the_reader(text, toks, a) || sure_of_the_readers_feelings(words()))
            {
                // "As I'm sure you can appreciate, it's an all hands on deck effort." (round
                // 58, real326's first run): a courtesy to the reader, not irony about anyone.
                return;
            }
            if family == Rule::Negligence && denies_every_neglect(text, toks) {
                // "Nothing was skipped and nothing was rushed." (round 56, f581's first run):
                // every word of neglect in the sentence stands under a denial.
                return;
            }
            if family == Rule::Negligence && then_found_it(words()) {
                // "amirh@ skimmed the Flutter issue database a day after the incident started
                // and flags the issue" (round 35, real140's first run): the look led to the
                // find, and is credited.
                return;
            }
            if family == Rule::Hindsight
                && b == a + 1
                && word_at(text, toks, a).is_some_and(|w| w.eq_ignore_ascii_case("sure"))
                && a > 0
                && word_at(text, toks, a - 1).is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "make" | "makes" | "making" | "made"
                    )
                })
            {
                // "… so we needed to make sure the stream came through" (round 40, real162 on
                // the final code): "make sure" is a step taken, and "sure" alone is no look
                // back.
                return;
            }
            if reported_then_rejected(text, toks, e) {
                // As for the rules' findings (round 58, f636's and f643's first runs).
                return;
            }
            if family == Rule::Hindsight && denied_at_the_time(text, e) {
                // "It's obvious now that a second look would have found more. At 12:30 it
                // wasn't." (round 37, f242's first run): the look back is named as one, and
                // the next sentence denies it for the time.
                return;
            }
            if family == Rule::Hindsight && denies_anyone_could_see(words()) {
                // "In hindsight, the signs were all in the inbox, but nobody was in a position
                // to see them" (round 35, f214's first run): the look back clears everyone.
                return;
            }
            if matches!(
                family,
                Rule::Hindsight | Rule::Counterfactual | Rule::Negligence
            ) && states_a_norm_for_events(words())
                && !names_anyone(text, toks)
            {
                // "This sort of outage clearly shouldn't happen": a norm about events now,
                // not a look back at what someone should have done (round 35).
                return;
            }
            if matches!(
                family,
                Rule::Hindsight | Rule::Negligence | Rule::IndividualFault | Rule::TeamBlame
            ) && names_only_the_affected(text, toks)
            {
                // "Anyone affected by this leak has had their API key reset already": the
                // people the incident reached, not anyone at fault (round 35).
                return;
            }
            if family == Rule::Counterfactual
                && (super::patterns::made_possible(strs())
                    || super::patterns::supposes_someone_away(strs()))
            {
                // "… meant we could have rolled back instantly": what a change made possible,
                // not another course; "If Lucas had been on leave, I'm not confident anyone else
                // would have looked": a person supposed away (round 49), as the rules read both.
                return;
            }
            if family == Rule::Counterfactual && modal_perfects_of_things_only(words()) {
                // "FrostLine could not stop pump 3, because it no longer controlled it, and
                // did not know it should have tried." (round 43, f344's first run): what a
                // thing should have done.
                return;
            }
            if family == Rule::Counterfactual && !holds_a_counterfactual_mark(text, toks, words()) {
                // "Everything was plugged back as soon as the technician realised the
                // mistake": an account of what happened, with no other course in it (round
                // 25, a real report's first run).
                return;
            }
            if family == Rule::Counterfactual
                && (states_a_present_need(words())
                    || lifts_a_duty(words())
                    || states_a_standing_rule(words()))
            {
                // "A Releaser just needs to verify the release looks fine", "These two teams
                // need to have a better working relationship": a need now, no other course
                // the past could have taken (round 24, real75's and real71's first runs).
                return;
            }
            if matches!(family, Rule::Counterfactual | Rule::TeamBlame)
                && b > a
                && word_at(text, toks, b - 1).is_some_and(|w| w.eq_ignore_ascii_case("needed"))
                && word_at(text, toks, b)
                    .is_some_and(|w| NEED_OBJECTS.contains(&w.to_ascii_lowercase().as_str()))
            {
                // "The loading officer needed the re-sequencing to keep camper vans off the
                // inboard section." (round 41, f303's first run): a need of a thing, told as a
                // fact; "needed to test …" is the obligation, and stays judged.
                return;
            }
            if matches!(family, Rule::Sarcasm | Rule::Hindsight)
                && words().windows(2).any(|w| w[0] == "of" && w[1] == "course")
                && words().iter().any(|w| matches!(w.as_str(), "i" | "we"))
                && !names_anyone_but(text, toks, |k| {
                    word_at(text, toks, k).is_some_and(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "i" | "me" | "my" | "we" | "us" | "our"
                        )
                    })
                })
                && !holds_a_handle(text, toks)
                && !toks.iter().any(|t| t.person_noun)
            {
                // "Of course, the bug was only seen in production, so I had a production
                // MySQL shell open to see the bad rows." (round 41, real165's first run): the
                // authors' own account with an ironic "of course" about how events went, and
                // no one else in it to mock. "Of course the contractor's \"quick fix\" needed
                // three days to undo" has a target, and stays judged.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && {
                let evidence = lowered_span(text, toks, a, b);
                evidence.len() == 2
                    && matches!(
                        evidence[1].as_str(),
                        "broke" | "crashed" | "froze" | "stalled"
                    )
                    && word_at(text, toks, b).is_none_or(|w| !w.chars().any(char::is_alphanumeric))
            } {
                // "That's why only Kitikmeot broke." (round 53, f503's first run): the
                // evidence is a name and a verb of breaking with nothing after it. A person
                // breaks something; a site, a region or a service that just "broke" is the
                // thing that failed.
                return;
            }
            if family == Rule::Counterfactual
                && lowered_span(text, toks, a, b) == ["needed", "to"]
                && !toks.iter().any(|t| t.actor || t.person_noun)
                && need_spared_by_a_plan(words())
            {
                // "Had our prediction held up and the maintenance been carried out this
                // evening as scheduled, we wouldn't even have needed to post this detail."
                // (round 53, real256's first run): a plan or a forecast supposed to hold, and
                // a chore the authors would have been spared; nobody's act is weighed.
                return;
            }
            if meeting_moved_for_attendance(words()) {
                // "We skipped the usual weekly review so the whole team could attend this one."
                // (round 53, f512's and f497's first runs): a meeting skipped, moved or hurried
                // so that people could attend; what was skipped is a meeting, and the reason
                // is to include people.
                return;
            }
            if family == Rule::Counterfactual && credits_by_without(words()) {
                // "Without them, Saturday would have gone very differently." (round 53,
                // f514's first run): thanks told as the outcome people kept away.
                return;
            }
            if matches!(
                family,
                Rule::TeamBlame | Rule::IndividualFault | Rule::Sarcasm | Rule::Judgemental
            ) && deserves_credit(text, toks, words())
            {
                // "The dispatch desks deserve particular mention." (round 54, f534's first
                // run): thanks told as what people deserve. "… deserves special mention for
                // breaking prod again" is irony, and stays judged.
                return;
            }
            if !matches!(family, Rule::Punishment | Rule::Sarcasm)
                && opens_with_thanks(words(), sentence)
            {
                // Gratitude that opens the line (round 57, f617's first run on the final
                // code): "Big thanks to their Tromsø dispatch desk."
                return;
            }
            if family == Rule::TeamBlame && team_lacks_a_resource(words()) {
                // A team's want of a resource is a condition of its work (round 57, f616's
                // first run); a want of sense or care ("has no idea what they are doing")
                // stays judged.
                return;
            }
            if family == Rule::HumanError && errors_of_a_system(words()) {
                // "967 4XX errors in CloudWatch to just the testmaker S3 bucket, indicative of
                // export/import errors" (round 54, real270's first run): errors counted by
                // their code or their kind are a system's, not a person's.
                return;
            }
            if family == Rule::TeamBlame
                && b > a
                && lowered_span(text, toks, a, b)
                    .iter()
                    .any(|w| matches!(w.as_str(), "shift" | "shifts"))
                && shift_told_as_a_time(text, toks, a)
            {
                // "… which puts any delayed failure in the middle of the night shift" (round
                // 54, f533's first run): a shift named as a time, after "during" or "in the
                // middle of", is when something happened, not who did it.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence
            ) && left_unprompted(words())
            {
                // "Ahmed skipped the torque check because the work card no longer listed it"
                // (round 54, f539's first run): the omission explained by what should have
                // prompted it, as the rules read it (`Sentence::left_unprompted`).
                return;
            }
            if matches!(family, Rule::IndividualFault | Rule::TeamBlame)
                && detection_came_first(words())
            {
                // "Bishwajit's morning cash-position check is the reason the duplicates were
                // found before any disbursement went out twice." (round 54, f538's first run,
                // a false error): `Kind::ReasonIs` reads the same credit.
                return;
            }
            if super::patterns::meeting_skipped_for_work(
                &words().iter().map(String::as_str).collect::<Vec<_>>(),
            ) {
                // "Hamish skipped the morning stand-up to walk the reject conveyor with the
                // Strathmore engineer." (round 54, f529's first run): a gathering missed for
                // work told with it; a review or a handover skipped, or a stand-up skipped to
                // sleep in, stays judged.
                return;
            }
            if family == Rule::Negligence && time_spent_on_a_repair(words()) {
                // "Kelvin's line was stopped for six hours while the scanner was replaced."
                // (round 54, f529's first run): the time is told with the work that filled
                // it. "The ticket sat for six hours while everyone waited" stays judged.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && acts_as_directed(words())
            {
                // "The crew loaded the reel the slot pointed to." (round 54, f529's first
                // run): people doing what a system showed them, the sentence closing on the
                // system's direction.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && a > 1
                && word_at(text, toks, a - 1).is_some_and(|w| w.eq_ignore_ascii_case("what"))
                && word_at(text, toks, a).is_some_and(|w| w.eq_ignore_ascii_case("caused"))
                && word_at(text, toks, a - 2).is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "stating"
                            | "stated"
                            | "states"
                            | "explaining"
                            | "explained"
                            | "explains"
                            | "describing"
                            | "described"
                            | "describes"
                            | "know"
                            | "knew"
                            | "determine"
                            | "determined"
                            | "understand"
                            | "understood"
                            | "find"
                            | "found"
                            | "showing"
                            | "showed"
                            | "shows"
                            | "about"
                            | "on"
                    )
                })
            {
                // "GSK (Gameserverkings) released an official statement here stating what
                // caused the outage." (round 53, real260's first run): "what" is the subject
                // of "caused", a cause told or sought after a verb of saying or knowing, not
                // the team named before it. A cleft ("… is what caused the outage") and "…,
                // which caused the outage" may carry a person's act, and stay judged.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault) && weighs_blaming(words())
            {
                // "Blaming the Ghent scale operators would not explain why the same duplicates
                // appeared on the unattended outbound scale." (round 53, f500's first run):
                // blame weighed as a method, and put aside.
                return;
            }
            if family == Rule::Sarcasm
                && of_course_a_hard_season(words())
                && !(0..toks.len()).any(|k| {
                    (toks[k].actor || toks[k].person_noun)
                        && !word_at(text, toks, k).is_some_and(|w| {
                            super::patterns::is_day_or_month(&w.to_ascii_lowercase())
                        })
                        && !(k > 0
                            && word_at(text, toks, k - 1).is_some_and(|w| matches!(w, "at" | "in")))
                })
                && !holds_a_handle(text, toks)
            {
                // "Of course, December is always a tricky month here at ICPSR." (round 53,
                // real248's first run): a wry "of course" about a time of year, which is the
                // sentence's subject; nobody is in it to mock but the place it is told of.
                return;
            }
            if (matches!(family, Rule::IndividualFault | Rule::TeamBlame)
                && declares_it_correct(words()))
                || (family == Rule::Negligence && calls_it_reasonable(words()))
                || (matches!(
                    family,
                    Rule::IndividualFault
                        | Rule::TeamBlame
                        | Rule::HumanError
                        | Rule::Negligence
                        | Rule::Judgemental
                ) && made_a_sound_call(words()))
            {
                // "Hùng's change to the mapping sheet was correct; the importer simply read
                // it twice." (round 41, f310's first run on 649048b): the person's
                // work is cleared, and the fault is put on a system. So is an act called
                // reasonable ("Going back to sleep with the pager on was a reasonable
                // decision.", round 53, f514's first run).
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence | Rule::Judgemental
            ) && clears_a_person(sentence)
            {
                // "Lior found the heartbeat problem; it was Sentrix's config file, not his
                // change." (round 44, f358's first run): the sentence sets the cause against a
                // person's act and clears the person.
                return;
            }
            if family == Rule::HumanError && !names_a_slip(text, toks) {
                // A root cause that names no slip is no human-error label.
                return;
            }
            if family == Rule::Punishment
                && j.blame < SURE_SANCTION
                && !names_anyone(text, toks)
                && !heads_will_roll(words())
            {
                // "Improve planning around infrastructure upgrades": a sanction needs someone
                // to fall on, and a plan that names nobody is read as a sanction only by the
                // stems it shares with one ("improvement plan"; round 23, a published action
                // list). The model's surest sanctions ("Heads will roll") name no one, and
                // stay found.
                return;
            }
            if family == Rule::Punishment
                && access_told_not_taken(words(), &lowered_span(text, toks, a, b))
            {
                // "The contractor's access to production is neither time-limited nor
                // reviewed." (round 56, f581's first run): access told as a standing state,
                // with nothing taken away.
                return;
            }
            if family == Rule::Punishment && super::patterns::routine_offboarding(strs()) {
                // "During a routine employee offboarding, we revoked that employee's access to
                // Fastly." (round 56, real306's first run), as the rules read it.
                return;
            }
            if matches!(
                family,
                Rule::IndividualFault | Rule::TeamBlame | Rule::Punishment
            ) && super::patterns::remedy_for_whoever(strs())
            {
                // "This ensures that anyone who had inadvertently logged in as someone else
                // …" (round 56, real307's first run), as the rules read it.
                return;
            }
            if family == Rule::Counterfactual
                && super::patterns::asks_what_happened(strs(), Some(sentence))
            {
                // "Had they touched something they shouldn't?" (round 56, real307's first
                // run), as the rules read it.
                return;
            }
            if family == Rule::Hindsight && concedes_a_present(text, toks, words()) {
                // "Sure, it's unpleasant and the engineers try to minimise these times."
                // (round 56, real307's first run): a concession about how things are.
                return;
            }
            if family == Rule::Punishment && fires_as_a_trigger(text, toks, words()) {
                // "If the staleness check fires, the on-call engineer should ring NordSnø's
                // duty line first." (round 61, f674's first run): a check that fires, not
                // someone fired.
                return;
            }
            if family == Rule::Punishment && offers_support(words()) {
                // "I have asked team leads to make sure those staff have had time to debrief
                // and, where they want it, access to the employee assistance programme."
                // (round 56, f585's first run): care offered to staff, no sanction.
                return;
            }
            if family == Rule::Punishment && a_lesson_for_us_all(text, toks, words()) {
                // "Let this be a lesson for us all to never underestimate backups!" (round 35,
                // real142's first run): the authors' lesson for everyone, themselves included.
                return;
            }
            if family == Rule::IndividualFault
                && j.blame < SURE_FAULT
                && !names_anyone_but(text, toks, |k| {
                    // "… the only warning goes to a mailbox nobody is reading" (round 58,
                    // f632's first run): "nobody" is no individual at fault.
                    word_at(text, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("nobody"))
                })
                && !holds_a_handle(text, toks)
            {
                // "This one got fixed when deleted the `.enigmad/.compute` directory": a
                // fault needs someone whose fault it is, and a sentence that names nobody is
                // read as one only by the verbs it shares with faults (round 24, real78's
                // first run; real68's "the TLS certificate" too).
                return;
            }
            if family == Rule::TeamBlame
                && j.blame < SURE_FAULT
                && ((a..b).any(|k| named_as_a_thing(text, toks, k))
                    || (b == a + 1
                        && (0..toks.len())
                            .any(|k| word_at(text, toks, k).is_some_and(spelled_as_an_acronym))))
                && !names_anyone(text, toks)
                && !holds_a_handle(text, toks)
            {
                // "Service Affected: The whole Zipchat platform" (round 57, real316's first
                // run): the evidence rests on a brand before a thing, and with no group or
                // person in the line it is no team's fault.
                return;
            }
            if matches!(family, Rule::TeamBlame | Rule::IndividualFault)
                && j.blame < SURE_FAULT
                && toks[a].key == super::features::NAME
                && after_a_preposition(text, toks, a)
                && !names_anyone_but(text, toks, |k| k == a)
                && !holds_a_handle(text, toks)
            {
                // "TANESCO mains supply to Nyamagana fails." (round 60, f664's first run):
                // the evidence opens with a name that a preposition governs, a place or a
                // thing the sentence's real subject goes to, and no one else stands in it.
                return;
            }
            if family == Rule::IndividualFault && author_alone(text, toks) {
                // "I deleted the pager group for Crew B, so …": the author's own account of
                // what they did names no one else as the cause (as the rules' author_alone).
                return;
            }
            if word_at(text, toks, 0).is_some_and(|w| {
                super::patterns::BELIEF_PARTICIPLES
                    .iter()
                    .any(|b| b.eq_ignore_ascii_case(w))
            }) && sentence.contains(',')
            {
                // "Assuming she has made a mistake while relabelling, she emails the lab
                // integrations inbox to ask." (round 39, f264's first run): the belief before
                // the comma is not asserted (`Sentence::does_not_assert`), and the model,
                // which weighs the whole sentence, cannot say which clause it judged; the
                // rules still read what follows the comma.
                return;
            }
            let written = source.get(s..e).unwrap_or(sentence);
            if super::is_not_asserted(family, sentence, written, start - s, ctx) {
                // "asked whether this was human error", "asked whether staff would be
                // disciplined": asked about, not asserted; "The fuzz test should have caught
                // this crash": a test, not a reviewer (round 21, real65's first run).
                return;
            }
            found.push((family, start, end));
        }
        for (rule, start, end) in found {
            let Some((start, end)) = tidy(text, start, end) else {
                continue;
            };
            let message = format!(
                "{} Here: \"{}\" ({}).",
                rule.message(),
                as_written(text, source, start, end),
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
                suggestion: suggestion(rule, text, source, toks, start, end),
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

/// Whether the sentence holds one of the joints `Kind::ActThenHarm` needs (", so", ", which",
/// ", and …", "what", with any white space; " and took", " and knocked", " and then took" and
/// " and locked", round 60): a test on bytes, so that sentences below the gate cost the rules
/// nothing unless they tell a consequence (round 14: running the rule's anchors on every
/// sentence cost 28% more instructions on trigger-heavy text).
fn tells_a_consequence(sentence: &str) -> bool {
    static WHAT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"what"));
    static AND: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b" and "));
    let b = sentence.as_bytes();
    // The rule's regex allows any white space, a line break of a wrapped paragraph too.
    let space = |i: usize| b.get(i).is_some_and(u8::is_ascii_whitespace);
    let word_at =
        |i: usize, w: &[u8]| b.get(i..i + w.len()).is_some_and(|x| x == w) && space(i + w.len());
    memchr::memchr_iter(b',', b).any(|i| {
        let mut k = i + 1;
        while space(k) {
            k += 1;
        }
        word_at(k, b"so") || word_at(k, b"and") || word_at(k, b"which")
    }) || found_where(b, &WHAT, |i| i > 0 && space(i - 1) && space(i + 4))
        // "… and took the vision cabinet down" (round 60): a second act that is the harm,
        // joined with no comma; one search for " and ", then the word after it (a window
        // compared at every byte cost 3 M instructions on trig100).
        || found_where(b, &AND, |i| {
            let rest = &b[i + 5..];
            let opens = |w: &[u8]| {
                rest.get(..w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w))
            };
            opens(b"took ") || opens(b"knocked ") || opens(b"then took ") || opens(b"locked ")
        })
}

/// Whether `finder` matches in `b` at a place `ok` accepts (`ok` gets the match's start).
/// `Finder::find` from each place on: `find_iter` would copy the searcher for every sentence
/// below the gate.
fn found_where(
    b: &[u8],
    finder: &memchr::memmem::Finder<'_>,
    mut ok: impl FnMut(usize) -> bool,
) -> bool {
    let mut from = 0;
    while let Some(p) = b.get(from..).and_then(|rest| finder.find(rest)) {
        let i = from + p;
        if ok(i) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Whether someone stands among the sentence's first words, as `Kind::ActThenHarm` needs: a
/// name, a handle, a role or a group the model knows as an actor, or a lower-case noun
/// `dictionary::is_person_noun` knows ("The smokehouse night porter flicked …").
fn opens_with_someone(toks: &[Tok]) -> bool {
    // Lower case only, as `Sentence::class` asks the dictionary: "Curator" is a product.
    toks.iter().take(8).any(|t| t.actor || t.person_noun)
}

/// Whether the sentence starting at `s` is part of a timeline entry: its line opens, after any
/// list marker, table bar or bracket, with a clock time ("14:41", "[09.26]", "- 10:00 -",
/// "| 03:14 |", "14h05"), or with any stamp the timeline reads that holds a time of day
/// ("- 2026-02-17 13:38 MR merged …", "| 2024-03-13 13:00 |", "Wed 4 Mar 14:05": round 22, a
/// dated entry of real68 the margin had missed). Looks back at most as far as [`line_start`]
/// does.
fn opens_an_entry(text: &str, s: usize) -> bool {
    let line = line_start(text, s);
    let Some(before) = text.get(line..s) else {
        return false;
    };
    let rest = before
        .trim_start()
        .trim_start_matches(['-', '*', '+', '|', '[', '(', ' ']);
    super::text::clock_hour_len(rest, b":.h").is_some()
        || crate::timeline::stamp::parse(rest)
            .stamp()
            .is_some_and(|stamp| stamp.clock.is_some())
}

/// How far back [`within_an_entry`] looks for the stamp that opens an entry: a paragraph of a
/// few sentences after it.
const ENTRY_REACH: usize = 512;

/// Whether the sentence starting at `s` is a later sentence of a timeline entry: its line,
/// which starts at most [`ENTRY_REACH`] bytes back, opens with a stamp that holds a time of
/// day, bold or not ("**Thursday 26 November, 15:30.** … Finance released the hold.", "14:05
/// Paged the DBA. The DBA team restored the replica."). [`opens_an_entry`] reads the entry's
/// first sentence.
fn within_an_entry(text: &str, s: usize) -> bool {
    let Some(lead) = line_lead(text, s, ENTRY_REACH) else {
        return false;
    };
    let rest = lead
        .trim_start()
        .trim_start_matches(['-', '*', '+', '|', '[', '(', ' ', '_']);
    super::text::clock_hour_len(rest, b":.h").is_some()
        || crate::timeline::stamp::parse(rest)
            .stamp()
            .is_some_and(|stamp| stamp.clock.is_some())
}

/// Whether the sentence `s..e` of `text` is all of a bold run that opens its line or list
/// item ("- **Hook added without a second look at retries.** The August change …"): a label
/// set over the paragraph, as a heading is, which the model alone does not judge (round 21,
/// f118's first run; round 20's "Obvious in the moment vs obvious later"). The rules still
/// read it.
fn is_bold_label(text: &str, s: usize, e: usize) -> bool {
    let line = line_start(text, s);
    let (Some(before), Some(after)) = (text.get(line..s), text.get(e..)) else {
        return false;
    };
    // A list marker is followed by a space ("- **Hook …"); "**" alone opens the bold.
    let before = before.trim_start();
    let item = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| before.strip_prefix(m))
        .map_or(before, str::trim_start);
    let opened = matches!(item, "**" | "__");
    let after = after.trim_start_matches(['.', '!', '?', ':', ';']);
    opened && (after.starts_with("**") || after.starts_with("__"))
}

/// Whether the sentence `s..e` of `text` is all of a line set in italics with a single `*` or
/// `_` ("*Ant being moved from right to left during his live presentation.*"): an image's
/// caption or an aside, which the model alone does not judge, as it does not judge a bold
/// label (round 40, real162 on the final code). The rules still read it. The line is read
/// within [`TITLE_REACH`] of the sentence ([`line_around`]), so a long line of many sentences
/// costs each a bounded look, not a scan to its end.
fn is_a_caption(text: &str, s: usize, e: usize) -> bool {
    let (start, end) = line_around(text, s, e, TITLE_REACH);
    let Some(line) = text.get(start..end) else {
        return false;
    };
    let line = line.trim();
    let single = |m: char| {
        line.len() > 2
            && line.starts_with(m)
            && line.ends_with(m)
            && !line[1..].starts_with(m)
            && !line[..line.len() - 1].ends_with(m)
    };
    (single('*') || single('_'))
        && text.get(start..s).is_some_and(|b| {
            b.trim_start()
                .trim_start_matches(['*', '_'])
                .trim()
                .is_empty()
        })
}

/// Whether the line of `text` that holds offset `s` is a Markdown heading ("## On human
/// error", round 35, f214's first run): a topic named over a section asserts nothing, as a
/// bold one does.
/// A heading is a title, whatever it ends with and whatever stands before it ("# 2018-10-30:
/// Incorrect TLS Certificates deployed to production."), for `is_full_sentence` too. The line
/// must start within the look-back: a window's edge inside a long line ("… issue #123") is no
/// heading.
fn is_atx_heading(text: &str, s: usize) -> bool {
    let (from, at_line_start) = bounded_line_start(text, s, LOOK_BACK);
    at_line_start
        && text
            .get(from..s)
            .is_some_and(|raw| raw.trim_start().starts_with('#'))
}

/// Whether the sentence opens with a preposition of topic ("On human error.", "On alerts
/// being ignored.", "About the missed page."): set in bold over a paragraph, it names what
/// the paragraph discusses, as a heading does, and asserts nothing (round 24, f159's first
/// run: two false errors). A label that tells what someone did ("**Kofi ignored the
/// page.**") still goes to the rules.
///
/// Round 44 (f354's first run, a false error on "### The bit about human error"): the
/// preposition may follow a few words that only name a piece of writing ("A note on",
/// "Some thoughts about", "The bit about", "One last word on"); "Dave's mistake on the
/// deploy" names an act, and is judged.
fn names_a_topic(sentence: &str) -> bool {
    const TOPIC: &[&str] = &["on", "about", "regarding", "concerning", "re"];
    #[rustfmt::skip]
    const WRITING: &[&str] = &[
        "a", "an", "the", "some", "one", "few", "more", "brief", "short", "final", "last",
        "quick", "further", "closing", "personal", "our", "my", "note", "notes", "bit", "word",
        "words", "thought", "thoughts", "comment", "comments", "aside", "remark", "remarks",
        "question", "questions", "discussion", "section", "part", "point", "points", "reflection",
        "reflections", "digression", "footnote", "caveat",
    ];
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let Some(p) = words
        .iter()
        .position(|w| TOPIC.iter().any(|t| t.eq_ignore_ascii_case(w)))
    else {
        return false;
    };
    words[..p]
        .iter()
        .all(|w| WRITING.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// Whether a heading or bold label names a sanction as its topic and nothing else: a few
/// words, none of them someone, no verb in the past ("**The formal warning.** The Friday batch
/// report said …", "**Why a written warning?** Action 8 was added at the request of …",
/// round 41's f318 and f319 on the final code: two false errors in open discussions arguing
/// against the sanction). The paragraph under it says who, if anyone, was sanctioned, and is
/// judged on its own; a label that tells it ("**Dave gets a written warning.**") still is.
fn names_a_sanction_only(text: &str, toks: &[Tok]) -> bool {
    let words: Vec<&str> = (0..toks.len())
        .filter(|&k| !toks[k].mark)
        .filter_map(|k| word_at(text, toks, k))
        .collect();
    words.len() <= 6
        && !toks.iter().any(|t| t.actor || t.person_noun)
        && !words.iter().any(|w| {
            let w = w.to_ascii_lowercase();
            super::patterns::is_past(&w)
                || matches!(
                    w.as_str(),
                    "had"
                        | "did"
                        | "used"
                        | "need"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "been"
                        | "get"
                        | "gets"
                        | "got"
                        | "give"
                        | "gives"
                        | "will"
                        | "must"
                        | "should"
                )
        })
}

/// Whether the sentence asks who did something: it opens with "Who" or "Whose" and ends with
/// a question mark ("Who forgot to check the replica pool?").
fn asks_who(sentence: &str) -> bool {
    let s = sentence.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    s.ends_with('?') && (first.eq_ignore_ascii_case("who") || first.eq_ignore_ascii_case("whose"))
}

/// Whether the text right after the sentence ending at `e` answers a question of who did
/// something "nobody" ("**Who forgot to check the replica pool?** Nobody forgot. The pool
/// guarantee was part of the 2022 contract, …": round 39, f271's first run on the final code,
/// a false error): the question is raised to deny that anyone did, as "Careless? No." is.
fn answered_nobody(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    opens_with_one_of(rest, &["nobody", "no one", "no-one", "none of"])
}

/// Whether a heading's text, less a section number ("4.4", "2."), is a label and nothing
/// else: at most three words, each a word of a human-error label ("### 4.4 Human error", "##
/// Operator mistakes"). A section so titled is about the label, which its text weighs
/// (round 39, f272's first run on the final code, a false error: "### 4.4 Human error" over
/// "HNOB's incident template asks whether the incident was caused by human error. Our answer
/// is no."); a heading that says whose error it was ("## Dave's human error") is more than a
/// title, and is judged.
fn titles_a_label(sentence: &str) -> bool {
    const LABEL_WORDS: &[&str] = &[
        "human", "operator", "user", "error", "errors", "mistake", "mistakes", "factor", "factors",
        "and", "the", "role", "of", "slip", "slips",
    ];
    let words: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| LABEL_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w)))
        && words.iter().any(|w| {
            ["error", "errors", "mistake", "mistakes", "slip", "slips"]
                .iter()
                .any(|l| l.eq_ignore_ascii_case(w))
        })
}

/// Whether the sentence is a question that opens with a human-error label and names only
/// where or in what it might lie ("Human error in the TTL typo?", "Operator error at the
/// desk?"): set as a heading or in bold over a paragraph, it raises the label for the
/// paragraph to weigh (round 40: f282's first run, a false error, over "`6d` for `6h` is a
/// one-character mistake of the kind that happens in any config file. The failure is …").
/// A label with whose it was ("Human error by Dave?") is no label alone, and is not passed.
fn raises_a_label(sentence: &str) -> bool {
    let question = sentence.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    let Some(question) = question.strip_suffix('?') else {
        return false;
    };
    let words: Vec<&str> = question.split_whitespace().collect();
    let head = words
        .iter()
        .position(|w| {
            ["in", "on", "at", "for", "during", "behind", "with"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
        })
        .unwrap_or(words.len());
    head > 0 && titles_a_label(&words[..head].join(" "))
}

/// Whether the sentence clears a person by a contrast after a comma: "…; it was Sentrix's
/// config file, not his change", "the vendor's certificate, not Amira's rollout", "…, not
/// them". A contrast between things ("the primary, not the replica") clears no one.
fn clears_a_person(sentence: &str) -> bool {
    super::text::contrasted_words(sentence).any(|word| {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "his" | "her" | "their" | "him" | "them" | "hers" | "theirs"
        ) || ((word.ends_with("'s") || word.ends_with("’s"))
            && word.starts_with(char::is_uppercase))
    })
}

/// Whether the text right after the sentence ending at `e` answers it "no" ("Careless? No —
/// the checklist in use that week did not contain the step.", "Human error? Not at all: …"):
/// asked of a question that names a verdict ([`asks_a_verdict`]), the judgement is raised to
/// be denied, not asserted. "Did anyone check the dashboard? No." answers a question of what
/// people did, names no verdict, and the "no" tells that they did not.
fn answered_no(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("").trim_start();
    opens_with_one_of(rest, &["no", "nope", "not at all", "not really", "hardly"])
}

/// Whether `rest` opens with one of `words` (any case) as whole words: "No —", "Nobody
/// forgot", not "Noted" or "Nobody's".
fn opens_with_one_of(rest: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether the sentence after byte `e` of `text` denies, for the time of the incident, what the
/// sentence before it saw in hindsight: it opens with "It wasn't", "It was not", "It did not",
/// "It didn't", "Not at the time" or "Not then", or with "At" and a time or a moment followed
/// by one of those ("At 12:30 it wasn't.", "At the time, it did not look that way."). Read only
/// for a hindsight finding.
fn denied_at_the_time(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("").trim_start();
    let head: String = rest.chars().take(48).collect::<String>().to_lowercase();
    let head = head.replace('’', "'");
    const DENIALS: &[&str] = &["it wasn't", "it was not", "it did not", "it didn't"];
    // "In hindsight it's obvious what it was. At the time, a quiet Monday was normal." (round
    // 44, f364's first run on the final code, a false error): the next sentence sets what the
    // time looked like against the look back, whatever follows its opening.
    if DENIALS.iter().any(|d| head.starts_with(d))
        || head.starts_with("not at the time")
        || head.starts_with("not then")
        || head.starts_with("at the time,")
        || head.starts_with("back then,")
        || head.starts_with("in the moment,")
    {
        return true;
    }
    head.strip_prefix("at ").is_some_and(|after| {
        after
            .find(" it ")
            .filter(|&i| i <= 20)
            .is_some_and(|i| DENIALS.iter().any(|d| after[i + 1..].starts_with(d)))
    }) || {
        // Round 44 (f355's first run, a false error): the denial may close the next sentence,
        // after what the time was like: "At 00:30, with 48 plates to mount and every system
        // showing green, it was not." The bare "it was not" takes its predicate from the
        // sentence before.
        let next: String = rest
            .chars()
            .take(240)
            .take_while(|&c| !matches!(c, '.' | '!' | '?' | '\n'))
            .collect::<String>()
            .to_lowercase()
            .replace('’', "'");
        let closing = next.trim_end();
        let closing = closing.strip_suffix(" then").unwrap_or(closing);
        DENIALS.iter().any(|d| {
            closing
                .strip_suffix(d)
                .is_some_and(|before| before.ends_with(", "))
        })
    }
}

/// Whether the sentence reports what others said ("Some people at the depot have joked that
/// he should have noticed earlier", a verb of saying and "that") or weighs a reading ("The
/// natural first reading is that the contractor left the switch in the wrong position", round
/// 58, f643's first run on the final code), and the next sentence opens by rejecting it ("I
/// don't think so.", "We disagree.", "That isn't fair.", "The facts do not support that
/// reading."): the blame is quoted to be answered, which the labelling conventions count as talk
/// about the wording (round 58, f636's first run, a false error). The sentence alone, or one
/// the next sentence agrees with, stays judged.
fn reported_then_rejected(text: &str, toks: &[Tok], e: usize) -> bool {
    const SAYING: &[&str] = &[
        "said",
        "say",
        "says",
        "joked",
        "joke",
        "joking",
        "suggested",
        "suggest",
        "argued",
        "claimed",
        "claim",
        "asked",
        "wondered",
        "remarked",
        "complained",
        "implied",
        "hinted",
        "muttered",
        "grumbled",
        "posted",
        "commented",
    ];
    const REJECTIONS: &[&str] = &[
        "i don't think so",
        "we don't think so",
        "i do not think so",
        "we do not think so",
        "i disagree",
        "we disagree",
        "i don't agree",
        "we don't agree",
        "that isn't fair",
        "that is not fair",
        "that's not fair",
        "that's unfair",
        "that is unfair",
        "it isn't true",
        "it is not true",
        "that isn't true",
        "that is not true",
        "that's not true",
        "it's not true",
        "not so",
        "we reject that",
        "i reject that",
        "the facts do not support",
        "the facts don't support",
        "the evidence does not support",
        "the evidence doesn't support",
        "that is not what happened",
        "that isn't what happened",
        "that's not what happened",
        "it is not what happened",
        "that reading is wrong",
        "that does not hold",
        "that doesn't hold",
    ];
    // Or a reading weighed: "The natural first reading is that the contractor left the
    // switch in the wrong position." (round 58, f643's first run on the final code).
    const READINGS: &[&str] = &[
        "reading",
        "interpretation",
        "assumption",
        "conclusion",
        "story",
        "explanation",
        "instinct",
        "reaction",
        "theory",
        "narrative",
    ];
    let is = |k: usize, forms: &[&str]| {
        word_at(text, toks, k).is_some_and(|w| forms.iter().any(|f| f.eq_ignore_ascii_case(w)))
    };
    // Or a feeling told of ("they felt they had let the company down", round 60, f666's
    // first run, a false error), answered in the next sentence by an elided denial.
    const FEELING: &[&str] = &["felt", "feel", "feels", "feared", "worried", "believed"];
    let reports = (0..toks.len()).any(|k| {
        is(k, SAYING) && is(k + 1, &["that"])
            || is(k, FEELING)
            || is(k, READINGS)
                && is(k + 1, &["is", "was", "would"])
                && (is(k + 2, &["that"]) || is(k + 2, &["be"]) && is(k + 3, &["that"]))
    });
    if !reports {
        return false;
    }
    let rest = text.get(e..).unwrap_or("").trim_start();
    let head = rest
        .chars()
        .take(32)
        .collect::<String>()
        .to_lowercase()
        .replace('\u{2019}', "'");
    REJECTIONS.iter().any(|r| {
        head.strip_prefix(r).is_some_and(|after| {
            after.starts_with(['.', ',', ';', ':', '!', ' ']) || after.is_empty()
        })
    }) || denies_by_ellipsis(rest)
}

/// Whether the sentence that opens `rest` ends in a denial whose verb phrase is left out,
/// a pronoun and "did not", "didn't", "had not", "was not" and the like ("I want to say
/// plainly in this report that they did not.", "She didn't."): the previous sentence's
/// claim, denied. Read only within the first 200 bytes.
fn denies_by_ellipsis(rest: &str) -> bool {
    let mut cut = rest.len().min(200);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let Some(end) = rest[..cut].find(['.', '!']) else {
        return false;
    };
    let sentence = rest[..end].to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let pronoun = |w: &str| matches!(w, "i" | "we" | "you" | "he" | "she" | "they");
    match words.as_slice() {
        [.., subject, verb, "not"] if matches!(*verb, "did" | "had" | "was" | "were") => {
            pronoun(subject)
        }
        [.., subject, "didn't" | "hadn't" | "wasn't" | "weren't"] => pronoun(subject),
        _ => false,
    }
}

/// Whether the sentence is a yes-or-no question of what someone or something was: it ends
/// with a question mark, opens with "was", "is", "were" or "are", and holds no condition ("Was
/// support careless to trust the dashboard?"). Answered "No." at once ([`answered_no`]), it
/// raises a judgement to deny it (round 25, f165's first run; round 24's "**Was the correction
/// a mistake?** No."). A question of what someone did ("Did Marta read the runbook? No.") tells
/// that they did not, and stays judged.
fn asks_yes_or_no(sentence: &str) -> bool {
    // Every sentence is asked: the question mark is looked at before any word.
    if !sentence.trim_end().ends_with('?') {
        return false;
    }
    let first = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "Would the outage have lasted six hours if Kemar had answered his phone? No." denies
    // the outcome and so asserts the counterfactual: a condition keeps the question judged.
    ["was", "is", "were", "are"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        && !sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("if") || w.eq_ignore_ascii_case("had"))
}

/// Whether the sentence `s..e` of `text` is a question that names a verdict: a fragment of a
/// few words ("Careless?", "Careless or not?", "Was anyone careless?"), one that asks what
/// this was ("Was this human error?"), or one that asks whether someone was at fault or to
/// blame ("**Was Karthikeyan's team at fault for the release?**", round 39, f275's first run on
/// the final code, a false error; "Is the vendor at fault?" over its answer is common in the
/// labelled documents), or whether anyone should answer for it ("Should anyone be held
/// accountable?", round 53). Answered "no" at once ([`answered_no`]), or set in bold
/// over the paragraph that answers it (round 22, f130's and f133's first runs: "**Careless or
/// not?** One comment on the draft …"), it raises the judgement to weigh it, not to assert
/// it.
fn asks_a_verdict(text: &str, s: usize, e: usize) -> bool {
    let Some(question) = text.get(s..e) else {
        return false;
    };
    if !question.trim_end().ends_with('?') {
        return false;
    }
    let words: Vec<&str> = question
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let lower = |i: usize| {
        words
            .get(i)
            .map(|w| w.to_ascii_lowercase())
            .unwrap_or_default()
    };
    // "Who broke prod?" asks for a person, not about a verdict.
    if matches!(lower(0).as_str(), "who" | "whose" | "whom" | "why") {
        return false;
    }
    let verdict = || {
        words
            .windows(2)
            .any(|w| matches!((w[0], w[1]), ("at", "fault") | ("to", "blame")))
    };
    // "Should anyone be held accountable?" (round 53, f508's first run, a false error):
    // whether anyone at all should answer for it, asked of nobody in particular.
    let of_anyone = matches!(lower(0).as_str(), "should" | "must" | "will" | "shall")
        && matches!(
            lower(1).as_str(),
            "anyone" | "anybody" | "someone" | "somebody"
        );
    words.len() <= 4
        || of_anyone
        || (matches!(lower(0).as_str(), "was" | "is" | "were" | "are")
            && (matches!(lower(1).as_str(), "this" | "it" | "that") || verdict()))
}

/// The text of `start..end` when it lies inside a quotation of the sentence `s..e` of `text`
/// (as [`super::text::mask_quotes`] finds them) and holds a letter: a label quoted is a label
/// talked about ("Rename the 'user error' bucket").
fn quoted_text(text: &str, s: usize, e: usize, start: usize, end: usize) -> Option<&str> {
    let sentence = text.get(s..e)?;
    let masked = super::text::mask_quotes(sentence);
    let orig = sentence.get(start - s..end - s)?;
    let seen = masked.get(start - s..end - s)?;
    (orig.chars().any(char::is_alphabetic) && seen.chars().all(char::is_whitespace)).then_some(orig)
}

/// Whether every word of four letters or more in quoted text is capitalised: a title
/// ("'Human Error'" in a book's name). Scare quotes in lower case ("the \"fully tested\"
/// release") are the author's sarcasm and stay judged.
fn is_title_case(quoted: &str) -> bool {
    quoted
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A rule's match (`start..end` of `text`) that belongs to a title, not to the sentence's own
/// wording. Three things must hold:
///
/// - every word of the match is in Title Case ("Human Error", "Careless People"; not all
///   capitals) and none of them is a name (a capitalised word that is not a common English
///   word, or a first name);
/// - it is not a label's value: a Title Case value after a label's colon or a table's cell
///   bar ("Root Cause: Human Error", "Cause: Human Factors / Operator Mistake", "| Root cause
///   | Human Error |") is what the report says;
/// - its line shows it is a title: the Title Case run holding it is quoted, set in italics or
///   bold, or the text of a link (`*The Field Guide to Understanding Human Error*`), or the
///   line has a citation's or a reading list's marks: a year in brackets ("(1990)"), "et al",
///   "ISBN", "doi", "Press", "edition", or a word about reading ("see", "read", "reading",
///   "book", "talk", "paper", "article", "recommended", "titled", …).
///
/// A Title Case heading or sentence without those marks is wording ("## Human Error by the
/// On-Call Engineer", "The outage was caused by Human Error.").
fn is_title(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let title_case = |t: &Tok| {
        let w = text.get(t.start..t.end).unwrap_or("");
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let a_name = |t: &Tok| {
        t.key == super::features::NAME
            || text
                .get(t.start..t.end)
                .is_some_and(|w| super::lexicon::FIRST_NAMES.contains(w.to_lowercase().as_str()))
    };
    let words = |t: &&Tok| {
        !t.mark
            && text
                .get(t.start..t.end)
                .is_some_and(|w| w.chars().any(char::is_alphabetic))
    };
    let span: Vec<&Tok> = toks
        .iter()
        .filter(words)
        .filter(|t| t.start < end && start < t.end)
        .collect();
    let Some(first) = span.first() else {
        return false;
    };
    if cites_a_work(text, start) {
        return true;
    }
    if !span.iter().all(|t| title_case(t) && !a_name(t)) {
        return false;
    }
    // One word that opens its sentence is capitalised by the sentence, not by a title:
    // "Disciplinary action is recommended for the volunteer who …" (the line's "recommended"
    // reads as a reading list's cue).
    if span.len() == 1 && toks.iter().find(|t| words(t)).map(|t| t.start) == Some(first.start) {
        return false;
    }
    let (from, to) = line_around(text, start, end, TITLE_REACH);
    let (Some(line), Some(before)) = (text.get(from..to), text.get(from..start)) else {
        return false;
    };
    // A value after a label's colon or a cell bar is the label's value, not a title: "Cause
    // category: Human Error (configuration)", "Cause: Human Factors / Operator Mistake". The
    // value runs from the colon over Title Case words and separators only.
    if let Some(colon) = before.rfind([':', '|']) {
        let value = before[colon + 1..].split_whitespace().all(|w| {
            w.chars().all(|c| matches!(c, '/' | '&' | ',' | '-' | '+'))
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, ',' | '-')))
        });
        if value {
            return false;
        }
    }
    title_marks(text, toks, start, end) || citation_line(line)
}

/// How far either side of a match [`is_title`] reads its line: a title's marks and a
/// citation's cues sit near the title, and a bound keeps a long line of many findings linear.
const TITLE_REACH: usize = 512;

/// The byte range of the line holding `start..end` of `text`, cut to at most `reach` bytes
/// either side of the match (at character boundaries).
fn line_around(text: &str, start: usize, end: usize, reach: usize) -> (usize, usize) {
    let end = end.min(text.len());
    let start = start.min(end);
    let (from, _) = bounded_line_start(text, start, reach);
    let ahead = char_boundary_before(text, end.saturating_add(reach).min(text.len()));
    let to = text
        .get(end..ahead)
        .and_then(|a| memchr::memchr(b'\n', a.as_bytes()))
        .map_or(ahead, |i| end + i);
    (from, to.max(from))
}

/// Whether the line holding `at` opens with a citation's label and a colon: "Slides:
/// Rethinking operator error in satellite backhaul (…)", "Further reading: Beyond human
/// error", "- Talk: …". A work cited so may be titled in sentence case, and what follows the
/// colon is its title (round 26, f173's first run). The label is one or two words, one of
/// them a citation's cue ("See also:", "Recommended reading:").
fn cites_a_work(text: &str, at: usize) -> bool {
    const LABELS: &[&str] = &[
        "slides",
        "talk",
        "book",
        "paper",
        "article",
        "essay",
        "keynote",
        "lecture",
        "podcast",
        "video",
        "reading",
        "recording",
        "chapter",
        "whitepaper",
        "reference",
        "references",
        "see",
        "citation",
        "watch",
        "watching",
        "listen",
        "listening",
    ];
    let Some(before) = line_lead(text, at, LOOK_BACK) else {
        return false;
    };
    let line = before.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '#' | '>' | '*' | '-' | '+' | '_')
    });
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    let label: Vec<&str> = label.split_whitespace().collect();
    // One of its first two words is a cue, in a label of up to six words: "See also:",
    // "Recommended reading before the retro: Who Broke the Build? …" (round 41, f305's first
    // run; the label was one or two words before).
    label.len() <= 6
        && label
            .iter()
            .take(2)
            .any(|w| LABELS.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// Whether the Title Case run around `start..end` is set off as a name of a work: quoted, in
/// italics or bold, or a link's text. The run reaches over Title Case words and the short words
/// titles keep in lower case ("of", "to", "the", "and", "in", "on", "for", "a", "an").
fn title_marks(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    const SMALL: &[&str] = &[
        "of", "to", "the", "and", "in", "on", "for", "a", "an", "at", "by",
    ];
    let in_run = |t: &Tok| {
        let w = text.get(t.start..t.end).unwrap_or("");
        !t.mark && (w.chars().next().is_some_and(char::is_uppercase) || SMALL.contains(&w))
    };
    let Some(first) = toks.iter().position(|t| t.start < end && start < t.end) else {
        return false;
    };
    let last = toks
        .iter()
        .rposition(|t| t.start < end && start < t.end)
        .unwrap_or(first);
    let mut a = first;
    while a > 0 && in_run(&toks[a - 1]) {
        a -= 1;
    }
    let mut b = last;
    while b + 1 < toks.len() && in_run(&toks[b + 1]) {
        b += 1;
    }
    let (Some(pre), Some(post)) = (text.get(..toks[a].start), text.get(toks[b].end..)) else {
        return false;
    };
    const OPEN: &[char] = &['"', '“', '‘', '\'', '*', '_', '['];
    const CLOSE: &[char] = &['"', '”', '’', '\'', '*', '_', ']'];
    let opened = pre.trim_end_matches(' ').ends_with(OPEN);
    let closed = post
        .trim_start_matches([',', '.', ':', ';', '?', '!'])
        .starts_with(CLOSE)
        || post.starts_with(CLOSE);
    opened && closed
}

/// Whether a line reads as a citation or a reading list: a year in brackets, "et al", "ISBN",
/// "doi", a publisher's "Press", an edition, or a word about reading or a talk.
fn citation_line(line: &str) -> bool {
    const CUES: &[&str] = &[
        "read",
        "reading",
        "reads",
        "book",
        "books",
        "talk",
        "talks",
        "paper",
        "papers",
        "article",
        "articles",
        "essay",
        "chapter",
        "keynote",
        "lecture",
        "podcast",
        "workshop",
        "recommended",
        "recommend",
        "recommends",
        "titled",
        "entitled",
        "press",
        "isbn",
        "doi",
        "edition",
        "published",
        "bibliography",
        "cited",
        "cites",
        "slides",
        "whitepaper",
    ];
    let lower = line.to_lowercase();
    let bytes = lower.as_bytes();
    // A year in brackets: "(1990)", "(2014, p. 12)"; "et al".
    let year = bytes.windows(6).any(|w| {
        w[0] == b'('
            && w[1..5].iter().all(u8::is_ascii_digit)
            && (w[1..3] == *b"19" || w[1..3] == *b"20")
            && matches!(w[5], b')' | b',' | b';' | b'a' | b'b')
    });
    year || lower.contains("et al")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| CUES.contains(&w))
}

/// The token range a finding of the model alone points at, if its evidence is enough for a
/// sentence of blame probability `blame`: the stronger of its strongest phrase and its
/// strongest evidence that only names a topic or an actor (the pair [`evidence_by_width`]
/// gives), each weighing at least [`MIN_EVIDENCE`], the phrase only from `warn.phrase` and the
/// naming only from `warn.naming`.
pub(crate) fn model_evidence(
    (phrase, word): (Option<Evidence>, Option<Evidence>),
    blame: f32,
    warn: WarnAt,
) -> Option<(usize, usize)> {
    let phrase = phrase.filter(|e| e.0 >= MIN_EVIDENCE && blame >= warn.phrase);
    let word = word.filter(|e| e.0 >= MIN_EVIDENCE && blame >= warn.naming);
    let best = match (phrase, word) {
        (Some(p), Some(w)) => Some(if w.0 > p.0 { w } else { p }),
        (p, w) => p.or(w),
    };
    best.map(|(_, a, b)| (a, b))
}

/// Whether a sentence that opens with someone (`subject`, [`someone_opens`]) tells their act
/// and what was wrong with it in one clause, as `Kind::CarelessAction` is looked for below the
/// model's gate (round 42, f320–f323's misses: "Marguerite Lavoie-Tremblay emailed the
/// moderation spreadsheet to the wrong distribution list and exposed 300 candidate numbers",
/// P 0.007, whose name opening the sentence the model reads as a timeline entry's): between
/// the person and the first "wrong", "instead", "without", "untested", "broken" or "against"
/// ([`CARELESS_KEYS`]), no comma or semicolon, relative pronoun or new clause ("Per the
/// runbook, the on-call engineer … followed step 4, which pointed at the wrong dashboard",
/// "contacted the two patients who attended the wrong site", "argued that a wrong …"); and no
/// act done as a procedure says ("approved the emergency quota without waiting for Monday's
/// change board, exactly as the emergency procedure intends"). Read on the tokens: the text's
/// searches cost 3 M instructions on trig100.
fn careless_act_in_one_clause(text: &str, toks: &[Tok], subject: usize) -> bool {
    const RULES: &[&str] = &[
        "procedure",
        "runbook",
        "process",
        "policy",
        "playbook",
        "checklist",
        "plan",
    ];
    let lower = |k: usize| word_at(text, toks, k).map(str::to_ascii_lowercase);
    let Some(mark) = (subject + 1..toks.len()).find(|&k| CARELESS_KEYS.contains(&toks[k].key))
    else {
        return false;
    };
    let one_clause = (subject + 1..=mark).all(|k| {
        let gap = text.get(toks[k - 1].end..toks[k].start).unwrap_or("");
        let w = lower(k);
        // A thousands separator ("told 3,000 guests the wrong pickup time") is no comma.
        let digits = gap == ","
            && text[..toks[k - 1].end].ends_with(|c: char| c.is_ascii_digit())
            && text[toks[k].start..].starts_with(|c: char| c.is_ascii_digit());
        (digits || !gap.contains([',', ';']))
            && !matches!(w.as_deref(), Some("which" | "who" | "whom" | "that"))
            && !(w.as_deref() == Some("it")
                && (matches!(lower(k + 1).as_deref(), Some("was" | "is"))
                    || lower(k - 1).as_deref() == Some("and")))
    });
    // "as the emergency procedure intends", "per the runbook", "as the plan says".
    one_clause
        && !(0..toks.len()).any(|k| {
            matches!(lower(k).as_deref(), Some("as" | "per"))
                && (k + 1..toks.len().min(k + 5)).any(|v| {
                    lower(v).is_some_and(|w| {
                        RULES.contains(&w.as_str())
                            || w.strip_suffix('s').is_some_and(|w| RULES.contains(&w))
                    })
                })
        })
}

/// The token of the person who opens the sentence as its subject: its first word, or the
/// first after a label's colon or a determiner ("Cause: Nicolò's crew lifted …", "The night
/// operator …"), a name, a handle, a role or group the model knows as an actor, or a person
/// noun. `None` when anything else comes first ("At 21:06 Dmitri ran …", "Since Monday, the
/// on-call engineer …").
fn someone_opens(text: &str, toks: &[Tok]) -> Option<usize> {
    let words = (0..toks.len()).filter(|&k| !toks[k].mark);
    // A bare lower-case handle that opens the sentence and acts in the past: "tnguyen
    // deployed 4.12 without the canary step, breaking …" (round 45, f370's first run). The
    // tokens mark names and "@" handles as actors, not handles without their "@".
    let bare_handle = |k: usize| {
        let mut ws = words.clone();
        ws.next() == Some(k)
            && word_at(text, toks, k).is_some_and(super::patterns::is_handle_shaped)
            && ws
                .next()
                .and_then(|n| word_at(text, toks, n))
                .is_some_and(super::patterns::is_past)
    };
    let subject = words
        .clone()
        .take(3)
        .find(|&k| toks[k].actor || toks[k].person_noun || bare_handle(k))?;
    let lead_in = words.take_while(|&k| k < subject).all(|k| {
        word_at(text, toks, k).is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "our" | "their" | "this" | "that"
            ) || text
                .get(toks[k].end..toks[subject].start)
                .is_some_and(|gap| gap.contains(':'))
        })
    });
    lead_in.then_some(subject)
}

/// The evidence of an individual's fault that only names the person, trusted at the phrase
/// bar when the sentence opens with someone and tells what their act led to (", so …",
/// ", and …", "what …"): "Nusrat Jahan-Ahmed moved the SMETA evidence folders into her own
/// drive, and that is where they were lost." (P 0.78) and "Chen Wei Ling signed off the
/// regression run while the promo cap tests were still red, so the bug shipped." (P 0.59),
/// round 41, f302–f307's misses. The act is the phrase the naming bar waits for; an act told
/// alone ("Priya restarted the primary") still needs the naming bar.
/// `naming` is the sentence's strongest evidence of that width ([`evidence_by_width`]).
fn act_told_with_its_outcome(
    text: &str,
    toks: &[Tok],
    sentence: &str,
    j: super::model::Judgement,
    warn: WarnAt,
    naming: Option<Evidence>,
) -> Option<(usize, usize)> {
    if FAMILIES.get(j.class.wrapping_sub(1)) != Some(&Rule::IndividualFault)
        || j.blame < warn.phrase
        || !tells_a_consequence(sentence)
        || !tells_of_harm(sentence)
    {
        return None;
    }
    // Another person named later as an owner ("The HR sync deactivated tmn's VPN account …",
    // "BookRight auto-assigned Anil's login …") is the one the act reached.
    let subject = someone_opens(text, toks)?;
    let owner = |k: usize| {
        let after = text.get(toks[k].end..).unwrap_or("");
        let w = word_at(text, toks, k).unwrap_or("");
        after.starts_with("'s") || after.starts_with("’s") || w.ends_with("'s") || w.ends_with("’s")
    };
    if toks.iter().enumerate().skip(subject + 1).any(|(k, t)| {
        owner(k)
            && (t.actor
                || t.person_noun
                || word_at(text, toks, k).is_some_and(|w| {
                    let w = w.trim_end_matches("'s").trim_end_matches("’s");
                    !super::dictionary::is_common_word(w)
                }))
    }) {
        return None;
    }
    naming.filter(|e| e.0 >= MIN_EVIDENCE)?;
    // The finding points at the person and their act: the subject up to its verb in the past
    // ("Nusrat Jahan-Ahmed moved"), or the name alone when no such verb follows soon.
    let verb = (subject + 1..toks.len().min(subject + 8)).find(|&k| {
        word_at(text, toks, k).is_some_and(|w| {
            let lower_case = w.starts_with(|c: char| c.is_lowercase());
            let w = w.to_ascii_lowercase();
            lower_case
                && !toks[k].actor
                && ((w.len() > 3 && w.ends_with("ed"))
                    || super::lexicon::IRREGULAR_PAST.contains(w.as_str()))
        })
    });
    Some((subject, verb.map_or(subject + 1, |k| k + 1)))
}

/// Whether the sentence's lower-cased words tell people sent or lent to help: "The Jeddah and
/// Madinah desks sent three staff by road to help" (round 52, f482's first run), "the Lisbon
/// office lent two engineers to assist with the restore". A verb of sending, lending or
/// offering, then within six words "to help", "to assist" or "to support"; or help given
/// outright, "supported" or "assisted" with a word of protection or recovery (round 60); or
/// people "kept updated", "kept informed" or "kept in the loop" (round 62); with no attempt
/// ("tried to help"), refusal, negation, irony ("barely", "supposedly") or harm word ("… and
/// then tried to cover it up", "the hotfix tried to help by …") anywhere in it.
fn sends_help(words: &[String]) -> bool {
    #[rustfmt::skip]
    const SENT: &[&str] = &[
        "sent", "lent", "loaned", "offered", "volunteered", "seconded", "dispatched", "drove",
        "flew", "came", "joined",
    ];
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "tried", "attempted", "refused", "not", "n't", "never", "no", "nobody", "but",
        "broke", "caused", "failed", "wrong", "instead", "barely", "hardly", "only",
        "supposedly",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    !words.iter().any(|x| NOT.contains(&x.as_str()))
        && (0..words.len()).any(|k| {
            // Or help given outright (round 60, real352's first run on the final code:
            // "Cybersecurity experts supported staff's implementation of additional proactive
            // measures to safeguard TPL's systems.").
            matches!(w(k), "supported" | "assisted")
                && words.iter().any(|x| {
                    matches!(
                        x.as_str(),
                        "safeguard" | "protect" | "recovery" | "restore" | "implementation"
                    )
                })
                || SENT.contains(&w(k))
                    && (k + 1..(k + 7).min(words.len()))
                        .any(|m| w(m) == "to" && matches!(w(m + 1), "help" | "assist" | "support"))
                // Or people kept informed (round 62, f683's first run: "The Shirotae
                // dispatcher, Ms. Goto, kept us updated every 30 minutes from 04:00 onward").
                || w(k) == "kept"
                    && (k + 2..(k + 5).min(words.len())).any(|m| {
                        matches!(w(m), "updated" | "informed" | "posted")
                            || w(m) == "loop" && w(m - 1) == "the" && w(m - 2) == "in"
                    })
        })
}

/// Whether the sentence's lower-cased words tell work done on time: "on time", "on schedule",
/// "as scheduled" or "as planned", with no negation, failure, lateness, cause, consequence or
/// contrast anywhere in it ("failed to submit the filings on time", "didn't get the rota out
/// on time", "overrode the warning to get the transfer away on time because …"). "The finance
/// team closed the month-end books on schedule despite the reconciliation work" (round 52,
/// f485's first run, and two used sets' lines) is a duty told as done.
fn done_on_time(words: &[String]) -> bool {
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "not", "n't", "never", "no", "nobody", "failed", "late", "later", "wrong", "because",
        "without", "but", "instead", "again", "only", "missed", "overrode", "broke", "why",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    // "… showed the 07:14 as on time" is a status shown, not work done on time.
    !words.iter().any(|x| NOT.contains(&x.as_str()))
        && (0..words.len()).any(|k| {
            (w(k) == "on"
                && matches!(w(k + 1), "time" | "schedule")
                && k.checked_sub(1).is_none_or(|p| w(p) != "as"))
                || (w(k) == "as" && matches!(w(k + 1), "scheduled" | "planned"))
        })
}

/// Whether the sentence's lower-cased words say someone did their job ("did their job",
/// "did her job well"), with no negation, negative pronoun, condition or word of irony
/// anywhere in it (`NOT`): a duty told as done. "Did not do their job", "nobody did their
/// job", "never did his job" and "did their job, for once" are judged as before.
fn did_the_job(words: &[String]) -> bool {
    const NOT: &[&str] = &[
        "not",
        "n't",
        "never",
        "no",
        "didn't",
        "hardly",
        "barely",
        "once",
        "finally",
        "supposedly",
        "apparently",
        "again",
        "if",
        "only",
        "nobody",
        "none",
        "neither",
        "nor",
        "few",
    ];
    let done = words.windows(3).any(|w| {
        w[0] == "did"
            && matches!(w[1].as_str(), "their" | "his" | "her" | "its" | "the")
            && matches!(w[2].as_str(), "job" | "jobs")
    });
    done && !words.iter().any(|w| NOT.contains(&w.as_str()))
}

/// Whether the sentence tells a plain act at a clock time and nothing more ("The finance team
/// ran the usual Tuesday reconciliation and spotted the discrepancy at 10:20", "The billing
/// team shipped the refund script by 16:40", "Finance signed off the refund batch at 09:40"):
/// a time after "at", "by", "from", "until" or "around", a verb of routine work, response or
/// approval ("shipped", "ran", "escalated", "signed") and none that
/// changes or removes something ("dropped", "disabled", "deployed"), no word of harm
/// ([`tells_of_harm`]), and no word of judgement, duty, irony, repetition or a time chosen
/// badly ("again", "should", "only", "Friday", "peak"). Asked of
/// the model's team warnings alone: on the labelled sets every such sentence is a hard
/// negative, while a named person's line of the same shape is often blame told by its
/// consequence, which the list of harm words does not hold ("locked the orders table at
/// 19:00 on Cyber Monday").
fn team_on_the_clock(sentence: &str, words: &[String]) -> bool {
    // The act must be one of routine work or response ...
    #[rustfmt::skip]
    const ROUTINE: &[&str] = &[
        "shipped", "ran", "completed", "finished", "delivered", "published", "sent", "joined",
        "confirmed", "spotted", "found", "noticed", "posted", "started", "began", "called",
        "contacted", "escalated", "paged", "reported", "answered", "restored", "recovered",
        "resumed", "reran", "verified", "checked", "reviewed", "handed", "arrived", "were",
        "was", "opened", "acknowledged", "replied", "responded",
        // Round 61 (f676's first run: "Finance signed off the refund batch at 09:40."): a
        // sign-off or an approval, a step of the process logged at its time.
        "signed", "approved", "authorised", "authorized", "countersigned", "ratified", "okayed",
        "greenlit",
    ];
    // ... and none that changes or removes something, whose harm the list of harm words
    // may not know ("dropped the orders table at 19:00").
    #[rustfmt::skip]
    const CHANGES: &[&str] = &[
        "dropped", "locked", "truncated", "purged", "revoked", "disabled", "removed", "killed",
        "shut", "pulled", "reset", "rebooted", "changed", "pushed", "merged", "deployed",
        "migrated", "cut", "switched", "flipped", "toggled", "rotated", "renamed",
        "reconfigured", "upgraded", "patched", "throttled", "closed", "cancelled", "paused",
        "overrode", "bypassed", "edited", "applied", "turned", "moved", "set", "rolled",
        "took", "force", "forced", "emptied", "drained",
    ];
    const BEFORE: &[&str] = &["at", "by", "from", "until", "around"];
    // A day told as a weekday after "on" does as well ("The DBA team ran the standard weekly
    // restore test on Thursday and it passed", round 47, f412's first run); Friday is in
    // `PLAIN_TONE`, a day chosen badly. The weekdays are `is_day_or_month`'s words that end
    // in "day".
    let mut prev = "";
    let clock = sentence.split_whitespace().any(|w| {
        let after = BEFORE.iter().any(|b| b.eq_ignore_ascii_case(prev));
        let on_a_day = prev.eq_ignore_ascii_case("on") && {
            let day = w
                .trim_end_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            day.ends_with("day") && super::patterns::is_day_or_month(&day)
        };
        prev = w;
        (after && super::text::clock_hour_len(w, b":.h").is_some()) || on_a_day
    });
    clock
        && told_plainly(sentence, words)
        && words.iter().any(|w| ROUTINE.contains(&w.as_str()))
        && !words.iter().any(|w| CHANGES.contains(&w.as_str()))
}

/// Whether a counterfactual's condition supposes a plan or a forecast holding, with no one's
/// act in it, and its consequence only spares the authors a chore: "Had our prediction held
/// up …, we wouldn't even have needed to post this detail" (round 53, real256's first run).
/// The condition ("had" or "if" up to the consequence's "we" or "I") holds no personal
/// pronoun and no "not"; the consequence is "would not (even) have needed to" or "wouldn't
/// have had to". "Had we tested it, we wouldn't have needed to roll back" weighs the authors'
/// act, and stays judged; the caller keeps any sentence with a person or a team in it.
/// `words` are lower-cased.
fn need_spared_by_a_plan(words: &[String]) -> bool {
    const SOMEONE: &[&str] = &[
        "we", "i", "you", "he", "she", "they", "someone", "somebody", "anyone", "nobody", "not",
        "n't", "n’t", "never",
    ];
    let w: Vec<&str> = spoken(words).collect();
    if !w.first().is_some_and(|x| matches!(*x, "had" | "if")) {
        return false;
    }
    (1..w.len()).any(|m| {
        let denied = match w[m] {
            "wouldn't" | "wouldn’t" => Some(m + 1),
            "would" if matches!(w.get(m + 1), Some(&("not" | "n't" | "n’t"))) => Some(m + 2),
            _ => None,
        };
        let Some(mut k) = denied else {
            return false;
        };
        if w.get(k) == Some(&"even") {
            k += 1;
        }
        matches!(w[m - 1], "we" | "i")
            && w[..m - 1].iter().all(|x| !SOMEONE.contains(x))
            && w.get(k) == Some(&"have")
            && matches!(
                (w.get(k + 1), w.get(k + 2)),
                (Some(&"needed"), Some(&"to")) | (Some(&"had"), Some(&"to"))
            )
    })
}

/// Whether the sentence tells a meeting (a review, a stand-up, a retro, a sync, a call)
/// skipped, moved or hurried so that people could attend or join: "We skipped the usual
/// weekly review so the whole team could attend this one", "The review was rushed into the
/// Monday slot so the Marrakesh staff could attend before their shift" (round 53, f512's and
/// f497's first runs). "so" (or "so that") must be followed within six words by "could" or
/// "can" and "attend", "join" or "be there". `words` are lower-cased.
fn meeting_moved_for_attendance(words: &[String]) -> bool {
    #[rustfmt::skip]
    const MEETINGS: &[&str] = &[
        "review", "reviews", "meeting", "meetings", "standup", "stand-up", "retro",
        "retrospective", "sync", "call", "session", "briefing", "huddle", "check-in", "demo",
        "handover",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(m) = (0..words.len()).find(|&k| MEETINGS.contains(&w(k))) else {
        return false;
    };
    (m + 1..words.len()).any(|k| {
        w(k) == "so"
            && (k + 1..(k + 7).min(words.len())).any(|c| {
                matches!(w(c), "could" | "can")
                    && (matches!(w(c + 1), "attend" | "join")
                        || (w(c + 1) == "be" && w(c + 2) == "there"))
            })
    })
}

/// Whether the sentence thanks people by what they deserve: "deserve", "deserves" or
/// "deserved", then within five words (a possessive is two: "deserves the board's thanks") "mention", "credit", "thanks", "praise",
/// "recognition" or "a shout-out" (round 54, f534's first run: "The dispatch desks deserve
/// particular mention."). No mark of irony ("again", "as usual", "really", "not", quotes, a
/// question) and no harm done ("breaking", "broke", "took … down") may be in the sentence.
/// `words` are lower-cased.
fn deserves_credit(text: &str, toks: &[Tok], words: &[String]) -> bool {
    #[rustfmt::skip]
    const CREDIT: &[&str] = &[
        "mention", "credit", "thanks", "praise", "recognition", "shout-out", "shoutout",
        "kudos", "acknowledgement", "acknowledgment",
    ];
    // Marks of its own besides those of any praise ([`IRONY_OF_PRAISE`]).
    const IRONY: &[&str] = &["broken", "blame", "fault"];
    let sentence = sentence_of(text, toks);
    if sentence.contains(['?', '"', '“', '”', '!'])
        || words.iter().any(|w| {
            IRONY_OF_PRAISE.contains(&w.as_str())
                || IRONY.contains(&w.as_str())
                || w.ends_with("n't")
        })
    {
        return false;
    }
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        matches!(w(k), "deserve" | "deserves" | "deserved")
            && (k + 1..(k + 6).min(words.len())).any(|m| CREDIT.contains(&w(m)))
    })
}

/// Whether the sentence (its words, lower-cased) opens by thanking someone: "Thanks to",
/// "Thank you to", "Our thanks to", "Big thanks to", "Many thanks to", "Special thanks to"
/// (one or two words before "thanks"), with no mark of irony ([`IRONY_OF_PRAISE`]) and, after
/// any comma, no clause of its own: "Our thanks to Eirik Nygaard, who ran the auction on paper
/// bid sheets for forty minutes." (round 57, f617's first run on the final code) thanks him;
/// "Thanks to Dave, we lost a day" tells a cause.
fn opens_with_thanks(words: &[String], sentence: &str) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(t) = (0..3).find(|&k| matches!(w(k), "thanks" | "thank")) else {
        return false;
    };
    let to = if w(t) == "thank" && w(t + 1) == "you" {
        t + 2
    } else {
        t + 1
    };
    if w(to) != "to"
        || (0..t).any(|k| {
            !matches!(
                w(k),
                "our"
                    | "big"
                    | "many"
                    | "special"
                    | "huge"
                    | "sincere"
                    | "warm"
                    | "a"
                    | "final"
                    | "and"
            )
        })
    {
        return false;
    }
    // Thanks "for" an act, or to "whoever", is where the irony of thanks lives ("Many thanks
    // to the network team for scheduling core maintenance during the Christmas sales peak",
    // "Thanks to whoever decided testing was optional").
    if words.iter().any(|x| {
        IRONY_OF_PRAISE.contains(&x.as_str())
            || x.ends_with("n't")
            || matches!(x.as_str(), "for" | "whoever")
    }) {
        return false;
    }
    sentence.split_once(',').is_none_or(|(_, rest)| {
        let next = rest.split_whitespace().next().unwrap_or("").to_lowercase();
        matches!(
            next.as_str(),
            "" | "who" | "whose" | "and" | "especially" | "to" | "as" | "in" | "on" | "at"
        )
    }) && !sentence.contains(['?', '"', '“', '”'])
}

/// Whether the sentence (its words, lower-cased) tells what a team has not got, in the present
/// of a standing condition: "has no", "have no", "lacks" or "lack" and a resource (a past
/// "had no" tells what an act left: "… which is why we had no healthy reader left"), not a want of sense or care ("no
/// excuse", "no idea", "no clue", "no business", "no discipline"): "The night shift in
/// Chattogram has no local IT presence, so every network issue waits for someone in Gazipur."
/// (round 57, f616's first run) tells a condition of the team's work.
fn team_lacks_a_resource(words: &[String]) -> bool {
    #[rustfmt::skip]
    const WANTS: &[&str] = &[
        "excuse", "excuses", "idea", "clue", "business", "sense", "discipline", "respect",
        "shame", "care", "interest", "concept", "regard", "right",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let lacks = (0..words.len()).any(|k| {
        let object = if matches!(w(k), "has" | "have") && w(k + 1) == "no" {
            k + 2
        } else if matches!(w(k), "lacks" | "lack") {
            k + 1
        } else {
            return false;
        };
        !(object..(object + 4).min(words.len())).any(|m| WANTS.contains(&w(m)))
    });
    lacks && !words.iter().any(|x| x == "but")
}

/// Whether the sentence's errors are a system's, told by their code or their kind: "error" or
/// "errors" right after a status code ("4XX", "500"), two words joined by a slash
/// ("export/import") or a word of a system's part ("HTTP", "TLS", "timeout") (round 54,
/// real270's first run), with no word of a person's act
/// ("human", "operator", "manual", "mistake", "user", "engineer") in the sentence. `words` are
/// lower-cased, so capitals are read from the text's own spelling of the word before.
fn errors_of_a_system(words: &[String]) -> bool {
    #[rustfmt::skip]
    const PEOPLE: &[&str] = &[
        "human", "humans", "operator", "operators", "manual", "manually", "mistake", "mistakes",
        "user", "users", "engineer", "engineers", "staff", "person", "people", "careless",
        "typo", "oversight", "pilot", "clerical",
    ];
    if words.iter().any(|w| PEOPLE.contains(&w.as_str())) {
        return false;
    }
    // A compound joined by a hyphen ("Server-error failed jobs", round 56, real305's first
    // run) is read as its two words.
    let split: Vec<&str> = words
        .iter()
        .flat_map(|x| {
            let (head, tail) = x.rsplit_once('-').unwrap_or(("", x.as_str()));
            let joined = !head.is_empty() && matches!(tail, "error" | "errors");
            [head, tail]
                .into_iter()
                .filter(move |p| joined || !p.is_empty())
        })
        .collect();
    let w = |k: usize| split.get(k).copied().unwrap_or("");
    (1..split.len()).any(|k| {
        matches!(w(k), "error" | "errors")
            && (is_status_code(w(k - 1))
                || (w(k - 1).contains('/')
                    && w(k - 1)
                        .split('/')
                        .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic)))
                || matches!(
                    w(k - 1),
                    "http"
                        | "tls"
                        | "ssl"
                        | "dns"
                        | "api"
                        | "sql"
                        | "io"
                        | "network"
                        | "server"
                        | "client"
                        | "timeout"
                        | "parse"
                        | "parsing"
                        | "validation"
                        | "checksum"
                        | "crc"
                        | "disk"
                        | "export"
                        | "import"
                        | "upload"
                        | "download"
                        | "connection"
                        | "certificate"
                        | "permission"
                        | "access"
                ))
    })
}

/// Whether `w` is an HTTP status code or class of codes: three characters, a digit from 1 to 5,
/// then two digits or "xx" ("404", "500", "4xx"). "ID-10T error" is a joke's label, and "PE-01"
/// a cause code: neither passes.
fn is_status_code(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 3
        && (b'1'..=b'5').contains(&b[0])
        && (b[1..].iter().all(u8::is_ascii_digit) || b[1..].eq_ignore_ascii_case(b"xx"))
}

/// Whether the shift named at token `a` (the model's evidence) is told as a time: after "the"
/// and "during", "through", "throughout", "into", "until", "across", "over", "before",
/// "after", or "the middle (end, start, beginning, rest, course) of" (round 54, f533's first
/// run: "… in the middle of the night shift"). Read from the sentence's tokens `toks` in
/// `text`, as the evidence's offsets are.
fn shift_told_as_a_time(text: &str, toks: &[Tok], a: usize) -> bool {
    let at = |k: usize| word_at(text, toks, k).map(str::to_ascii_lowercase);
    // The evidence may open on the shift's own words ("night shift") or on "the".
    let mut k = a;
    while k > 0
        && at(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "night" | "day" | "morning" | "evening" | "late" | "early" | "weekend" | "shift"
            )
        })
    {
        k -= 1;
    }
    if at(k).as_deref() != Some("the") || k == 0 {
        return false;
    }
    match at(k - 1).as_deref() {
        Some(
            "during" | "through" | "throughout" | "into" | "until" | "across" | "over" | "before"
            | "after",
        ) => true,
        Some("of") => {
            k >= 2
                && matches!(
                    at(k - 2).as_deref(),
                    Some("middle" | "end" | "start" | "beginning" | "rest" | "course" | "half")
                )
        }
        _ => false,
    }
}

/// Whether a "because" clause explains an act by what should have prompted it and did not: a
/// denial ("no longer", "did not", "didn't", "never", "stopped") right before a verb of
/// showing or asking within ten words of "because" (round 54, f539's first run: "… because
/// the checklist on the line terminal no longer listed it"). The rules ask the same of their
/// findings (`patterns::Sentence::left_unprompted`). `words` are lower-cased.
fn left_unprompted(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(b) = (0..words.len()).find(|&k| w(k) == "because") else {
        return false;
    };
    super::patterns::denies_a_prompt((b + 1..(b + 11).min(words.len())).map(w))
}

/// Whether the sentence credits someone as "the reason" (or "why") something was found first:
/// after "reason" or "why", a detection told as coming first (`patterns::found_first_at`:
/// "were found before …", "caught in time") (round 54, f538's first run). "… is the reason the
/// errors were found in production" says nothing came first, and stays judged. `words` are
/// lower-cased.
fn detection_came_first(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(r) = (0..words.len()).find(|&k| matches!(w(k), "reason" | "why")) else {
        return false;
    };
    (r + 1..words.len()).any(|k| super::patterns::found_first_at(w, k, words.len()))
}

/// Whether a "while" clause tells work that filled the time: "… was stopped for six hours
/// while the scanner was replaced", "… stayed offline while we rebuilt the index" (round 54,
/// f529's first run). A verb of repair within four words of "while", in the passive or with
/// "we" or "I" for subject. `words` are lower-cased.
fn time_spent_on_a_repair(words: &[String]) -> bool {
    #[rustfmt::skip]
    const REPAIRS: &[&str] = &[
        "replaced", "repaired", "rebuilt", "restored", "fixed", "swapped", "reinstalled",
        "recalibrated", "cleaned", "patched", "upgraded", "migrated", "reimaged", "re-imaged",
        "resynced", "reindexed", "re-indexed", "rebooted", "restarted", "serviced", "inspected",
        "tested", "verified", "flushed", "drained", "rerouted", "re-routed",
    ];
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    // Done to the thing ("was replaced") or by the authors ("we rebuilt"): "while the queue
    // rebuilt itself" is no work anyone did, and leaves the sentence to the model.
    (0..words.len()).any(|k| {
        w(k) == "while"
            && (k + 2..(k + 6).min(words.len())).any(|m| {
                REPAIRS.contains(&w(m))
                    && matches!(
                        w(m - 1),
                        "was" | "were" | "been" | "being" | "got" | "is" | "are" | "we" | "i"
                    )
            })
    })
}

/// Whether the sentence closes on what a system directed: "… loaded the reel the slot pointed
/// to", "… picked the bin the screen showed", "… ran the command the runbook gave" (round 54,
/// f529's first run). The last words are a noun, "the" (or "that", "its", "our"), a noun of one
/// or two words and a verb of showing or pointing, with nothing after, and no verb of neglect
/// or negation in the sentence ("ignored the alert the dashboard showed" stays judged).
/// `words` are lower-cased; words without a letter or a digit are skipped.
fn acts_as_directed(words: &[String]) -> bool {
    #[rustfmt::skip]
    const NEGLECT: &[&str] = &[
        "ignored", "skipped", "dismissed", "overlooked", "missed", "disregarded", "bypassed",
        "overrode", "not", "never", "didn't", "without", "instead", "wrong", "despite",
    ];
    let spoken: Vec<&str> = spoken(words).collect();
    let n = spoken.len();
    if n < 5
        || spoken
            .iter()
            .any(|w| NEGLECT.contains(w) || w.ends_with("n't"))
    {
        return false;
    }
    let w = |k: usize| spoken.get(k).copied().unwrap_or("");
    let verb_at = match (w(n - 2), w(n - 1)) {
        ("pointed", "to") | ("called", "for") | ("asked", "for") => n - 2,
        (
            _,
            "showed" | "shown" | "listed" | "displayed" | "indicated" | "gave" | "named"
            | "suggested" | "specified" | "returned" | "recommended",
        ) => n - 1,
        _ => return false,
    };
    // The system is named in one or two words ("the slot", "the label printer").
    let det = |k: usize| matches!(w(k), "the" | "that" | "its" | "our");
    (verb_at >= 3 && det(verb_at - 2)) || (verb_at >= 4 && det(verb_at - 3))
}

/// Whether the sentence opens with "Without" and a person or a group ("them", "him", "her",
/// "you", "their", "his", a name's possessive) and its consequence tells the outcome would
/// have gone otherwise ("would have gone very differently", "would have been much worse",
/// "would have turned out badly"): thanks, told as what the people kept away (round 53,
/// f514's first run). "Without a canary, Dave would have …" names no helper, and stays judged.
/// `words` are lower-cased.
fn credits_by_without(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    if w(0) != "without"
        || !(matches!(
            w(1),
            "them" | "him" | "her" | "you" | "their" | "his" | "your"
        ) || w(1).ends_with("'s")
            || w(1).ends_with("’s"))
    {
        return false;
    }
    // Round 54 (f523's first run): "Without him on shift we would have found it much later":
    // any act of the authors' told as coming later, longer, slower or worse without the
    // person, and "we'd have" as "would have". "Without him we would have finished sooner" is
    // not thanks, and is left to the model.
    (2..words.len()).any(|k| {
        let window = k + 3..(k + 7).min(words.len());
        (w(k) == "would" || super::patterns::is_contracted_would(w(k)))
            && w(k + 1) == "have"
            && (window
                .clone()
                .any(|m| matches!(w(m), "worse" | "longer" | "later" | "slower"))
                || (matches!(w(k + 2), "gone" | "been" | "turned" | "ended")
                    && window
                        .into_iter()
                        .any(|m| matches!(w(m), "differently" | "badly" | "wrong" | "otherwise"))))
    })
}

/// Whether the sentence opens with the act of blaming as its subject, weighed by a modal or a
/// denial within its next ten words: "Blaming the Ghent scale operators would not explain
/// why …", "Faulting the vendor won't fix our rollout" (round 53, f500's first run). Such a
/// sentence talks about blame as a method; on the labelled sets every sentence that opens so
/// is ok. `words` are lower-cased; words without a letter or a digit are skipped.
fn weighs_blaming(words: &[String]) -> bool {
    let mut alpha = spoken(words);
    alpha
        .next()
        .is_some_and(|w| matches!(w, "blaming" | "faulting"))
        && alpha.take(10).any(|w| {
            matches!(
                w,
                "would"
                    | "wouldn't"
                    | "will"
                    | "won't"
                    | "does"
                    | "doesn't"
                    | "cannot"
                    | "can't"
                    | "never"
            )
        })
}

/// Whether "of course" opens a remark whose subject is a time of the week or the year, told
/// with "is", "are", "was" or "were": "Of course, December is always a tricky month here"
/// (round 53, real248's first run). Words are lower-cased; words without a letter or a digit
/// are skipped. "Of course it was a Friday merge" has "it" for its subject, and stays judged;
/// the caller keeps any sentence with a person, a team or a handle in it.
fn of_course_a_hard_season(words: &[String]) -> bool {
    #[rustfmt::skip]
    const SEASONS: &[&str] = &[
        "winter", "summer", "spring", "autumn", "fall", "christmas", "easter", "weekends",
        "mondays", "fridays", "holidays", "payday", "paydays", "monsoon",
    ];
    let alpha: Vec<&str> = spoken(words).collect();
    alpha.windows(4).any(|w| {
        w[0] == "of"
            && w[1] == "course"
            && (super::patterns::is_day_or_month(w[2]) || SEASONS.contains(&w[2]))
            && matches!(w[3], "is" | "are" | "was" | "were")
    })
}

/// Words of judgement, duty, irony, repetition or a time chosen badly, which a plain account
/// of an act ([`told_plainly`]) holds none of.
#[rustfmt::skip]
const PLAIN_TONE: &[&str] = &[
    "should", "ought", "must", "again", "even", "only", "finally", "reason", "because",
    "thanks", "still", "instead", "without", "sat", "sitting", "somehow", "apparently",
    "course", "bravo", "great", "nice", "genius", "kudos", "brilliant", "friday",
    "weekend", "holiday", "payday", "peak", "sale", "midnight", "decided", "chose", "just",
    "why", "who", "whoever", "unilaterally", "themselves", "own", "bound", "honestly",
    "eventually", "months", "years", "evenings", "nights", "mornings",
];

/// Whether the sentence's last clause tells a sign-off and nothing more: "signed off" (with
/// "on" or not), "signs off", "approved" or "approves" (round 62), then "the", "this", "that",
/// "our" or "its" and at most two words that end the sentence, and the clause, from its last
/// "and", "but" or "so", told plainly ([`told_plainly`]) with no "before", "until" or "unless"
/// ahead of the verb: "Nothing suspicious, and QA signed off on the release." (round 54,
/// real275's first run). A sign-off of "a build that had never been installed", one "without
/// reading the risk section" or "on a release they never ran" goes on past its object, and is
/// judged; so is an act "before finance had approved the figures". `words` are lower-cased.
fn signed_off_plainly(words: &[String]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let n = words.len();
    // Or an approval, in the past or in a timeline's present (round 62, f687's first run:
    // "| 11:30 | Kwame approves the production change. |").
    let Some((v, after)) = (0..n).find_map(|k| match w(k) {
        "signed" | "signs" if w(k + 1) == "off" => Some((k, k + 2)),
        "approved" | "approves" => Some((k, k + 1)),
        _ => None,
    }) else {
        return false;
    };
    let mut d = after;
    if w(d) == "on" {
        d += 1;
    }
    if !matches!(w(d), "the" | "this" | "that" | "our" | "its") || n <= d + 1 || n > d + 3 {
        return false;
    }
    let from = (0..v)
        .rev()
        .find(|&k| matches!(w(k), "and" | "but" | "so"))
        .map_or(0, |k| k + 1);
    let clause = &words[from..];
    // "… sent the payout letters before finance had approved the figures": an act ahead of
    // its approval tells what went wrong.
    !clause[..v - from]
        .iter()
        .any(|w| matches!(w.as_str(), "before" | "until" | "unless"))
        && told_plainly(&clause.join(" "), clause)
}

/// Whether the sentence (`sentence`, its lower-cased words `words`) tells an act and nothing
/// more: no word of harm ([`tells_of_harm`]), none of [`PLAIN_TONE`], none that starts like
/// blame, fault, ignoring, skipping, forgetting, carelessness or a hero, and no exclamation
/// or question mark or quotation.
fn told_plainly(sentence: &str, words: &[String]) -> bool {
    const STEMS: &[&str] = &["blam", "fault", "ignor", "skip", "forg", "careless", "hero"];
    !tells_of_harm(sentence)
        && !words
            .iter()
            .any(|w| PLAIN_TONE.contains(&w.as_str()) || STEMS.iter().any(|s| w.starts_with(s)))
        && !sentence.contains(['!', '?', '"', '“', '”'])
}

/// Whether the sentence tells of harm anywhere: a whole word of loss, breakage, delay or a
/// thing gone wrong ("lost", "none", "never", "late", "down", "jammed"), a word that starts
/// with a stem of one ("fail…", "delet…", "corrupt…", "incident…"), or a negated verb ("n't").
/// Short words are whole words, not stems, so that "no" does not take "now", "note" or
/// "normal", nor "harm" "harmless" or "down" "download". What an act led to may be good: "Lucía
/// got the bank's after-hours team moving on a Friday evening, which is why the recall went
/// in before the weekend." (round 41, f312's first run on the final code, a false finding of
/// [`act_told_with_its_outcome`]).
pub(crate) fn tells_of_harm(sentence: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "lost", "lose", "loses", "losing", "loss", "losses", "jam", "jams", "jammed", "mess",
        "messed", "chaos", "chaotic", "fell", "fall", "falls", "fallen", "falling", "broke",
        "broken", "down", "downtime", "wrong", "wrongly", "never", "none", "nobody", "nothing",
        "no", "not", "stuck", "late", "later", "wipe", "wiped", "wipes", "wiping", "twice",
        "dup", "dupe", "dupes", "duped", "stale", "empty", "emptied", "short", "hurt", "held",
        "froze", "frozen", "dead", "dark", "harm", "harmed", "harmful", "cost", "costs",
        "costly", "rails",
    ];
    #[rustfmt::skip]
    const STEMS: &[&str] = &[
        "bug", "incident", "outage", "fail", "error", "erroneous", "problem", "damag", "crash",
        "break", "miss", "delay", "corrupt", "delet", "overwr", "doubl", "duplicat", "injur",
        "leak", "expos", "reject", "block", "stopp", "freez", "stall", "overpa", "overfe",
        "oversold", "overbook", "offline", "unpaid", "wreck", "disaster", "trouble",
    ];
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase();
            w.ends_with("n't")
                || w.ends_with("n’t")
                || WORDS.contains(&w.as_str())
                || STEMS.iter().any(|h| w.starts_with(h))
        })
}

/// A feature's weight toward a family (against "ok") and the token range it covers.
pub(crate) type Evidence = (f32, usize, usize);

/// The strongest evidence toward `class` of each kind: `.0` a phrase about what happened,
/// holding two or more content words ("skipped the canary", "team ignored"); `.1` evidence
/// that only names a topic or an actor: a single content word, alone or with function words
/// ("team", "the outage", "Stian's"), or a group or role noun with the words right before it
/// that modify it ("the operations team", "SRE team", "the platform team's", "the on-call
/// engineer"). Naming who was involved is not saying what they did. Each is `(weight, first
/// token, end token)`; `text` is the sentence the tokens index into.
pub(crate) fn evidence_by_width(
    model: &super::model::Model,
    text: &str,
    toks: &[Tok],
    class: usize,
) -> (Option<Evidence>, Option<Evidence>) {
    let width = |s: usize, e: usize| {
        if a_place_at(text, toks, s) {
            // "The whole team was out roaming in Bangalore, went to a lake" (round 38,
            // real149's first run): the actor the feature rests on is where, not who.
            Width::Empty
        } else {
            evidence_width(text, &toks[s..e])
        }
    };
    (
        evidence_where(model, toks, class, |s, e| width(s, e) == Width::Phrase),
        evidence_where(model, toks, class, |s, e| width(s, e) == Width::Naming),
    )
}

/// Whether token `k` is an actor only by its shape that names a place where someone was or
/// was doing something: a capitalised word that is no common English word, right after a
/// preposition of place that follows a verb in "-ing" or a copula ("was out roaming in
/// Bangalore", "were in Pokhara"). A place that modifies a group stays its stand-in ("The
/// claims desk in Delhi rubber-stamped every invoice"), and a department after "in" is a
/// common word ("someone in Finance").
fn a_place_at(text: &str, toks: &[Tok], k: usize) -> bool {
    if k < 2 || !toks[k].actor {
        return false;
    }
    let Some(w) = word_at(text, toks, k) else {
        return false;
    };
    let of_place = |p: &str| {
        matches!(
            p.to_ascii_lowercase().as_str(),
            "in" | "near" | "around" | "outside" | "across" | "throughout"
        )
    };
    let where_someone_was = |v: &str| {
        let v = v.to_ascii_lowercase();
        (v.len() > 4 && v.ends_with("ing"))
            || matches!(
                v.as_str(),
                "out" | "back" | "was" | "were" | "is" | "are" | "been"
            )
    };
    w.chars().next().is_some_and(char::is_uppercase)
        && word_at(text, toks, k - 1).is_some_and(of_place)
        && !toks[k - 2].actor
        && word_at(text, toks, k - 2).is_some_and(where_someone_was)
        && !super::dictionary::is_common_word(&w.to_lowercase())
}

/// What a feature's tokens say, for the bar a finding resting on them must pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Width {
    /// No content word: nothing to point at ("the", "was").
    Empty,
    /// Only names a topic or an actor: one content word, alone or with function words ("team",
    /// "the outage", "Stian's"), or a group or role noun with the words right before it that
    /// modify it ("the operations team", "the on-call engineer").
    Naming,
    /// Says what happened: two or more content words ("skipped the canary").
    ///
    /// One content word with a person's pronoun or a negation ("he ignored", "did not test")
    /// stays [`Width::Naming`]: counted as phrases, such spans were right 30 times in 37 out
    /// of fold at P ≥ 0.30 (round 8), against 0.964 for phrases, so they keep the naming bar.
    Phrase,
}

/// The [`Width`] of `toks` (the tokens of one feature), whose offsets index `text`.
pub(crate) fn evidence_width(text: &str, toks: &[Tok]) -> Width {
    let (mut count, mut adjacent, mut last) = (0usize, true, None::<usize>);
    for (i, t) in toks.iter().enumerate() {
        if t.mark || is_function_word(t.key) || text.get(t.start..t.end).is_some_and(tells_when) {
            continue;
        }
        adjacent &= last.is_none_or(|l| l + 1 == i);
        count += 1;
        last = Some(i);
    }
    match (count, last) {
        (0, _) | (_, None) => Width::Empty,
        (1, _) => Width::Naming,
        (_, Some(head)) => {
            let actor = text
                .get(toks[head].start..toks[head].end)
                .is_some_and(super::lexicon::is_actor_noun);
            if adjacent && actor {
                Width::Naming
            } else {
                Width::Phrase
            }
        }
    }
}

/// Whether a word, as written, only tells when: a clock time ("7.00", "14:05") or a
/// capitalised weekday or month. Such words are no content of a finding's evidence (round 38,
/// real151's first run: "offline from Thursday 7.00 AM till Sunday 8.00 PM" read as a
/// chat line's header).
fn tells_when(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    if first.is_ascii_uppercase() {
        return super::patterns::is_day_or_month(&w.to_ascii_lowercase());
    }
    // The whole word is the clock time, as the timeline entries' stamps are read.
    super::text::clock_hour_len(w, b":.").is_some_and(|h| w.len() == h + 3)
}

/// The strongest evidence toward `class` that holds a content word: a verdict that rests on
/// "the" or "was" has no wording to point at and no rewrite to ask for.
#[cfg(test)]
pub(crate) fn content_evidence(
    model: &super::model::Model,
    toks: &[Tok],
    class: usize,
) -> Option<(f32, usize, usize)> {
    let content = |s: usize, e: usize| {
        toks[s..e]
            .iter()
            .any(|t| !t.mark && !is_function_word(t.key))
    };
    evidence_where(model, toks, class, content)
}

/// `text` without the white space, closing quotes and brackets and emphasis marks that end
/// it: what stands after a sentence's last word or stop.
fn without_closing_marks(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_')
    })
}

/// Whether the sentence `text[s..e]` of at least [`MIN_WORDS`] words is the last of its line
/// and the line ends with an emoji ("… really made my night 🙏", "(… made my week 🙃)"). The
/// sentence ends at its last word, so the emoji is looked for in the rest of the line, where
/// nothing but punctuation may stand before it: an emoji that ends a later sentence of the
/// line ("… screams. Restarting the consumer now 🎉") is that sentence's.
pub(crate) fn ends_with_emoji(text: &str, s: usize, e: usize) -> bool {
    let Some(sentence) = text.get(s..e) else {
        return false;
    };
    let line_rest = text.get(e..).unwrap_or("");
    let line_rest = line_rest.split('\n').next().unwrap_or("");
    let line_rest = without_closing_marks(line_rest);
    let words = || {
        sentence
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    super::text::before_final_emoji(line_rest)
        .is_some_and(|between| !between.chars().any(char::is_alphanumeric))
        && words() >= MIN_WORDS
}

/// Whether `text[s..e]` is a whole sentence: it ends with a full stop, a question or an
/// exclamation mark (before any closing quote or bracket), or it is a timeline or chat entry
/// (a stamp or a speaker before it on its line, with a digit or a letter in it), whose lines
/// are often left unpunctuated. A Markdown heading never is.
pub(crate) fn is_full_sentence(text: &str, s: usize, e: usize) -> bool {
    let Some(body) = text.get(s..e) else {
        return false;
    };
    // A heading is a title: a date in it is no timeline stamp.
    if is_atx_heading(text, s) {
        return false;
    }
    let body = without_closing_marks(body);
    if body.ends_with(['.', '!', '?', '…']) {
        return true;
    }
    // Round 32: an emoji that ends a line of words ends it as a full stop would, in chat and
    // informal prose ("Thanks so much to whoever left the crusher in manual, really made my
    // night 🙏"); it was read as a fragment, which the model alone does not judge.
    if ends_with_emoji(text, s, e) {
        return true;
    }
    // A cause field's value is what the report asserts as the cause, punctuated or not:
    // "Cause category: Operator fault (Luana Nascimento, night on-call)" (round 26, f172's
    // first run; a table's cause row is `in_a_cause_row` and `checks::wording`'s).
    if body
        .split_once(':')
        .is_some_and(|(label, _)| names_a_cause_field(label))
    {
        return true;
    }
    // Markdown's own markers (a heading's `#`, a bullet, a quote's `>`, a table's `|`, bold
    // or italic marks) are neither a stamp nor a speaker: "## Rollout and configuration" and
    // "**How the defect got in**" are labels.
    let raw = &text[line_start(text, s)..s];
    let before = raw.trim_matches(is_space_or_marker);
    // In a table the cells before are a stamp only when they hold a time or a date: "| 14:02 |
    // the replica stalls" is a timeline entry, "| Yield | monthly rate shown as yearly" is a
    // label.
    if raw.contains('|') && !before.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // A stamp holds a digit and a speaker a letter; a symbol alone ("•", "▲", "→") is a
    // marker like Markdown's: "▲ Senior Customer Support Engineer at Vercel" is a byline
    // (round 25, a real report's first run).
    before.chars().any(char::is_alphanumeric)
        && !before.ends_with(['.', '!', '?', '…', '"', '”', ')'])
}

/// The row that `source[s..e]` (as written: masking blanks the pipes out of the masked text)
/// is on, from its line's start to `e`, when the line opens with `|`: a pipe-table row that
/// the Markdown parser kept as a paragraph (a row pasted without its header and delimiter
/// row). A table comrak reads as one gives each cell a block of its own (`checks::wording`,
/// `cause_row`).
fn pipe_row(source: &str, s: usize, e: usize) -> Option<&str> {
    source
        .get(line_start(source, s)..e)
        .filter(|row| row.trim_start().starts_with('|'))
}

/// Whether the sentence `source[s..e]` is on a pipe row ([`pipe_row`]). A row's sentence
/// holds a pipe, which is looked for first, as most sentences are on no row and the look back
/// for the line's start costs more.
fn in_a_table_row(source: &str, s: usize, e: usize) -> bool {
    source
        .as_bytes()
        .get(s..e)
        .is_some_and(|b| memchr::memchr(b'|', b).is_some())
        && pipe_row(source, s, e).is_some()
}

/// Whether `source[s..e]` is on a pipe row ([`pipe_row`]) whose first cell names a cause
/// field: "| Cause | Fady Girgis copied the staging API key into the production config |"
/// (round 26).
fn in_a_cause_row(source: &str, s: usize, e: usize) -> bool {
    pipe_row(source, s, e).is_some_and(super::cause_row)
}

/// White space or one of Markdown's own markers (a heading's `#`, a bullet, a quote's `>`, a
/// table's `|`, bold or italic marks), which stand around a line's words and are none of them.
fn is_space_or_marker(c: char) -> bool {
    c.is_whitespace() || matches!(c, '#' | '>' | '*' | '-' | '+' | '|' | '_')
}

/// Where the field label naming a cause that stands before the sentence at `s` on its line
/// starts, when the sentence scan cut it off as a speaker ("Cause: …", "**Root Cause:** …",
/// "- Culprit: …"): the line's text before `s`, less list, quote, heading and emphasis
/// marks, is a label of one to three words ([`names_a_cause_field`]) and its colon.
///
/// Cheapest test first, as every sentence is asked: the byte before the sentence, past
/// spaces and emphasis marks, is a colon; most sentences follow a full stop or a line start.
fn cause_label_before(text: &str, s: usize) -> Option<usize> {
    let head = text.as_bytes().get(..s)?;
    let colon = head
        .iter()
        .rposition(|b| !(b.is_ascii_whitespace() || matches!(b, b'*' | b'_')))?;
    if head[colon] != b':' {
        return None;
    }
    let label_end = colon;
    let line = line_start(text, s);
    let raw = text.get(line..label_end)?;
    let label = raw.trim_start_matches(is_space_or_marker);
    let from = line + raw.len() - label.len();
    let label = label.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    ((1..=3).contains(&label.split_whitespace().count())
        && label.starts_with(char::is_uppercase)
        && !label.bytes().any(|b| b.is_ascii_digit())
        && names_a_cause_field(label))
    .then_some(from)
}

/// Whether a field's label names fault or blame itself rather than a cause ("Culprit", "At
/// fault", "Fault owner", "Responsible party", "Blamed"), and not its absence ("Blameless",
/// "Blame-free"). `label` is the text before the value, marks and colon included.
fn label_asserts_fault(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    label_has_word(label, &["responsib", "fault", "culprit", "blame"])
        && !lower.contains("no fault")
        && !lower.contains("no-fault")
}

/// Whether a field's value opens with a word that can only be someone's name or handle
/// ([`cause_label_before`]): "@arjun.r", "tquispe", "ville_h", "Kavya", "Lumeris" and not a
/// word the dictionary knows in any of its hyphenated parts ("Very", "Sign-in", "The"), nor
/// a name with a possessive after it ("Apollo's resolver").
fn value_opens_with_someone(value: &str) -> bool {
    let value = value.trim_start_matches(['*', '_', '"', '“', '`']);
    let end = value
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '@' | '_' | '.' | '-')))
        .unwrap_or(value.len());
    let word = value[..end].trim_end_matches(['.', '-']);
    if word.is_empty() || value[end..].starts_with(['\'', '’']) {
        return false;
    }
    if word.starts_with('@') {
        return true;
    }
    let lower = word.to_lowercase();
    !lower
        .split('-')
        .all(|part| part.is_empty() || super::dictionary::is_common_word(part))
}

/// The keys (stems) of the words a cause field's label is known by: the common forms of
/// [`names_a_cause_field`]'s word beginnings, which that function then checks on the text.
static CAUSE_LABEL_KEYS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut keys: Vec<u64> = [
        "cause",
        "causes",
        "causal",
        "causation",
        "contributing",
        "contributory",
        "contributor",
        "responsible",
        "responsibility",
        "fault",
        "faults",
        "culprit",
        "culprits",
        "blame",
    ]
    .iter()
    .map(|w| super::features::fnv(super::features::stem_of(w, &stemmer).as_bytes()))
    .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
});

/// Whether `sentence` (its word tokens `toks`) opens with a field's label that names a cause,
/// set off by a colon: "**Root cause:** …", "Contributing factor: …". The label is at most
/// three words and not a phrase about one ("The ticket tag cause:human-error is no longer
/// accepted").
///
/// Cheapest test first, as every sentence below the model's gate is asked: a colon in the
/// first 48 bytes (a label is short), then a cause word among the first five tokens by its
/// stem ([`CAUSE_LABEL_KEYS`]), and only then is the label's text read. Reading it for every
/// sentence with an early colon (timeline entries, "Impact: …") cost 0.45 M instructions more
/// on trig100 (docs/PERFORMANCE.md, "Round 31").
fn opens_with_a_cause_label(sentence: &str, toks: &[Tok]) -> bool {
    let Some(colon) = memchr::memchr(b':', &sentence.as_bytes()[..sentence.len().min(48)]) else {
        return false;
    };
    let cause_word_early = toks
        .iter()
        .filter(|t| !t.mark)
        .take(5)
        .any(|t| CAUSE_LABEL_KEYS.binary_search(&t.key).is_ok());
    if !cause_word_early {
        return false;
    }
    let label = sentence[..colon]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '-'));
    // A stamp ("10:00 UTC: …") is no label.
    if !label.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let mut words = label.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    words.count() < 3
        && ![
            "the", "a", "an", "this", "that", "our", "their", "its", "his", "her",
        ]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
        && names_a_cause_field(label)
}

/// Whether a field's label (a table's cells before the value, or the words before a colon)
/// names a cause or who is answerable for it: "Root cause", "Cause category", "Contributing
/// factor", "Responsible party", "Fault", "Culprit"; at most 40 bytes, as a label is short.
/// Its value is then judged as a sentence.
///
/// "Blameless review notes" and "Blame-free summary" name the opposite of one (round 31).
pub(crate) fn names_a_cause_field(label: &str) -> bool {
    label.len() <= 40
        && label_has_word(
            label,
            &[
                "cause",
                "contributing",
                "responsib",
                "fault",
                "culprit",
                "blame",
            ],
        )
}

/// Whether a word of `label` starts with one of `beginnings` (ASCII case-insensitive), not
/// counting the words of its absence ("Blameless", "Blame free", "Blame-free"):
/// [`names_a_cause_field`] and [`label_asserts_fault`] read labels alike.
fn label_has_word(label: &str, beginnings: &[&str]) -> bool {
    let starts = |w: &str, f: &str| w.get(..f.len()).is_some_and(|h| h.eq_ignore_ascii_case(f));
    let mut words = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        let found = beginnings.iter().any(|f| starts(w, f));
        let blame_free = starts(w, "blameless")
            || (w.eq_ignore_ascii_case("blame")
                && words.peek().is_some_and(|n| n.eq_ignore_ascii_case("free")));
        if found && !blame_free {
            return true;
        }
    }
    false
}

/// How far back [`line_start`] looks for the start of a line.
const LOOK_BACK: usize = 96;

/// The start of the line holding `s`, looking back at most `LOOK_BACK` bytes: a stamp or a
/// speaker is short, and an unbounded search would make a long line of many sentences
/// quadratic.
fn line_start(text: &str, s: usize) -> usize {
    bounded_line_start(text, s, LOOK_BACK).0
}

/// Where the line holding byte `at` of `text` starts, looking back at most `look_back` bytes
/// (to a character boundary): the byte after the last line break before `at`, or the window's
/// start if there is none, and whether that is a true start of a line (the text's start or
/// just after a break) rather than the window's edge. The one bounded look-back every caller
/// shares, so a long line costs each at most `look_back` bytes.
fn bounded_line_start(text: &str, at: usize, look_back: usize) -> (usize, bool) {
    let at = char_boundary_before(text, at.min(text.len()));
    let from = char_boundary_after(text, at.saturating_sub(look_back));
    match text
        .get(from..at)
        .and_then(|w| memchr::memrchr(b'\n', w.as_bytes()))
    {
        Some(i) => (from + i + 1, true),
        None => (
            from,
            from == 0 || text.as_bytes().get(from - 1) == Some(&b'\n'),
        ),
    }
}

/// What stands on its line before byte `at` of `text`, if the line starts at most
/// `look_back` bytes back (a label that opens its line: a citation's "Slides:", a table
/// row's first cells); `None` if the line starts farther back, so a long line costs each
/// caller at most `look_back` bytes.
pub(crate) fn line_lead(text: &str, at: usize, look_back: usize) -> Option<&str> {
    let (from, whole) = bounded_line_start(text, at, look_back);
    if whole {
        text.get(from..at.min(text.len()))
    } else {
        None
    }
}

/// The last character boundary of `text` at or before `at` (`at` at most `text.len()`).
fn char_boundary_before(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The first character boundary of `text` at or after `at`.
fn char_boundary_after(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
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

/// The words `start..end` of the scanned text as the author sees them: from the source when
/// they hold inline code, which the scanned text holds as a placeholder word
/// (`document::body::code_span`: "`pg_wal`", not "x_____"), otherwise from the scanned text,
/// which has no emphasis marks. `source` is as long as `text` (`scan_block`).
pub(crate) fn as_written<'t>(text: &'t str, source: &'t str, start: usize, end: usize) -> &'t str {
    match source.get(start..end) {
        Some(written) if source.len() == text.len() && written.contains('`') => written,
        _ => text.get(start..end).unwrap_or_default(),
    }
}

fn tidy(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    Some((start, end))
}
