"""Whether a translator's ``# sentences:`` comment still fits its entry's texts: the
message ``diglot check`` shows when it does not."""

from __future__ import annotations

from diglot.sentences import override
from diglot.sentences.segment import split


def override_problem(fr_text: str, en_text: str, value: str, *, whole: bool = False,
                     langs: tuple[str, str] = ("fr", "en")) -> str | None:
    """None when the comment's value (``1=1 | 2=2-3``) fits the two texts, else why not,
    naming the sentence counts diglot sees so the translator can rewrite it."""
    fr, en = split(fr_text, langs[0], whole=whole), split(en_text, langs[1], whole=whole)
    try:
        override.check_fits(override.parse(value), len(fr), len(en))
    except override.OverrideError as error:
        return (f"'# sentences: {value.strip()}' is ignored: {error.message} "
                f"(French: {len(fr)} sentence(s), English: {len(en)})")
    return None
