//! A post-mortem's Markdown body as HTML that cannot run anything.
//!
//! Raw HTML in the Markdown is never passed through (comrak's `unsafe` option stays off, so it is
//! replaced by a comment), and every link and image URL goes through an allowlist: links may be
//! `http`, `https`, `mailto` or relative; images only relative, so a page never loads anything
//! from the network.

use crate::document::body::comrak_options;
use comrak::{markdown_to_html, Options};
use std::sync::Arc;

/// Where a rejected URL points instead: nowhere.
const BLOCKED: &str = "#blocked-link";

/// The scheme of a URL as a browser would read it, lowercased: browsers drop ASCII tabs and
/// newlines anywhere and control characters and spaces at the ends, so `java\tscript:` is
/// `javascript:`. `None` when the URL is relative.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect();
    let end = cleaned.find([':', '/', '?', '#', '\\'])?;
    if cleaned[end..].starts_with(':') {
        Some(cleaned[..end].to_ascii_lowercase())
    } else {
        None
    }
}

/// A link target as it may appear on the page: http, https, mailto and relative URLs pass;
/// anything else (`javascript:`, `data:`, `vbscript:`, `file:` …) is replaced.
pub fn safe_link(url: &str) -> String {
    match scheme(url).as_deref() {
        None | Some("http" | "https" | "mailto") => url.to_string(),
        Some(_) => BLOCKED.to_string(),
    }
}

/// An image source: only relative paths, so the site stays offline. A protocol-relative
/// `//host/x` (or `\\host\x`) is a network address too.
pub fn safe_image(url: &str) -> String {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect();
    if scheme(url).is_some()
        || trimmed.starts_with("//")
        || trimmed.starts_with("\\\\")
        || trimmed.starts_with("/\\")
        || trimmed.starts_with("\\/")
    {
        String::new()
    } else {
        url.to_string()
    }
}

/// The document reader's options ([`comrak_options`]), with raw HTML omitted and URLs filtered.
fn options() -> Options<'static> {
    let mut options = comrak_options();
    options.render.r#unsafe = false;
    options.extension.link_url_rewriter = Some(Arc::new(|url: &str| safe_link(url)));
    options.extension.image_url_rewriter = Some(Arc::new(|url: &str| safe_image(url)));
    options
}

/// Renders Markdown to HTML with raw HTML omitted and URLs filtered.
pub fn to_html(markdown: &str) -> String {
    markdown_to_html(markdown, &options())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_allowed_schemes_survive() {
        for good in [
            "https://example.com/x",
            "http://example.com",
            "mailto:a@example.com",
            "other.html",
            "../x/y.md#part",
            "#anchor",
            "?q=1",
            "/abs/path",
        ] {
            assert_eq!(safe_link(good), good);
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_link(bad), BLOCKED, "{bad:?}");
        }
        assert_eq!(safe_image("img/a.png"), "img/a.png");
        for bad in [
            "https://x/a.png",
            "//x/a.png",
            "\\\\x\\a.png",
            "data:image/png;base64,AA",
        ] {
            assert_eq!(safe_image(bad), "", "{bad:?}");
        }
    }

    #[test]
    fn raw_html_and_script_urls_never_render_live() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src=\"https://x\"></iframe>\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](java&#x73;cript:alert(1)) <javascript:alert(1)> ![i](https://x/y.png)\n\nText with <b onclick=alert(1)>inline</b> html.\n",
        );
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script",
            "<img src=\"x",
            "onerror",
            "<iframe",
            "onclick",
            "=\"https://x",
            "=\"javascript",
        ] {
            assert!(!lower.contains(bad), "{bad} in {html}");
        }
    }
}
