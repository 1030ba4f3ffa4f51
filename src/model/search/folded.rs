//! The article folded to lower case once, with a compact map back to its code points.
//!
//! Folding lowers every code point on its own (`char::to_lowercase`), exactly like
//! [`super::find_all`]. Almost every code point lowers to one code point of the same UTF-8
//! length ("S" → "s", "É" → "é", Arabic and CJK stay as they are), so a folded byte offset is
//! the original byte offset. Only the others are recorded, as *jumps*: "İ" (2 bytes) lowers to
//! "i̇" (i + U+0307, 3 bytes), and the Kelvin sign U+212A (3 bytes) to "k" (1 byte). In
//! `"İx"` the folded text is `"i̇x"`: folded bytes `0..3` come from code point 0 and folded
//! byte 3 ("x") is original byte 2, code point 1.

/// A code point whose lowered form is not one code point of its own UTF-8 length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Jump {
    /// Folded byte where its lowered form starts.
    folded: usize,
    /// Folded byte where its lowered form ends.
    folded_end: usize,
    /// Original byte where the code point ends.
    original_end: usize,
    /// Its code point index in the original.
    code_point: usize,
}

/// Lower-cased text and what is needed to turn folded byte offsets back into code points.
#[derive(Clone, Debug, Default)]
pub(super) struct Folded {
    /// The text, every code point lowered.
    text: String,
    /// The code points that change length when lowered, in text order.
    jumps: Vec<Jump>,
}

impl Folded {
    /// Folds `original`; `Folded::new("Straße İ").as_str()` is `"straße i̇"`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len() + original.len() / 64);
        let mut jumps = Vec::new();
        for (code_point, (byte, c)) in original.char_indices().enumerate() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                continue;
            }
            let folded = text.len();
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.len()) {
                (Some(l), 0) if l.len_utf8() == c.len_utf8() => text.push(l),
                (first, _) => {
                    text.extend(first);
                    text.extend(lower);
                    jumps.push(Jump {
                        folded,
                        folded_end: text.len(),
                        original_end: byte + c.len_utf8(),
                        code_point,
                    });
                }
            }
        }
        Self { text, jumps }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A walker that turns folded byte offsets, given in increasing order, into code points
    /// of `original` (the text this was folded from) in one pass over it.
    pub fn walker<'a>(&'a self, original: &'a str) -> Walker<'a> {
        Walker {
            jumps: &self.jumps,
            original,
            byte: 0,
            code_point: 0,
        }
    }
}

/// Maps increasing folded byte offsets to original code points; see [`Folded::walker`].
pub(super) struct Walker<'a> {
    /// The folded text's jumps.
    jumps: &'a [Jump],
    /// The text that was folded.
    original: &'a str,
    /// An original byte whose code point is known (the last one asked for).
    byte: usize,
    /// The code point at `byte`.
    code_point: usize,
}

impl Walker<'_> {
    /// The original code point that folded byte `folded` (a char boundary of the folded text)
    /// comes from; the end of the folded text gives the number of code points. Each call costs
    /// the original text between it and the previous call, so offsets must not go back.
    pub fn code_point(&mut self, folded: usize) -> usize {
        let after = self.jumps.partition_point(|j| j.folded <= folded);
        // Where folded and original bytes last stopped moving in step.
        let (base_folded, base_original, base_code_point) =
            match after.checked_sub(1).and_then(|i| self.jumps.get(i)) {
                Some(j) if folded < j.folded_end => return j.code_point,
                Some(j) => (j.folded_end, j.original_end, j.code_point + 1),
                None => (0, 0, 0),
            };
        let byte = folded - base_folded + base_original;
        let (from, from_code_point) = if self.byte >= base_original && self.byte <= byte {
            (self.byte, self.code_point)
        } else {
            (base_original, base_code_point)
        };
        // Code points are counted by their first bytes (every byte but 0b10xx_xxxx): gaps
        // between matches are short, and this loop is much cheaper than `chars().count()` there.
        let between = self.original.as_bytes().get(from..byte).unwrap_or_default();
        let code_point = from_code_point + between.iter().filter(|&&b| !is_continuation(b)).count();
        self.byte = byte;
        self.code_point = code_point;
        code_point
    }
}

/// True for the bytes that continue a UTF-8 sequence (never the first byte of a code point).
fn is_continuation(b: u8) -> bool {
    b & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Code point of every folded char boundary and of the end, the slow way.
    fn slow_map(original: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut folded = 0;
        for (i, c) in original.chars().enumerate() {
            for l in c.to_lowercase() {
                out.push((folded, i));
                folded += l.len_utf8();
            }
        }
        out.push((folded, original.chars().count()));
        out
    }

    #[test]
    fn folds_per_code_point_and_maps_every_boundary_back() {
        let original = "İstanbul, STRASSE ẞ Straße, \u{212a} (Kelvin) Ⱥ, “Σ” 😀 e\u{301} \u{2126}";
        let folded = Folded::new(original);
        let expected: String = original.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(folded.as_str(), expected);
        let mut walker = folded.walker(original);
        for (b, cp) in slow_map(original) {
            assert_eq!(walker.code_point(b), cp, "folded byte {b}");
        }
    }

    #[test]
    fn plain_text_needs_no_jumps() {
        let original = "Stoltenberg sagte: «Ça va» — قال الوزير 東京 😀";
        let folded = Folded::new(original);
        assert!(folded.jumps.is_empty());
        let mut walker = folded.walker(original);
        assert_eq!(walker.code_point(0), 0);
        assert_eq!(walker.code_point(original.len()), original.chars().count());
    }
}
