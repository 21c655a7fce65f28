"""Optional YAML front matter between ``---`` lines at the top of a source: split and parse it."""

from __future__ import annotations

import datetime as dt

from diglot.errors import SourceError
from diglot.model import PubDate
from diglot.safety import UNPRINTABLE

_FENCE = "---"
_CLOSERS = ("---", "...")


def split(text: str, rel_path: str) -> tuple[dict, int, str, int]:
    """Return (metadata, line of the title key, body, number of lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return {}, 0, text, 0
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
    if end is None:
        raise SourceError("front matter opened with '---' is never closed; "
                          "add a '---' line after it", rel_path, 1)
    meta, title_line = _parse("\n".join(lines[1:end]), rel_path)
    return meta, title_line, "\n".join(lines[end + 1:]), end + 1


def _parse(yaml_text: str, rel_path: str) -> tuple[dict, int]:
    import yaml  # only articles with front matter pay for it

    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        meta = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        fix = _QUOTE_HINT if problem == "mapping values are not allowed here" else "fix it"
        raise SourceError(f"front matter is not valid YAML ({problem}{_opened(exc, line)}); "
                          f"{fix}", rel_path, line) from exc
    except ValueError as exc:  # YAML syntax is fine but a value is impossible (2024-13-45)
        raise SourceError(f"front matter has an impossible value ({exc}); fix it", rel_path,
                          _bad_value_line(yaml_text)) from exc
    if meta is None:
        return {}, 0
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of keys such as 'title:' and "
                          "'author:'", rel_path, 2)
    return _check(meta, rel_path, node), _key_line(node, "title")


def _bad_value_line(yaml_text: str) -> int:
    """The line of the first date-like value that is no real date (PyYAML does not say)."""
    import re

    for number, line in enumerate(yaml_text.split("\n"), 2):
        found = re.search(r":\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$", line)
        if found:
            try:
                dt.date(*map(int, found.groups()))
            except ValueError:
                return number
    return 1


# A second ": " in a line (French puts a space before the colon): YAML's own words say
# nothing of the cure.
_QUOTE_HINT = 'a value holding ": " needs quotes: title: "Le tramway : vingt-cinq ans"'
KEYS = ("title", "author", "date")  # what diglot reads; other keys are the writer's own
# Keys meant as one of those: in French, capitalised or plural; any other is left alone.
_MEANT = {"titre": "title", "auteur": "author", "auteurs": "author", "authors": "author",
          "auteur·e": "author", "autrice": "author", "date de publication": "date",
          "publication": "date", "publié": "date", "published": "date"}


def _meant(key: str, value, meta: dict) -> str | None:
    """The key diglot reads that ``key`` was surely meant as (None: none, or itself): one
    the front matter lacks, given a value that key could hold (other tools' own keys, such
    as Jekyll's ``published: true`` or Hugo's ``authors: [...]``, are left alone)."""
    folded = key.strip().lower()
    meant = _MEANT.get(folded, folded if folded in KEYS else None)
    if meant is None or meant == key or meant in meta:
        return None
    fits = isinstance(value, (str, dt.date)) if meant == "date" else isinstance(value, str)
    return meant if fits else None


def _check(meta: dict, rel_path: str, node) -> dict:
    for key, value in meta.items():
        meant = _meant(str(key), value, meta)
        if meant is not None:
            raise SourceError(f"front matter key '{key}' is not one diglot reads; write "
                              f"'{meant}:' ({', '.join(KEYS)} are read)", rel_path,
                              _key_line(node, key))
    for key in ("title", "author"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            raise SourceError(f"front matter '{key}' must be text", rel_path, _key_line(node, key))
        found = UNPRINTABLE.search(meta.get(key) or "")
        if found:  # a YAML escape ("\a"): the file itself has none (reader.parse_article)
            raise SourceError(f"control character U+{ord(found[0]):04X} in the front matter's "
                              f"'{key}'; remove it (it cannot be printed and Word refuses such "
                              "documents)", rel_path, _key_line(node, key))
    meta = {str(k): v for k, v in meta.items()}
    if meta.get("date") is not None:
        meta["date"] = _date(meta["date"], rel_path, _key_line(node, "date"))
    return meta


def _opened(exc, line: int) -> str:
    """Where YAML saw the construct open that it could not close (``[Claire`` two lines up):
    the mistake is there more often than where the parser stopped."""
    mark, context = getattr(exc, "context_mark", None), getattr(exc, "context", None)
    if mark is None or not context or mark.line + 2 == line:
        return ""
    return f", {context} opened on line {mark.line + 2}"


def _date(value, rel_path: str, line: int) -> PubDate:
    """The publication date; one it cannot read is an error, never replaced by today."""
    from diglot.locales import date_parts, read_date  # babel: only dated articles pay for it

    date = read_date(value)
    if date is None and date_parts(value) is not None:
        raise SourceError(f"front matter 'date' {value!r} is not a day of the calendar; "
                          "check the day and the month", rel_path, line)
    if date is None:
        shown = repr(value) if isinstance(value, str) else f"({_KINDS.get(type(value), 'a value')})"
        raise SourceError(f"front matter 'date' {shown} is not a date diglot can read; "
                          "write it as 2026-03-14, 14/03/2026, 14 mars 2026 or mars 2026",
                          rel_path, line)
    return date


# What YAML made of a date it could not read, as the message names it (never the value
# itself: a list or a mapping may be long).
_KINDS = {list: "a list", dict: "a mapping", int: "a number", float: "a number",
          bool: "true or false"}


def _key_line(node, key: str) -> int:
    """1-based line of ``key`` in the source file (the front matter starts on line 2)."""
    for key_node, _ in getattr(node, "value", []) or []:
        if getattr(key_node, "value", None) == key:
            return key_node.start_mark.line + 2
    return 1
