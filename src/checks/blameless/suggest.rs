//! A suggestion about the sentence found: the systemic question for its family, asked about the
//! sentence's own object ("the canary", "the replica status") rather than a canned example.

use super::features::Tok;
use super::Rule;

/// Words that end a noun phrase.
fn stops_phrase(w: &str) -> bool {
    matches!(
        w,
        "to" | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "into"
            | "before"
            | "after"
            | "without"
            | "because"
            | "and"
            | "but"
            | "or"
            | "while"
            | "when"
            | "that"
            | "which"
            | "who"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "has"
            | "have"
            | "again"
            | "so"
            | "than"
            | "until"
            | "during"
            | "despite"
            | "even"
            | "just"
            | "instead"
    )
}

fn opens_phrase(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "our"
            | "their"
            | "its"
            | "this"
            | "that"
            | "every"
            | "each"
            | "his"
            | "her"
            | "these"
            | "those"
    )
}

/// The first noun phrase ("the new HSM key configuration") after `from`, or before it.
/// `source` is the block as written, as long as `text`: a phrase holding inline code is
/// quoted from it (`engine::as_written`).
pub(crate) fn object_phrase(text: &str, source: &str, toks: &[Tok], from: usize) -> Option<String> {
    let words: Vec<String> = toks
        .iter()
        .map(|t| text[t.start..t.end].to_lowercase())
        .collect();
    let find = |range: std::ops::Range<usize>| -> Option<String> {
        for i in range {
            if toks[i].mark || !opens_phrase(&words[i]) {
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j < i + 6 && !toks[j].mark && !stops_phrase(&words[j]) {
                j += 1;
            }
            // Possessive person pronouns start a phrase about the person's thing: keep the thing.
            let start = if matches!(words[i].as_str(), "his" | "her" | "their") {
                i + 1
            } else {
                i
            };
            if j > i + 1 && start < j {
                let s = toks[start].start;
                let e = toks[j - 1].end;
                let phrase = super::engine::as_written(text, source, s, e)
                    .trim_end_matches(['.', ',', ';', ':']);
                let phrase = if start > i {
                    format!("the {phrase}")
                } else {
                    phrase.to_owned()
                };
                return Some(phrase);
            }
        }
        None
    };
    let first_after = toks
        .iter()
        .position(|t| t.start >= from)
        .unwrap_or(toks.len());
    find(first_after..toks.len()).or_else(|| find(0..first_after))
}

/// The systemic question for `rule`, about this sentence's object.
pub(crate) fn suggestion(
    rule: Rule,
    text: &str,
    source: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
) -> String {
    let _ = start;
    let np = object_phrase(text, source, toks, end);
    let np = np.as_deref();
    let about = |p: Option<&str>, fallback: &str| p.map_or(fallback.to_owned(), |p| p.to_owned());
    match rule {
        Rule::IndividualFault => format!(
            "Tell what happened to {} without naming who did it, and ask what made that step possible: which check, default or signal would have stopped it?",
            about(np, "the system")
        ),
        Rule::Counterfactual => format!(
            "Replace what someone should have done with what they saw: what did the tools show about {} at that moment, and why did the choice made look reasonable then?",
            about(np, "the situation")
        ),
        Rule::HumanError => format!(
            "Replace the label with the conditions: what about {} made the slip easy to make and costly when made?",
            about(np, "the task")
        ),
        Rule::Judgemental => format!(
            "Replace the judgement with facts: what did the work on {} lack, and which review, test or tool would have shown it?",
            about(np, "the change")
        ),
        Rule::Negligence => format!(
            "Describe what competed for attention: how did the signal about {} look, who received it, and what else was happening then?",
            about(np, "the problem")
        ),
        Rule::Punishment => format!(
            "Leave personnel matters out of the review and name the systemic change that protects {} next time.",
            about(np, "the service")
        ),
        Rule::Hindsight => format!(
            "Say what was visible at the time about {}, and what made it hard to see during the incident.",
            about(np, "the problem")
        ),
        Rule::TeamBlame => format!(
            "Describe the conditions the team worked under: what in the process, tooling or staffing around {} allowed this?",
            about(np, "the work")
        ),
        Rule::Sarcasm => format!(
            "Say it plainly, without irony: what happened to {}, and what made it possible?",
            about(np, "the system")
        ),
    }
}
