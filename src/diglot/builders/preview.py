"""The HTML builder's preview mode, for ``diglot serve`` only (``BuildContext.preview``).

A preview page is the published page plus: each segment's state (translated, fuzzy,
untranslated) and the QA findings and fuzzy draft of its entry, as data attributes the
preview stylesheet shows; the page's generation in a meta tag, which the preview script
sends to the server to be told when to reload; and a Content-Security-Policy that lets that
script (and nothing else) talk to the server it came from. Pages a file could not be built
for are error pages with the same script, so they reload once the file is fixed.
"""

from __future__ import annotations

from diglot.builders import PreviewNotes
from diglot.model import Bilingual
from diglot.web import asset, content_security_policy, environment


def assets(css: str, script: str, page_css: str = "", images=()) -> tuple[str, str, str]:
    """The page's style and script with the preview's own appended, and their policy (with
    the page's own print rule and images)."""
    css = f"{css}\n{asset('preview.css').strip()}"
    script = f"{script}\n{asset('preview.js').strip()}".strip()
    return css, script, content_security_policy([css, page_css], script, images,
                                                connect_self=True)


def article_marks(doc: Bilingual, anchors: list[str], notes: PreviewNotes) -> dict:
    """anchor → (state, "error"/"warning"/"", message lines) for every translatable row."""
    rows = {}
    for pair, anchor in zip(doc.pairs, anchors):
        if pair.block.translatable:
            rows[anchor] = _mark(pair.state, pair.block.text, notes)
    return {"generation": notes.generation, "rows": rows, "errors": notes.errors}


def _mark(state: str, msgid: str, notes: PreviewNotes) -> tuple[str, str, str]:
    findings = notes.findings.get(msgid, ())
    level = "error" if any(f.startswith("error") for f in findings) else "warning" if findings else ""
    lines = list(findings)
    if msgid in notes.fuzzy:
        lines.append(f"fuzzy draft: {notes.fuzzy[msgid]}")
    return state, level, "\n".join(lines)


def index_marks(notes: PreviewNotes) -> dict:
    return {"generation": notes.generation, "rows": {}, "errors": notes.errors}


def error_page(message: str, generation: str, home: str = "index.html") -> bytes:
    """A page standing in for one that cannot be built: the one-line error, and the
    preview's script, so the page reloads by itself once the file is fixed."""
    css, script, csp = assets(asset("diglot.css").strip(), "")
    page = {"lang": "en", "message": message, "home": home, "css": css, "script": script,
            "csp": csp, "preview": {"generation": generation, "rows": {}, "errors": ()}}
    return environment().get_template("preview_error.html.j2").render(page).encode("utf-8")
