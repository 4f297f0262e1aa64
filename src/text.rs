//! Text shown to people: Markdown table cells, terminal-safe text, colour, short commit IDs,
//! durations. Every report renderer uses these, so a value reads the same everywhere.

use anstyle::{AnsiColor, Style};

/// Escapes text for a Markdown table cell (GitHub-flavoured): it stays in its cell and its
/// row, whatever it holds. A backslash is escaped first (else `\|` in the text would end the
/// cell), `|` is escaped, every line break becomes a space, `<` becomes `&lt;` (an HTML
/// comment or tag would swallow the rows after it), and terminal controls are replaced
/// ([`printable`]).
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe_char(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text as a Markdown code span inside a table cell: fenced with more backticks than the text
/// holds in a row, `|` escaped (GitHub reads `\|` as `|` in a code span in a table), line
/// breaks and controls as in [`md_escape`].
pub fn md_code(text: &str) -> String {
    let clean: String = printable(
        &text
            .chars()
            .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
            .collect::<String>(),
    )
    .replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

/// True for a character that changes how a terminal shows what follows rather than being
/// shown: C0 and C1 controls (ESC starts CSI and OSC sequences; U+009B and U+009D are CSI and
/// OSC on their own), DEL, and the bidirectional formatting characters (which reorder text
/// on screen, "Trojan Source").
fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text from a post-mortem made safe for a terminal: control characters (which can move the
/// cursor, retitle the window or clear the screen) and bidirectional overrides (which reorder
/// what is shown) become U+FFFD. For one value (line breaks too); for whole output, see
/// [`terminal_safe`]. JSON output keeps the text exactly as written ([`json_safe`]).
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII, by far the common case, needs no look at each character.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.into();
    }
    if text.chars().any(is_unsafe_char) {
        text.chars()
            .map(|c| if is_unsafe_char(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The one sanitiser of human-readable output, applied where pm writes to stdout and stderr
/// (`cli::print`, `cli::note`, the error line in `main`): whatever a post-mortem, a file name
/// or `pm.toml` holds, the output cannot drive the terminal or the CI runner that reads it.
///
/// - Controls, C1 controls, DEL and bidirectional overrides become U+FFFD ([`printable`]);
///   line feeds and tabs stay. A carriage return alone (which rewrites the line on screen)
///   becomes U+FFFD; `\r\n` stays.
/// - The colour pm itself paints stays: an SGR sequence (`ESC [ digits ; … m`) whose
///   parameters only set bold, dim, italic, underline or a foreground colour, or reset them.
///   Any other escape sequence (cursor moves, OSC titles and hyperlinks, OSC 52 clipboard
///   writes, `conceal`) has its ESC replaced, so it prints as text.
/// - A line whose first non-blank characters are `::` would be a GitHub Actions workflow
///   command (`::add-mask::`, `::stop-commands::`, `::error::`); its first `:` becomes
///   `\u{2236}` (RATIO, which looks the same), so the runner sees no command. The `github`
///   format of `pm check`, whose lines are workflow commands on purpose, is written raw and
///   escapes its values itself (`report::github`).
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = text
        .bytes()
        .any(|b| b < 0x20 && b != b'\n' && b != b'\t' || b >= 0x7f)
        || text.contains("::");
    if !needs {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut line_start = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        if line_start && c != ' ' && c != '\t' {
            line_start = false;
            if rest.starts_with("::") {
                out.push('\u{2236}');
                rest = &rest[1..];
                continue;
            }
        }
        match c {
            '\n' => {
                out.push('\n');
                line_start = true;
            }
            '\t' => out.push('\t'),
            '\r' if rest[1..].starts_with('\n') => out.push('\r'),
            '\u{1b}' => match pm_sgr(rest) {
                Some(n) => {
                    out.push_str(&rest[..n]);
                    rest = &rest[n..];
                    continue;
                }
                None => out.push('\u{fffd}'),
            },
            c if is_unsafe_char(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
        rest = &rest[len..];
    }
    out.into()
}

/// The length of the SGR sequence at the start of `text` when it only sets or resets the
/// styles pm paints with (see [`terminal_safe`]).
fn pm_sgr(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let end = body.find('m')?;
    let params = &body[..end];
    if params.len() > 32 || !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
        return None;
    }
    let allowed = |p: &str| {
        matches!(
            p,
            "" | "0" | "1" | "2" | "3" | "4" | "22" | "23" | "24" | "39"
        ) || p
            .parse::<u8>()
            .is_ok_and(|n| (30..=37).contains(&n) || (90..=97).contains(&n))
    };
    params.split(';').all(allowed).then_some(2 + end + 1)
}

/// JSON text (as `serde_json` writes it) with every character a terminal or an editor could
/// act on written as a `\uXXXX` escape: DEL, C1 controls, bidirectional overrides and the
/// line and paragraph separators. `serde_json` already escapes C0 controls. The data are
/// unchanged (a JSON reader gives back the same strings); only the bytes on screen differ.
/// Outside strings JSON holds only ASCII, so escaping every such character is always valid.
pub fn json_safe(json: String) -> String {
    // C0 controls inside strings are escaped already; outside strings only the whitespace
    // `\n`, `\r` and `\t` can appear, and must stay as they are.
    let bad = |c: char| {
        (is_unsafe_char(c) && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{2028}' | '\u{2029}')
    };
    if !json.chars().any(bad) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The styles reports use.
pub const BOLD: Style = Style::new().bold();
pub const ALERT: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();

/// Wraps text in `style` when colour is on.
pub fn paint(on: bool, style: Style, text: &str) -> String {
    if on {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

/// The width of a table column: the longest value in characters, or `if_empty` when there
/// are no values.
pub fn column_width<S: AsRef<str>>(values: impl IntoIterator<Item = S>, if_empty: usize) -> usize {
    values
        .into_iter()
        .map(|v| v.as_ref().chars().count())
        .max()
        .unwrap_or(if_empty)
}

/// A value that may be missing, as a table cell: `none` when it is.
pub fn display_or<T: std::fmt::Display>(value: Option<T>, none: &str) -> String {
    value.map_or_else(|| none.to_string(), |v| v.to_string())
}

/// A commit ID as people quote it: its first seven characters.
pub fn short(sha: &str) -> String {
    sha.chars().take(7).collect()
}

/// The first line of `text`, cut to 60 characters (with `…` when cut).
pub fn one_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        short.push('…');
    }
    short
}

/// A duration in minutes as people read it: `45m`, `1h 05m`, `2d 3h`.
pub fn human_minutes(minutes: i64) -> String {
    if minutes < 0 {
        return format!("-{}", human_minutes(-minutes));
    }
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins:02}m")
    } else {
        format!("{mins}m")
    }
}

/// [`human_minutes`] of a duration that may be unknown (`none` then).
pub fn duration(minutes: Option<i64>, none: &str) -> String {
    minutes
        .map(human_minutes)
        .unwrap_or_else(|| none.to_string())
}

/// [`duration`] of a median, which may fall between two whole minutes.
pub fn duration_rounded(minutes: Option<f64>, none: &str) -> String {
    duration(minutes.map(|m| m.round() as i64), none)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(human_minutes(8), "8m");
        assert_eq!(human_minutes(65), "1h 05m");
        assert_eq!(human_minutes(3000), "2d 2h");
        assert_eq!(duration_rounded(Some(64.5), "-"), "1h 05m");
        assert_eq!(duration(None, "—"), "—");
    }

    #[test]
    fn terminal_text_loses_control_characters_only() {
        assert_eq!(printable("plain"), "plain");
        assert_eq!(printable("a\x1b[2Jb"), "a\u{fffd}[2Jb");
        assert_eq!(printable("café"), "café");
    }

    #[test]
    fn colour_wraps_only_when_on() {
        assert_eq!(paint(false, ALERT, "late"), "late");
        // anstyle's bytes: one sequence per attribute (docs/ARCHITECTURE.md, "Colour").
        assert_eq!(paint(true, ALERT, "late"), "\x1b[1m\x1b[31mlate\x1b[0m");
        assert_eq!(paint(true, BOLD, "ID"), "\x1b[1mID\x1b[0m");
    }

    #[test]
    fn output_cannot_drive_the_terminal_or_the_ci_runner() {
        // OSC title, OSC 52 clipboard, CSI cursor moves, C1 CSI, bidi override, bare CR.
        let hostile = "a\x1b]0;owned\x07b \x1b]52;c;ZXZpbA==\x07 \x1b[2J\u{9b}2J \u{202e}x\ry";
        let safe = terminal_safe(hostile);
        assert!(!safe.contains('\x1b') && !safe.contains('\x07') && !safe.contains('\u{9b}'));
        assert!(
            !safe.contains('\u{202e}') && !safe.contains('\r'),
            "{safe:?}"
        );
        // Workflow commands at a line's start, after blanks too; `::` elsewhere stays.
        let safe = terminal_safe("::add-mask::x\n  ::error::y\nsee a::b\r\n");
        assert_eq!(
            safe,
            "\u{2236}:add-mask::x\n  \u{2236}:error::y\nsee a::b\r\n"
        );
        // pm's own colour stays; a hostile conceal or cursor move does not.
        let painted = paint(true, ALERT, "late");
        assert_eq!(terminal_safe(&painted), painted);
        assert_eq!(terminal_safe("\x1b[8mhidden"), "\u{fffd}[8mhidden");
        assert_eq!(terminal_safe("\x1b[1;5H"), "\u{fffd}[1;5H");
        assert_eq!(terminal_safe("plain\tline\n"), "plain\tline\n");
    }

    #[test]
    fn markdown_cells_and_code_spans_keep_their_row() {
        assert_eq!(md_escape("a\\|b"), "a\\\\\\|b");
        assert_eq!(md_escape("x\r\ny<!--"), "x  y&lt;!--");
        assert_eq!(md_escape("\x1b[2J"), "\u{fffd}[2J");
        assert_eq!(md_code("id#A1"), "`id#A1`");
        assert_eq!(md_code("a`|` b"), "``a`\\|` b``");
        assert_eq!(md_code("`x"), "`` `x ``");
    }

    #[test]
    fn json_keeps_its_data_and_escapes_what_a_terminal_acts_on() {
        let value = serde_json::json!({"t": "a\u{9b}2J\u{202e}\u{7f}\u{2028}é\x1b"});
        let text = json_safe(serde_json::to_string_pretty(&value).unwrap_or_default());
        assert!(
            text.chars().all(|c| !is_unsafe_char(c) || c == '\n'),
            "{text}"
        );
        assert!(text.contains('\n'));
        assert!(text.contains("\\u009b") && text.contains("\\u202e") && text.contains("é"));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
    }
}
