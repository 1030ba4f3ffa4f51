//! Hand-made features of every token, hashed to 64-bit keys.
//!
//! A token is described by the words around it (±3, and the two bigrams beside it), its
//! suffixes and shape, whether it stands in a quotation, where it stands in its sentence,
//! where the nearest cue of the lexicon is, and what the rule-based finder made of it (its role
//! in a rule suggestion: a cheap way to hand the rules' precision to the model).
//!
//! Keys are FNV-1a hashes of the template and its values, so the model file stores no strings
//! and two runs give the same keys.

use crate::model::suggest::Doc;
use crate::model::suggest::Suggestions;
use crate::model::suggest::cues::EN;
use crate::model::suggest::sources::is_pronoun;
use crate::model::suggest::tokens::{TokKind, Token};

/// FNV-1a over the template number and the values, with a separator between values.
pub fn key(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        eat(0x1f);
        for b in p.bytes() {
            eat(b);
        }
    }
    h
}

/// The role the rules gave a token: none, or B/I of cue, source, content (as the tags).
pub fn rule_roles(doc: &Doc, rules: &Suggestions) -> Vec<u8> {
    let mut roles = vec![0u8; doc.toks.len()];
    let mut mark = |start: usize, end: usize, b: u8| {
        let first = doc.toks.partition_point(|t| t.end <= start);
        for (n, i) in (first..doc.toks.len())
            .take_while(|&i| doc.toks.get(i).is_some_and(|t| t.start < end))
            .enumerate()
        {
            if let Some(r) = roles.get_mut(i).filter(|r| **r == 0) {
                *r = if n == 0 { b } else { b + 1 };
            }
        }
    };
    for q in &rules.quotes {
        if let Some(c) = q.cue {
            mark(c.start, c.end, 1);
        }
        if let Some(s) = q.source {
            mark(s.start, s.end, 3);
        }
        for c in &q.content {
            mark(c.start, c.end, 5);
        }
    }
    roles
}

/// The word as the features see it: lower case, digits as `0`, marks as themselves.
fn form(doc: &Doc, t: &Token) -> String {
    match t.kind {
        TokKind::Word => t
            .lower
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect(),
        TokKind::Punct(c) => match c {
            '“' | '”' | '"' | '«' | '»' | '„' => "\"".to_owned(),
            '‘' | '’' | '\'' => "'".to_owned(),
            c => c.to_string(),
        },
        TokKind::Break => {
            let _ = doc;
            "<br>".to_owned()
        }
    }
}

/// `Xxxx`, `XX`, `x-x`, `d`: classes of characters with repeats collapsed, at most 5.
fn shape(doc: &Doc, t: &Token) -> String {
    let mut out = String::new();
    for &c in doc.chars.get(t.start..t.end).unwrap_or_default() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
        if out.chars().count() >= 5 {
            break;
        }
    }
    out
}

/// A distance as a few classes.
fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "far",
    }
}

/// The names of the rules' roles in feature keys, in tag order.
pub const ROLE: [&str; 7] = ["-", "Bc", "Ic", "Bs", "Is", "Bk", "Ik"];

/// What the features of a token read about the whole text, computed once: the words, shapes,
/// the rules' roles, the lexicon cues and where the nearest ones stand, the quotation state.
/// A token's keys are then made one token at a time ([`Features::of`]), so a long article
/// never holds the keys of all its tokens at once.
pub struct Features {
    forms: Vec<String>,
    shapes: Vec<String>,
    roles: Vec<u8>,
    lex: Vec<u8>,
    prev_cue: Vec<usize>,
    next_cue: Vec<usize>,
    inside: Vec<bool>,
}

impl Features {
    /// Reads `doc` and the rules' suggestions for it.
    pub fn new(doc: &Doc, rules: &Suggestions) -> Self {
        let n = doc.toks.len();
        let forms: Vec<String> = doc.toks.iter().map(|t| form(doc, t)).collect();
        let shapes: Vec<String> = doc.toks.iter().map(|t| shape(doc, t)).collect();
        let roles = rule_roles(doc, rules);
        // Lexicon cues: the role of each token in one, and where the nearest ones stand.
        let mut lex = vec![0u8; n];
        for m in EN.find_all(&doc.toks) {
            for i in m.first..=m.last {
                if let Some(l) = lex.get_mut(i) {
                    *l = if i == m.first { 1 } else { 2 };
                }
            }
        }
        let mut prev_cue = vec![usize::MAX; n];
        let mut last = usize::MAX;
        for (i, slot) in prev_cue.iter_mut().enumerate() {
            *slot = last;
            if lex.get(i) == Some(&1) {
                last = i;
            }
        }
        let mut next_cue = vec![usize::MAX; n];
        let mut last = usize::MAX;
        for i in (0..n).rev() {
            if let Some(slot) = next_cue.get_mut(i) {
                *slot = last;
            }
            if lex.get(i) == Some(&1) {
                last = i;
            }
        }
        let inside: Vec<bool> = (0..n).map(|i| doc.inside_quotation(i)).collect();
        Self {
            forms,
            shapes,
            roles,
            lex,
            prev_cue,
            next_cue,
            inside,
        }
    }

    /// The feature keys of token `i` of `doc`, written over `f`.
    pub fn of(&self, doc: &Doc, i: usize, f: &mut Vec<u64>) {
        f.clear();
        let Some(t) = doc.tok(i) else { return };
        let word = |i: isize| -> &str {
            if i < 0 {
                return "<s>";
            }
            self.forms.get(i as usize).map_or("</s>", String::as_str)
        };
        let shape_at = |i: Option<usize>| -> &str {
            i.and_then(|i| self.shapes.get(i))
                .map_or("", String::as_str)
        };
        let ii = i as isize;
        f.push(key(0, &[]));
        for (k, off) in (-3..=3).enumerate() {
            f.push(key(1 + k as u8, &[word(ii + off)]));
        }
        f.push(key(8, &[word(ii - 1), word(ii)]));
        f.push(key(9, &[word(ii), word(ii + 1)]));
        f.push(key(10, &[word(ii - 2), word(ii - 1)]));
        f.push(key(11, &[word(ii + 1), word(ii + 2)]));
        let w = word(ii);
        let chars = w.chars().count();
        for (k, len) in [2usize, 3, 4].into_iter().enumerate() {
            if chars > len {
                let at = w.char_indices().nth(chars - len).map_or(0, |(b, _)| b);
                f.push(key(12 + k as u8, &[w.get(at..).unwrap_or_default()]));
            }
        }
        let sh = shape_at(Some(i));
        f.push(key(15, &[sh]));
        f.push(key(
            16,
            &[shape_at(i.checked_sub(1)), sh, shape_at(Some(i + 1))],
        ));
        if is_pronoun(t) {
            f.push(key(17, &[]));
        }
        // Quotation state.
        let q = if doc.quote_opening(i).is_some() {
            "open"
        } else if doc.quote_closing(i).is_some() {
            "close"
        } else if self.inside.get(i) == Some(&true) {
            "in"
        } else {
            "out"
        };
        f.push(key(18, &[q]));
        let q_prev = if i > 0 && self.inside.get(i - 1) == Some(&true) {
            "in"
        } else {
            "out"
        };
        f.push(key(19, &[q, q_prev]));
        // Sentence position.
        let (s0, s1) = doc.sentence_of(i).map_or((i, i + 1), |s| (s.start, s.end));
        let from_start = bucket(i - s0);
        let to_end = bucket(s1.saturating_sub(i + 1));
        f.push(key(20, &[from_start]));
        f.push(key(21, &[to_end]));
        f.push(key(22, &[from_start, w]));
        // Lexicon cues.
        let l = ["-", "B", "I"][self.lex.get(i).copied().unwrap_or(0) as usize];
        f.push(key(23, &[l]));
        f.push(key(24, &[l, q]));
        let prev = self.prev_cue.get(i).copied().unwrap_or(usize::MAX);
        let before = if prev != usize::MAX && prev >= s0 {
            bucket(i - prev)
        } else {
            "none"
        };
        let next = self.next_cue.get(i).copied().unwrap_or(usize::MAX);
        let after = if next != usize::MAX && next < s1 {
            bucket(next - i)
        } else {
            "none"
        };
        f.push(key(25, &[before]));
        f.push(key(26, &[after]));
        f.push(key(27, &[before, after, q]));
        f.push(key(28, &[after, sh]));
        // What the rules made of it.
        let role = |i: Option<usize>| {
            ROLE[i.and_then(|i| self.roles.get(i)).copied().unwrap_or(0) as usize]
        };
        let r = role(Some(i));
        f.push(key(29, &[r]));
        f.push(key(30, &[role(i.checked_sub(1)), r, role(Some(i + 1))]));
        f.push(key(31, &[r, w]));
        f.push(key(32, &[r, l]));
    }
}
