"""QA checks over (French, English) pairs: the check ids and their default severities.

Each id has one small function (``run.CHECKS``); this module stays light, so that the
configuration can validate a ``severity`` table without importing the checks themselves.
Errors are what a reader would see as wrong or broken; warnings are differences a translator
may well intend.
"""

from __future__ import annotations

ERROR, WARNING, OFF = "error", "warning", "off"
LEVELS = (ERROR, WARNING, OFF)

SEVERITIES: dict[str, str] = {
    "markup": ERROR,            # a link, link URL, image, footnote reference or hard break lost
    "numbers": ERROR,           # a French number missing or changed
    "typography": ERROR,        # « » or a French no-break space before punctuation
    "msgid": ERROR,             # a msgid that is no French segment (edited in the PO file)
    "emphasis": WARNING,        # bold or italic counts differ
    "code": WARNING,            # code-span text missing, or code-span counts differ
    "extra-numbers": WARNING,   # an English number with no French counterpart
    "spelled-numbers": WARNING,  # "cinq" against "eight": a number in words that changed
    "dates": ERROR,             # a month or weekday the English names otherwise
    "spacing": WARNING,         # a plain space before ? ! ; :, no-break spaces
    "whitespace": WARNING,      # leading or trailing whitespace differs
    "copy": WARNING,            # the French copied as the translation
    "doubled-word": WARNING,    # "the the"
    "brackets": WARNING,        # a bracket or quotation mark the English leaves open
    "length-ratio": WARNING,    # far shorter or longer than the file's usual
    "dropped-sentence": WARNING,  # far shorter than usual, or a sentence linked to nothing
    "sentences": WARNING,       # a "# sentences:" comment that no longer fits its texts
    "article-link": WARNING,    # a link to a Markdown file that is no article of the edition
    "ignore": WARNING,          # a diglot-ignore comment naming no check
    "consistency": WARNING,     # one French segment translated two ways in the project
}

# Ids a ``diglot-ignore`` comment may name for several checks (``markup`` covered emphasis and
# code spans before they became warnings of their own).
ALIASES: dict[str, frozenset[str]] = {"markup": frozenset({"markup", "emphasis", "code"})}


def __getattr__(name: str):
    """``from diglot.checks import run_checks, Finding`` without importing them eagerly."""
    if name in ("run_checks", "Finding", "CHECKS", "ignored"):
        from diglot.checks import run

        return getattr(run, name)
    raise AttributeError(f"module 'diglot.checks' has no attribute {name!r}")
