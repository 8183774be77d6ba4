//! Substring search for the message templates, without `core`'s two-way searcher: `str::replace`,
//! `split` and `contains` with a `&str` pattern link `StrSearcher` (~2.6 KB of the statistics
//! form's wasm) for needles of a few bytes in texts of a few hundred. Same results as those.

/// Where `needle` first occurs in `haystack` (a byte offset; `Some(0)` for an empty needle).
/// A match of a whole UTF-8 needle always starts and ends on char boundaries.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// The text before the first `sep` (all of it when there is none): `s.split(sep).next()`.
pub fn before<'a>(s: &'a str, sep: &str) -> &'a str {
    find(s, sep).and_then(|i| s.get(..i)).unwrap_or(s)
}

/// The pieces of `s` between the occurrences of a non-empty `sep`: `s.split(sep)`.
pub fn split<'a>(s: &'a str, sep: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find(r, sep).filter(|_| !sep.is_empty()) {
            Some(i) => {
                rest = r.get(i + sep.len()..);
                r.get(..i)
            }
            None => rest.take(),
        }
    })
}

/// `str::replace` for a template's placeholder: `text.fill("{line}", "3")` (an empty key replaces
/// nothing).
pub trait Fill {
    fn fill(&self, key: &str, value: &str) -> String;
}

impl Fill for str {
    fn fill(&self, key: &str, value: &str) -> String {
        let mut out = String::with_capacity(self.len() + value.len());
        push_filled(&mut out, self, key, value);
        out
    }
}

/// [`Fill::fill`], appended to `out` (no string of its own).
pub fn push_filled(out: &mut String, text: &str, key: &str, value: &str) {
    let mut rest = text;
    while let Some(i) = find(rest, key).filter(|_| !key.is_empty()) {
        let (Some(head), Some(tail)) = (rest.get(..i), rest.get(i + key.len()..)) else { break };
        out.push_str(head);
        out.push_str(value);
        rest = tail;
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_the_standard_library() {
        let texts = ["", "{}", "a{}b{}c", "{}{}", "第{line}行第{column}列：{detail}", "x, y, ,z, ", ", ", "aaa", "日本, 中国"];
        let needles = ["{}", "{line}", ", ", "aa", "a", "中", "x", "{detail}"];
        for t in texts {
            for n in needles {
                assert_eq!(find(t, n), t.find(n), "{t:?} {n:?}");
                assert_eq!(t.fill(n, "<v>"), t.replace(n, "<v>"), "{t:?} {n:?}");
                assert_eq!(split(t, n).collect::<Vec<_>>(), t.split(n).collect::<Vec<_>>(), "{t:?} {n:?}");
                assert_eq!(before(t, n), t.split(n).next().unwrap(), "{t:?} {n:?}");
            }
        }
        assert_eq!("ab".fill("", "-"), "ab");
    }
}
