"""Benchmark ``diglot update`` after an edit against GNU ``msgmerge --previous``.

A book-length article is built from real corpus paragraphs (2,000 / 10,000 / 50,000), fully
translated; then 5% of its paragraphs are reworded (one word changed), 2% removed and 2%
added. Both tools update the same PO to the same template; we print the medians, the ratio,
and how many reworded paragraphs each recovered (fuzzy, old translation, old msgid as
previous). Usage: python bench/bench_update.py [--sizes 2000 10000] [--runs 3] [--no-msgmerge]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from corpus import (DIGLOT, book, corpus_pairs, fill_translations, fresh, median, parse_po,
                    require_corpus, reword, timed, write_book)


def prepare(base: Path, pairs, n: int, rng: random.Random):
    """The translated project before the edit, and the edited source text plus expectations."""
    chosen = book(pairs, n)
    write_book(base, "book", [fr for fr, _ in chosen])
    subprocess.run([*DIGLOT, "-C", str(base), "-q", "update"], check=True)
    fill_translations(base / "translations/en/book.po", dict(chosen))
    order = list(range(n))
    rng.shuffle(order)
    long_enough = [i for i in order if len(chosen[i][0].split()) >= 8]
    edited = set(long_enough[: n * 5 // 100])
    removed = set([i for i in order if i not in edited][: n * 2 // 100])
    # Added paragraphs: real words, but unlike any paragraph of the book (beyond the corpus
    # size the book repeats paragraphs, and a near-copy would rightly take a reworded
    # paragraph's old translation).
    extra = [" ".join(reversed(fr.split())) for fr, _ in rng.sample(pairs, n * 2 // 100)]
    paragraphs, expected = [], {}
    for i, (fr, en) in enumerate(chosen):
        if i in removed:
            continue
        if i in edited:
            new = reword(fr, rng)
            expected[new] = (fr, en)
            paragraphs.append(new)
        else:
            paragraphs.append(fr)
        if extra and i % 50 == 25:
            paragraphs.append(extra.pop())
    return paragraphs, expected


def recovered(po: Path, expected) -> int:
    entries = {e.msgid: e for e in parse_po(po.read_bytes(), str(po)).entries if not e.obsolete}
    ok = 0
    for new, (old, translation) in expected.items():
        e = entries.get(new)
        ok += bool(e and e.fuzzy and e.msgstr == translation and e.previous_msgid == old)
    return ok


def run_size(pairs, n: int, runs: int, msgmerge: bool, work: Path) -> None:
    rng = random.Random(n)
    base = work / f"base-{n}"
    paragraphs, expected = prepare(base, pairs, n, rng)
    write_book(base, "book", paragraphs)
    times, ok = [], 0
    for _ in range(runs):
        proj = fresh(base, work / f"run-{n}")
        times.append(timed([*DIGLOT, "-C", str(proj), "-q", "update"]))
        ok = recovered(proj / "translations/en/book.po", expected)
    pot = proj / "translations/templates/book.pot"
    line = f"update {n:>6} paragraphs: diglot {median(times):6.2f} s (median of {runs}), " \
           f"recovered {ok}/{len(expected)} reworded"
    if msgmerge and shutil.which("msgmerge"):
        out = work / f"msgmerge-{n}.po"
        mm = [timed(["msgmerge", "--previous", "-q", str(base / "translations/en/book.po"),
                     str(pot), "-o", str(out)]) for _ in range(1 if n >= 10000 else runs)]
        line += f"; msgmerge --previous {median(mm):6.2f} s, recovered {recovered(out, expected)}/" \
                f"{len(expected)}; diglot is {median(mm) / median(times):.1f}x faster"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-msgmerge", action="store_true")
    args = parser.parse_args()
    require_corpus()
    pairs = corpus_pairs()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            run_size(pairs, n, args.runs, not args.no_msgmerge, Path(tmp))


if __name__ == "__main__":
    main()
