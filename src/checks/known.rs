//! The list of post-mortem IDs the duplicate-ID rule compares the checked files with.

/// Post-mortem IDs elsewhere in the repository (not among the files checked), for the
/// duplicate-ID rule: (id, path) pairs, in the order they were added.
///
/// The pairs share one text buffer and are found by offsets, rather than being two `String`s
/// each: the pre-commit hook lists every post-mortem of the repository (10,000 in a large
/// one) to check the one staged, and 20,000 small allocations cost more than that check. An ID
/// that is its path's file stem (as everywhere pm lists them) takes no text of its own.
#[derive(Debug, Clone, Default)]
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

    /// The post-mortems at `spans` in `text`, each with its file name less `.md` as its ID (as
    /// pm names them), keeping `text` rather than copying out of it: the hook hands over the
    /// index's path buffer (about 600 KB for 10,000 post-mortems), which copied cost a fresh
    /// page of memory, and a page fault, every 4 KB. Each span is (path start, file name
    /// start, path end) in bytes; a span outside `text` or off its character boundaries is
    /// skipped. A `text` past what 32-bit offsets reach (4 GiB) is copied pair by pair.
    pub fn from_paths(
        text: String,
        spans: impl IntoIterator<Item = (usize, usize, usize)>,
    ) -> Self {
        let pair = |(start, name_start, end): (usize, usize, usize)| {
            let name = text.get(name_start..end)?;
            text.get(start..name_start)?;
            let id_end = name_start + name.strip_suffix(".md").unwrap_or(name).len();
            Some([start, end, name_start, id_end])
        };
        if u32::try_from(text.len()).is_err() {
            let mut known = KnownIds::new();
            for [start, end, id_start, id_end] in spans.into_iter().filter_map(pair) {
                known.push(&text[id_start..id_end], &text[start..end]);
            }
            return known;
        }
        let entries = spans
            .into_iter()
            .filter_map(pair)
            .map(|[path_start, path_end, id_start, id_end]| Known {
                // In range: every offset is at most `text.len()`, checked to fit above.
                path_start: path_start as u32,
                path_end: path_end as u32,
                id_start: id_start as u32,
                id_end: id_end as u32,
            })
            .collect();
        KnownIds {
            text,
            entries,
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

/// Equal when they hold the same pairs in the same order, however their text is shared.
impl PartialEq for KnownIds {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for KnownIds {}

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
    }

    #[test]
    fn pairs_read_from_a_shared_buffer_are_the_pairs_pushed() {
        let text = "docs/postmortems/2026/a.md\0postmortems/é.md\0x/README".to_string();
        let spans = [
            (5, 22, 26),
            (27, 39, 44),
            (45, 47, 53),
            // Outside the text, and inside a character: skipped.
            (40, 41, 90),
            (27, 40, 44),
        ];
        let shared = KnownIds::from_paths(text.clone(), spans);
        let pairs = [
            ("a", "postmortems/2026/a.md"),
            ("é", "postmortems/é.md"),
            ("README", "x/README"),
        ];
        assert_eq!(shared.iter().collect::<Vec<_>>(), pairs);
        let pushed: KnownIds = pairs.into_iter().collect();
        assert_eq!(shared, pushed);
        assert_ne!(shared, KnownIds::new());
        // The buffer is kept, not copied.
        assert_eq!(shared.text, text);
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
