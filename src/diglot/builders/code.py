"""A code block's lines as blocks of their own, for the paged formats (PDF, EPUB): a line too
long for the page goes on two characters further in than its own indentation. Flush left,
"coprime)." read as a new, dedented line of Python."""

from __future__ import annotations

from html import escape


_MOST = 24


def code_lines(text: str, newline: str = "") -> str:
    """Each line of ``text`` as ``<span class="ln">`` (a block in the format's style sheet)
    with its hanging indent; ``newline`` ends each span (an e-reader without the style
    sheet still shows one line per line)."""
    return "".join(_line(line, newline) for line in text.split("\n"))


def _line(line: str, newline: str) -> str:
    # at most 24 characters: a deeper line keeps a measure to wrap into (a code review)
    hang = min(len(line.expandtabs()) - len(line.expandtabs().lstrip(" ")) + 2, _MOST)
    return (f'<span class="ln" style="padding-left: {hang}ch; text-indent: -{hang}ch">'
            f"{escape(line, quote=False)}{newline}</span>")
