#!/usr/bin/env python3
"""Check a brat .ann the way brat's own parser (nlplab/brat server/src/annotation.py) reads it.

usage: brat_strict.py DOC.ann DOC.txt [annotation.conf]

Mirrors annotation.py's rules, written from its documented behaviour (no brat code is copied):
- the .ann is read with str.splitlines (brat's codecs reader), so no field may hold any line
  break Python knows; every line is `ID<TAB>DATA[<TAB>TAIL]`, the ID a prefix and a number;
- a T line is `ID<TAB>TYPE START END[;START END]*<TAB>TEXT`: integers, 0 <= START <= END <=
  len(text), fragments neither overlapping nor touching (brat tests `end >= ostart and start <
  oend`), and TEXT exactly the fragments' texts joined by single spaces (not just as long);
- no fragment holds a line break (it would have broken the line);
- R lines have exactly two distinct `ROLE:ID` arguments naming existing annotations; A lines
  `TYPE ID [VALUE]`; N lines `TYPE ID DB:REF`; `*` lines `Equiv ID ID…`; # lines `TYPE ID`.
With annotation.conf, every entity, relation and attribute type (and attribute value) used
must be declared there. Exit 0 only when every line passes.
"""
import re
import sys

BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")


def read_conf(path):
    """Declared types: {section: {type: set(values) or None}}."""
    conf, section = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^\[(\w+)\]$", line)
            if m:
                section = m.group(1)
                conf.setdefault(section, {})
                continue
            name, _, rest = line.partition("\t") if "\t" in line else line.partition(" ")
            values = None
            m = re.search(r"Value:([^,]+)", rest)
            if m:
                values = set(m.group(1).strip().split("|"))
            conf.setdefault(section, {})[name.strip()] = values
    return conf


def main(ann_path, txt_path, conf_path=None):
    with open(ann_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    with open(txt_path, encoding="utf-8", newline="") as f:
        text = f.read()
    conf = read_conf(conf_path) if conf_path else None
    problems, ids, refs = [], {}, []

    def bad(no, msg):
        problems.append(f"line {no}: {msg}")

    lines = raw.splitlines()
    if raw and raw.split("\n")[:-1] != lines:
        problems.append("the file has line breaks other than LF (brat would split lines there)")
    spans = 0
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if "\t" not in line:
            bad(no, f"no tab: {line!r}")
            continue
        id_, tail = line.split("\t", 1)
        if id_ != "*" and not ID.match(id_):
            bad(no, f"invalid id {id_!r}")
            continue
        if id_ in ids and id_ != "*":
            bad(no, f"duplicate id {id_}")
        data, _, rest = tail.partition("\t")
        kind = id_[0]
        if kind == "T":
            ty, _, offsets = data.partition(" ")
            frags = []
            for piece in offsets.split(";"):
                parts = piece.split(" ")
                if len(parts) != 2 or not all(p.isdigit() for p in parts):
                    bad(no, f"{id_}: fragment {piece!r} is not `START END`")
                    frags = None
                    break
                frags.append((int(parts[0]), int(parts[1])))
            if frags is None:
                continue
            seen = []
            for s, e in frags:
                if not 0 <= s <= e <= len(text):
                    bad(no, f"{id_}: {s} {e} outside the text ({len(text)} code points)")
                for os_, oe in seen:
                    if e >= os_ and s < oe:
                        bad(no, f"{id_}: fragments {s} {e} and {os_} {oe} overlap or touch")
                seen.append((s, e))
            pieces = [text[s:e] for s, e in frags]
            for (s, e), p in zip(frags, pieces):
                if any(c in BREAKS for c in p):
                    bad(no, f"{id_}: fragment {s} {e} holds a line break")
            if rest != " ".join(pieces):
                bad(no, f"{id_}: text {rest!r} is not the fragments' {' '.join(pieces)!r}")
            if conf is not None and ty not in conf.get("entities", {}):
                bad(no, f"{id_}: entity type {ty} not in annotation.conf")
            ids[id_] = ("T", ty)
            spans += 1
        elif kind == "R":
            parts = data.split(" ")
            args = [a.split(":") for a in parts[1:]]
            if len(args) != 2 or any(len(a) != 2 for a in args) or args[0][0] == args[1][0]:
                bad(no, f"{id_}: a relation needs two distinct ROLE:ID arguments")
                continue
            refs += [(no, a[1]) for a in args]
            if conf is not None and parts[0] not in conf.get("relations", {}):
                bad(no, f"{id_}: relation type {parts[0]} not in annotation.conf")
            ids[id_] = ("R", parts[0])
        elif kind == "A":
            parts = data.split(" ")
            if len(parts) not in (2, 3):
                bad(no, f"{id_}: an attribute is `TYPE ID [VALUE]`")
                continue
            refs.append((no, parts[1]))
            if conf is not None:
                declared = conf.get("attributes", {})
                if parts[0] not in declared:
                    bad(no, f"{id_}: attribute {parts[0]} not in annotation.conf")
                elif len(parts) == 3 and declared[parts[0]] and parts[2] not in declared[parts[0]]:
                    bad(no, f"{id_}: value {parts[2]} of {parts[0]} not in annotation.conf")
            ids[id_] = ("A", parts[0])
        elif kind == "N":
            m = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
            if not m:
                bad(no, f"{id_}: a normalization is `TYPE ID DB:REF`")
                continue
            refs.append((no, m.group(2)))
            ids[id_] = ("N", m.group(1))
        elif id_ == "*":
            parts = data.split()
            if len(parts) < 3:
                bad(no, "an Equiv needs two or more ids")
                continue
            refs += [(no, p) for p in parts[1:]]
            if conf is not None and parts[0] not in conf.get("relations", {}):
                bad(no, f"equivalence {parts[0]} not in annotation.conf")
        elif kind == "#":
            parts = data.split()
            if len(parts) != 2:
                bad(no, f"{id_}: a note is `TYPE ID`")
                continue
            refs.append((no, parts[1]))
            ids[id_] = ("#", parts[0])
        else:
            bad(no, f"unknown line type {id_!r}")
    for no, ref in refs:
        if ref not in ids:
            bad(no, f"refers to {ref}, which no line defines")
    for p in problems:
        print(p)
    print(f"brat_strict: {spans} spans checked against the text, {len(lines)} lines; "
          f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
