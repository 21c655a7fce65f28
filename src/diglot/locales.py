"""Locale facts from babel's CLDR data: language validation and names, dates, plural forms."""

from __future__ import annotations

import datetime as dt
import os

from babel import Locale, UnknownLocaleError
from babel.dates import format_date


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


def build_time() -> dt.datetime:
    """Now, or the reproducible-build time ``SOURCE_DATE_EPOCH`` when set (always UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


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
