"""Walks newsmark's accessibility tree over AT-SPI, as a screen reader does (see atspi.sh).

Starts the app on $NEWSMARK_SESSION, waits for it on the accessibility bus, then checks:
- the window is named "newsmark — <article or its session>";
- no interactive element (button, menu item, check box, field, combo box, tab…) is unnamed;
- the article is one text whose characters are the article's, its last paragraph included,
  at the article's code-point offsets;
- every annotation kind is there as a mark (AccessKit's Mark, AT-SPI's "static") whose
  description says what it is ("quote by …", "claim…", "mention of …");
- after selecting a word through the text interface and pressing Q, the caret is still in the
  article, where the selection ended, and a new quote mark is there.
Prints what it found; exits 1 on the first failed check.
"""

import os
import subprocess
import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_PAGE_TAB,
}
KINDS = ("quote by ", "claim", "mention of ")


def fail(msg):
    print(f"atspi: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def walk(acc, depth=0):
    yield acc
    if depth > 60:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def find_frame(timeout):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is None:
                continue
            for win in app:
                if win is not None and (win.name or "").startswith("newsmark"):
                    return win
        time.sleep(0.5)
    return None


def the_article(frame):
    for acc in walk(frame):
        if acc.name == "Article" and acc.getRole() == pyatspi.ROLE_DOCUMENT_FRAME:
            return acc
    fail("no document named Article")


def marks(article):
    out = []
    for acc in walk(article):
        d = acc.description or ""
        if acc.getRole() == pyatspi.ROLE_STATIC and d.startswith(KINDS):
            out.append(d)
    return out


def settle(check, timeout=10.0):
    end = time.time() + timeout
    while True:
        value = check()
        if value or time.time() > end:
            return value
        time.sleep(0.3)


def main():
    article_path = os.environ["NEWSMARK_ARTICLE"]
    with open(article_path, encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    app = subprocess.Popen([os.environ["NEWSMARK_BIN"], os.environ["NEWSMARK_SESSION"]])
    try:
        run_checks(text, os.path.basename(article_path))
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()


def run_checks(text, name):
    frame = find_frame(60)
    if frame is None:
        fail("newsmark did not appear on the accessibility bus")
    print(f"atspi: window {frame.name!r}")
    # A short window, so the end of the article is off screen (what used to be unreadable).
    subprocess.run(
        ["xdotool", "search", "--name", "^newsmark", "windowsize", "1000", "420"],
        check=False,
        capture_output=True,
    )
    time.sleep(1.5)
    stem = name.rsplit(".", 1)[0]
    if not (frame.name.startswith("newsmark — ") and stem in frame.name):
        fail(f"window name {frame.name!r}, expected 'newsmark — {stem}…'")

    every = list(walk(frame))
    unnamed = [
        f"{a.getRoleName()} at {a.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)}"
        for a in every
        if a.getRole() in INTERACTIVE and not any(c.isalnum() for c in (a.name or ""))
    ]
    interactive = sum(1 for a in every if a.getRole() in INTERACTIVE)
    print(f"atspi: {len(every)} accessibles, {interactive} interactive, {len(unnamed)} unnamed")
    if unnamed:
        fail("unnamed interactive elements:\n  " + "\n  ".join(unnamed))
    bars = [a for a in every if a.getRole() == pyatspi.ROLE_MENU_BAR]
    if not bars or not bars[0].name:
        fail("no named menu bar")
    items = [a.name for a in walk(bars[0]) if a.getRole() == pyatspi.ROLE_MENU_ITEM]
    print(f"atspi: menu bar {bars[0].name!r}: {items}")

    article = the_article(frame)
    t = article.queryText()
    n = t.characterCount
    print(f"atspi: article text: {n} characters (the file has {len(text)} code points)")
    if t.getText(0, -1) != text:
        fail("the article's text is not the whole article")
    last = text.rstrip("\n").split("\n")[-1]
    start = len(text.rstrip("\n")) - len(last)
    if t.getText(start, start + len(last)) != last:
        fail(f"the last paragraph is not at offset {start}")
    shown = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    end_y = t.getCharacterExtents(start, pyatspi.DESKTOP_COORDS)[1]
    # Text off screen has no character extents (-1): only the lines drawn have positions.
    off = end_y < 0 or end_y > shown.y + shown.height
    where = "off screen" if off else "on screen"
    print(f"atspi: window {shown.width}x{shown.height} at y {shown.y}; last paragraph at y {end_y}")
    print(f"atspi: last paragraph at {start} ({where}): {last[:50]!r}…")
    word_at = t.getStringAtOffset(start + 3, pyatspi.TEXT_GRANULARITY_WORD)
    line_at = t.getStringAtOffset(start + 3, pyatspi.TEXT_GRANULARITY_LINE)
    print(f"atspi: GetStringAtOffset word {word_at!r}, line {line_at[0][:40]!r}… {line_at[1:]}")
    try:
        old = t.getTextAtOffset(start + 3, pyatspi.TEXT_BOUNDARY_WORD_START)
        print(f"atspi: GetTextAtOffset: {old!r}")
    except Exception as e:  # noqa: BLE001 - reported, not fatal: AccessKit lacks it
        print(f"atspi: GetTextAtOffset unsupported: {str(e).splitlines()[0][:120]}")

    found = marks(article)
    print(f"atspi: {len(found)} marks, e.g. {sorted(set(found))[:4]}")
    for kind in KINDS:
        if not any(d.startswith(kind) for d in found):
            fail(f"no mark described '{kind}…'")
    quotes = sum(1 for d in found if d.startswith("quote by "))

    # Select a word no annotation has, through the text interface, and press Q.
    word = "videoconference"
    at = text.find(word)
    if at < 0:
        fail(f"{word!r} not in the article")
    if t.getNSelections():
        t.setSelection(0, at, at + len(word))
    else:
        t.addSelection(at, at + len(word))
    sel = settle(lambda: t.getNSelections() and t.getSelection(0) == (at, at + len(word)))
    if not sel:
        fail(f"the selection did not take: {t.getSelection(0) if t.getNSelections() else None}")
    subprocess.run(
        ["xdotool", "search", "--sync", "--name", "^newsmark", "windowfocus", "--sync"],
        check=False,
        capture_output=True,
    )
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "q"], check=True)
    def quote_marks():
        return sum(1 for d in marks(the_article(frame)) if d.startswith("quote by "))

    more = settle(lambda: quote_marks() > quotes)
    if not more:
        fail("Q made no quote mark")
    article = the_article(frame)
    t = article.queryText()
    caret = settle(lambda: t.caretOffset if t.caretOffset >= 0 else None, 5)
    print(f"atspi: after Q the caret is at {caret} (selection ended at {at + len(word)})")
    if caret != at + len(word):
        fail(f"the caret after Q is {t.caretOffset}, expected {at + len(word)}")
    print("atspi: ok")


if __name__ == "__main__":
    main()
