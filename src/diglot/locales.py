"""Locale facts from babel's CLDR data: language validation and names, dates, plural forms."""

from __future__ import annotations

import datetime as dt
import os

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from diglot.errors import ConfigError


def is_known(code: str) -> bool:
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


def long_date(value: dt.date, lang: str) -> str:
    """``27 novembre 2026`` / ``November 27, 2026``."""
    return format_date(value, format="long", locale=lang.replace("-", "_"))


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


def as_date(value: object) -> dt.date | None:
    """A front-matter date: a YAML date, or an ISO string; anything else is not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
