#!/usr/bin/env python3
"""Load a Citron JSON file the way Citron's reader does (bbc/citron citron/data.py,
CitronParser.parse) and fail where it would fail.

usage: citron_check.py FILE.citron.json

Re-implemented from data.py's documented logic (no Citron code is copied), with a small
tokenizer standing in for spaCy: words, punctuation and whitespace runs become tokens, a token
followed by one space keeps it as its trailing whitespace (spaCy's `whitespace_`), and every
character maps to the token that covers it. Then, as data.py:
- `data["text"]` must exist (it is tokenized);
- for each of `data["quotes"]`: `quote["cue"]["start"]`/`["end"]` (a cue is required, not
  null), `quote["sources"]` and `quote["contents"]` lists of spans, optional `coreferences`;
- optional `data["coreference_groups"]`: lists of spans;
- a span maps to tokens via the character index: start must index a character, end-1 too, and
  the token span must be non-empty (data.py prints "Invalid span" and keeps None).
Also checks that each span's `text` is the text at its offsets (Citron's data format says so).
Exit 0 only when every span loads.
"""
import json
import re
import sys

TOKEN = re.compile(r"\w+|[^\w\s]| |\s+")


def tokenize(text):
    """[(idx, length, whitespace_len)] as spaCy would give them, roughly."""
    tokens = []
    for m in TOKEN.finditer(text):
        if m.group() == " " and tokens and tokens[-1][2] == 0 and not text[tokens[-1][0]].isspace():
            idx, length, _ = tokens[-1]
            tokens[-1] = (idx, length, 1)
            continue
        tokens.append((m.start(), len(m.group()), 0))
    return tokens


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    problems = []
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        print('no top-level "text": Citron\'s reader fails on data["text"]')
        return 1
    text = data["text"]
    tokens = tokenize(text)
    index = [None] * len(text)
    for i, (idx, length, ws) in enumerate(tokens):
        for k in range(length + ws):
            index[idx + k] = i

    def span(s, where):
        try:
            start_char, end_char = s["start"], s["end"]
            start = index[start_char]
            end = index[end_char - 1] + 1
        except (KeyError, IndexError, TypeError) as e:
            problems.append(f"{where}: {s!r} cannot be loaded ({type(e).__name__}: {e})")
            return
        if start < 0 or start > len(text) or end < 1 or end > len(tokens) or end <= start:
            problems.append(f"{where}: invalid span start: {start} end: {end}")
            return
        if s.get("text") != text[start_char:end_char]:
            problems.append(f"{where}: text {s.get('text')!r} is not "
                            f"{text[start_char:end_char]!r}")

    quotes = data.get("quotes")
    for n, quote in enumerate(quotes or []):
        try:
            cue = quote["cue"]
            cue["start"], cue["end"]
        except (KeyError, TypeError) as e:
            problems.append(f"quote {n}: no usable cue ({type(e).__name__}: {e})")
            continue
        span(cue, f"quote {n} cue")
        for k in ("sources", "contents"):
            if not isinstance(quote.get(k), list):
                problems.append(f"quote {n}: {k} is not a list")
                continue
            for i, s in enumerate(quote[k]):
                span(s, f"quote {n} {k}[{i}]")
        for i, s in enumerate(quote.get("coreferences") or []):
            span(s, f"quote {n} coreferences[{i}]")
    for g, group in enumerate(data.get("coreference_groups") or []):
        for i, s in enumerate(group):
            span(s, f"coreference_groups[{g}][{i}]")
    for p in problems:
        print(p)
    print(f"citron_check: {len(quotes or [])} quotes, "
          f"{len(data.get('coreference_groups') or [])} coreference groups, "
          f"{len(tokens)} tokens; {len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
