//! Tree objects read straight from their bytes.
//!
//! libgit2's own tree objects cost an allocation, a parse and a call across the FFI boundary
//! per entry looked at; a year folder's tree has a thousand entries and the history walk reads
//! tens of thousands of versions of it, so the walk reads the canonical bytes libgit2's object
//! database hands out (`MODE SP NAME NUL ID`) and leaves anything else to libgit2. Used by
//! the history walk (`history.rs`); see docs/ARCHITECTURE.md, "Git".

use crate::error::{Error, Result};
use git2::{ObjectType, Oid};
use std::cmp::Ordering;

/// A tree object's entries, found in its bytes: the bytes are kept, the entries are offsets.
pub(super) struct RawTree<'o> {
    data: TreeData<'o>,
    /// Per entry: where it starts, where its name starts and ends (the NUL), and its mode.
    entries: Vec<(u32, u32, u32, u32)>,
}

enum TreeData<'o> {
    Odb(git2::OdbObject<'o>),
    /// A tree libgit2 reads but that is not in the canonical form, written out canonically.
    Owned(Vec<u8>),
}

/// One entry of a [`RawTree`].
pub(super) struct RawEntry<'t> {
    /// The whole entry: mode, name and ID.
    pub bytes: &'t [u8],
    pub name: &'t [u8],
    pub mode: u32,
    pub id: &'t [u8],
}

impl RawEntry<'_> {
    /// The object type as libgit2 gives it for an entry's mode.
    pub(super) fn kind(&self) -> ObjectType {
        match self.mode & 0o170000 {
            0o160000 => ObjectType::Commit,
            0o040000 => ObjectType::Tree,
            _ => ObjectType::Blob,
        }
    }
}

impl<'o> RawTree<'o> {
    pub(super) fn read(
        repo: &git2::Repository,
        odb: &'o git2::Odb<'_>,
        oid: Oid,
    ) -> Result<RawTree<'o>> {
        let object = odb.read(oid)?;
        if object.kind() == ObjectType::Tree {
            if let Some(entries) = parse_tree(object.data()) {
                return Ok(RawTree {
                    data: TreeData::Odb(object),
                    entries,
                });
            }
        }
        // Not a tree, or not in the form git writes: libgit2 says what is wrong, or reads it.
        let tree = repo.find_tree(oid)?;
        let mut data = Vec::new();
        for entry in tree.iter() {
            data.extend_from_slice(format!("{:o} ", entry.filemode()).as_bytes());
            data.extend_from_slice(entry.name_bytes());
            data.push(0);
            data.extend_from_slice(entry.id().as_bytes());
        }
        let entries =
            parse_tree(&data).ok_or_else(|| Error::Git(format!("tree {oid} cannot be read")))?;
        Ok(RawTree {
            data: TreeData::Owned(data),
            entries,
        })
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry with this exact name.
    pub(super) fn find(&self, name: &[u8]) -> Option<RawEntry<'_>> {
        (0..self.len())
            .map(|i| self.entry(i))
            .find(|e| e.name == name)
    }

    pub(super) fn entry(&self, i: usize) -> RawEntry<'_> {
        let data = match &self.data {
            TreeData::Odb(object) => object.data(),
            TreeData::Owned(bytes) => bytes,
        };
        let (start, name_start, nul, mode) = self.entries[i];
        let (start, name_start, nul) = (start as usize, name_start as usize, nul as usize);
        RawEntry {
            bytes: &data[start..nul + 21],
            name: &data[name_start..nul],
            mode,
            id: &data[nul + 1..nul + 21],
        }
    }
}

/// The first NUL byte, eight bytes at a time: tree parsing is mostly this search.
fn find_nul(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        if v.wrapping_sub(ONES) & !v & HIGHS != 0 {
            break;
        }
        offset += 8;
    }
    bytes[offset..]
        .iter()
        .position(|b| *b == 0)
        .map(|i| offset + i)
}

/// The entries of a tree object in git's canonical form (`MODE SP NAME NUL ID`, modes in octal
/// without sign): `None` for anything else, which libgit2 then reads.
fn parse_tree(data: &[u8]) -> Option<Vec<(u32, u32, u32, u32)>> {
    if u32::try_from(data.len()).is_err() {
        return None;
    }
    let mut entries = Vec::with_capacity(data.len() / 64);
    let mut pos = 0;
    while pos < data.len() {
        let start = pos;
        let mut mode: u32 = 0;
        while let Some(&b) = data.get(pos).filter(|b| (b'0'..=b'7').contains(b)) {
            mode = mode * 8 + u32::from(b - b'0');
            if mode > 0xffff {
                return None;
            }
            pos += 1;
        }
        if pos == start || data.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
        let name_start = pos;
        let nul = name_start + find_nul(&data[name_start..])?;
        if nul == name_start || nul - name_start > 0xffff || data.len() < nul + 21 {
            return None;
        }
        entries.push((start as u32, name_start as u32, nul as u32, mode));
        pos = nul + 21;
    }
    Some(entries)
}

/// For the `tree_parser` fuzz target: the tree parser on arbitrary bytes. When it accepts
/// them, the entries cover the bytes exactly, in order, and writing each entry back
/// (`MODE SP NAME NUL ID`) gives the same bytes. Panics when a property fails.
#[doc(hidden)]
pub fn fuzz_parse(data: &[u8]) -> Option<usize> {
    let entries = parse_tree(data)?;
    let count = entries.len();
    let tree = RawTree {
        data: TreeData::Owned(data.to_vec()),
        entries,
    };
    let mut written = Vec::with_capacity(data.len());
    for i in 0..count {
        let e = tree.entry(i);
        assert!(!e.name.is_empty() && !e.name.contains(&0));
        assert_eq!(e.id.len(), 20);
        assert!(e.bytes.starts_with(format!("{:o} ", e.mode).as_bytes()) || e.bytes[0] == b'0');
        written.extend_from_slice(e.bytes);
        let _ = e.kind();
        if i > 0 {
            let _ = git_order(&tree.entry(i - 1), &e);
        }
    }
    assert_eq!(written, data);
    Some(count)
}

/// Git's tree order: by name bytes, a tree's name compared as if it ended in `/`.
pub(super) fn git_order(a: &RawEntry<'_>, b: &RawEntry<'_>) -> Ordering {
    let (x, y) = (a.name, b.name);
    let n = x.len().min(y.len());
    match x[..n].cmp(&y[..n]) {
        Ordering::Equal => {}
        other => return other,
    }
    let tail = |name: &[u8], e: &RawEntry<'_>| {
        name.get(n)
            .copied()
            .or_else(|| (e.kind() == ObjectType::Tree).then_some(b'/'))
    };
    tail(x, a).cmp(&tail(y, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(mode: &str, name: &str, id: u8) -> Vec<u8> {
        let mut out = format!("{mode} {name}\0").into_bytes();
        out.extend_from_slice(&[id; 20]);
        out
    }

    #[test]
    fn tree_bytes_are_read_as_git_writes_them() {
        let data = [entry("100644", "a.md", 1), entry("40000", "2026", 2)].concat();
        let entries = parse_tree(&data).expect("canonical tree");
        assert_eq!(entries.len(), 2);
        let tree = RawTree {
            data: TreeData::Owned(data),
            entries,
        };
        let (a, y) = (tree.entry(0), tree.entry(1));
        assert_eq!(
            (a.name, a.kind(), a.id),
            (&b"a.md"[..], ObjectType::Blob, &[1; 20][..])
        );
        assert_eq!((y.name, y.kind()), (&b"2026"[..], ObjectType::Tree));
        assert_eq!(tree.find(b"2026").map(|e| e.mode), Some(0o40000));
        assert!(tree.find(b"2025").is_none());
        assert_eq!(
            entry("160000", "sub", 3)[..],
            *parse_entry_bytes(&entry("160000", "sub", 3))
        );
    }

    fn parse_entry_bytes(data: &[u8]) -> &[u8] {
        let entries = parse_tree(data).expect("canonical tree");
        let (start, _, nul, _) = entries[0];
        &data[start as usize..nul as usize + 21]
    }

    #[test]
    fn anything_but_canonical_tree_bytes_is_left_to_libgit2() {
        for bad in [
            entry("+100644", "a", 1),
            entry("100844", "a", 1),
            entry("1006440", "a", 1),
            entry("100644", "", 1),
            b"100644 a\0short".to_vec(),
            b"100644a\0".to_vec(),
        ] {
            assert!(parse_tree(&bad).is_none(), "{bad:?}");
        }
        assert_eq!(parse_tree(b"").map(|e| e.len()), Some(0));
    }

    #[test]
    fn nul_is_found_at_every_alignment() {
        for len in 0..40 {
            for at in 0..len {
                let mut bytes = vec![b'x'; len];
                bytes[at] = 0;
                assert_eq!(find_nul(&bytes), Some(at), "{len} {at}");
            }
            assert_eq!(find_nul(&vec![0x80; len]), None);
        }
    }
}
