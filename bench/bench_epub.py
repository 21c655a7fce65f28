"""Benchmark ``diglot build --format epub`` as whole commands: the shipped seed article, a
book-length article of 10,000 real corpus paragraphs, and the python-docs-fr corpus
(419 books and edition.epub), fresh and after touching one PO file. Prints medians and
peak memory (the largest process). Usage: python bench/bench_epub.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from corpus import (CORPUS, DIGLOT, ROOT, book, corpus_pairs, fill_translations, measure,
                    median, require_corpus, write_book)


def line(label: str, samples: list[tuple[float, int]]) -> None:
    times = [t for t, _ in samples]
    peak = max(m for _, m in samples)
    print(f"{label:52} {median(times):7.2f} s (median of {len(times)}), peak {peak / 1024:5.0f} MB",
          flush=True)


def build(root: Path, *extra: str) -> tuple[float, int]:
    return measure([*DIGLOT, "-C", str(root), "-q", "build", "--format", "epub", *extra])


def seed(work: Path, runs: int) -> None:
    root = work / "seed"
    root.mkdir()
    for name in ("source_fr", "translations", "pyproject.toml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    line("seed: build --format epub --force", [build(root, "--force") for _ in range(runs)])


def big_book(work: Path, runs: int, n: int = 10_000) -> None:
    root = work / "book"
    chosen = book(corpus_pairs(), n)
    write_book(root, "book", [fr for fr, _ in chosen])
    measure([*DIGLOT, "-C", str(root), "-q", "update", "--no-memory"])
    fill_translations(root / "translations/en/book.po", dict(chosen))
    line(f"book of {n:,} paragraphs: build --format epub --force",
         [build(root, "--force") for _ in range(runs)])


def corpus(work: Path, runs: int) -> None:
    fresh, touched = [], []
    for i in range(runs):
        root = work / f"corpus{i}"
        for name in ("source_fr", "translations"):
            shutil.copytree(CORPUS / name, root / name)
        fresh.append(build(root))
        po = root / "translations/en/library__os.po"
        po.write_bytes(po.read_bytes() + b"\n")
        touched.append(build(root))
        shutil.rmtree(root)
    line("corpus: build --format epub (419 books + edition)", fresh)
    line("corpus: after touching one PO file (its book + edition)", touched)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    require_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seed(work, args.runs)
        big_book(work, args.runs)
        corpus(work, args.runs)
    print(f"(median of {args.runs}; the corpus edition's size: see bench/RESULTS.md)")


if __name__ == "__main__":
    main()
