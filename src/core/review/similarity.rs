//! E009 (防止流于形式, 创先办[2010]7号 二、务求取得实效): the same or nearly the same text in one content
//! field of three or more entries.
//!
//! Method (near-linear in the number of entries; see docs/review.md):
//! 1. Each text is normalised — full-width folded, lower-cased, only letters and digits kept (no
//!    spaces, no punctuation) and the target's own name removed — so “张三同志：工作积极。” and
//!    “李四同志工作积极” are the same text.
//! 2. Identical normalised texts are found by sorting their hashes (exact duplicates).
//! 3. Distinct texts of at least [`MIN_NEAR`] characters get a one-permutation MinHash signature
//!    of their character bigrams ([`SLOTS`] slots); locality-sensitive hashing in [`BANDS`] bands
//!    of [`ROWS`] slots puts likely-similar texts in the same bucket. Each text is compared with
//!    the first text of each of its buckets only, so the work per text is bounded.
//! 4. A candidate pair is confirmed with an exact similarity (after cheap necessary conditions:
//!    lengths, and a bound of the edit distance from character counts): edit distance
//!    (Levenshtein) at most [`MAX_EDIT`] of the longer text for texts up to [`LONG`] characters,
//!    bigram-set Jaccard at least [`MIN_JACCARD`] for longer texts (where an edit distance would
//!    cost too much).
//! 5. Confirmed pairs are joined (union–find); a group covering 3 or more entries gives every one
//!    of its entries an E009 warning.
//!
//! Natively, steps 1 and 3–4 run on two threads (halves of the texts, then halves of each
//! band's buckets), with the same groups as on one ([`near`] says why); in the browser, on one.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::entries::Entry;
use super::tables::CONTENT_FIELDS;

/// Shortest normalised text compared for near-duplicates (shorter texts only match exactly).
pub const MIN_NEAR: usize = 10;
/// MinHash signature size and LSH banding (SLOTS = BANDS × ROWS).
pub const SLOTS: usize = 32;
pub const BANDS: usize = 16;
pub const ROWS: usize = 2;
/// Texts longer than this (normalised characters) are compared by bigram Jaccard.
pub const LONG: usize = 256;
/// Near-identical: at most 20 % of the characters changed …
pub const MAX_EDIT: f64 = 0.2;
/// … or, for long texts, at least this share of common bigrams.
pub const MIN_JACCARD: f64 = 0.6;
/// Signatures agreeing on fewer slots than this share are not worth an exact check.
const MIN_ESTIMATE: f64 = 0.3;
/// Entries needed for E009.
pub const MIN_GROUP: usize = 3;

/// A fast, deterministic hasher for keys that are already well-mixed 64-bit values.
#[derive(Default)]
struct Mixed(u64);

impl Hasher for Mixed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = splitmix(self.0 ^ u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = splitmix(self.0 ^ n);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Mixed>>;

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Appends the normalised form of `text` to `out` (cleared first): full-width folded, lower-cased,
/// letters and digits only, `name` (already normalised) removed.
pub fn normalise(text: &str, name: &str, out: &mut String) {
    out.clear();
    // Byte by byte: lower-case ASCII letters, digits and the CJK Unified Ideographs (U+4E00–U+9FFF,
    // three bytes led by E4 B8–E9 BF) are kept as they are, so a run of them is copied in one go
    // when a character that is not ends it (or the text does), without decoding the characters
    // and encoding them again; any other character goes through `push_normalised`.
    out.reserve(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    // Where the run of bytes kept as they are began.
    let mut run = 0;
    while let Some(&lead) = b.get(i) {
        if lead.is_ascii_lowercase() || lead.is_ascii_digit() {
            i += 1;
            continue;
        }
        if (lead == 0xe4 && b.get(i + 1).is_some_and(|&x| x >= 0xb8)) || (0xe5..=0xe9).contains(&lead) {
            // A well-formed text: the two continuation bytes follow.
            i += 3;
            continue;
        }
        out.push_str(text.get(run..i).unwrap_or(""));
        if lead < 0x80 {
            if lead.is_ascii_uppercase() {
                out.push(char::from(lead.to_ascii_lowercase()));
            }
            i += 1;
        } else {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                run = b.len();
                break;
            };
            push_normalised(c, out);
            i += c.len_utf8();
        }
        run = i;
    }
    out.push_str(text.get(run..).unwrap_or(""));
    if !name.is_empty() && out.contains(name) {
        *out = out.replace(name, "");
    }
}

/// One character of [`normalise`]. ASCII and the CJK Unified Ideographs (nearly every character
/// of a review) take a fast path; the Unicode tables are asked about the rest only.
#[inline]
fn push_normalised(c: char, out: &mut String) {
    match c {
        'a'..='z' | '0'..='9' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '\0'..='\u{7f}' => {}
        // Punctuation: general (— “ ” … ‰) and CJK (、 。 《 》 「 」), but not 々 〆 〇 〡–〩.
        '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}' | '\u{303d}'..='\u{303f}' => {}
        // Letters without case: alphanumeric, lower-casing leaves them as they are.
        '\u{4e00}'..='\u{9fff}' => out.push(c),
        '\u{ff01}'..='\u{ff5e}' => push_normalised(char::from_u32(c as u32 - 0xfee0).unwrap_or(' '), out),
        _ => {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    out.push(l);
                }
            }
        }
    }
}

/// `char::is_alphanumeric`, answering ASCII, CJK ideographs and punctuation without the Unicode
/// tables (E008 counts the letters of every text).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{4e00}'..='\u{9fff}' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}' | '\u{303d}'..='\u{303f}' => false,
        // Full-width forms of ASCII (the clerks' ，and ：): alphanumeric as their ASCII is.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).is_some_and(|a| a.is_ascii_alphanumeric()),
        _ => c.is_alphanumeric(),
    }
}

/// The target's name, normalised the same way (so it can be removed from the texts).
pub fn normalised_name(name: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(n) = name {
        normalise(n, "", &mut s);
    }
    s
}

/// Marks an entry whose field is in no E009 group in [`e009_by_entry`].
pub const NO_GROUP: u32 = u32::MAX;

/// For every entry and content field: the number of *other* entries in its E009 group, or
/// [`NO_GROUP`] when the text is in no group of [`MIN_GROUP`] or more (or is absent).
pub fn e009_by_entry(entries: &[Entry<'_>]) -> Vec<[u32; 4]> {
    let mut out = vec![[NO_GROUP; 4]; entries.len()];
    for f in 0..CONTENT_FIELDS.len() {
        // The target's name is normalised with each text (a few characters), not held for all.
        let text_of = |i: usize| entries.get(i).and_then(|e| e.content.get(f).copied().flatten()).map(|t| (t, entries.get(i).and_then(|e| e.target.name).unwrap_or("")));
        for (i, others) in group_sizes(entries.len(), &text_of).into_iter().enumerate() {
            if let (Some(slot), true) = (out.get_mut(i).and_then(|o| o.get_mut(f)), others != NO_GROUP) {
                *slot = others;
            }
        }
    }
    out
}

/// `(entry index, content field index, number of other entries in its group)` for every entry
/// whose text in that field belongs to a group of [`MIN_GROUP`] or more, in entry order.
pub fn e009(entries: &[Entry<'_>]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, fields) in e009_by_entry(entries).iter().enumerate() {
        for (f, &others) in fields.iter().enumerate() {
            if others != NO_GROUP {
                out.push((i, f, others as usize));
            }
        }
    }
    out
}

/// Groups texts `(item, text, name to ignore)` (the name is normalised as the texts are); returns `(item, others)` for items in groups of
/// [`MIN_GROUP`] or more. `n` bounds the item numbers; an item given twice is its last text.
pub fn groups<'t>(texts: impl Iterator<Item = (usize, &'t str, &'t str)>, n: usize) -> Vec<(usize, usize)> {
    let mut by_item = vec![None; n];
    for (i, text, name) in texts {
        if let Some(slot) = by_item.get_mut(i) {
            *slot = Some((text, name));
        }
    }
    group_sizes(n, &|i: usize| by_item.get(i).copied().flatten())
        .into_iter()
        .enumerate()
        .filter(|(_, o)| *o != NO_GROUP)
        .map(|(i, o)| (i, o as usize))
        .collect()
}

/// Where a group's texts come from: item `i`'s text and the name it loses (as written), when it
/// has a text. Shared by the threads of [`group_sizes`], so `Sync`.
type TextOf<'f, 't> = &'f (dyn Fn(usize) -> Option<(&'t str, &'t str)> + Sync);

/// How many threads E009 works on: two natively when the machine has two cores and there are
/// enough texts to share, one in the browser (a wasm module has no threads).
fn threads(n: usize) -> usize {
    if cfg!(target_arch = "wasm32") || n < MIN_SHARED {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |p| p.get().min(2))
}

/// Fewer texts than this are grouped on one thread (a thread costs more than they do).
const MIN_SHARED: usize = 4096;

/// Runs `work(0)` here and, with two threads, `work(1)` beside it; a panic in either is the
/// caller's, as it would be on one thread.
fn on_threads<W: Fn(usize, &mut S) + Sync, S: Send>(threads: usize, states: &mut [S], work: W) {
    match states {
        [first, second, ..] if threads > 1 => std::thread::scope(|s| {
            let other = s.spawn(|| work(1, second));
            work(0, first);
            if let Err(panic) = other.join() {
                std::panic::resume_unwind(panic);
            }
        }),
        [first, ..] => work(0, first),
        [] => {}
    }
}

/// Distinct text `id` (first seen in `item[id]`), normalised into `out` (`name`: a buffer).
fn text_into(text_of: TextOf<'_, '_>, item: &[u32], id: u32, name: &mut String, out: &mut String) {
    let (text, raw_name) = item.get(id as usize).and_then(|&i| text_of(i as usize)).unwrap_or(("", ""));
    normalise_item(text, raw_name, name, out);
}

/// `text` normalised without `raw_name` (normalised into `name` first).
fn normalise_item(text: &str, raw_name: &str, name: &mut String, out: &mut String) {
    normalise(raw_name, "", name);
    normalise(text, name, out);
}

/// What [`near`] needs of each distinct text, made as the text is first seen (normalised once):
/// its length in characters, and for those of at least [`MIN_NEAR`] their signatures by position
/// in `long`.
#[derive(Default)]
struct Signed {
    lens: Vec<u32>,
    sigs: Vec<[u32; SLOTS]>,
    /// Each signed text's [`tally`], by position as `sigs`.
    tallies: Vec<u64>,
    long: Vec<u32>,
}

/// A deterministic hash of a string, eight bytes at a time.
fn hash_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    let mut w = [0u8; 8];
    let rest = chunks.remainder();
    w[..rest.len()].copy_from_slice(rest);
    splitmix(h ^ u64::from_le_bytes(w))
}

/// Step 1 for items `from..from + keyed.len()`: each text normalised once, its hash (with the
/// item, for the sort that finds the same texts), its length in characters and, when it is long
/// enough to be compared, its signature. An item without a text keeps [`NO_GROUP`] as its item.
fn first_pass(text_of: TextOf<'_, '_>, from: usize, keyed: &mut [(u64, u32)], lens: &mut [u32], sigs: &mut [[u32; SLOTS]], tallies: &mut [u64]) {
    let (mut name, mut buf) = (String::new(), String::new());
    for (k, (((key, len), sig), tallied)) in keyed.iter_mut().zip(lens.iter_mut()).zip(sigs.iter_mut()).zip(tallies.iter_mut()).enumerate() {
        let i = from + k;
        let Some((text, raw_name)) = text_of(i) else { continue };
        normalise_item(text, raw_name, &mut name, &mut buf);
        if buf.is_empty() {
            continue;
        }
        *key = (hash_str(&buf), i as u32);
        let chars = buf.chars().count();
        *len = u32::try_from(chars).unwrap_or(u32::MAX);
        if chars >= MIN_NEAR {
            *sig = signature(&buf);
            *tallied = tally(&buf);
        }
    }
}

/// For items `0..n`: the number of other entries in the item's group, or [`NO_GROUP`].
///
/// The distinct texts are found by sorting the items by their texts' hashes (items of one hash
/// are told apart by their texts, normalised again: a collision or, far more often, the same
/// text); a text is not stored, each distinct one keeps the item it was first seen in and is
/// normalised again from there when needed. (Stored end to end, the normalised texts of one field
/// of a million entries were ~150 MB at E009's peak; a hash table of the distinct texts ~40 MB.)
fn group_sizes(n: usize, text_of: TextOf<'_, '_>) -> Vec<u32> {
    group_sizes_on(n, text_of, threads(n))
}

/// [`group_sizes`] on `threads` threads (1 or 2).
fn group_sizes_on(n: usize, text_of: TextOf<'_, '_>, threads: usize) -> Vec<u32> {
    let n = n.min(NO_GROUP as usize);
    let mut keyed = vec![(0u64, NO_GROUP); n];
    let mut lens = vec![0u32; n];
    // Zeroed pages are only paid for where a text is signed.
    let mut sigs = vec![[0u32; SLOTS]; n];
    let mut tallies = vec![0u64; n];
    {
        let half = if threads > 1 { n / 2 } else { n };
        let (k0, k1) = keyed.split_at_mut(half);
        let (l0, l1) = lens.split_at_mut(half);
        let (s0, s1) = sigs.split_at_mut(half);
        let (t0, t1) = tallies.split_at_mut(half);
        let mut parts = [(0, k0, l0, s0, t0), (half, k1, l1, s1, t1)];
        on_threads(threads, &mut parts, |_, (from, k, l, s, t)| first_pass(text_of, *from, k, l, s, t));
    }

    // rep[i]: the first item with item i's text, then (below) the id of that text.
    let mut rep = vec![NO_GROUP; n];
    keyed.retain(|&(_, i)| i != NO_GROUP);
    keyed.sort_unstable();
    let (mut name, mut buf) = (String::new(), String::new());
    let mut firsts: Vec<(u32, String)> = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if let [(_, i)] = run {
            if let Some(r) = rep.get_mut(*i as usize) {
                *r = *i;
            }
            continue;
        }
        // In item order, so the first of each text is the item it was first seen in.
        firsts.clear();
        for &(_, i) in run {
            let (text, raw_name) = text_of(i as usize).unwrap_or(("", ""));
            normalise_item(text, raw_name, &mut name, &mut buf);
            let first = match firsts.iter().find(|(_, t)| *t == buf) {
                Some(&(f, _)) => f,
                None => {
                    firsts.push((i, buf.clone()));
                    i
                }
            };
            if let Some(r) = rep.get_mut(i as usize) {
                *r = first;
            }
        }
    }
    drop(keyed);

    // Ids in the order the texts are first seen; the lengths and signatures of the distinct
    // texts moved to the front (an id's item is never after the item it is moved from).
    let (mut item, mut count, mut long) = (Vec::new(), Vec::<u32>::new(), Vec::new());
    let mut signed_at = 0;
    for i in 0..n {
        let Some(&r) = rep.get(i) else { break };
        if r == NO_GROUP {
            continue;
        }
        let id = if r as usize == i {
            let id = item.len() as u32;
            item.push(i as u32);
            count.push(0);
            let len = lens.get(i).copied().unwrap_or(0);
            if let Some(l) = lens.get_mut(id as usize) {
                *l = len;
            }
            if len as usize >= MIN_NEAR {
                sigs.copy_within(i..=i, signed_at);
                tallies.copy_within(i..=i, signed_at);
                signed_at += 1;
                long.push(id);
            }
            id
        } else {
            rep.get(r as usize).copied().unwrap_or(NO_GROUP)
        };
        if let Some(c) = count.get_mut(id as usize) {
            *c += 1;
        }
        if let Some(slot) = rep.get_mut(i) {
            *slot = id;
        }
    }
    lens.truncate(item.len());
    sigs.truncate(signed_at);
    tallies.truncate(signed_at);

    let mut uf = UnionFind::new(item.len(), count);
    near(text_of, &item, Signed { lens, sigs, tallies, long }, threads, &mut uf);

    rep.iter()
        .map(|&r| {
            if r == NO_GROUP {
                return NO_GROUP;
            }
            let size = uf.weight_of(r as usize);
            if size >= MIN_GROUP as u32 {
                (size - 1).min(NO_GROUP - 1)
            } else {
                NO_GROUP
            }
        })
        .collect()
}

/// What one thread of [`near`] keeps between partitions and bands: its buffers, the pairs it
/// found different, the groups as it has joined them (to skip a pair already joined) and the
/// pairs it joined, for the caller's groups.
struct Checker {
    table: Vec<u32>,
    failed: FastMap<u64, ()>,
    edits: Edits,
    texts: [String; 3],
    joined: UnionFind,
    pairs: Vec<(u32, u32)>,
}

/// Joins near-identical distinct texts (steps 3–4). The buckets are built one band at a time (a
/// table of at most one head per distinct text, not sixteen): the pairs compared — each text
/// with the first text of each of its buckets — and so the groups are the same as comparing
/// band after band per text, since a union joins the same components in any order.
///
/// With a million texts a table of all buckets does not fit in the processor's cache, and nearly
/// every look-up would wait for memory. So each band's keys are first split by their top bits
/// into partitions of a few thousand (keys are well mixed, so partitions are even; the split
/// keeps the texts' order, so the first text of a bucket is still its head), and each
/// partition's buckets are found with a small table that stays in cache.
///
/// The partitions of a band are independent, so with two threads each takes half of them, with
/// its own [`Checker`]. The groups are the same: a pair is joined when it is a candidate and
/// passes the exact check, whichever thread checks it; a thread skipping a pair it has already
/// joined, or one found different, only saves a check whose union would change nothing.
fn near(text_of: TextOf<'_, '_>, item: &[u32], signed: Signed, threads: usize, uf: &mut UnionFind) {
    // (The texts' character histograms are made for the few pairs that get as far as that test:
    // held for every text they were 64 bytes each, half the signatures' memory again; the
    // 8-byte tallies that come first are held.)
    let Signed { lens, sigs, tallies, long } = signed;
    let m = long.len();
    if m < 2 {
        return;
    }
    // Partitions of about 2 048 keys: 2^bits partitions.
    let bits = (usize::BITS - (m / PARTITION).leading_zeros()).min(16);
    let shift = 64 - bits;
    let parts = 1usize << bits;
    let mut starts: Vec<usize> = vec![0; parts + 1];
    let mut split: Vec<Keyed> = vec![Keyed::default(); m];
    let mut checkers: Vec<Checker> = (0..threads)
        .map(|_| Checker {
            table: Vec::new(),
            failed: FastMap::default(),
            edits: Edits::default(),
            texts: Default::default(),
            joined: UnionFind::new(uf.parent.len(), Vec::new()),
            pairs: Vec::new(),
        })
        .collect();
    for b in 0..BANDS {
        // Each text's key in this band, made twice (counted, then placed) rather than held.
        let keys = || {
            sigs.iter().map(move |s| {
                let (x, y) = (s.get(b * ROWS).copied().unwrap_or(0), s.get(b * ROWS + 1).copied().unwrap_or(0));
                splitmix(((b as u64) << 56) ^ (u64::from(x) << 32) ^ u64::from(y))
            })
        };
        // Counting sort by the top bits (stable: texts stay in order within a partition).
        starts.iter_mut().for_each(|c| *c = 0);
        for k in keys() {
            if let Some(c) = starts.get_mut(part_of(k, shift) + 1) {
                *c += 1;
            }
        }
        for p in 0..parts {
            let before = starts.get(p).copied().unwrap_or(0);
            if let Some(c) = starts.get_mut(p + 1) {
                *c += before;
            }
        }
        let mut at = starts.clone();
        let len_of = |i: usize| long.get(i).and_then(|&r| lens.get(r as usize)).map_or(0, |&l| l);
        // (The sketches are made again as placed: held, they were 16 bytes a text more.)
        for (i, (key, sk)) in keys().zip(sigs.iter().map(sketch)).enumerate() {
            if let Some(a) = at.get_mut(part_of(key, shift)) {
                if let Some(slot) = split.get_mut(*a) {
                    *slot = Keyed { key, sketch: sk, at: i as u32, len: len_of(i) };
                }
                *a += 1;
            }
        }
        let band = Band { text_of, item, sigs: &sigs, tallies: &tallies, long: &long, split: &split, starts: &starts };
        let per_thread = parts.div_ceil(checkers.len().max(1));
        on_threads(threads, &mut checkers, |t, checker| {
            for p in t * per_thread..((t + 1) * per_thread).min(parts) {
                band.check(p, checker);
            }
        });
    }
    for checker in &checkers {
        for &(h, r) in &checker.pairs {
            uf.union(h as usize, r as usize);
        }
    }
}

/// One band of [`near`], its keys split into partitions: what every thread reads.
struct Band<'b, 'f, 't> {
    text_of: TextOf<'f, 't>,
    item: &'b [u32],
    sigs: &'b [[u32; SLOTS]],
    tallies: &'b [u64],
    long: &'b [u32],
    split: &'b [Keyed],
    starts: &'b [usize],
}

impl Band<'_, '_, '_> {
    /// Finds the buckets of partition `p` and checks each text with its bucket's head.
    fn check(&self, p: usize, c: &mut Checker) {
        // A sketch of each signature (4 bits a slot), carried with the keys: most candidates in a
        // bucket of a common phrase are rejected from the sketches alone, without loading the
        // head's whole signature from far away in memory.
        let min_agree = (MIN_ESTIMATE * SLOTS as f64).ceil() as u32;
        let part = match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&a), Some(&z)) => self.split.get(a..z).unwrap_or(&[]),
            _ => &[],
        };
        // Open addressing, at most half full: index of the bucket's head in `part`.
        let cap = (part.len() * 2).next_power_of_two().max(2);
        let mask = cap - 1;
        let table = &mut c.table;
        table.clear();
        table.resize(cap, NO_GROUP);
        let [head_text, text, name] = &mut c.texts;
        for (i, e) in part.iter().enumerate() {
            let mut slot = e.key as usize & mask;
            let head = loop {
                match table.get(slot).copied() {
                    Some(NO_GROUP) | None => {
                        if let Some(t) = table.get_mut(slot) {
                            *t = i as u32;
                        }
                        break None;
                    }
                    Some(h) => match part.get(h as usize) {
                        Some(he) if he.key == e.key => break Some(he),
                        _ => slot = (slot + 1) & mask,
                    },
                }
            };
            let Some(head) = head else { continue };
            if agree_at_most(e.sketch, head.sketch) < min_agree {
                continue;
            }
            // The exact check's own first tests, from what is at hand (cheapest first):
            // lengths too different, or too many characters of one text missing in the other.
            let (lh, lr) = (head.len as usize, e.len as usize);
            if !lengths_fit(lh, lr) {
                continue;
            }
            let (hk, rk) = (head.at as usize, e.at as usize);
            let (Some(&hr), Some(&rr)) = (self.long.get(hk), self.long.get(rk)) else { continue };
            // Then from the signatures, and what is already known of the pair; the texts
            // are normalised again only for the pairs left (the tests are necessary
            // conditions, so their order does not change which pairs are joined).
            match (self.sigs.get(hk), self.sigs.get(rk)) {
                (Some(x), Some(y)) if estimate(x, y) >= MIN_ESTIMATE => {}
                _ => continue,
            }
            let (h, r) = (hr as usize, rr as usize);
            if c.joined.find(h) == c.joined.find(r) {
                continue;
            }
            let pair = (u64::from(hr) << 32) | u64::from(rr);
            if c.failed.contains_key(&pair) {
                continue;
            }
            // The character-count bound from the tallies first: on realistic texts it leaves
            // about one pair in five of those the texts would be normalised again for (1 M entries:
            // 0.48 M pairs, from 2.58 M).
            if lh.max(lr) <= LONG {
                if let (Some(&x), Some(&y)) = (self.tallies.get(hk), self.tallies.get(rk)) {
                    if tally_edits_at_least(x, y) > max_edits(lh.max(lr)) {
                        continue;
                    }
                }
            }
            text_into(self.text_of, self.item, hr, name, head_text);
            text_into(self.text_of, self.item, rr, name, text);
            if lh.max(lr) <= LONG {
                let (x, y) = (Histogram::of(head_text), Histogram::of(text));
                if x.edits_at_least(&y) > max_edits(lh.max(lr)) {
                    continue;
                }
            }
            if c.edits.similar(head_text, lh, text, lr) {
                c.joined.union(h, r);
                c.pairs.push((hr, rr));
            } else {
                c.failed.insert(pair, ());
            }
        }
    }
}

/// Keys per partition of a band (see [`near`]): a partition's table of heads fits in the cache.
const PARTITION: usize = 2048;

/// A text's key in one band, its sketch and its position among the texts compared.
#[derive(Clone, Copy, Default)]
struct Keyed {
    key: u64,
    sketch: u128,
    at: u32,
    /// The text's length in characters.
    len: u32,
}

/// How many times each character occurs, 64 classes of characters (a class holding several
/// characters, and counts stopping at 255, only make the bound below smaller, never larger).
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Histogram([u8; 64]);

impl Histogram {
    fn of(text: &str) -> Histogram {
        let mut h = [0u8; 64];
        for c in text.chars() {
            if let Some(n) = h.get_mut(class(c, 6)) {
                *n = n.saturating_add(1);
            }
        }
        Histogram(h)
    }
    /// A lower bound of the edit distance ([`surplus`]).
    fn edits_at_least(&self, other: &Histogram) -> usize {
        surplus(self.0.iter().zip(&other.0).map(|(&a, &b)| (u32::from(a), u32::from(b))))
    }
}

/// The class of a character among `2^bits` (for [`Histogram`] and [`tally`]).
fn class(c: char, bits: u32) -> usize {
    ((c as u32).wrapping_mul(0x9e37_79b9) >> (32 - bits)) as usize
}

/// A lower bound of the edit distance from two texts' counts of characters per class: every edit
/// removes at most one of the characters of one text missing in the other, and at most one of
/// those of the other text.
fn surplus(counts: impl Iterator<Item = (u32, u32)>) -> usize {
    let (mut more, mut fewer) = (0u32, 0u32);
    for (a, b) in counts {
        more += a.saturating_sub(b);
        fewer += b.saturating_sub(a);
    }
    more.max(fewer) as usize
}

/// A compact [`Histogram`], held for every signed text (8 bytes, not 64): 16 classes of
/// characters, 4 bits each, a count stopping at 15. Merged classes and stopped counts only make
/// its bound smaller (a count stopped at 15 is moved by an edit at most as far as the count
/// itself), so it is a lower bound of the edit distance too.
fn tally(text: &str) -> u64 {
    let mut h = [0u8; 16];
    for c in text.chars() {
        if let Some(n) = h.get_mut(class(c, 4)) {
            *n = (*n + 1).min(15);
        }
    }
    h.iter().enumerate().fold(0u64, |acc, (i, &n)| acc | (u64::from(n) << (4 * i)))
}

/// [`Histogram::edits_at_least`] of two [`tally`]s.
fn tally_edits_at_least(a: u64, b: u64) -> usize {
    let count = |t: u64, i: u32| ((t >> (4 * i)) & 15) as u32;
    surplus((0..16).map(|i| (count(a, i), count(b, i))))
}

fn part_of(key: u64, shift: u32) -> usize {
    key.checked_shr(shift).unwrap_or(0) as usize
}

/// One-permutation MinHash of the character bigrams, densified by rotation so that short texts
/// (fewer bigrams than slots) still fill every slot comparably.
fn signature(text: &str) -> [u32; SLOTS] {
    let mut sig = [u32::MAX; SLOTS];
    let mut filled = [false; SLOTS];
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            let h = splitmix((u64::from(p as u32) << 32) | u64::from(c as u32));
            let slot = (h >> 59) as usize % SLOTS;
            let v = h as u32;
            if v <= sig[slot] {
                sig[slot] = v;
            }
            filled[slot] = true;
        }
        prev = Some(c);
    }
    let mut out = sig;
    for s in 0..SLOTS {
        if filled[s] {
            continue;
        }
        // Borrow from the next filled slot to the right, marked with the distance.
        for d in 1..SLOTS {
            let t = (s + d) % SLOTS;
            if filled[t] {
                out[s] = splitmix(u64::from(sig[t]) ^ ((d as u64) << 40)) as u32;
                break;
            }
        }
    }
    out
}

/// The low 4 bits of every slot.
fn sketch(sig: &[u32; SLOTS]) -> u128 {
    sig.iter().enumerate().fold(0u128, |acc, (i, v)| acc | (u128::from(v & 0xf) << (4 * i)))
}

/// How many slots two signatures can have in common at most, from their sketches: slots whose
/// low 4 bits differ cannot be equal.
fn agree_at_most(a: u128, b: u128) -> u32 {
    const LOW: u128 = 0x1111_1111_1111_1111_1111_1111_1111_1111;
    let x = a ^ b;
    SLOTS as u32 - ((x | x >> 1 | x >> 2 | x >> 3) & LOW).count_ones()
}

fn estimate(a: &[u32; SLOTS], b: &[u32; SLOTS]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SLOTS as f64
}

/// The exact check of step 4.
pub fn similar(a: &str, la: usize, b: &str, lb: usize) -> bool {
    Edits::default().similar(a, la, b, lb)
}

/// Whether the lengths allow the texts to be similar at all (the first test of [`similar`]).
fn lengths_fit(la: usize, lb: usize) -> bool {
    let (short, long) = if la <= lb { (la, lb) } else { (lb, la) };
    long != 0 && (short as f64) >= (long as f64) * (1.0 - MAX_EDIT)
}

/// The most characters changed in texts of which the longer has `long` characters.
fn max_edits(long: usize) -> usize {
    (MAX_EDIT * long as f64).floor() as usize
}

/// The exact check with its buffers kept between calls (a million checks, no allocation each).
#[derive(Default)]
struct Edits {
    a: Vec<char>,
    b: Vec<char>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Edits {
    fn similar(&mut self, a: &str, la: usize, b: &str, lb: usize) -> bool {
        if !lengths_fit(la, lb) {
            return false;
        }
        let long = la.max(lb);
        if long <= LONG {
            self.a.clear();
            self.a.extend(a.chars());
            self.b.clear();
            self.b.extend(b.chars());
            let k = max_edits(long);
            // The shorter text is the bit-vector pattern.
            let (p, t) = if self.a.len() <= self.b.len() { (&self.a, &self.b) } else { (&self.b, &self.a) };
            match myers_within(p, t, k) {
                Some(within) => within,
                None => within_edits_buf(p, t, k, &mut self.prev, &mut self.cur),
            }
        } else {
            jaccard(a, b) >= MIN_JACCARD
        }
    }
}

/// Levenshtein distance ≤ `k`, stopping as soon as a whole row exceeds `k` (most candidates
/// that fail, fail early).
#[cfg(test)]
fn within_edits(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within_edits_buf(&a, &b, k, &mut Vec::new(), &mut Vec::new())
}

/// Only the cells within `k` of the diagonal are computed (Ukkonen's band): a cell further away
/// is more than `k` anyway, and counts as `k + 1`, as every value does past `k` (which decides
/// nothing differently). A text of 200 characters with `k` = 40: 81 cells a row, not 200.
fn within_edits_buf(a: &[char], b: &[char], k: usize, prev: &mut Vec<usize>, cur: &mut Vec<usize>) -> bool {
    let m = b.len();
    if a.len().abs_diff(m) > k {
        return false;
    }
    let big = k + 1;
    prev.clear();
    prev.extend((0..=m).map(|j| j.min(big)));
    cur.clear();
    cur.resize(m + 1, big);
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let (lo, hi) = (row.saturating_sub(k).max(1), (row + k).min(m));
        cur[0] = row.min(big);
        if lo > 1 {
            cur[lo - 1] = big;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(Some(ca) != b.get(j - 1));
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < m {
            cur[hi + 1] = big;
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(prev, cur);
    }
    prev[m] <= k
}

/// Levenshtein distance ≤ `k` by Myers' bit-parallel algorithm (Hyyrö's formulation for the
/// global distance): one machine word per character of `t`, for patterns of 1–64 characters.
/// `None` when `p` does not fit in a word.
fn myers_within(p: &[char], t: &[char], k: usize) -> Option<bool> {
    let m = p.len();
    if m == 0 || m > 64 {
        return if m == 0 { Some(t.len() <= k) } else { None };
    }
    // Positions of each pattern character: a small open-addressing table (≤ 64 keys in 128).
    let mut keys = [u32::MAX; 128];
    let mut masks = [0u64; 128];
    let slot = |keys: &[u32; 128], c: u32| {
        let mut s = (c.wrapping_mul(0x9e37_79b9) >> 25) as usize;
        while keys[s] != u32::MAX && keys[s] != c {
            s = (s + 1) & 127;
        }
        s
    };
    for (i, &c) in p.iter().enumerate() {
        let s = slot(&keys, c as u32);
        keys[s] = c as u32;
        masks[s] |= 1 << i;
    }
    let top = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (u64::MAX, 0u64, m);
    let n = t.len();
    for (j, &c) in t.iter().enumerate() {
        let s = slot(&keys, c as u32);
        let eq = if keys[s] == c as u32 { masks[s] } else { 0 };
        let xv = eq | mv;
        let xh = (((eq & pv).wrapping_add(pv)) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & top != 0 {
            score += 1;
        } else if mh & top != 0 {
            score = score.saturating_sub(1);
        }
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        // The last row can fall by at most one per remaining character.
        if score > k + (n - j - 1) {
            return Some(false);
        }
    }
    Some(score <= k)
}

fn bigrams(s: &str) -> Vec<u64> {
    let chars: Vec<char> = s.chars().collect();
    let mut v: Vec<u64> = chars.windows(2).map(|w| (u64::from(w[0] as u32) << 32) | u64::from(w[1] as u32)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn jaccard(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = x.len() + y.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

/// Union–find with path halving and weights (number of entries per group).
struct UnionFind {
    parent: Vec<u32>,
    weight: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize, weight: Vec<u32>) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect(), weight }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let p = self.parent[x] as usize;
            self.parent[x] = self.parent[p];
            x = p;
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb] = ra as u32;
            // (A thread's own groups in `near` keep no weights.)
            if let (Some(&w), Some(&wb)) = (self.weight.get(ra), self.weight.get(rb)) {
                self.weight[ra] = w.saturating_add(wb);
            }
        }
    }
    fn weight_of(&mut self, x: usize) -> u32 {
        let r = self.find(x);
        self.weight[r]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[(&str, &str)]) -> Vec<(usize, usize)> {
        groups(texts.iter().enumerate().map(|(i, (t, n))| (i, *t, *n)), texts.len())
    }

    /// Two threads find the same groups as one, on texts enough to be shared: clerks' sentences
    /// from a few phrases and a number, some copied exactly, some with a character changed.
    #[test]
    fn two_threads_group_as_one() {
        let phrases = ["认真参加支部组织的各项学习", "带头兑现公开承诺事项", "热心帮助困难群众解决实际问题", "在防汛抢险中冲锋在前"];
        let pool: Vec<char> = "村屯组社区街道企业学校医院合作社农场车间班组矿井帮扶走访慰问调解排查宣讲培训巡逻救助".chars().collect();
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut texts: Vec<String> = Vec::new();
        for i in 0..3 * MIN_SHARED {
            let text = match next(10) {
                0 if i > 0 => texts[next(i)].clone(),
                1 if i > 0 => texts[next(i)].replacen('的', "之", 1) + "。",
                _ => {
                    let own: String = (0..16).map(|_| pool[next(pool.len())]).collect();
                    format!("{}，{}", phrases[next(4)], own)
                }
            };
            texts.push(text);
        }
        let text_of = |i: usize| texts.get(i).map(|t| (t.as_str(), ""));
        let one = group_sizes_on(texts.len(), &text_of, 1);
        let two = group_sizes_on(texts.len(), &text_of, 2);
        let differ = one.iter().zip(&two).filter(|(a, b)| a != b).count();
        assert_eq!((differ, one.len()), (0, two.len()), "texts whose group differs on two threads");
        let grouped = one.iter().filter(|&&o| o != NO_GROUP).count();
        assert!(grouped > 100 && grouped < texts.len() / 2, "{grouped} texts grouped");
    }

    #[test]
    fn exact_after_normalisation() {
        let g = run(&[
            ("张三同志工作积极，带头作用明显。", "张三"),
            ("李四同志：工作积极 带头作用明显", "李四"),
            ("王五同志工作积极、带头作用明显！", "王五"),
            ("赵六同志立足岗位，业绩突出，群众认可度高。", "赵六"),
        ]);
        assert_eq!(g, vec![(0, 2), (1, 2), (2, 2)]);
    }

    #[test]
    fn near_identical_with_a_few_characters_changed() {
        let base = "该同志能够立足本职岗位，积极参加支部组织的各项学习活动，公开承诺事项基本兑现";
        let g = run(&[
            (base, ""),
            ("该同志能够立足本职岗位，积极参加支部组织的各项学习活动，公开承诺事项全部兑现", ""),
            ("该同志能够立足本职工作，积极参加支部组织的各项学习活动，公开承诺事项基本兑现", ""),
            ("支部班子团结，带领群众发展特色种植，全村人均收入明显提高，受到乡党委表彰", ""),
        ]);
        assert_eq!(g.iter().map(|x| x.0).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn different_texts_are_not_grouped() {
        let g = run(&[
            ("支部班子团结，带领群众发展特色种植，全村人均收入明显提高", ""),
            ("该同志能够立足本职岗位，积极参加学习，公开承诺事项基本兑现", ""),
            ("希望进一步加强理论学习，提高服务群众的本领，发挥先锋模范作用", ""),
        ]);
        assert!(g.is_empty());
    }

    #[test]
    fn bounded_edit_distance_agrees_with_levenshtein() {
        let words = ["", "a", "ab", "abc", "该同志工作积极", "该同志工作很积极", "李四同志工作积极", "kitten", "sitting"];
        for x in words {
            for y in words {
                let d = strsim::levenshtein(x, y);
                for k in 0..8 {
                    assert_eq!(within_edits(x, y, k), d <= k, "{x} {y} {k}");
                }
            }
        }
    }

    /// The fast paths of [`push_normalised`] agree with the Unicode definition for every
    /// character of the BMP and beyond.
    #[test]
    fn normalising_a_character_agrees_with_unicode() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let folded = match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                _ => c,
            };
            let slow: String = if folded.is_alphanumeric() { folded.to_lowercase().collect() } else { String::new() };
            let mut fast = String::new();
            push_normalised(c, &mut fast);
            assert_eq!(fast, slow, "U+{:04X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        /// The byte-wise fast path of [`normalise`] gives what normalising character by
        /// character does.
        #[test]
        fn normalising_by_bytes_agrees_with_by_characters(t in "[a-zA-Z0-9 ，。：、《》—\u{3000}-\u{303f}\u{4dff}-\u{4e01}\u{9ffe}-\u{a001}\u{ff01}-\u{ff5e}\u{e000}\u{10000}é张三李四]{0,40}") {
            let mut slow = String::new();
            t.chars().for_each(|c| push_normalised(c, &mut slow));
            let mut fast = String::new();
            normalise(&t, "", &mut fast);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    /// The same raw text is normalised once, but the name is removed per entry.
    #[test]
    fn a_copied_text_loses_only_its_own_targets_name() {
        // Under 10 characters: exact matches only.
        let t = "张三：工作积极！";
        assert!(run(&[(t, "张三"), (t, "李四"), (t, "王五")]).is_empty());
        assert!(run(&[(t, "张三"), (t, "李四"), (t, "李四"), ("工作积极", "")]).is_empty());
        assert_eq!(run(&[(t, "张三"), (t, "张三"), ("工作，积极", "")]).len(), 3);
        assert_eq!(run(&[(t, "李四"), (t, "王五"), ("张三工作积极", "")]), vec![(0, 2), (1, 2), (2, 2)]);
    }

    proptest::proptest! {
        /// Myers' bit-vector distance bound agrees with a plain Levenshtein distance.
        #[test]
        fn bit_parallel_edits_agree_with_levenshtein(a in "[ab张三]{0,70}", b in "[ab张三]{0,70}", k in 0usize..20) {
            let d = strsim::levenshtein(&a, &b);
            let (pa, pb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            if let Some(within) = myers_within(&pa, &pb, k) {
                proptest::prop_assert_eq!(within, d <= k);
            }
            proptest::prop_assert_eq!(within_edits(&a, &b, k), d <= k);
        }

        /// The character-count bound never exceeds the edit distance (so it never rejects a
        /// pair the exact check would accept).
        #[test]
        fn character_counts_bound_the_edit_distance(a in "[abc张三李四0-9]{0,80}", b in "[abc张三李四0-9]{0,80}") {
            let d = strsim::levenshtein(&a, &b);
            proptest::prop_assert!(Histogram::of(&a).edits_at_least(&Histogram::of(&b)) <= d);
            proptest::prop_assert!(tally_edits_at_least(tally(&a), tally(&b)) <= d);
        }

        /// The tallies' bound holds where counts stop at 15 too (long runs of few characters).
        #[test]
        fn tallies_bound_the_edit_distance(a in "[ab张]{0,120}", b in "[ab张三]{0,120}") {
            proptest::prop_assert!(tally_edits_at_least(tally(&a), tally(&b)) <= strsim::levenshtein(&a, &b));
        }
    }

    #[test]
    fn the_sketch_never_rejects_what_the_estimate_accepts() {
        let texts = ["该同志能够立足本职岗位积极参加学习", "该同志能够立足本职工作积极参加学习", "支部班子团结带领群众发展特色种植", "a"];
        for x in texts {
            for y in texts {
                let (a, b) = (signature(x), signature(y));
                let same = a.iter().zip(&b).filter(|(p, q)| p == q).count() as u32;
                assert!(agree_at_most(sketch(&a), sketch(&b)) >= same, "{x} {y}");
            }
        }
        assert_eq!(agree_at_most(sketch(&[7; SLOTS]), sketch(&[7; SLOTS])), SLOTS as u32);
    }

    #[test]
    fn long_texts_use_jaccard() {
        let long: String = "党支部围绕中心工作开展公开承诺为群众办实事".repeat(20);
        let mut changed = long.clone();
        changed.push_str("另有新增内容");
        assert!(similar(&long, long.chars().count(), &changed, changed.chars().count()));
    }
}
