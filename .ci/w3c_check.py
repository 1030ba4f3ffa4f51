#!/usr/bin/env python3
"""Check Web Annotation JSON against the MUST requirements of the W3C Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/), written for newsmark's CI in plain Python.

usage: w3c_check.py FILE.json [FILE.json ...]

A file holds one Annotation, a JSON array of them, or an AnnotationCollection whose annotations
are in `items` or `first.items` (the collection itself is checked against the collection rules;
its items inherit its @context). Prints one line per failed check and a final
'N passed, N failed' line (N annotations); exit 0 only when all pass.

Each check is named after the MUST assertion of the W3C test suite (w3c/web-annotation-tests,
annotationMusts.test and collectionMusts.test) that it covers, so a failure can be looked up
there. Unlike the suite's JSON schemas (run without a format checker), "format uri" and
"format date-time" are checked here: a URI needs a scheme, a date-time is RFC 3339.
Needs nothing beyond the Python standard library.
"""
import json
import re
import sys

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*$")
DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
DIRECTIONS = ("ltr", "rtl", "auto")


# ---- values -------------------------------------------------------------------------------

def is_uri(v):
    return isinstance(v, str) and URI.match(v) is not None


def is_date_time(v):
    return isinstance(v, str) and DATE_TIME.match(v) is not None


def is_string(v):
    return isinstance(v, str)


def is_count(v):
    """A non-negative JSON integer (true/false are not numbers here)."""
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def single(v, ok):
    """One value: the value itself, or an array of exactly one."""
    return ok(v) or (isinstance(v, list) and len(v) == 1 and ok(v[0]))


def one_or_more(v, ok):
    """The value itself, or a non-empty array of such values."""
    return ok(v) or (isinstance(v, list) and len(v) >= 1 and all(ok(x) for x in v))


def as_list(v):
    return v if isinstance(v, list) else [v]


def includes(v, wanted):
    """`v` is `wanted` or an array holding it (how `type` and `@context` name a class)."""
    return v == wanted or (isinstance(v, list) and wanted in v)


def types_of(o):
    return as_list(o.get("type")) if isinstance(o, dict) and "type" in o else []


def valid_if_present(o, key, ok):
    return not isinstance(o, dict) or key not in o or ok(o[key])


# ---- resources ----------------------------------------------------------------------------

def is_choice(o):
    return isinstance(o, dict) and "Choice" in types_of(o)


def is_textual(o):
    return isinstance(o, dict) and isinstance(o.get("value"), str) and not is_choice(o)


def is_specific(o):
    """A Specific Resource: its source is a URI or an External Web Resource."""
    if not isinstance(o, dict) or is_choice(o) or "source" not in o:
        return False
    src = o["source"]
    return is_uri(src) or is_external(src)


def is_external(o):
    """An External Web Resource: described by its IRI, neither a Specific Resource nor a
    Choice nor an annotation."""
    return (
        isinstance(o, dict)
        and "id" in o
        and single(o["id"], is_uri)
        and "source" not in o
        and "target" not in o
        and not is_choice(o)
    )


def choice_ok(o):
    items = o.get("items")
    return isinstance(items, list) and len(items) >= 1 and all(item_ok(i) for i in items)


def item_ok(o):
    """An item of a Choice: any body or target resource."""
    if isinstance(o, str):
        return is_uri(o)
    if is_choice(o):
        return choice_ok(o)
    return is_specific(o) or is_external(o) or is_textual(o)


def target_ok(o):
    if isinstance(o, str):
        return is_uri(o)
    if is_choice(o):
        return choice_ok(o)
    return is_specific(o) or is_external(o)


def body_ok(o):
    return target_ok(o) or is_textual(o)


def resources(anno, key):
    """The bodies or targets of an annotation (an array is several)."""
    if not isinstance(anno, dict) or key not in anno:
        return []
    return as_list(anno[key])


def described(anno, key):
    """Every described resource under body/target: each one, its object source, the items of
    a Choice (recursively)."""
    out = []
    todo = [r for r in resources(anno, key) if isinstance(r, dict)]
    while todo:
        r = todo.pop()
        out.append(r)
        if isinstance(r.get("source"), dict):
            out.append(r["source"])
        if is_choice(r) and isinstance(r.get("items"), list):
            todo.extend(i for i in r["items"] if isinstance(i, dict))
    return out


def specifics(anno):
    """Every described resource that may carry selectors, states and style classes (a
    Specific Resource, or what claims to be one without a usable source)."""
    return [r for key in ("body", "target") for r in described(anno, key) if not is_choice(r)]


# ---- selectors and states -----------------------------------------------------------------

SELECTOR_TYPES = (
    "FragmentSelector", "CssSelector", "XPathSelector", "TextQuoteSelector",
    "TextPositionSelector", "DataPositionSelector", "SvgSelector", "RangeSelector",
)
STATE_TYPES = ("TimeState", "HttpRequestState")


def selector_valid(s, kind):
    """Whether a selector of type `kind` has what the model requires of it."""
    if kind in ("FragmentSelector", "CssSelector", "XPathSelector"):
        return is_string(s.get("value")) and valid_if_present(s, "conformsTo", is_uri)
    if kind == "TextQuoteSelector":
        return is_string(s.get("exact")) and all(
            valid_if_present(s, k, is_string) for k in ("prefix", "suffix")
        )
    if kind in ("TextPositionSelector", "DataPositionSelector"):
        return is_count(s.get("start")) and is_count(s.get("end"))
    if kind == "SvgSelector":
        return ("value" in s) != ("id" in s) and valid_if_present(s, "value", is_string) \
            and valid_if_present(s, "id", lambda v: single(v, is_uri))
    if kind == "RangeSelector":
        ends = [s.get("startSelector"), s.get("endSelector")]
        return all(
            isinstance(e, dict) and len(types_of(e)) == 1 and types_of(e)[0] in SELECTOR_TYPES
            and types_of(e)[0] != "RangeSelector" and selector_valid(e, types_of(e)[0])
            for e in ends
        )
    if kind == "TimeState":
        has_date = "sourceDate" in s
        has_range = "sourceDateStart" in s and "sourceDateEnd" in s
        return has_date != has_range \
            and valid_if_present(s, "sourceDate", lambda v: one_or_more(v, is_date_time)) \
            and valid_if_present(s, "sourceDateStart", is_date_time) \
            and valid_if_present(s, "sourceDateEnd", is_date_time) \
            and valid_if_present(s, "cached", is_uri)
    if kind == "HttpRequestState":
        return is_string(s.get("value"))
    return False


def refinements(anno, key, chains=False):
    """Every selector (key 'selector') or state (key 'state') object of every Specific
    Resource; with `chains`, also the refinedBy objects below them."""
    out = []
    for r in specifics(anno):
        if key not in r:
            continue
        todo = [v for v in as_list(r[key]) if isinstance(v, dict)]
        while todo:
            v = todo.pop()
            out.append(v)
            if chains:
                todo.extend(x for x in as_list(v.get("refinedBy", [])) if isinstance(x, dict))
    return out


def refinement_recognized(v, kinds):
    """A selector or state object is known by its IRI or by a type the model defines (and
    then meets that type's requirements)."""
    t = types_of(v)
    if len(t) == 1 and t[0] in kinds:
        return selector_valid(v, t[0])
    return "id" in v and single(v["id"], is_uri)


def shaped_ok(anno, key):
    """Each selector (or state) value is a URI, an object, or a non-empty array of them."""
    return all(
        one_or_more(r[key], lambda v: is_uri(v) or isinstance(v, dict))
        for r in specifics(anno) if key in r
    )


def typed_ok(anno, kinds):
    """Every selector, state or refinement of one of `kinds` meets its type's requirements."""
    objs = refinements(anno, "selector", True) + refinements(anno, "state", True)
    for v in objs:
        for s in [v, v.get("startSelector"), v.get("endSelector")]:
            if isinstance(s, dict):
                t = types_of(s)
                if any(k in t for k in kinds) and not (len(t) == 1 and selector_valid(s, t[0])):
                    return False
    return True


# ---- the checks ---------------------------------------------------------------------------

def lifecycle(key, ok):
    return lambda o: valid_if_present(o, key, ok)


CREATED = lifecycle("created", lambda v: single(v, is_date_time))
MODIFIED = lifecycle("modified", lambda v: single(v, is_date_time))
GENERATED = lifecycle("generated", lambda v: single(v, is_date_time))
RIGHTS = lifecycle("rights", lambda v: one_or_more(v, is_uri))
CANONICAL = lifecycle("canonical", lambda v: single(v, is_uri))
VIA = lifecycle("via", lambda v: one_or_more(v, is_uri))
TEXT_DIRECTION = lifecycle("textDirection", lambda v: single(v, lambda d: d in DIRECTIONS))


def each_described(key, ok):
    """`ok` holds for every described body (or target), and for its object source."""
    return lambda a: all(ok(r) for r in described(a, key))


def none_described(key, bad):
    return lambda a: not any(bad(r) for r in described(a, key))


def external_with(field):
    return lambda r: is_external(r) and field in r


def choice_with(field):
    return lambda r: is_choice(r) and field in r


def textual_with(field):
    return lambda r: is_textual(r) and field in r


def specific_with(field):
    return lambda r: is_specific(r) and field in r


def textual_typed(r):
    return "TextualBody" in types_of(r)


def context_ok(o):
    return isinstance(o, dict) and "@context" in o and includes(o["@context"], CONTEXT)


def id_ok(o):
    return isinstance(o, dict) and "id" in o and single(o["id"], is_uri)


def annotation_checks():
    """(assertion, message, check) for one annotation."""
    body_props = [
        ("3.2.1-bodyTextDirectionValidated", "a body's textDirection is not one of ltr, rtl, auto", TEXT_DIRECTION),
        ("3.3.1-bodyCreatedValidated", "a body's created is not one date-time", CREATED),
        ("3.3.1-bodyModifiedValidated", "a body's modified is not one date-time", MODIFIED),
        ("3.3.6-bodyRightsValidated", "a body's rights are not URIs", RIGHTS),
        ("3.3.7-bodyCanonicalValidated", "a body's canonical is not one URI", CANONICAL),
        ("3.3.7-bodyViaValidated", "a body's via are not URIs", VIA),
    ]
    checks = [
        ("3.1-annotationContextValidated", f"@context is missing or does not include {CONTEXT}", context_ok),
        ("3.1-annotationIdValidated", "id is missing or not one URI", id_ok),
        ("3.1-annotationTypeValidated", "type is missing or does not include Annotation",
         lambda a: includes(a.get("type"), "Annotation")),
        ("3.1-targetKeyFound", "target is missing", lambda a: "target" in a),
        ("3.2-targetObjectsRecognized",
         "a target is not a URI, an External Web Resource, a Choice or a Specific Resource",
         lambda a: "target" in a and all(target_ok(t) for t in resources(a, "target"))),
        ("3.2.5-notBodyBodyValue", "both body and bodyValue", lambda a: not ("body" in a and "bodyValue" in a)),
        ("3.2-bodyObjectsRecognized",
         "a body is not a URI, an External Web Resource, a Textual Body, a Choice or a Specific Resource",
         lambda a: all(body_ok(b) for b in resources(a, "body"))),
        ("3.2.5-bodyValueValidated", "bodyValue is not one string",
         lambda a: valid_if_present(a, "bodyValue", lambda v: single(v, is_string))),
        ("3.3.1-annotationCreatedValidated", "created is not one date-time", CREATED),
        ("3.3.1-annotationModifiedValidated", "modified is not one date-time", MODIFIED),
        ("3.3.1-annotationGeneratedValidated", "generated is not one date-time", GENERATED),
        ("3.3.6-annotationRightsValidated", "rights are not URIs", RIGHTS),
        ("3.3.7-annotationCanonicalValidated", "canonical is not one URI", CANONICAL),
        ("3.3.7-annotationViaValidated", "via are not URIs", VIA),
    ]
    for key, short in (("body", "body"), ("target", "targ")):
        for name, message, ok in body_props:
            checks.append((name.replace("body", short, 1), message.replace("body", key), each_described(key, ok)))
        checks += [
            (f"3.2.7-{short}EWRNoItems", f"an External Web Resource {key} has items", none_described(key, external_with("items"))),
            (f"3.3.5-{short}EWRNoPurpose", f"an External Web Resource {key} has a purpose", none_described(key, external_with("purpose"))),
            (f"3.2.4-{short}ChoiceSetNoValue", f"a Choice {key} has a value", none_described(key, choice_with("value"))),
            (f"4-{short}ChoiceSetNoSource", f"a Choice {key} has a source", none_described(key, choice_with("source"))),
            (f"3.3.5-{short}ChoiceSetNoPurpose", f"a Choice {key} has a purpose", none_described(key, choice_with("purpose"))),
        ]
        if key == "body":
            checks += [
                ("3.2.7-bodyEmbeddedTextualNoItems", "a Textual Body has items", none_described(key, textual_with("items"))),
                ("4-bodyEmbeddedTextualNoSource", "a Textual Body has a source", none_described(key, textual_with("source"))),
            ]
        checks += [
            (f"3.2.7-{short}SpecificResourceNoItems", f"a Specific Resource {key} has items", none_described(key, specific_with("items"))),
            (f"4-{short}SpecificResourceNoValue", f"a Specific Resource {key} has a value", none_described(key, specific_with("value"))),
        ]
    checks += [
        ("3.2.4-targNoTypeTextualBody", "a target is typed TextualBody", none_described("target", textual_typed)),
        ("4.2-selectorValidIfPresent", "a selector is not a URI nor an object with an IRI or a selector type",
         lambda a: shaped_ok(a, "selector")
         and all(refinement_recognized(s, SELECTOR_TYPES) for s in refinements(a, "selector"))),
        ("4.3-stateValidIfPresent", "a state is not a URI nor an object with an IRI or a state type",
         lambda a: shaped_ok(a, "state")
         and all(refinement_recognized(s, STATE_TYPES) for s in refinements(a, "state"))),
        ("4.3.3-refinedByValidated", "a refinedBy is not a URI nor a selector or state",
         lambda a: all(
             one_or_more(v["refinedBy"], lambda r: is_uri(r) or (
                 isinstance(r, dict) and refinement_recognized(r, SELECTOR_TYPES + STATE_TYPES)))
             for key in ("selector", "state") for v in refinements(a, key, True) if "refinedBy" in v)),
        ("4.4-styleClassValidIfPresent", "a Specific Resource has a styleClass but the annotation no stylesheet",
         lambda a: "stylesheet" in a or not any("styleClass" in r for r in specifics(a))),
        ("4.2-fragmentCssXPathSelectorValid", "a Fragment, CSS or XPath selector has no string value",
         lambda a: typed_ok(a, ("FragmentSelector", "CssSelector", "XPathSelector"))),
        ("4.2.4-textQuoteSelectorValid", "a Text Quote selector has no string exact (or a non-string prefix/suffix)",
         lambda a: typed_ok(a, ("TextQuoteSelector",))),
        ("4.2-TextDataPositionSelectorValid", "a Text or Data Position selector lacks non-negative integer start and end",
         lambda a: typed_ok(a, ("TextPositionSelector", "DataPositionSelector"))),
        ("4.2.7-svgSelectorValid", "an SVG selector has not exactly one of value and id",
         lambda a: typed_ok(a, ("SvgSelector",))),
        ("4.2.8-rangeSelectorValid", "a Range selector lacks a valid startSelector and endSelector",
         lambda a: typed_ok(a, ("RangeSelector",))),
        ("4.3.1-timeStateValid", "a Time State has not either sourceDate or sourceDateStart and sourceDateEnd",
         lambda a: typed_ok(a, ("TimeState",))),
        ("4.3.2-httpRequestStateValid", "an HTTP Request State has no string value",
         lambda a: typed_ok(a, ("HttpRequestState",))),
    ]
    return checks


def first_ok(c):
    total = c.get("total")
    positive = single(total, lambda t: is_count(t) and t > 0)
    page = lambda p: is_uri(p) or (isinstance(p, dict) and includes(p.get("type"), "AnnotationPage"))
    if "first" in c:
        return single(c["first"], page)
    return not positive


COLLECTION_CHECKS = [
    ("5.1-collectionContextValidated", f"@context is missing or does not include {CONTEXT}", context_ok),
    ("5.1-collectionIdValidated", "id is missing or not one URI", id_ok),
    ("5.1-collectionTypeValidated", "type is missing or does not include AnnotationCollection",
     lambda c: includes(c.get("type"), "AnnotationCollection")),
    ("5.1-collectionLabelValidated", "label is not a string or strings",
     lambda c: valid_if_present(c, "label", lambda v: one_or_more(v, is_string))),
    ("5.1-collectionTotalValidated", "total is not one non-negative integer",
     lambda c: valid_if_present(c, "total", lambda v: single(v, is_count))),
    ("5.1-collectionFirstValidated", "first is invalid, or missing while total is above zero", first_ok),
    ("5.1-collectionLastValidated", "last is not one URI",
     lambda c: valid_if_present(c, "last", lambda v: single(v, is_uri))),
    ("3.3.1-collectionCreatedValidated", "created is not one date-time", CREATED),
    ("3.3.1-collectionModifiedValidated", "modified is not one date-time", MODIFIED),
    ("3.3.6-collectionRightsValidated", "rights are not URIs", RIGHTS),
]
ANNOTATION_CHECKS = annotation_checks()


def failures(doc, checks):
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    return [f"{name}: {message}" for name, message, ok in checks if not ok(doc)]


# ---- files --------------------------------------------------------------------------------

def annotations_in(doc):
    if isinstance(doc, list):
        return doc, None
    if isinstance(doc, dict) and includes(doc.get("type"), "AnnotationCollection"):
        first = doc.get("first") if isinstance(doc.get("first"), dict) else {}
        return doc.get("items") or first.get("items") or [], doc
    return [doc], None


def check(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    annos, collection = annotations_in(doc)
    passed = failed = 0
    if collection is not None:
        for f in failures(collection, COLLECTION_CHECKS):
            print(f"{path}: collection: {f}")
            failed += 1
    if not annos:
        print(f"{path}: no annotations found")
        failed += 1
    for i, anno in enumerate(annos):
        if collection is not None and isinstance(anno, dict) and "@context" not in anno:
            anno = {"@context": collection.get("@context"), **anno}
        fs = failures(anno, ANNOTATION_CHECKS)
        name = anno.get("id", "?") if isinstance(anno, dict) else "?"
        for f in fs:
            print(f"{path}: annotation {i} ({name}): {f}")
        failed += bool(fs)
        passed += not fs
    return passed, failed


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    passed = failed = 0
    for path in argv[1:]:
        p, f = check(path)
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
