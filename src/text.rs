//! Text shown to people: Markdown table cells, terminal-safe text, colour, short commit IDs,
//! durations. Every report renderer uses these, so a value reads the same everywhere.

use anstyle::{AnsiColor, Style};

/// Escapes text for a Markdown table cell.
pub fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Text from a post-mortem made safe for a terminal: control characters (which can move the
/// cursor, retitle the window or clear the screen) and bidirectional overrides (which reorder
/// what is shown) become U+FFFD. JSON output keeps the text exactly as written.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    // Printable ASCII, by far the common case, needs no look at each character.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.into();
    }
    if text.chars().any(unsafe_char) {
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
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
}
