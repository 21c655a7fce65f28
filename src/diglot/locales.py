"""Locale facts from babel's CLDR data: language validation and names, dates, plural forms."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from diglot.errors import ConfigError
from diglot.model import PubDate


# A language tag's shape (BCP 47 / CLDR: "en", "en-GB", "sr_Latn_RS"); babel alone accepts
# 'en-GB"/><w:x/>', which would reach the DOCX's w:lang and the HTML's lang attributes.
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def base(code: str) -> str:
    """A tag's language: ``en_US``, ``en-us``, ``EN`` → ``en`` (the one place it is split:
    six copies split on "-" alone, and ``en_GB`` fell back to other wording)."""
    return code.replace("-", "_").split("_")[0].lower()


def is_known(code: str) -> bool:
    if not _TAG.fullmatch(code):
        return False
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def language_name(code: str, in_lang: str | None = None) -> str:
    """``fr`` → ``français`` (in French) or ``French`` (in English)."""
    locale = Locale.parse(code.replace("-", "_"))
    name = locale.get_display_name(Locale.parse((in_lang or code).replace("-", "_"))) or code
    return name


def load(*tags: str) -> None:
    """Read these language tags' CLDR data now: babel reads a locale's data from disk the
    first time it is used (25 ms each), and a build can do it while it waits."""
    for tag in tags:
        try:
            Locale.parse(tag.replace("-", "_")).languages  # reading a property loads it all
        except (UnknownLocaleError, ValueError, TypeError):
            pass  # an unknown tag is the configuration's error, reported where it is read


def plural_forms(code: str) -> str:
    from babel.messages.plurals import get_plural  # the one use of babel.messages

    return get_plural(code.replace("-", "_")).plural_forms


_LAST_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC: the last second a date can show


def build_time() -> dt.datetime:
    """Now, or the reproducible-build time ``SOURCE_DATE_EPOCH`` when set (always UTC);
    a value that is not a time is an error, as the reproducible-builds specification asks."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    if not (epoch.isascii() and epoch.isdigit() and int(epoch) <= _LAST_EPOCH):
        shown = epoch if len(epoch) <= 30 else epoch[:29] + "…"
        raise ConfigError(f"must be whole seconds since 1970 up to the year 9999, not "
                          f"{shown!r}", "SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)


def publication_date(date: PubDate, tag: str) -> str:
    """A date in a language variety's long form, as precise as it was given: ``14 mai
    2024``, ``14 May 2024`` (en-GB), ``May 14, 2024`` (en-US), ``mai 2024``, ``2024``."""
    locale = tag.replace("-", "_")
    if date.day:
        text = format_date(dt.date(date.year, date.month, date.day), "long", locale=locale)
        # French writes the first of the month as an ordinal: 1er mai.
        return "1er" + text[1:] if date.day == 1 and locale[:2] == "fr" else text
    if date.month:
        return format_skeleton("yMMMM", dt.date(date.year, date.month, 1), locale=locale)
    return str(date.year)


_NUMERIC = (re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?"),
            re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"))
_WORDS = re.compile(r"(?:(?P<d>\d{1,2})(?:er)? )?(?P<m>[^\W\d_]+\.?) (?P<y>\d{4})")


def read_date(value: object, langs: tuple[str, ...] = ("fr", "en")) -> PubDate | None:
    """A front-matter date: a YAML date or year, ISO ``2024-05-14`` / ``2024-05`` /
    ``2024``, ``14/05/2024``, or the language's words (``14 mai 2024``, ``1er mai 2024``,
    ``mai 2024``; month names of any of ``langs``). None when it is none of these or no
    real date."""
    if isinstance(value, dt.date):
        return PubDate(value.year, value.month, value.day)
    parts = date_parts(value, langs)
    return _checked(*parts) if parts else None


def date_parts(value: object, langs: tuple[str, ...] = ("fr", "en")
               ) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as written, whether or not the calendar has that day (``31
    février 2026`` is (2026, 2, 31)); None when ``value`` is not written as a date."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value, None, None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if found := _NUMERIC[0].fullmatch(text):
        year, month, day = (int(g) if g else None for g in found.groups())
        return year, month, day
    if found := _NUMERIC[1].fullmatch(text):
        return int(found["y"]), int(found["m"]), int(found["d"])
    found = _WORDS.fullmatch(text)
    month = next((m for lang in langs if found and (m := _months(lang).get(_key(found["m"])))),
                 None)
    if found and month:
        return int(found["y"]), month, int(found["d"]) if found["d"] else None
    return None


def _checked(year: int, month: int | None, day: int | None) -> PubDate | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PubDate(year, month, day if month else None)


@lru_cache(maxsize=8)
def _months(lang: str) -> dict[str, int]:
    """Month names (wide and abbreviated, accents optional) → number, from CLDR."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, lang.replace("-", "_")).items():
                names[_key(name)] = number
    return names


def _key(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.lower().rstrip("."))
    return "".join(c for c in plain if not unicodedata.combining(c))


# A number as French writes it: digits grouped by threes with a space (plain, no-break or
# narrow) and/or a decimal comma. A bare "2001" matches neither and is left as it is; so are
# digits grouped otherwise, a phone number's "0 800 123 456", "0800 123 456", "06 12 34 56"
# (a leading zero, a group of four or two: a translator's review saw "0,800,123,456").
_SPACE = "[ \u00a0\u202f]"
_FRENCH_NUMBER = re.compile(rf"(?<![\d.,])(?<!\d{_SPACE})(?:[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}})+"
                            rf"(?:,\d+)?|\d+,\d+)(?![\d,.])(?!{_SPACE}\d)")
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f]")


_PERCENT_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=%)")


def figures_as(text: str, tag: str) -> str:
    """French-written numbers of ``text`` as ``tag`` writes them: ``95 000``, ``11,5`` and
    ``42 %`` become ``95,000``, ``11.5`` and ``42%`` in English, and ``2,10 €`` ``€2.10``. For table cells holding
    numbers only, which a translator never sees (they are not extracted) and an English
    reader would misread."""
    group, decimal, spaced = _symbols(tag)
    if not spaced:
        text = _PERCENT_SPACE.sub("", text)
    if decimal != ",":
        def rewrite(match: re.Match) -> str:
            whole, _, fraction = match.group().partition(",")
            whole = _GROUP_SPACE.sub(group, whole)
            return f"{whole}{decimal}{fraction}" if fraction else whole
        text = _FRENCH_NUMBER.sub(rewrite, text)
    gap = _sign_first(tag)
    return text if gap is None else _AMOUNT.sub(lambda m: f"{m['sign']}{gap}{m['number']}", text)


# An amount as French writes it, its currency sign after: "2,10 €", "12 $", "10–20 €". It
# starts only where a run of figures starts, and a space or a dash belongs to it only with
# a figure after: each figure is read once (a cell of "1 1 1 …" was quadratic).
_AMOUNT = re.compile(r"(?<![\w.,])(?<![\d.,][ \u00a0\u202f–-])"
                     r"(?P<number>\d(?:[\d.,]|[ \u00a0\u202f–-](?=\d))*)"
                     r"[ \u00a0\u202f]?(?P<sign>[€$£¥])(?!\w)")


@lru_cache(maxsize=16)
def _sign_first(tag: str) -> str | None:
    """What ``tag`` writes between a currency's sign and the amount when the sign comes
    first ("" in "€2.10", a no-break space in Dutch "€ 2,10"); None when it comes after."""
    try:
        pattern = Locale.parse(tag.replace("-", "_")).currency_formats["standard"].pattern
    except (ValueError, UnknownLocaleError, KeyError):
        return None
    if not pattern.startswith("¤"):
        return None
    return "\u00a0" if pattern[1:2].isspace() else ""


@lru_cache(maxsize=16)
def _symbols(tag: str) -> tuple[str, str, bool]:
    """(group, decimal) symbols of a language tag's Latin digits, and whether it spaces
    ``%`` from its number; French's if unknown."""
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return "\u202f", ",", True
    percent = locale.percent_formats[None].pattern
    return get_group_symbol(locale), get_decimal_symbol(locale), not percent.endswith("0%")
