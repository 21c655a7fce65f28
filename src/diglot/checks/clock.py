"""Times of day as French and English write them ("19 h 30", "4 heures du soir"; "7.30 p.m.",
"7:30 pm"), each read into the values a number of the other language may match
(``numbers`` reads the figures; a French hour also reads on English's 12-hour clock)."""

from __future__ import annotations

import re
from decimal import Decimal

_HOUR = re.compile(r"\s*(?:h|heures?)(?:\b|\d)")
# "4 heures du soir", "8 heures 40 matin", "3 h de l'après-midi": the half of the day.
_EVENING = re.compile(r"[\s\u00a0\u202f]*(?:(?:h|heures?)(?:[\s\u00a0\u202f]*[0-5]\d)?)?[\s\u00a0\u202f]*"
                      r"(?:du |de l['’]|dans l['’])?(soir|après-midi|matin)\b")
# The "00" of "7:00": French may write the hour alone ("7 h").
_ZERO_MINUTES = re.compile(r"\d:$")
# A French time of day: English writes "19:30", "7.30 p.m." or "7:30 pm".
_FR_TIME = re.compile(r"\b([01]?[0-9]|2[0-3])[ \u00a0\u202f]?(?:h|heures?)[ \u00a0\u202f]?([0-5][0-9])\b")


def zero_minutes(text: str, match: re.Match) -> bool:
    return match.group(0) == "00" and _ZERO_MINUTES.search(text, max(0, match.start() - 2),
                                                           match.start()) is not None


def times(text: str) -> list[tuple[str, int, int, frozenset, tuple]]:
    """"19 h 30", one number: 19.30 or 7.30 (a 12-hour clock, "7.30pm" when English says
    which half of the day), or 19 (7, "7pm") then 30: (text, start, end, values, parts)."""
    found = []
    for time in _FR_TIME.finditer(text):
        hour, minutes = int(time.group(1)), time.group(2)
        hour += 12 if hour < 12 and _pm(text, time.end()) else 0  # "8 heures 40 du soir"
        hours = {hour, hour - 12 if hour > 12 else hour or 12}  # 0 h 30 is 12.30 a.m.
        values = {Decimal(f"{h}.{minutes}") for h in hours} | {time.group(0)}
        values |= {_half(hour, f".{minutes}")} | ({_half(hour)} if minutes == "00" else set())
        parts = (frozenset({*map(Decimal, hours), _half(hour)}), frozenset({Decimal(minutes)}))
        found.append((time.group(0), time.start(), time.end(), frozenset(values), parts))
    return found


def _half(hour: int, minutes: str = "") -> str:
    """A 24-hour clock's hour as English marks it: 19 → "7pm", 0 → "12am", 12 → "12pm"."""
    return f"{hour % 12 or 12}{minutes}{'am' if hour < 12 else 'pm'}"


def twelve_hour(text: str, match: re.Match, french: bool) -> set:
    """"14 h 30" may be "2:30 pm" in English: a French hour also reads on a 12-hour clock."""
    if not french or not _HOUR.match(text, match.end()) or not match.group(0).isdigit():
        return set()
    hour = int(match.group(0))
    hour += 12 if hour < 12 and _pm(text, match.end()) else 0  # "4 heures du soir": 4 p.m.
    return ({Decimal(hour - 12)} if 13 <= hour <= 23 else set()) | ({_half(hour)} if hour <= 23 else set())


def _pm(text: str, end: int) -> bool:
    """Whether the hour ending at ``end`` is said to be in the evening or the afternoon."""
    found = _EVENING.match(text, end)
    return found is not None and found.group(1) != "matin"


# An English hour marked with its half of the day: "7 p.m.", "7:30 am", "7.30 p.m."
_AM_PM = re.compile(r"(?::[0-5][0-9])?\s?([aApP])\.?[mM]\b")
_HOUR_DOT = re.compile(r"(1[0-2]|0?[1-9])(?:\.([0-5][0-9]))?")


def english(text: str, match: re.Match) -> str | None:
    """"7pm" for the 7 of "7 p.m." or "7:30 pm", "7.30pm" for "7.30 p.m."; None otherwise."""
    hour = _HOUR_DOT.fullmatch(match.group(0))
    half = _AM_PM.match(text, match.end())
    if hour is None or half is None or (match.start() and text[match.start() - 1] in ":."):
        return None
    minutes = f".{hour.group(2)}" if hour.group(2) else ""
    return f"{int(hour.group(1))}{minutes}{half.group(1).lower()}m"
