"""Checks on the English text itself: ``typography``, ``spacing``, ``whitespace``, ``copy``,
``doubled-word``, ``brackets``. They read what a reader sees (code spans are never prose)."""

from __future__ import annotations

import re

from diglot.checks.excerpt import quote, whole
from diglot.checks.model import Pair, Problem
from diglot.sentences.segment import plain, split_spans

_GUILLEMETS = re.compile(r"[«»‹›]")
# "!" before "[" starts an image's Markdown ("see ![the map](map.png)"): no punctuation.
_NB_BEFORE_PUNCT = re.compile(r"[\u00a0\u202f\u2009]+(?:[?:;]|!(?!\[))")
# A plain space before ? ! ; or before a colon used as punctuation (followed by a space or the
# end): ":" starting a reST role (" :func:") or a literal block (" ::") is no French spacing.
_SPACE_BEFORE_PUNCT = re.compile(r"\w( +)(?:\?|;(?!-?[()])|!(?!\[)|:(?=\s|$))")  # not ";-)"
_SPACE_BEFORE_PERCENT = re.compile(r"\d( +)%(?!\w| *\d| *\(\d)")  # "12 %": English writes "12%" ("7 % 3": modulo)
_NBSP = re.compile(r"[\u00a0\u202f]")


def check_typography(pair: Pair) -> list[Problem]:
    """French typography left in the English: « », a no-break space before ? ! : ;"""
    text, problems = pair.en.masked, []
    if found := _GUILLEMETS.search(text):
        problems.append(Problem("French quotation marks « » in English; use “ ” or \" \"",
                                quote(pair.en.shown, found.start(), found.end())))
    if found := _NB_BEFORE_PUNCT.search(text):
        problems.append(Problem("a French no-break space before ? ! : or ; in English; remove it",
                                quote(pair.en.shown, found.start(), found.end())))
    return problems


def check_spacing(pair: Pair) -> list[Problem]:
    """A plain space before ? ! ; : (French spacing), no-break spaces where English has none."""
    text, problems = pair.en.masked, []
    if found := _SPACE_BEFORE_PUNCT.search(text):
        problems.append(Problem("a space before ? ! ; or : (French spacing); remove it",
                                quote(pair.en.shown, found.start(1), found.end())))
    elif found := _SPACE_BEFORE_PERCENT.search(text):
        problems.append(Problem("a space before % (French spacing); remove it",
                                quote(pair.en.shown, found.start(1), found.end())))
    found = next((m for m in _NBSP.finditer(text) if not _NB_BEFORE_PUNCT.match(text, m.start())), None)
    if found:
        problems.append(Problem("a no-break space in English where English has a plain space",
                                quote(pair.en.shown, found.start(), found.end())))
    return problems


def check_whitespace(pair: Pair) -> list[Problem]:
    """Leading or trailing whitespace that differs (it shows in the edition's layout)."""
    fr, en = pair.fr.markdown, pair.en.markdown
    problems = []
    for name, edge in (("leading", _leading), ("trailing", _trailing)):
        if edge(fr) != edge(en):
            problems.append(Problem(f"{name} whitespace differs: {edge(fr)!r} in French, "
                                    f"{edge(en)!r} in English"))
    return problems


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()):]


# A word of prose, with the punctuation around it (a path like "library/os.po" is none).
_WORD = re.compile(r"[«“\"'(]*[^\W\d_]+(?:[-'’][^\W\d_]+)*[.,;:!?…»”\"')]*")


def check_copy(pair: Pair) -> list[Problem]:
    """The French copied as the translation, when it has two words or more ("Et maintenant ?")
    and is no name ("Saint-Priest Bel Air", "Gare Part-Dieu": every word capitalised, which
    English writes alike); else a French sentence of four words or more left in the English."""
    prose = _MEASURE.sub(" ", " ".join(s.text for s in pair.fr.spans if not s.code))
    if pair.copied:
        return [Problem("the translation is the French text, copied", whole(pair.en.shown))] \
            if _words(prose) >= 2 and not _name(prose) else []
    return _copied_sentence(pair)


def _copied_sentence(pair: Pair) -> list[Problem]:
    """"The depot will house the trains. Le chantier démarre cet automne.": one sentence
    left in French. Only a sentence that reads as French (a French word such as "le", "est")
    counts, and not one set apart in quotation marks or italics: an English quotation, or a
    French title or motto, the translation rightly keeps."""
    en_text = plain(pair.en.spans)
    if not _FRENCH_WORD.search(en_text):  # most English: no sentence to split
        return []
    fr_text = plain(pair.fr.spans)
    french = {" ".join(fr_text[s.start:s.end].split()) for s in split_spans(pair.fr.spans, "fr")}
    for sentence in split_spans(pair.en.spans, "en"):
        text = " ".join(en_text[sentence.start:sentence.end].split())
        if text in french and _words(text) >= 4 and _FRENCH_WORD.search(text) and not _name(text) \
                and not _set_apart(pair.en.spans, sentence.start, sentence.end, text):
            return [Problem("a sentence of the English is the French, copied",
                            quote(en_text, sentence.start, sentence.end))]
    return _french_run(pair, en_text, fr_text)


_RUN = 5  # words of the French in a row, lower-case words among them: left untranslated
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _french_run(pair: Pair, en_text: str, fr_text: str) -> list[Problem]:
    """French left inside an English sentence ("Mr. Fogg acquitta les droits de visa, et,
    après avoir…", "provides fonctions pour lire les fichiers de configuration"): five
    words or more of the French in a row, two French words such as "les", "de" among them
    and two lower-case words of content (not a name: "the Musée des Beaux-Arts de Lyon"),
    not set apart in quotation marks or italics (a QA lead: 2 of 4 such plants caught)."""
    fr_words = _TOKEN.findall(fr_text.lower().replace("’", "'"))  # c’est is c'est
    grams = {tuple(fr_words[k:k + _RUN]) for k in range(len(fr_words) - _RUN + 1)}
    en = list(_TOKEN.finditer(en_text.replace("’", "'")))  # the same length: places hold
    low = [w.group().lower() for w in en]
    k = 0
    while k <= len(en) - _RUN:
        if tuple(low[k:k + _RUN]) not in grams:
            k += 1
            continue
        end = k + _RUN
        while end < len(en) and tuple(low[end - _RUN + 1:end + 1]) in grams:
            end += 1
        start_at, end_at = en[k].start(), en[end - 1].end()
        # the run's first words tell: a long one is judged on its start (linear)
        if _reads_french([w.group() for w in en[k:min(end, k + 4 * _RUN)]]) and \
                not _quoted(en_text, start_at, end_at) and \
                not _set_apart(pair.en.spans, start_at, end_at, en_text[start_at:end_at]):
            return [Problem("French words left in the English", quote(en_text, start_at, end_at))]
        k = end
    return []


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside a quotation (“Oui, c’est la vie” around
    French words the English quotes): a quotation mark opened before it, not closed
    between, and one closing after it."""
    for opening, closing in (("“", "”"), ("«", "»"), ("‘", "’")):
        if text.rfind(opening, 0, start) > text.rfind(closing, 0, start) and text.find(closing, end) >= 0:
            return True
    straight = text.count('"', 0, start)  # straight marks pair up in turn
    return straight % 2 == 1 and text.find('"', end) >= 0


def _reads_french(words: list[str]) -> bool:
    # not "l", "d": a letter is as often a name in code written as text ("copy.copy(d)")
    french = sum(1 for w in words if len(w) > 1 and _FRENCH_WORD.fullmatch(w))
    content = sum(1 for w in words if not _FRENCH_WORD.fullmatch(w) and w.lower() not in _PARTICLES
                  and w[0].islower())
    return french >= 2 and content >= 2


_QUOTED = re.compile(r"[“\"«‘'].*[”\"»’'][.,;:!?…]*", re.DOTALL)


def _set_apart(spans, start: int, end: int, text: str) -> bool:
    """Whether a sentence stands in quotation marks, or all in italics."""
    if _QUOTED.fullmatch(text):
        return True
    at, letters = 0, []
    for span in spans:
        if at < end and at + len(span.text) > start:
            letters += [span.italic] * sum(c.isalpha() for c in span.text)
        at += len(span.text)
    return bool(letters) and all(letters)


_FRENCH_WORD = re.compile(r"(?i)(?<![\w'’])(?:le|la|les|des|du|est|sont|une|et|dans|pour|"
                          r"que|qui|avec|sur|pas|ce|cette|aux|au|l|d|qu)(?![\w])")


# A measure, the same in both languages: a number and its unit's symbol ("1 min 20 s",
# "120 Go", "3 km"); its letters are no words a translator left untranslated.
_UNITS = ("s ms min h j km m cm mm kg g mg l ml cl km/h Go Mo Ko To Gio Mio Kio GB MB KB TB "
          "Hz kHz MHz GHz W kW V px pt").split()
_MEASURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:%s)(?![\w'’])"
                      % "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)))
_PARTICLES = frozenset("de du des la le les l d et sur sous en à aux".split())


def _name(text: str) -> bool:
    """Whether every word is capitalised (small linking words aside), one at least not a
    linking word and not in capitals (a shouted "ENTRÉE INTERDITE" is no name)."""
    words = re.findall(r"[^\W\d_]+", text)
    named = [w for w in words if w[0].isupper() and w.lower() not in _PARTICLES]
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) \
        and any(not w.isupper() for w in named)


def _words(text: str) -> int:
    return sum(1 for token in text.split() if _WORD.fullmatch(token))


_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_GRAMMAR = frozenset({"had", "that"})  # "he had had enough", "he said that that was all"


def check_doubled(pair: Pair) -> list[Problem]:
    """"the the"; judged on the Markdown: "the field name *name*" names a parameter."""
    text, source = pair.en.markdown, pair.fr.markdown.lower()
    found = [m for m in _DOUBLED.finditer(text) if not m.group(1).isdigit()
             and m.group(0).lower() not in source and m.group(1).lower() not in _GRAMMAR]
    if not found:
        return []
    # One finding per entry, as the other checks: a text doubling words all along (pasted
    # twice, or hostile) is one problem, not hundreds of lines.
    first, more = found[0], f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return [Problem(f"doubled word '{first.group(0)}'{more}", quote(text, first.start(), first.end()))]


_BRACKETS = (("(", ")"), ("[", "]"), ("“", "”"))
# Marks that close nothing: a smiley ":-)", an item's number "2)" where a line or a list
# after a colon starts; and a pair, "(…)", "[…]" or an interval ("[0, 1)", "]a, b[", French's
# "[0, 1["), taken out innermost first, a few levels deep.
_UNPAIRED = re.compile(r"[:;]-?[()]|(?:^|(?<=[\n:])) *\w{1,2}\)")
_PAIR = re.compile(r"\([^\[\]()]*\)|\[[^\[\]()]*\]|[\[\](] *[\w.+−-]{1,12} *, *[\w.+−-]{1,12} *[\[\])]")
_DEPTH = 8


def _unpaired(text: str) -> str:
    """``text`` with what closes nothing and each whole pair blanked (positions kept)."""
    text = _UNPAIRED.sub(_blank, text)
    for _ in range(_DEPTH):
        text, found = _PAIR.subn(_blank, text)
        if not found:
            break
    return text


def _blank(found: re.Match) -> str:
    return " " * len(found.group())


def check_brackets(pair: Pair) -> list[Problem]:
    """A bracket or quotation mark the English opens and never closes (or the other way
    round) where the French has its pairs whole: "(see the note" lost its ")"."""
    fr, en = _unpaired(pair.fr.masked), _unpaired(pair.en.masked)  # code is no prose
    for opening, closing in _BRACKETS:
        whole = fr.count(opening) == fr.count(closing) and (opening != "“" or fr.count("«") == fr.count("»"))
        if whole and en.count(opening) != en.count(closing):  # a quotation over paragraphs: no
            more = opening if en.count(opening) > en.count(closing) else closing
            at = en.find(more) if more == opening else en.rfind(more)  # the one left over
            return [Problem(f"unbalanced {opening} {closing} in the English: {en.count(opening)} "
                            f"“{opening}”, {en.count(closing)} “{closing}”",
                            quote(pair.en.shown, at, at + 1))]
    if fr.count('"') % 2 == 0 and fr.count("«") == fr.count("»") and en.count('"') % 2:
        at = en.find('"')
        return [Problem('an odd number of " in the English: a quotation left open',
                        quote(pair.en.shown, at, at + 1))]
    return []
