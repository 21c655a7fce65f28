"""Write bench/qa_plants.json: errors planted one at a time in real, correct translations of
the python-docs-fr corpus, for ``bench/qa.py`` to measure recall on.

Each plant is one corpus entry (file, line, French, English) and the English with one mistake
planted in it. The selection reads only the texts (never diglot's findings), with a fixed
seed per kind, so the same corpus always gives the same plants:

    python bench/qa_plants.py [--corpus DIR] [-o bench/qa_plants.json]

A few kinds need markup the corpus (reST) does not have: a link plant turns one reST link
``text <url>`_`` into a Markdown link on both sides first, a break plant puts a hard line
break after the first sentence on both sides; the mistake is then planted in the English.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from corpus import CORPUS, parse_po

HERE = Path(__file__).resolve().parent
CODE = re.compile(r"(`+)(.+?)\1")
WORD = re.compile(r"(?<![\w`*\-/.])([A-Za-z]{2,})(?![\w`*\-/])")
SENTENCE_END = re.compile(r"(?<=[a-z)][.!?])\s+(?=[A-Z])")
RST_LINK = re.compile(r"`([^`<>]+?) <(https?://[^>]+)>`_")


def outside_code(text: str, pattern: re.Pattern) -> list[re.Match]:
    """Matches of ``pattern`` that lie outside code spans."""
    spans = [m.span() for m in CODE.finditer(text)]
    return [m for m in pattern.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def figure(value: str) -> re.Pattern:
    return re.compile(r"(?<![\w.,:/#-])" + re.escape(value) + r"(?![\w%]|[.,]\d)")


def figures(text: str) -> list[str]:
    return [m.group(0) for m in outside_code(text, re.compile(r"(?<![\w.,:/#-])\d+(?![\w.,:/-])"))]


def mutate(value: str, style: int) -> str:
    """Another number, as a slip of the keyboard makes it (cycling through four slips)."""
    if style % 4 == 1 and len(value) >= 2:
        return value[:-1]                       # 50 -> 5
    if style % 4 == 2 and len(value) >= 2 and value[-1] != value[-2]:
        return value[:-2] + value[-1] + value[-2]  # 1789 -> 1798
    if style % 4 == 3:
        return value + "0"                      # 5 -> 50
    return str(int(value) + 1)                  # 9 -> 10


def replace_at(text: str, match: re.Match, new: str) -> str:
    return text[:match.start()] + new + text[match.end():]


def drop_at(text: str, match: re.Match) -> str:
    start, end = match.span()
    if end < len(text) and text[end] == " ":
        end += 1
    elif start and text[start - 1] == " ":
        start -= 1
    return text[:start] + text[end:]


# --- one planter per kind: (fr, en, index) -> (fr, en, planted en) or None -----------------

def number_plant(repeated: bool, drop: bool):
    def plant(fr, en, i):
        for value in dict.fromkeys(figures(fr)):
            n_fr, found = figures(fr).count(value), outside_code(en, figure(value))
            if (n_fr >= 2 if repeated else n_fr == 1) and len(found) == n_fr:
                at = found[-1]
                return fr, en, drop_at(en, at) if drop else replace_at(en, at, mutate(value, i))
        return None
    return plant


def code_changed(fr, en, i):
    for m in CODE.finditer(fr):
        value = m.group(2).strip()
        if len(value) >= 4 and re.search(r"[a-z]", value) and en.count(value) == 1 and f"`{value}`" in en:
            k = max(k for k, c in enumerate(value) if c.islower())
            new = value[:k] + ("e" if value[k] != "e" else "a") + value[k + 1:]
            return fr, en, en.replace(value, new)
    return None


def space_colon(fr, en, i):
    found = outside_code(en, re.compile(r"(?<=[A-Za-z]):(?=\s|$)"))
    return (fr, en, en[:found[0].start()] + " " + en[found[0].start():]) if found else None


def copy(fr, en, i):
    words = len(fr.split())
    return (fr, en, fr) if (words <= 6 if i % 2 else words > 6) else None


def doubled(fr, en, i):
    found = outside_code(en, WORD)
    if len(found) < 4:
        return None
    m = found[len(found) // 2]
    return fr, en, en[:m.end()] + " " + m.group(1) + en[m.end():]


def dropped_sentence(fr, en, i):
    parts = SENTENCE_END.split(en)
    if len(fr) < 150 or len(parts) < 2:
        return None
    k = 1 + i % (len(parts) - 1)
    return fr, en, " ".join(parts[:k] + parts[k + 1:])


def truncated(fr, en, i):
    if len(fr) < 300:
        return None
    cut = en.rfind(" ", 0, len(en) // 3)
    return (fr, en, en[:cut]) if cut > 0 else None


def link_plant(lost: bool):
    def plant(fr, en, i):
        for m in RST_LINK.finditer(fr):
            found = [e for e in RST_LINK.finditer(en) if e.group(2) == m.group(2)]
            if len(found) == 1 and fr.count(m.group(2)) == 1:
                fr2, en2 = replace_at(fr, m, f"[{m.group(1)}]({m.group(2)})"), ""
                e = RST_LINK.search(en, found[0].start())
                en2 = replace_at(en, e, f"[{e.group(1)}]({e.group(2)})")
                bad = e.group(1) if lost else f"[{e.group(1)}]({e.group(2).rstrip('/')}x)"
                return fr2, en2, replace_at(en, e, bad)
        return None
    return plant


def break_lost(fr, en, i):
    fr_parts, en_parts = SENTENCE_END.split(fr, 1), SENTENCE_END.split(en, 1)
    if len(fr_parts) < 2 or len(en_parts) < 2:
        return None
    return "\n".join(fr_parts), "\n".join(en_parts), " ".join(en_parts)


def unwrap(pattern: str):
    def plant(fr, en, i):
        for m in re.finditer(pattern, en):
            if m.group(0) in fr:
                return fr, en, replace_at(en, m, m.group(2))
        return None
    return plant


def insert_before(chars: str, insert: str):
    def plant(fr, en, i):
        found = outside_code(en, re.compile(r"(?<=[A-Za-z])[" + chars + r"](?=\s|$)"))
        return (fr, en, en[:found[0].start()] + insert + en[found[0].start():]) if found else None
    return plant


def guillemets(fr, en, i):
    m = re.search(r"[\"“]([^\"“”]{2,40})[\"”]", en)
    return (fr, en, replace_at(en, m, f"« {m.group(1)} »")) if m and "`" not in m.group(0) else None


def trailing_space(fr, en, i):
    return fr, en, en + " "


# kind: (planter, how many, the checks that report it, fuzzy)
_EN_COUNT = "two three four five six seven eight nine ten eleven twelve".split()
_FR_COUNT = "deux trois quatre cinq six sept huit neuf dix onze douze".split()


def spelled_changed(fr, en, i):
    """A number in words changed in the English ("two" for "deux" becomes "three")."""
    for fr_word, en_word in zip(_FR_COUNT, _EN_COUNT):
        in_fr = outside_code(fr, re.compile(rf"(?<!\w){fr_word}(?!\w)"))
        in_en = outside_code(en, re.compile(rf"(?<!\w){en_word}(?!\w)"))
        if len(in_fr) == 1 and len(in_en) == 1:
            other = _EN_COUNT[(_EN_COUNT.index(en_word) + 1 + i % 3) % len(_EN_COUNT)]
            return fr, en, replace_at(en, in_en[0], other)
    return None


KINDS = {
    "number-changed": (number_plant(False, False), 10, ["numbers"], False),
    "number-dropped": (number_plant(False, True), 10, ["numbers"], False),
    "repeated-number-changed": (number_plant(True, False), 10, ["numbers"], False),
    "repeated-number-dropped": (number_plant(True, True), 10, ["numbers"], False),
    "code-changed": (code_changed, 10, ["code"], False),
    "space-before-colon": (space_colon, 5, ["spacing"], False),
    "copied-french": (copy, 10, ["copy"], False),
    "doubled-word": (doubled, 10, ["doubled-word"], False),
    "dropped-sentence": (dropped_sentence, 10, ["dropped-sentence", "length-ratio"], False),
    # what the check caught before this work: it must still catch it
    "fuzzy-number-changed": (number_plant(False, False), 5, ["numbers"], True),
    "link-url-changed": (link_plant(False), 5, ["markup"], False),
    "link-lost": (link_plant(True), 5, ["markup"], False),
    "break-lost": (break_lost, 5, ["markup"], False),
    "italic-lost": (unwrap(r"(?<![*\w])(\*)([^*`]+)\*(?!\*)"), 5, ["emphasis"], False),
    "code-lost": (unwrap(r"(``)([^`]+)``"), 5, ["code"], False),
    "guillemets": (guillemets, 5, ["typography"], False),
    "no-break-space-before-colon": (insert_before(":", "\u00a0"), 5, ["typography"], False),
    "space-before-question-mark": (insert_before("?;", " "), 5, ["spacing"], False),
    "trailing-space": (trailing_space, 5, ["whitespace"], False),
    "truncated": (truncated, 5, ["length-ratio", "dropped-sentence"], False),
    "spelled-number-changed": (spelled_changed, 10, ["spelled-numbers"], False),
}


def entries(corpus: Path):
    """Every translated, non-fuzzy entry of the corpus, in file order."""
    for po in sorted((corpus / "translations" / "en").glob("*.po")):
        rel = po.relative_to(corpus).as_posix()
        for e in parse_po(po.read_bytes(), rel).entries:
            if e.translated and e.msgid and not e.obsolete:
                yield rel, e


def plants(corpus: Path) -> list[dict]:
    pool = list(entries(corpus))
    out = []
    for kind, (planter, count, expect, fuzzy) in KINDS.items():
        rng = random.Random(f"diglot-qa-{kind}")
        order = rng.sample(range(len(pool)), len(pool))
        for n, (path, line, (fr, en, bad)) in enumerate(_picked(pool, order, planter, count), 1):
            out.append({"id": f"{kind}-{n:02d}", "kind": kind, "expect": expect, "fuzzy": fuzzy,
                        "path": path, "line": line, "fr": fr, "en": en, "planted": bad})
    return out


def _picked(pool, order, planter, count):
    picked = []
    for k in order:
        path, entry = pool[k]
        made = planter(entry.msgid, entry.msgstr, len(picked))
        if made and made[2] != made[1]:
            picked.append((path, entry.line, made))
            if len(picked) == count:
                break
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="python-docs-fr folder")
    parser.add_argument("-o", "--output", type=Path, default=HERE / "qa_plants.json")
    args = parser.parse_args()
    found = plants(args.corpus)
    args.output.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(found)} plants written to {args.output}")


if __name__ == "__main__":
    main()
