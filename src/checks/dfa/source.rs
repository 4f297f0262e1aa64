// How a pattern of the checks becomes the patterns `build.rs` compiles into DFAs.
//
// This file is shared: `build.rs` includes it, and the crate compiles it as a module (in tests)
// so its tests run with the others. Keep it to the standard library.
//
// Two rewrites make the wording patterns small enough to compile into DFAs ahead of time (a
// Unicode letter class alone turns one pattern into tens of megabytes of DFA):
//
// - **An ASCII shadow of the text.** The scanner searches a copy of each block of prose with
//   the same byte offsets in which every non-ASCII character is replaced by bytes with the same
//   role: whitespace by spaces, a letter or digit by `0xC0` bytes, the typographic apostrophe
//   `’` kept as is, anything else by `0xC1` bytes (see `dfa::shadow`; neither byte occurs in
//   UTF-8, so neither can be part of a kept `’`). The patterns, written for Unicode text, are
//   rewritten to match that copy: `\p{L}` becomes `[A-Za-z\xC0]`, `\w` becomes
//   `[0-9A-Za-z_\xC0]`, and the whole pattern runs with Unicode mode off, so `\s` and
//   `(?i)` are ASCII. Every trigger word is ASCII, so the matches are the same as on the text.
// - **Windows in code.** A top-level gap such as `[^.;:!?]{0,60}?` between two parts ("pushed
//   ... without testing") makes a DFA count, and it blows up; such an alternative is split into
//   a head and a tail, each compiled alone, and the scanner joins them (`dfa::Window`).

/// One top-level alternative of a trigger pattern, ready for the DFA compiler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AltSource {
    Plain(String),
    /// `head`, then at most `gap` characters none of which is in `stop`, then `tail`.
    Window {
        head: String,
        gap: usize,
        stop: String,
        tail: String,
    },
}

/// Splits a pattern into its top-level alternatives, each rewritten for the ASCII shadow, with
/// windows split out. Patterns without a window stay one alternative.
pub fn alternatives(source: &str) -> Vec<AltSource> {
    // A leading flag group such as `(?i)` or `(?ix)` applies to every part; Unicode mode is
    // turned off for all of them.
    let (flags, body) = match source
        .strip_prefix("(?")
        .and_then(|rest| rest.split_once(')'))
        .filter(|(f, _)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase()))
    {
        Some((f, rest)) => (format!("(?{f}-u)"), rest),
        None => ("(?-u)".to_string(), source),
    };
    let alts = split_top_level(body, b'|');
    let counted = alts.iter().filter(|a| has_count(a)).count();
    if !alts.iter().any(|a| find_window(a).is_some()) && counted < 2 {
        return vec![AltSource::Plain(format!("{flags}{}", shadow_pattern(body)))];
    }
    let mut out = Vec::new();
    // Alternatives without a count, one after another, stay one DFA: joining them costs the
    // compiler little and saves the scanner a search.
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<AltSource>| {
        if !run.is_empty() {
            let joined = run.join("|");
            out.push(AltSource::Plain(format!(
                "{flags}{}",
                shadow_pattern(&joined)
            )));
            run.clear();
        }
    };
    for alt in alts {
        if let Some((head, gap, stop, tail)) = find_window(alt) {
            flush(&mut run, &mut out);
            out.push(AltSource::Window {
                head: format!("{flags}{}", shadow_pattern(head)),
                gap,
                stop: stop.to_string(),
                tail: format!("{flags}{}", shadow_pattern(tail)),
            });
        } else if has_count(alt) {
            flush(&mut run, &mut out);
            out.push(AltSource::Plain(format!("{flags}{}", shadow_pattern(alt))));
        } else {
            run.push(alt);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Whether `alt` repeats something a counted number of times (`{1,4}?`, `{2}`): what makes a
/// DFA multiply its states. Two such alternatives in one DFA multiply each other's: round 20's
/// `Kind::FaultVerb`, three of them in one DFA, took 76 s to compile and 16.6 MB; split at
/// its counted alternatives, 0.34 s and 2.4 MB.
fn has_count(alt: &str) -> bool {
    let b = alt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'{' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => return true,
            _ => i += 1,
        }
    }
    false
}

/// Rewrites a Unicode pattern to match the ASCII shadow of the text (see the file comment).
pub fn shadow_pattern(body: &str) -> String {
    const APOSTROPHE: &str = r"\xE2\x80\x99";
    let out = body
        .replace(r"[\p{L}'’-]", &format!(r"(?:[A-Za-z\xC0'-]|{APOSTROPHE})"))
        .replace(r"[\p{L}'’]", &format!(r"(?:[A-Za-z\xC0']|{APOSTROPHE})"))
        .replace(r"[\p{L}'.-]", r"[A-Za-z\xC0'.-]")
        .replace(r"[\p{L}-]", r"[A-Za-z\xC0-]")
        .replace(r"[\p{L}]", r"[A-Za-z\xC0]")
        .replace(r"['’]", &format!(r"(?:'|{APOSTROPHE})"))
        .replace(r"\w", r"[0-9A-Za-z_\xC0]");
    assert!(
        out.is_ascii() && !out.contains(r"\p") && !out.contains(r"\W"),
        "pattern has a Unicode construct the shadow rewrite does not know: {body}"
    );
    out
}

/// The pieces of `pattern` separated by `sep` outside groups, classes and escapes.
fn split_top_level(pattern: &str, sep: u8) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    scan_top_level(pattern, |i, b| {
        if b == sep {
            parts.push(&pattern[start..i]);
            start = i + 1;
        }
    });
    parts.push(&pattern[start..]);
    parts
}

/// Calls `f(index, byte)` for every byte of `pattern` at nesting depth 0 that is not inside a
/// character class or an escape.
fn scan_top_level(pattern: &str, mut f: impl FnMut(usize, u8)) {
    let bytes = pattern.as_bytes();
    let (mut depth, mut in_class, mut i) = (0usize, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if in_class {
            in_class = b != b']';
        } else if b == b'[' {
            in_class = true;
            if depth == 0 {
                f(i, b'[');
            }
            // A `]` right after `[` or `[^` is a literal.
            if bytes.get(i + 1) == Some(&b'^') {
                i += 1;
            }
            if bytes.get(i + 1) == Some(&b']') {
                i += 1;
            }
        } else if b == b'(' {
            depth += 1;
        } else if b == b')' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            f(i, b);
        }
        i += 1;
    }
}

/// Finds a top-level `[^STOP]{0,N}?` in an alternative: (head, N, STOP, tail).
fn find_window(alt: &str) -> Option<(&str, usize, &str, &str)> {
    let mut found = None;
    let mut at = 0;
    while let Some(rel) = alt[at..].find("[^") {
        let start = at + rel;
        at = start + 2;
        let Some(close) = alt[start..].find(']').map(|c| start + c) else {
            break;
        };
        let stop = &alt[start + 2..close];
        let rest = &alt[close + 1..];
        let Some(quant) = rest.strip_prefix("{0,") else {
            continue;
        };
        let Some(end) = quant.find("}?") else {
            continue;
        };
        let Ok(gap) = quant[..end].parse::<usize>() else {
            continue;
        };
        if stop.contains('\\') || !stop.is_ascii() || depth_at(alt, start) != 0 {
            continue;
        }
        let tail_start = close + 1 + 3 + end + 2;
        found = Some((&alt[..start], gap, stop, &alt[tail_start..]));
        break;
    }
    found
}

/// The group depth at byte `at` of `pattern`.
fn depth_at(pattern: &str, at: usize) -> usize {
    let mut top = false;
    scan_top_level(&pattern[..at + 1], |i, _| top |= i == at);
    if top {
        0
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_patterns_stay_whole_and_become_ascii() {
        let alts = alternatives(r"(?i)\bshouldn['’]t\s+[\p{L}][\p{L}-]*|\bx\w+");
        assert_eq!(
            alts,
            vec![AltSource::Plain(
                r"(?i-u)\bshouldn(?:'|\xE2\x80\x99)t\s+[A-Za-z\xC0][A-Za-z\xC0-]*|\bx[0-9A-Za-z_\xC0]+"
                    .to_string()
            )]
        );
        assert_eq!(
            alternatives(r"\bHad\s+"),
            vec![AltSource::Plain(r"(?-u)\bHad\s+".to_string())]
        );
    }

    #[test]
    fn windows_split_into_head_and_tail() {
        let alts = alternatives(r"(?i)\b(?:a|b)\b[^.;!?]{0,40}?\b(?:c|d)\b|\brevoked\s+(?:x|y)\b");
        assert_eq!(
            alts,
            vec![
                AltSource::Window {
                    head: r"(?i-u)\b(?:a|b)\b".to_string(),
                    gap: 40,
                    stop: ".;!?".to_string(),
                    tail: r"(?i-u)\b(?:c|d)\b".to_string(),
                },
                AltSource::Plain(r"(?i-u)\brevoked\s+(?:x|y)\b".to_string()),
            ]
        );
    }

    #[test]
    fn counted_alternatives_compile_alone_and_the_rest_stay_joined_in_order() {
        // Two alternatives that count: each alone, and the uncounted ones between and after
        // them joined, in the pattern's order (a tie between alternatives goes to the earlier).
        let alts = alternatives(
            r"(?i)\ba\b|\bb(?:\w+\s+){1,2}?c\b|\bd\b|\be\b|\bf\{2}\b|\bg(?:x\s+){0,4}?h\b|\bi\b",
        );
        assert_eq!(
            alts,
            vec![
                AltSource::Plain(r"(?i-u)\ba\b".to_string()),
                AltSource::Plain(r"(?i-u)\bb(?:[0-9A-Za-z_\xC0]+\s+){1,2}?c\b".to_string()),
                AltSource::Plain(r"(?i-u)\bd\b|\be\b|\bf\{2}\b".to_string()),
                AltSource::Plain(r"(?i-u)\bg(?:x\s+){0,4}?h\b".to_string()),
                AltSource::Plain(r"(?i-u)\bi\b".to_string()),
            ]
        );
        // One count alone multiplies nothing: the pattern stays one DFA.
        assert_eq!(alternatives(r"\ba(?:x\s+){1,3}b|\bc").len(), 1);
    }

    #[test]
    fn windows_inside_groups_are_left_alone() {
        let alts = alternatives(r"(?i)(?:a[^.]{0,5}?b)|c");
        assert_eq!(alts.len(), 1);
        assert!(matches!(alts[0], AltSource::Plain(_)));
    }
}
