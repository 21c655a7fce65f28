"""The words the DOCX edition adds around the content (column headings, bylines, marks for
untranslated passages, legend, title page), in the reader's language: its table (it
speaks of columns where the PDF speaks of pages); names, dates and the lookup (English for
a language without wording) are ``builders.wording``'s.
"""

from __future__ import annotations

from diglot.builders.wording import byline, language, long_date, mark_key, phrase

_WORDS = {
    "en": {
        "mark": "Not yet translated: {source} original shown",
        "mark fuzzy": "Translation under review: {source} original shown",
        "pending": "[Translation pending]",
        "pending fuzzy": "[Translation under review]",
        "legend source": "Shaded passages of the {target} column are not yet translated or "
                         "are under review; the {source} original is shown in their place.",
        "legend placeholder": "Shaded cells of the {target} column mark passages not yet "
                              "translated.",
        "legend omit": "Empty cells of the {target} column mark passages not yet translated.",
        "edition": "Bilingual edition, {source} and {target}",
        "contents": "Contents",
        "built on": "built on {{}}",
    },
    "fr": {
        "mark": "Pas encore traduit\u00a0: original en {source}",
        "mark fuzzy": "Traduction en révision\u00a0: original en {source}",
        "pending": "[Traduction à venir]",
        "pending fuzzy": "[Traduction en révision]",
        "legend source": "Les passages grisés de la colonne en {target} ne sont pas encore "
                         "traduits ou sont en révision\u202f; l’original en {source} les remplace.",
        "legend placeholder": "Les cellules grisées de la colonne en {target} signalent les "
                              "passages pas encore traduits.",
        "legend omit": "Les cellules vides de la colonne en {target} signalent les passages pas "
                       "encore traduits.",
        "edition": "Édition bilingue, {source} et {target}",
        "contents": "Sommaire",
        "built on": "édition du {{}}",
    },
}


__all__ = ["byline", "language", "long_date", "mark", "words"]


def words(key: str, lang: str, source: str, target: str) -> str:
    """A phrase in ``lang`` (a language code or tag), naming the source and target languages."""
    return phrase(_WORDS, key, lang, source, target)


def mark(state: str, placeholder: bool, lang: str, source: str) -> str:
    """The note on an untranslated or fuzzy passage of the ``lang`` side."""
    return words(mark_key(state, placeholder), lang, source, lang)


def column_heading(code: str) -> str:
    """A column's heading: the language's own name, capitalised (``Français``, ``English``)."""
    name = language(code, code)
    return name[:1].upper() + name[1:]
