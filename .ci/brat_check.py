#!/usr/bin/env python3
"""Read a brat .ann with an independent parser (bratly) and check every span against the .txt.

usage: brat_check.py DOC.ann DOC.txt
Offsets are Python string indices, i.e. Unicode code points. brat shows line breaks inside a
span as spaces and joins the fragments of a discontinuous span with one space. Exit 0 only when
the file parses strictly and every fragment's text matches.
"""
import sys

from bratly import EntityAnnotation, EquivalenceAnnotation, RelationAnnotation
from bratly.io import parse_ann_file
from bratly.io.file_read_src import parse_and_fix_ann_grammar

BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t"


def main(ann_path, txt_path):
    with open(ann_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    with open(txt_path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = [l for l in raw.split("\n") if l]
    parse_and_fix_ann_grammar(raw)  # raises on any badly formed line
    col = parse_ann_file(raw, ann_path, no_duplicates=False, sorting=False, renumerotize=False)
    anns = col.get_annotations()
    if len(anns) != len(lines):
        print(f"bratly read {len(anns)} annotations from {len(lines)} lines")
        return 1
    bad = 0
    entities = [a for a in anns if isinstance(a, EntityAnnotation)]
    for e in entities:
        pieces = []
        for frag in e.fragments:
            if not 0 <= frag.start < frag.end <= len(text):
                print(f"{e.id}: fragment {frag.start}..{frag.end} outside the text ({len(text)})")
                bad += 1
                continue
            piece = text[frag.start:frag.end]
            pieces.append("".join(" " if c in BREAKS else c for c in piece))
        if " ".join(pieces) != e.content:
            print(f"{e.id} {e.label}: .ann says {e.content!r}, .txt has {' '.join(pieces)!r}")
            bad += 1
    labels = sorted({e.label for e in entities})
    relations = sum(isinstance(a, RelationAnnotation) for a in anns)
    equivs = sum(isinstance(a, EquivalenceAnnotation) for a in anns)
    print(f"bratly: {len(entities)} spans ({', '.join(labels)}), {relations} relations, "
          f"{equivs} Equiv groups, {len(anns)} lines in all")
    print(f"{len(entities) - bad} passed, {bad} failed")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
