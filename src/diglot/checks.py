"""QA checks over (French, English) pairs, each a small function with an id and a severity.

A check returns messages; ``run_checks`` turns them into findings at the entry's line.
A translator silences a check on one entry with a translator comment
``diglot-ignore: <check>[, <check>…]`` (or ``diglot-ignore: all``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Callable, Iterable

from diglot import numbers
from diglot.source import inline
from diglot.po.model import Entry

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    check: str
    severity: str
    message: str

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "check": self.check,
                "severity": self.severity, "message": self.message}


def check_markup(fr: str, en: str) -> list[str]:
    a, b = inline.profile(fr), inline.profile(en)
    problems = [f"{name}: {getattr(a, name)} in French, {getattr(b, name)} in English"
                for name in ("bold", "italic", "code") if getattr(a, name) != getattr(b, name)]
    if len(a.links) != len(b.links):
        problems.append(f"links: {len(a.links)} in French, {len(b.links)} in English")
    elif sorted(a.links) != sorted(b.links):
        lost = sorted(set(a.links) - set(b.links))
        problems.append(f"link URL differs: {', '.join(lost) or 'order or duplicates'}")
    if a.breaks != b.breaks:
        problems.append(f"hard line breaks: {a.breaks} in French, {b.breaks} in English")
    return problems


def _prose(text: str) -> str:
    """What a reader sees, each code span reduced to a placeholder word (code is compared
    by the markup check; its digits and punctuation are not prose)."""
    return "".join("x" if s.code else s.text for s in inline.spans(text))


def check_numbers(fr: str, en: str) -> list[str]:
    return [f"{n} is missing from the translation" for n in numbers.missing(_prose(fr), _prose(en))]


_GUILLEMETS = re.compile(r"[«»‹›]")
_NB_BEFORE_PUNCT = re.compile(r"[\u00a0\u202f\u2009]+[?!:;]")
_SPACE_BEFORE_PUNCT = re.compile(r"\w +[?!;]")
_NBSP = re.compile(r"[\u00a0\u202f]")


def check_typography(fr: str, en: str) -> list[str]:
    text = _prose(en)
    problems = []
    if _GUILLEMETS.search(text):
        problems.append("French quotation marks « » in English; use “ ” or \" \"")
    if _NB_BEFORE_PUNCT.search(text):
        problems.append("a French non-breaking space before ? ! : or ; in English; remove it")
    return problems


def check_spacing(fr: str, en: str) -> list[str]:
    text = _prose(en)
    problems = []
    if _SPACE_BEFORE_PUNCT.search(text):
        problems.append("a space before ? ! or ; (French spacing); remove it")
    if _NBSP.sub("", text) != text and not _NB_BEFORE_PUNCT.search(text):
        problems.append("non-breaking space in English where English usually has a plain space")
    return problems


def check_whitespace(fr: str, en: str) -> list[str]:
    problems = []
    for name, strip in (("leading", str.lstrip), ("trailing", str.rstrip)):
        edge_fr = fr[: len(fr) - len(strip(fr))] if name == "leading" else fr[len(strip(fr)):]
        edge_en = en[: len(en) - len(strip(en))] if name == "leading" else en[len(strip(en)):]
        if edge_fr != edge_en:
            problems.append(f"{name} whitespace differs: {edge_fr!r} in French, {edge_en!r} in English")
    return problems


def check_copy(fr: str, en: str) -> list[str]:
    if fr == en and len(_prose(fr).split()) >= 4:
        return ["the translation is identical to the French"]
    return []


_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def check_doubled(fr: str, en: str) -> list[str]:
    # On the Markdown source: "the field name *name*" names a parameter; it is no slip.
    text, source = en, fr.lower()
    return [f"doubled word '{m.group(0)}'" for m in _DOUBLED.finditer(text)
            if not m.group(1).isdigit() and m.group(0).lower() not in source]


PairCheck = Callable[[str, str], list[str]]
CHECKS: dict[str, tuple[str, PairCheck]] = {
    "markup": (ERROR, check_markup),
    "numbers": (ERROR, check_numbers),
    "typography": (ERROR, check_typography),
    "spacing": (WARNING, check_spacing),
    "whitespace": (WARNING, check_whitespace),
    "copy": (WARNING, check_copy),
    "doubled-word": (WARNING, check_doubled),
}
RATIO = "length-ratio"


def ignored(entry: Entry) -> set[str]:
    names: set[str] = set()
    for comment in entry.translator_comments:
        key, sep, value = comment.partition(":")
        if sep and key.strip().lower() == "diglot-ignore":
            names |= {n.strip().lower() for n in value.split(",") if n.strip()}
    return names


def run_checks(entries: Iterable[Entry], path: str) -> list[Finding]:
    """Findings for every active translated entry of one PO file, in file order."""
    todo = [e for e in entries if not e.obsolete and e.msgid and e.translated]
    findings = []
    for entry in todo:
        skip = ignored(entry)
        for name, (severity, check) in CHECKS.items():
            if name in skip or "all" in skip:
                continue
            findings += [Finding(path, entry.line, name, severity, m) for m in check(entry.msgid, entry.msgstr)]
    findings += _ratio_findings(todo, path)
    return sorted(findings, key=lambda f: (f.line, f.check))


def _ratio_findings(todo: list[Entry], path: str) -> list[Finding]:
    """Length ratios far from this file's usual one (the language pair's own rhythm)."""
    sized = [e for e in todo if len(e.msgid) >= 40]
    if len(sized) < 5:
        return []
    usual = statistics.median(len(e.msgstr) / len(e.msgid) for e in sized)
    findings = []
    for e in sized:
        ratio = len(e.msgstr) / len(e.msgid)
        if (ratio > usual * 2.5 or ratio < usual / 2.5) and not ({RATIO, "all"} & ignored(e)):
            findings.append(Finding(path, e.line, RATIO, WARNING,
                                    f"length ratio {ratio:.2f} is far from this file's usual {usual:.2f}"))
    return findings
