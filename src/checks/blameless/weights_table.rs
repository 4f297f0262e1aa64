// The layout of the wording model's weight table, shared by `build.rs` (which compiles
// `weights.tsv` into it at build time) and `model.rs` (which reads it, and builds it at run time
// for the trainer's freshly trained weights). Included with `include!`, so no `//!` docs and no
// `use` of the crate.
//
// The table is open addressing over the feature ids (already uniform 64-bit hashes, so a slot
// is `id & mask` and linear probing). A slot is 32 bytes, little-endian: the id (`u64`, 0 for
// an empty slot), the ten class weights in thousandths (`i16`), four bytes of padding. Load
// factor at most 0.75.
//
// Beside the slots, a tag per slot (`u16`: the id's top 16 bits, at least 1; 0 for an empty
// slot): a lookup probes the tags (2 MB for the committed model since round 37's retraining,
// 1 MB before; a core's cache holds most of them) and reads a slot (32 MB, which it does not)
// only where the tag matches, so a feature
// that is found costs one slot read and one that is not almost never costs any. This replaced
// a one-hash Bloom filter of 2^18 bits that 94 % of lookups passed (docs/PERFORMANCE.md,
// "Round 31").

/// Classes of the model: "ok" and the nine families.
pub const TABLE_CLASSES: usize = 10;
/// Bytes per slot.
pub const SLOT: usize = 32;
/// The table's two arrays: a tag per slot (little-endian `u16`), and the slots.
pub struct TableBytes {
    pub tags: Vec<[u8; 2]>,
    pub slots: Vec<[u8; SLOT]>,
}

/// The tag of a feature id in its slot's place: its top 16 bits, at least 1 (0 marks an
/// empty slot).
#[inline]
pub fn tag_of(id: u64) -> u16 {
    ((id >> 48) as u16).max(1)
}

/// Reads `id<TAB>w0,…,w9<TAB>name` lines (weights in thousandths); malformed lines and weights
/// outside ±32.767 are skipped (the file is ours and a test checks it parses completely).
pub fn parse_rows(tsv: &str) -> Vec<(u64, [i16; TABLE_CLASSES])> {
    let mut rows = Vec::new();
    for line in tsv.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(ws)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Ok(id) = u64::from_str_radix(id, 16) else {
            continue;
        };
        let mut w = [0i16; TABLE_CLASSES];
        let mut n = 0;
        for (slot, v) in w.iter_mut().zip(ws.split(',')) {
            if let Ok(v) = v.parse::<i16>() {
                *slot = v;
                n += 1;
            }
        }
        // Id 0 marks an empty slot; a hash of 0 is not worth a special case.
        if n == TABLE_CLASSES && id != 0 {
            rows.push((id, w));
        }
    }
    rows
}

/// Lays the rows out as the table; a later row with the same id replaces the earlier one.
pub fn build_table(rows: &[(u64, [i16; TABLE_CLASSES])]) -> TableBytes {
    let cap = (rows.len() * 4 / 3 + 1).next_power_of_two().max(16);
    let mask = cap - 1;
    let mut tags = vec![[0u8; 2]; cap];
    let mut slots = vec![[0u8; SLOT]; cap];
    for &(id, w) in rows {
        let mut i = (id as usize) & mask;
        loop {
            let key = slot_key(&slots[i]);
            if key == 0 || key == id {
                tags[i] = tag_of(id).to_le_bytes();
                let slot = &mut slots[i];
                slot[..8].copy_from_slice(&id.to_le_bytes());
                for (c, x) in w.iter().enumerate() {
                    slot[8 + 2 * c..10 + 2 * c].copy_from_slice(&x.to_le_bytes());
                }
                break;
            }
            i = (i + 1) & mask;
        }
    }
    TableBytes { tags, slots }
}

/// The id held by a slot (0: empty).
#[inline]
pub fn slot_key(slot: &[u8; SLOT]) -> u64 {
    let [a, b, c, d, e, f, g, h, ..] = *slot;
    u64::from_le_bytes([a, b, c, d, e, f, g, h])
}
