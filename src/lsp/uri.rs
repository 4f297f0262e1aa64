//! `file://` URIs to paths and back.
//!
//! Written by hand: gen-lsp-types keeps URIs as strings, and its `url` feature would bring
//! some 29 crates (IDNA tables among them) for what is, for local files, percent-decoding a
//! path. Other schemes (`untitled:`, `git:`) have no path: such a document is checked with the
//! default configuration, as a file outside any repository.

use std::path::PathBuf;

/// The local path of a `file:` URI, if it is one.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file://host/path`: only an empty host or `localhost` is this machine.
    let path = if rest.starts_with('/') {
        rest
    } else {
        rest.strip_prefix("localhost")?
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    let decoded = String::from_utf8(bytes).ok()?;
    if cfg!(windows) {
        // `/C:/x` is `C:\x`.
        let trimmed = decoded
            .strip_prefix('/')
            .filter(|p| p.as_bytes().get(1) == Some(&b':'))
            .unwrap_or(&decoded);
        return Some(PathBuf::from(trimmed.replace('/', "\\")));
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = if cfg!(windows) {
        format!("/{}", text.replace('\\', "/"))
    } else {
        text.into_owned()
    };
    let mut uri = String::from("file://");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn file_uris_round_trip_with_escapes() {
        let path = std::path::Path::new("/tmp/post mortems/2026-01-02-café#1.md");
        let uri = from_path(path);
        assert_eq!(
            uri,
            "file:///tmp/post%20mortems/2026-01-02-caf%C3%A9%231.md"
        );
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        assert_eq!(
            to_path("file://localhost/a/b.md"),
            Some(PathBuf::from("/a/b.md"))
        );
        assert_eq!(to_path("untitled:Untitled-1"), None);
        assert_eq!(to_path("file:///a/%zz"), None);
        assert_eq!(to_path("file://elsewhere/a.md"), None);
    }
}
