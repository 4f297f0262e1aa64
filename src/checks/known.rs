//! The list of post-mortem IDs the duplicate-ID rule compares the checked files with.

/// Post-mortem IDs elsewhere in the repository (not among the files checked), for the
/// duplicate-ID rule: (id, path) pairs, in the order they were added.
///
/// The pairs share one text buffer and are found by offsets, rather than being two `String`s
/// each: the pre-commit hook lists every post-mortem of the repository (10,000 in a large
/// one) to check the one staged, and 20,000 small allocations cost more than that check. An ID
/// that is its path's file stem (as everywhere pm lists them) takes no text of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownIds {
    text: String,
    entries: Vec<Known>,
    /// Pairs past what 32-bit offsets reach (4 GiB of paths): kept apart, after `entries`.
    spilled: Vec<(String, String)>,
}

/// Where one pair sits in [`KnownIds::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Known {
    path_start: u32,
    path_end: u32,
    id_start: u32,
    id_end: u32,
}

impl KnownIds {
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty list with room for `pairs` pairs whose paths total `text_bytes` bytes.
    pub fn with_capacity(pairs: usize, text_bytes: usize) -> Self {
        KnownIds {
            text: String::with_capacity(text_bytes),
            entries: Vec::with_capacity(pairs),
            spilled: Vec::new(),
        }
    }

    /// Adds the post-mortem at `path` (as reports show it) with the ID `id`.
    pub fn push(&mut self, id: &str, path: &str) {
        let start = self.text.len();
        // The ID is the file stem: found at the end of the path, it needs no copy.
        let id_at = path
            .strip_suffix(".md")
            .unwrap_or(path)
            .strip_suffix(id)
            .map(str::len);
        let needed = path.len() + if id_at.is_some() { 0 } else { id.len() };
        let offset = |at: usize| u32::try_from(at).ok();
        let (Some(path_start), Some(end)) = (offset(start), offset(start + needed)) else {
            self.spilled.push((id.to_string(), path.to_string()));
            return;
        };
        if !self.spilled.is_empty() {
            // Keep the order: once one pair is spilled, the later ones follow it.
            self.spilled.push((id.to_string(), path.to_string()));
            return;
        }
        self.text.push_str(path);
        let path_end = path_start + path.len() as u32;
        let (id_start, id_end) = match id_at {
            Some(at) => {
                let id_start = path_start + at as u32;
                (id_start, id_start + id.len() as u32)
            }
            None => {
                self.text.push_str(id);
                (path_end, end)
            }
        };
        self.entries.push(Known {
            path_start,
            path_end,
            id_start,
            id_end,
        });
    }

    pub fn len(&self) -> usize {
        self.entries.len() + self.spilled.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The (id, path) pairs in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        let text = self.text.as_str();
        let slice = move |start: u32, end: u32| text.get(start as usize..end as usize);
        self.entries
            .iter()
            .map(move |k| {
                (
                    slice(k.id_start, k.id_end).unwrap_or_default(),
                    slice(k.path_start, k.path_end).unwrap_or_default(),
                )
            })
            .chain(
                self.spilled
                    .iter()
                    .map(|(id, path)| (id.as_str(), path.as_str())),
            )
    }
}

impl<I: AsRef<str>, P: AsRef<str>> FromIterator<(I, P)> for KnownIds {
    fn from_iter<T: IntoIterator<Item = (I, P)>>(pairs: T) -> Self {
        let mut known = KnownIds::new();
        known.extend(pairs);
        known
    }
}

impl<I: AsRef<str>, P: AsRef<str>> Extend<(I, P)> for KnownIds {
    fn extend<T: IntoIterator<Item = (I, P)>>(&mut self, pairs: T) {
        for (id, path) in pairs {
            self.push(id.as_ref(), path.as_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_come_back_as_they_went_in() {
        let pairs = [
            ("2026-01-01-a", "postmortems/2026/2026-01-01-a.md"),
            // An ID that is not part of its path is kept too.
            ("other", "postmortems/2026/2026-01-02-b.md"),
            ("2026", "postmortems/2026/2026-01-03-c.md"),
            ("2026-01-01-a", "postmortems/2025/2026-01-01-a.md"),
            ("", ""),
            ("é", "x/é.md"),
            ("c", "c"),
        ];
        let known: KnownIds = pairs.iter().copied().collect();
        assert_eq!(known.len(), pairs.len());
        assert!(!known.is_empty());
        assert_eq!(known.iter().collect::<Vec<_>>(), pairs);
        // IDs that are their paths' stems take no text of their own.
        let text: usize = pairs.iter().map(|(_, p)| p.len()).sum::<usize>() + "other2026".len();
        assert_eq!(known.text.len(), text);

        let owned: KnownIds = pairs
            .iter()
            .map(|(id, path)| (id.to_string(), path.to_string()))
            .collect();
        assert_eq!(owned, known);
        assert!(KnownIds::new().is_empty());
        assert_eq!(KnownIds::with_capacity(4, 64).iter().count(), 0);
    }

    #[test]
    fn spilled_pairs_keep_their_place() {
        let mut known = KnownIds::new();
        known.push("a", "x/a.md");
        known.spilled.push(("b".into(), "x/b.md".into()));
        known.push("c", "x/c.md");
        assert_eq!(
            known.iter().collect::<Vec<_>>(),
            [("a", "x/a.md"), ("b", "x/b.md"), ("c", "x/c.md")]
        );
    }
}
