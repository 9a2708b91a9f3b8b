//! Limits on what a dataset may hold, so a hostile or corrupted file cannot
//! exhaust memory.

use std::fmt;

/// How large a dataset may be: limits checked while loading, before the
/// graph is built.
///
/// The plain loaders ([`DiplomaticGraph::from_json_str`](crate::DiplomaticGraph::from_json_str),
/// [`load`](crate::DiplomaticGraph::load), [`from_json_reader`](crate::DiplomaticGraph::from_json_reader),
/// [`validate_json_str`](crate::io::validate_json_str) and
/// [`validate_file`](crate::DiplomaticGraph::validate_file)) use
/// [`Limits::default()`]; the `_with` variants take a `Limits` value. An
/// input over a limit fails with [`Error::LimitExceeded`](crate::Error::LimitExceeded),
/// which says which limit, its value, what the input has, and where.
///
/// | limit | default | what it counts |
/// |---|---|---|
/// | [`input_size`](Self::input_size) | 1 GiB | bytes of JSON text; a file is not read past it |
/// | [`string_len`](Self::string_len) | 1 MiB | bytes of one JSON string as written (escapes count as written), keys included |
/// | [`depth`](Self::depth) | 64 | nested arrays and objects, the document counting as 1 |
/// | [`items_per_meeting`](Self::items_per_meeting) | 10,000 | participants of one meeting, and separately its evidence |
///
/// The defaults are generous: the format itself nests 6 deep, the longest
/// text in practice is a note of a few kilobytes, and a dataset of a million
/// GDELT-style events (about 1 KB each as JSON) is well under a gigabyte. A
/// loaded graph takes a few times its file size in memory, so the input size
/// is the limit to lower on a small machine.
///
/// serde_json stops at a nesting depth of 128 on its own, with an
/// [`Error::Json`](crate::Error::Json) ("recursion limit exceeded"): a
/// `depth` above 127 therefore has no further effect. The input size bounds
/// everything else: no string, list or item can be larger than the text.
///
/// # Examples
///
/// ```
/// use diplograph::{DiplomaticGraph, Error, io::{Limit, Limits}};
///
/// let limits = Limits::new().string_len(16);
/// let text = r#"{ "format": "diplograph/1", "title": "A title longer than sixteen bytes" }"#;
/// let err = DiplomaticGraph::from_json_str_with(text, &limits).unwrap_err();
/// assert!(matches!(err, Error::LimitExceeded { what: Limit::StringLength, limit: 16, found: 33, .. }));
/// assert_eq!(err.to_string(),
///     "string length in bytes is 33, over the limit of 16 at line 1, column 38 (title)");
/// assert!(DiplomaticGraph::from_json_str_with(text, &Limits::default()).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[must_use]
pub struct Limits {
    /// Bytes of JSON text.
    pub input_size: usize,
    /// Bytes of one JSON string, as written.
    pub string_len: usize,
    /// Nested arrays and objects, the document counting as 1.
    pub depth: usize,
    /// Participants of one meeting, and evidence items of one meeting.
    pub items_per_meeting: usize,
}

/// Which of the [`Limits`] an input exceeds.
///
/// ```
/// assert_eq!(diplograph::io::Limit::Depth.to_string(), "nesting depth");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::input_size`].
    InputSize,
    /// [`Limits::string_len`].
    StringLength,
    /// [`Limits::depth`].
    Depth,
    /// [`Limits::items_per_meeting`].
    ItemsPerMeeting,
}

impl Limits {
    /// The default input size: 1 GiB.
    pub const DEFAULT_INPUT_SIZE: usize = 1 << 30;
    /// The default string length: 1 MiB.
    pub const DEFAULT_STRING_LEN: usize = 1 << 20;
    /// The default nesting depth: 64.
    pub const DEFAULT_DEPTH: usize = 64;
    /// The default number of participants (or evidence items) of a meeting: 10,000.
    pub const DEFAULT_ITEMS_PER_MEETING: usize = 10_000;

    /// The default limits (see the table on [`Limits`]).
    ///
    /// ```
    /// let limits = diplograph::io::Limits::new();
    /// assert_eq!(limits.depth, 64);
    /// assert_eq!(limits, diplograph::io::Limits::default());
    /// ```
    pub fn new() -> Self {
        Limits {
            input_size: Self::DEFAULT_INPUT_SIZE,
            string_len: Self::DEFAULT_STRING_LEN,
            depth: Self::DEFAULT_DEPTH,
            items_per_meeting: Self::DEFAULT_ITEMS_PER_MEETING,
        }
    }

    /// No limits of this crate's own (serde_json's nesting limit of 128
    /// still holds). For trusted input only.
    ///
    /// ```
    /// assert_eq!(diplograph::io::Limits::unlimited().input_size, usize::MAX);
    /// ```
    pub fn unlimited() -> Self {
        Limits {
            input_size: usize::MAX,
            string_len: usize::MAX,
            depth: usize::MAX,
            items_per_meeting: usize::MAX,
        }
    }

    /// Sets the largest input, in bytes.
    ///
    /// ```
    /// let limits = diplograph::io::Limits::new().input_size(64 << 20);
    /// assert_eq!(limits.input_size, 64 << 20);
    /// ```
    pub fn input_size(mut self, bytes: usize) -> Self {
        self.input_size = bytes;
        self
    }

    /// Sets the longest JSON string, in bytes as written.
    ///
    /// ```
    /// let limits = diplograph::io::Limits::new().string_len(4096);
    /// assert_eq!(limits.string_len, 4096);
    /// ```
    pub fn string_len(mut self, bytes: usize) -> Self {
        self.string_len = bytes;
        self
    }

    /// Sets the deepest nesting of arrays and objects.
    ///
    /// ```
    /// let limits = diplograph::io::Limits::new().depth(8);
    /// assert_eq!(limits.depth, 8);
    /// ```
    pub fn depth(mut self, levels: usize) -> Self {
        self.depth = levels;
        self
    }

    /// Sets the most participants, and the most evidence items, of one
    /// meeting.
    ///
    /// ```
    /// let limits = diplograph::io::Limits::new().items_per_meeting(200);
    /// assert_eq!(limits.items_per_meeting, 200);
    /// ```
    pub fn items_per_meeting(mut self, items: usize) -> Self {
        self.items_per_meeting = items;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::InputSize => "input size in bytes",
            Limit::StringLength => "string length in bytes",
            Limit::Depth => "nesting depth",
            Limit::ItemsPerMeeting => "number of items in a meeting's list",
        })
    }
}

/// The first string too long or nesting too deep in `text`: which limit,
/// what was found, and the byte offset (of the string's opening quote, or of
/// the bracket that goes too deep). Does not check that the text is JSON;
/// serde does that afterwards.
pub(crate) fn scan(text: &str, limits: &Limits) -> Option<(Limit, usize, usize)> {
    // Eight bytes at a time: outside strings, to the next quote or
    // bracket; inside them, to the next quote or backslash (JSON's strings
    // and indentation are mostly a few to a few dozen bytes long, too short
    // for `memchr`'s set-up to pay).
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = next_outside(bytes, i) {
        match bytes.get(at) {
            Some(b'"') => {
                let start = at + 1;
                let end = string_end(bytes, start);
                let len = end.saturating_sub(start);
                if len > limits.string_len {
                    return Some((Limit::StringLength, len, at));
                }
                i = end + 1;
            }
            Some(b'{' | b'[') => {
                depth += 1;
                if depth > limits.depth {
                    return Some((Limit::Depth, depth, at));
                }
                i = at + 1;
            }
            _ => {
                depth = depth.saturating_sub(1);
                i = at + 1;
            }
        }
    }
    None
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes from `at`, little-endian, if there are eight.
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// A high bit in each byte of `word` equal to `byte`: exact up to the first
/// such byte (later bytes may be flagged wrongly), which is all that
/// `trailing_zeros` reads.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The first quote or bracket at or after `from`.
fn next_outside(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(w) = word(bytes, from) {
        // `[` and `]` are `{` and `}` without bit 5.
        let folded = w | (ONES * 0x20);
        let hits = bytes_equal(w, b'"') | bytes_equal(folded, b'{') | bytes_equal(folded, b'}');
        if hits != 0 {
            return Some(from + (hits.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']'))
        .map(|k| from + k)
}

/// The byte offset of the quote ending the string whose contents start at
/// `start`, or the text's length for a string never ended.
pub(crate) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start;
    loop {
        let found = match word(bytes, j) {
            Some(w) => {
                let hits = bytes_equal(w, b'"') | bytes_equal(w, b'\\');
                if hits == 0 {
                    j += 8;
                    continue;
                }
                j + (hits.trailing_zeros() / 8) as usize
            }
            None => match bytes
                .get(j..)
                .and_then(|rest| rest.iter().position(|b| matches!(b, b'"' | b'\\')))
            {
                Some(k) => j + k,
                None => return bytes.len(),
            },
        };
        if bytes.get(found) == Some(&b'\\') {
            j = found + 2;
        } else {
            return found;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, limits: &Limits) -> Option<(Limit, usize, usize)> {
        scan(text, limits)
    }

    /// The scan byte by byte, as it was before it read eight at a time.
    fn reference(text: &str, limits: &Limits) -> Option<(Limit, usize, usize)> {
        let bytes = text.as_bytes();
        let mut depth = 0usize;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'"' => {
                    let start = i + 1;
                    let mut j = start;
                    let end = loop {
                        match bytes.get(j) {
                            None => break bytes.len(),
                            Some(b'"') => break j,
                            Some(b'\\') => j += 2,
                            Some(_) => j += 1,
                        }
                    };
                    let len = end.saturating_sub(start);
                    if len > limits.string_len {
                        return Some((Limit::StringLength, len, i));
                    }
                    i = end;
                }
                b'{' | b'[' => {
                    depth += 1;
                    if depth > limits.depth {
                        return Some((Limit::Depth, depth, i));
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        None
    }

    #[test]
    fn scan_agrees_with_a_byte_by_byte_scan() {
        let data = crate::datasets::WASHINGTON_2025_JSON;
        let mut texts: Vec<String> = vec![data.to_owned(), data.replace("  ", "")];
        let pieces = [
            "\"", "\\", "{", "}", "[", "]", "a", " ", "\\\"", "[[", "]]", "\\u00e9", "é", "{{{",
        ];
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(text);
        }
        for text in &texts {
            for (string_len, depth) in [
                (0, 1),
                (1, 2),
                (3, 3),
                (7, 4),
                (9, 5),
                (40, 6),
                (1 << 20, 64),
            ] {
                let limits = Limits::new().string_len(string_len).depth(depth);
                assert_eq!(scan(text, &limits), reference(text, &limits), "{text:?}");
            }
        }
    }

    #[test]
    fn scan_finds_the_first_string_or_bracket_over_its_limit() {
        let limits = Limits::new().string_len(3).depth(2);
        assert_eq!(first(r#"{"abc": [1]}"#, &limits), None);
        assert_eq!(
            first(r#"{"abcd": 1}"#, &limits),
            Some((Limit::StringLength, 4, 1))
        );
        assert_eq!(
            first(r#"{"a": [[1]]}"#, &limits),
            Some((Limit::Depth, 3, 7))
        );
        // Closing brackets lower the depth, also inside a skipped span.
        assert_eq!(first(r#"[[1], [2], {"a": 1}]"#, &limits), None);
        // Brackets and escaped quotes inside strings do not count.
        let wide = Limits::new().string_len(4).depth(1);
        assert_eq!(first(r#"["[[\"", "{{["]"#, &wide), None);
        assert_eq!(
            first(r#"["a\"bc"]"#, &limits),
            Some((Limit::StringLength, 5, 1))
        );
        // Unterminated strings and a trailing backslash end at the text's end.
        assert_eq!(first(r#"["ab"#, &limits), None);
        assert_eq!(first("[\"ab\\", &limits), None);
        assert_eq!(
            first(r#"["abcdef"#, &limits),
            Some((Limit::StringLength, 6, 1))
        );
    }
}
