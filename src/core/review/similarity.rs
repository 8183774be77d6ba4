//! E009 (防止流于形式, 创先办[2010]7号 二、务求取得实效): the same or nearly the same text in one content
//! field of three or more entries.
//!
//! Method (near-linear in the number of entries; see docs/review.md):
//! 1. Each text is normalised — full-width folded, lower-cased, only letters and digits kept (no
//!    spaces, no punctuation) and the target's own name removed — so “张三同志：工作积极。” and
//!    “李四同志工作积极” are the same text.
//! 2. Identical normalised texts are grouped with a hash map (exact duplicates).
//! 3. Distinct texts of at least [`MIN_NEAR`] characters get a one-permutation MinHash signature
//!    of their character bigrams ([`SLOTS`] slots); locality-sensitive hashing in [`BANDS`] bands
//!    of [`ROWS`] slots puts likely-similar texts in the same bucket. Each text is compared with
//!    the first text of each of its buckets only, so the work per text is bounded.
//! 4. A candidate pair is confirmed with an exact similarity: edit distance (Levenshtein) at most
//!    [`MAX_EDIT`] of the longer text for texts up to [`LONG`] characters, bigram-set Jaccard at
//!    least [`MIN_JACCARD`] for longer texts (where an edit distance would cost too much).
//! 5. Confirmed pairs are joined (union–find); a group covering 3 or more entries gives every one
//!    of its entries an E009 warning.

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
    for c in text.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
    if !name.is_empty() && out.contains(name) {
        *out = out.replace(name, "");
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

/// `(entry index, content field index, number of other entries in its group)` for every entry
/// whose text in that field belongs to a group of [`MIN_GROUP`] or more.
pub fn e009(entries: &[Entry<'_>]) -> Vec<(usize, usize, usize)> {
    let names: Vec<String> = entries.iter().map(|e| normalised_name(e.target.name)).collect();
    let mut out = Vec::new();
    for f in 0..CONTENT_FIELDS.len() {
        let texts = entries.iter().enumerate().filter_map(|(i, e)| e.content[f].map(|t| (i, t, names[i].as_str())));
        for (i, others) in groups(texts, entries.len()) {
            out.push((i, f, others));
        }
    }
    out.sort_unstable();
    out
}

/// Groups texts `(item, text, name to ignore)`; returns `(item, others)` for items in groups of
/// [`MIN_GROUP`] or more. `n` bounds the item numbers.
pub fn groups<'t>(texts: impl Iterator<Item = (usize, &'t str, &'t str)>, n: usize) -> Vec<(usize, usize)> {
    const NONE: u32 = u32::MAX;
    let mut rep_of = vec![NONE; n];
    let mut exact: HashMap<String, u32> = HashMap::new();
    let mut reps: Vec<String> = Vec::new();
    let mut count: Vec<u64> = Vec::new();
    let mut buf = String::new();
    for (i, text, name) in texts {
        normalise(text, name, &mut buf);
        if buf.is_empty() || i >= n {
            continue;
        }
        let r = match exact.get(buf.as_str()) {
            Some(&r) => r,
            None => {
                let r = reps.len() as u32;
                exact.insert(buf.clone(), r);
                reps.push(buf.clone());
                count.push(0);
                r
            }
        };
        count[r as usize] += 1;
        rep_of[i] = r;
    }
    drop(exact);

    let mut uf = UnionFind::new(reps.len(), count);
    near(&reps, &mut uf);

    rep_of
        .iter()
        .enumerate()
        .filter(|(_, r)| **r != NONE)
        .filter_map(|(i, &r)| {
            let size = uf.weight_of(r as usize);
            (size >= MIN_GROUP as u64).then(|| (i, (size - 1) as usize))
        })
        .collect()
}

/// Joins near-identical distinct texts (steps 3–4).
fn near(reps: &[String], uf: &mut UnionFind) {
    let mut buckets: FastMap<u64, u32> = FastMap::default();
    let mut sigs: Vec<[u32; SLOTS]> = Vec::with_capacity(reps.len());
    let mut lens: Vec<usize> = Vec::with_capacity(reps.len());
    for (r, text) in reps.iter().enumerate() {
        let len = text.chars().count();
        lens.push(len);
        sigs.push(if len >= MIN_NEAR { signature(text) } else { [0; SLOTS] });
        if len < MIN_NEAR {
            continue;
        }
        // Several bands often share a head: compare with each head once.
        let mut tried: [u32; BANDS] = [u32::MAX; BANDS];
        for b in 0..BANDS {
            let s = &sigs[r];
            let key = splitmix(((b as u64) << 56) ^ (u64::from(s[b * ROWS]) << 32) ^ u64::from(s[b * ROWS + 1]));
            match buckets.get(&key) {
                None => {
                    buckets.insert(key, r as u32);
                }
                Some(&head) => {
                    if tried.contains(&head) {
                        continue;
                    }
                    tried[b] = head;
                    let head = head as usize;
                    if uf.find(head) == uf.find(r) {
                        continue;
                    }
                    if estimate(&sigs[head], &sigs[r]) >= MIN_ESTIMATE && similar(&reps[head], lens[head], text, len) {
                        uf.union(head, r);
                    }
                }
            }
        }
    }
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

fn estimate(a: &[u32; SLOTS], b: &[u32; SLOTS]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SLOTS as f64
}

/// The exact check of step 4.
pub fn similar(a: &str, la: usize, b: &str, lb: usize) -> bool {
    let (short, long) = if la <= lb { (la, lb) } else { (lb, la) };
    if long == 0 || (short as f64) < (long as f64) * (1.0 - MAX_EDIT) {
        return false;
    }
    if long <= LONG {
        within_edits(a, b, (MAX_EDIT * long as f64).floor() as usize)
    } else {
        jaccard(a, b) >= MIN_JACCARD
    }
}

/// Levenshtein distance ≤ `k`, stopping as soon as a whole row exceeds `k` (most candidates
/// that fail, fail early).
fn within_edits(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
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
    weight: Vec<u64>,
}

impl UnionFind {
    fn new(n: usize, weight: Vec<u64>) -> UnionFind {
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
            self.weight[ra] += self.weight[rb];
        }
    }
    fn weight_of(&mut self, x: usize) -> u64 {
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

    #[test]
    fn long_texts_use_jaccard() {
        let long: String = "党支部围绕中心工作开展公开承诺为群众办实事".repeat(20);
        let mut changed = long.clone();
        changed.push_str("另有新增内容");
        assert!(similar(&long, long.chars().count(), &changed, changed.chars().count()));
    }
}
