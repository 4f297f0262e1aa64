//! Post-mortem IDs: `YYYY-MM-DD-slug`, the file stem.

use chrono::NaiveDate;

/// Longest slug, in characters.
pub const MAX_SLUG: usize = 60;

/// Makes a slug from a title: lowercase ASCII letters and digits separated by single `-`, at
/// most [`MAX_SLUG`] characters, cut at a word boundary where possible. Accented letters are
/// folded to ASCII; everything else separates words. The result can never contain `.` or `/`,
/// so it can never leave the post-mortem folder. Empty when the title has no letters or digits.
pub fn slug(title: &str) -> String {
    let folded = deunicode::deunicode(title);
    let mut out = String::with_capacity(folded.len().min(MAX_SLUG + 1));
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
            if out.len() > MAX_SLUG {
                break;
            }
        } else {
            pending_dash = true;
        }
    }
    if out.len() > MAX_SLUG {
        out.truncate(MAX_SLUG);
        if let Some(cut) = out.rfind('-') {
            if cut >= MAX_SLUG / 2 {
                out.truncate(cut);
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// The ID for an incident that started on `date`.
pub fn make_id(date: NaiveDate, slug: &str) -> String {
    format!("{}-{}", date.format("%Y-%m-%d"), slug)
}

/// True for a well-formed ID: a date, then a slug of `[a-z0-9-]`.
pub fn is_valid_id(id: &str) -> bool {
    let Some((date, rest)) = id.get(..10).zip(id.get(10..)) else {
        return false;
    };
    NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
        && rest.starts_with('-')
        && rest.len() > 1
        && rest[1..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The year folder an ID's file lives in.
pub fn year_of(id: &str) -> Option<&str> {
    id.get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_short() {
        assert_eq!(
            slug("Checkout outage: DB pool exhaustion!"),
            "checkout-outage-db-pool-exhaustion"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("$(rm -rf ~) `x`"), "rm-rf-x");
        assert_eq!(slug("Café crème"), "cafe-creme");
        assert_eq!(slug("..."), "");
        let long = slug(&"word ".repeat(2000));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn ids_validate() {
        assert!(is_valid_id("2026-11-26-checkout-db"));
        assert!(!is_valid_id("2026-11-26-"));
        assert!(!is_valid_id("2026-13-26-x"));
        assert!(!is_valid_id("2026-11-26-../x"));
    }
}
