//! The roster and entries read from a large file item by item: the bytes go through a buffer,
//! each item's extent is found there (its strings jumped over with `memchr`), checked as UTF-8
//! at once and read from its own text by the same readers as [`super::stream`] — serde_json
//! reading a `&str`, about twice as fast as reading an `io::Read` byte by byte, in a buffer of a
//! few MB instead of the whole file.
//!
//! This reader only takes what it is sure of: a top-level object of keys and values, its lists'
//! items read one by one, every value checked by serde_json. Anything else — text that is not
//! JSON, a top level that is not an object, nesting past [`MAX_DEPTH`] — is [`Stop`], and the
//! caller reads the file again with the exact reader (`serde_json::Deserializer::from_reader`),
//! whose answer (an issue, or an error with its line and column) is then the one given. So the
//! typed data and the issues are those of [`super::stream`] (tests/review_reading.rs compares
//! them on the samples and on random and broken documents), and a broken file costs two reads.

use std::marker::PhantomData;

use serde::de::DeserializeSeed;

use super::entries::Entries;
use super::roster::Roster;
use super::stream::{self, EntryLists, Interner, ItemAccess, ItemSeed, Items, KeySeed, List, Lists, ListSeed, Read, RosterLists, Strings, TopAccess, ValueSeed};
use super::raw::{Raw, Shape};
use crate::core::issue::Issue;
use crate::core::json::Skip;

/// Items nested deeper than this (the document has two levels above them; serde_json refuses
/// past 128) are left to the exact reader.
pub const MAX_DEPTH: usize = 100;

/// Why a document was not read here: the caller then reads it with the exact reader.
#[derive(Debug)]
pub enum Stop {
    /// The source failed.
    Io(std::io::Error),
    /// Not JSON, or not a document this reader takes.
    Other,
}

/// The buffer the CLI reads through: an item longer than it doubles it.
pub const BUFFER: usize = 4 << 20;

/// A roster read from `src` item by item (as [`stream::read_roster`]).
pub fn read_roster<'a>(src: impl std::io::Read, strings: &'a Strings) -> Result<(Roster<'a>, Vec<Issue>), Stop> {
    read_roster_capped(src, BUFFER, strings, usize::MAX).map(|(r, read)| (r, read.issues))
}

/// Entries read from `src` item by item (as [`stream::read_entries`]).
pub fn read_entries<'a>(src: impl std::io::Read, strings: &'a Strings) -> Result<(Entries<'a>, Vec<Issue>), Stop> {
    read_entries_capped(src, BUFFER, strings, usize::MAX).map(|(e, read)| (e, read.issues))
}

/// A roster read from `src` item by item through a buffer of `buffer` bytes to begin with (as
/// [`stream::read_roster_capped`]; the tests give a few bytes, so that items cross its end).
pub fn read_roster_capped<'a>(src: impl std::io::Read, buffer: usize, strings: &'a Strings, cap: usize) -> Result<(Roster<'a>, Read), Stop> {
    let mut put = Interner::new(strings, cap);
    document::<RosterLists<'a>>(&mut Source::new(src, buffer), &mut put).map(stream::roster_of)
}

/// Entries read from `src` item by item (as [`read_roster_capped`]).
pub fn read_entries_capped<'a>(src: impl std::io::Read, buffer: usize, strings: &'a Strings, cap: usize) -> Result<(Entries<'a>, Read), Stop> {
    let mut put = Interner::new(strings, cap);
    document::<EntryLists<'a>>(&mut Source::new(src, buffer), &mut put).map(stream::entries_of)
}

/// The whole document: a BOM, an object, nothing after it but whitespace.
fn document<'a, L: Lists<'a>>(src: &mut Source<impl std::io::Read>, put: &mut Interner<'a>) -> Result<stream::Top<'a, L>, Stop> {
    while src.end < 3 && src.more()? {}
    if src.buf[..src.end].starts_with(b"\xef\xbb\xbf") {
        src.pos = 3;
    }
    src.eat(b'{')?;
    let top = stream::top_object(&mut Object { src: &mut *src, first: true }, put)?;
    match src.peek()? {
        None => Ok(top),
        Some(_) => Err(Stop::Other),
    }
}

/// The bytes read and not yet taken: `buf[pos..end]`.
struct Source<R> {
    src: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
}

impl<R: std::io::Read> Source<R> {
    fn new(src: R, bytes: usize) -> Self {
        Source { src, buf: vec![0; bytes.max(1)], pos: 0, end: 0, eof: false }
    }

    /// Reads until the buffer is full, the bytes not taken moved to its front first and the
    /// buffer doubled when they fill it (an item longer than the buffer); `false` at the end.
    fn more(&mut self) -> Result<bool, Stop> {
        if self.eof {
            return Ok(false);
        }
        self.buf.copy_within(self.pos..self.end, 0);
        (self.end, self.pos) = (self.end - self.pos, 0);
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let before = self.end;
        while self.end < self.buf.len() {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Stop::Io(e)),
            }
        }
        Ok(self.end > before)
    }

    /// The next byte that is not whitespace, not taken; `None` at the end.
    fn peek(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            if let Some(skip) = self.buf[self.pos..self.end].iter().position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += skip;
                return Ok(Some(self.buf[self.pos]));
            }
            self.pos = self.end;
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Takes `b`, the next byte that is not whitespace.
    fn eat(&mut self, b: u8) -> Result<(), Stop> {
        if self.peek()? != Some(b) {
            return Err(Stop::Other);
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes the next value (a string, a number or word, or an object or array whole) and gives
    /// its text.
    fn value(&mut self) -> Result<&str, Stop> {
        if self.peek()?.is_none() {
            return Err(Stop::Other);
        }
        let len = loop {
            match extent(&self.buf[self.pos..self.end], self.eof)? {
                Some(n) => break n,
                None if self.eof => return Err(Stop::Other),
                None => {
                    self.more()?;
                }
            }
        };
        let at = self.pos;
        self.pos += len;
        simdutf8::basic::from_utf8(&self.buf[at..at + len]).map_err(|_| Stop::Other)
    }
}

/// The length of the value `b` begins with; `None` when `b` ends first (`eof`: nothing follows).
/// Only the brackets are counted: a value that is not JSON is serde_json's to refuse.
fn extent(b: &[u8], eof: bool) -> Result<Option<usize>, Stop> {
    match b[0] {
        b'"' => Ok(string_end(b, 1)),
        b'{' | b'[' => {
            let (mut i, mut depth) = (0, 0usize);
            while i < b.len() {
                match b[i] {
                    b'"' => match string_end(b, i + 1) {
                        Some(e) => {
                            i = e;
                            continue;
                        }
                        None => return Ok(None),
                    },
                    b'{' | b'[' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Err(Stop::Other);
                        }
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(Some(i + 1));
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            Ok(None)
        }
        _ => match b.iter().position(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}')) {
            Some(0) => Err(Stop::Other),
            Some(n) => Ok(Some(n)),
            None if eof => Ok(Some(b.len())),
            None => Ok(None),
        },
    }
}

/// Past the quote that closes the string whose text begins at `from`; `None` when `b` ends first.
fn string_end(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let k = from + memchr::memchr2(b'"', b'\\', b.get(from..)?)?;
        if b[k] == b'"' {
            return Some(k + 1);
        }
        from = k + 2;
    }
}

/// One value read from its own text by `seed`; the text must hold nothing more.
fn parse<'t, S: DeserializeSeed<'t>>(text: &'t str, seed: S) -> Result<S::Value, Stop> {
    let mut de = serde_json::Deserializer::from_str(text);
    let v = seed.deserialize(&mut de).map_err(|_| Stop::Other)?;
    de.end().map_err(|_| Stop::Other)?;
    Ok(v)
}

/// Whether another key or item follows in an object or array whose `close` byte ends it, its
/// separating comma taken.
fn another(src: &mut Source<impl std::io::Read>, first: &mut bool, close: u8) -> Result<bool, Stop> {
    let b = src.peek()?;
    if std::mem::take(first) {
        if b == Some(close) {
            src.pos += 1;
            return Ok(false);
        }
        return Ok(true);
    }
    match b {
        Some(b',') => {
            src.pos += 1;
            // `[1,]`: a trailing comma.
            if src.peek()? == Some(close) { Err(Stop::Other) } else { Ok(true) }
        }
        Some(c) if c == close => {
            src.pos += 1;
            Ok(false)
        }
        _ => Err(Stop::Other),
    }
}

/// The top-level object, key by key.
struct Object<'s, R> {
    src: &'s mut Source<R>,
    first: bool,
}

impl<'a, R: std::io::Read> TopAccess<'a> for Object<'_, R> {
    type Error = Stop;
    fn key(&mut self, put: &mut Interner<'a>) -> Result<Option<&'a str>, Stop> {
        if !another(self.src, &mut self.first, b'}')? {
            return Ok(None);
        }
        if self.src.peek()? != Some(b'"') {
            return Err(Stop::Other);
        }
        let key = parse(self.src.value()?, KeySeed(put))?;
        self.src.eat(b':')?;
        Ok(Some(key))
    }
    fn skip(&mut self) -> Result<(), Stop> {
        if self.src.peek()? == Some(b'[') {
            self.src.pos += 1;
            let mut items = ListItems { src: &mut *self.src, first: true };
            while ItemAccess::<'a>::skip(&mut items)? {}
            return Ok(());
        }
        parse(self.src.value()?, PhantomData::<Skip>).map(drop)
    }
    fn scalar(&mut self, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Raw<'a>, Stop> {
        parse(self.src.value()?, ValueSeed { shape: Shape::Scalar, put, base: &String::new, issues }).map(|v| v.0)
    }
    fn list<I: Items<'a>>(&mut self, put: &mut Interner<'a>) -> Result<List<'a, I::Item>, Stop> {
        if self.src.peek()? == Some(b'[') {
            self.src.pos += 1;
            return stream::items::<I, _>(&mut ListItems { src: &mut *self.src, first: true }, put);
        }
        parse(self.src.value()?, ListSeed::<I>(put, PhantomData))
    }
}

/// A top-level list, item by item.
struct ListItems<'s, R> {
    src: &'s mut Source<R>,
    first: bool,
}

impl<'a, R: std::io::Read> ItemAccess<'a> for ListItems<'_, R> {
    type Error = Stop;
    fn item<I: Items<'a>>(&mut self, seed: ItemSeed<'_, 'a, I>) -> Result<Option<I::Item>, Stop> {
        if !another(self.src, &mut self.first, b']')? {
            return Ok(None);
        }
        parse(self.src.value()?, seed).map(Some)
    }
    fn skip(&mut self) -> Result<bool, Stop> {
        if !another(self.src, &mut self.first, b']')? {
            return Ok(false);
        }
        parse(self.src.value()?, PhantomData::<Skip>)?;
        Ok(true)
    }
}
