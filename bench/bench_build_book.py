"""Benchmark ``diglot build`` as a user runs it on one book-length article (10,000 real
paragraphs from the corpus, fully translated): the whole command, HTML and DOCX, a first
build (no build folder), cold (``--force``) and after one translation was edited (the
title's, then one in the middle of the book: a book-length HTML page renders again only the
chunk of rows holding it). Prints the best wall time and the CPU time (user + system, the
command and its workers) of a few runs: on the shared VM the CPU time moves less than the
wall time. Usage: python bench/bench_build_book.py [--size N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DIGLOT, book, corpus_pairs, fill_translations, require_corpus, write_book


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command and its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        sys.exit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def best(cmd: list[str], cwd: Path, runs: int, before=None) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(run(cmd, cwd))
    return min(s[0] for s in samples), min(s[1] for s in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    require_corpus()
    pairs = book(corpus_pairs(), args.size)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_book(root, "book", [fr for fr, _ in pairs])
        subprocess.run([*DIGLOT, "update"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        po = root / "translations" / "en" / "book.po"
        fill_translations(po, dict(pairs) | {"Livre": "Book"})
        flip = [0]

        def edit() -> None:  # one translation changes, as a translator's save would
            flip[0] += 1
            text = po.read_text(encoding="utf-8")
            po.write_text(text.replace('msgstr "Book', f'msgstr "Book{"!" * (flip[0] % 2)}', 1)
                          if flip[0] % 2 else text.replace('msgstr "Book!', 'msgstr "Book', 1),
                          encoding="utf-8")

        middle = [0]

        def edit_middle() -> None:  # a translation half-way through the book changes
            middle[0] += 1
            text = po.read_text(encoding="utf-8")
            at = text.index('msgstr "', len(text) // 2) + len('msgstr "')
            po.write_text(text[:at] + ("¶" if middle[0] % 2 else "") + text[at:].removeprefix("¶"),
                          encoding="utf-8")

        def clean() -> None:  # a first build: no build folder, nothing kept
            shutil.rmtree(root / "build", ignore_errors=True)

        for fmt in ("html", "docx"):
            first = best([*DIGLOT, "build", "--format", fmt], root, args.runs, before=clean)
            cold = best([*DIGLOT, "build", "--format", fmt, "--force"], root, args.runs)
            warm = best([*DIGLOT, "build", "--format", fmt], root, args.runs, before=edit)
            mid = best([*DIGLOT, "build", "--format", fmt], root, args.runs, before=edit_middle)
            print(f"book {args.size} paragraphs: build --format {fmt}, first build  "
                  f"{first[0]:.2f} s wall, {first[1]:.2f} s CPU")
            print(f"book {args.size} paragraphs: build --format {fmt} --force  "
                  f"{cold[0]:.2f} s wall, {cold[1]:.2f} s CPU")
            print(f"book {args.size} paragraphs: build --format {fmt} after one edit  "
                  f"{warm[0]:.2f} s wall, {warm[1]:.2f} s CPU")
            print(f"book {args.size} paragraphs: build --format {fmt} after one edit mid-book  "
                  f"{mid[0]:.2f} s wall, {mid[1]:.2f} s CPU")


if __name__ == "__main__":
    main()
