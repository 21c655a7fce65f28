"""Benchmark the translation memory of ``diglot update`` on the python-docs-fr corpus.

The corpus is copied and brought in step (one ``update``); then a share of its translated
entries is blanked at random, as if those segments were new, and ``update`` runs again. We
print how many blanked segments got a proposal, how often a proposal for the same French
(100%) equals the human translation, and, per score band, how close the proposed English is
to the human one (difflib-style similarity, 1 = equal). Also: how many of the corpus's own
untranslated segments got a proposal, and the time of ``update`` with and without memory.
Usage: python bench/bench_memory.py [--share 0.1] [--seed 1] [--threshold 0.75] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from corpus import CORPUS, DIGLOT, dump_po, median, parse_po, require_corpus

from diglot.catalog.fuzzy import similarity

BANDS = [(1.0, 1.01), (0.95, 1.0), (0.9, 0.95), (0.85, 0.9), (0.8, 0.85), (0.75, 0.8),
         (0.7, 0.75), (0.65, 0.7), (0.6, 0.65), (0.5, 0.6)]


def copy_corpus(root: Path, threshold: float) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("source_fr", "translations"):
        shutil.copytree(CORPUS / name, root / name)
    (root / "diglot.toml").write_text(f"memory_threshold = {threshold}\n", encoding="utf-8")


def update(root: Path, *options: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its workers): on a shared machine the
    CPU time is the steadier figure."""
    start = time.perf_counter()
    proc = subprocess.Popen([*DIGLOT, "-C", str(root), "-q", "update", *options],
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"update failed in {root}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def shown(samples: list[tuple[float, float]]) -> str:
    return (f"{median([w for w, _ in samples]):.2f} s wall, "
            f"{median([c for _, c in samples]):.2f} s CPU")


def entries(po: Path):
    return parse_po(po.read_bytes(), str(po))


def proposals_in(root: Path) -> int:
    return sum(1 for po in sorted((root / "translations/en").glob("*.po"))
               for e in entries(po).entries if _proposal(e))


def _proposal(e) -> str | None:
    comment = next((c for c in e.translator_comments if c.startswith("memory: ")), None)
    return comment if e.fuzzy and comment else None


def blank(root: Path, share: float, rng: random.Random) -> dict[tuple[str, str], str]:
    """Empty ``share`` of the translated entries; (file, msgid) → the human translation."""
    chosen = {}
    for po in sorted((root / "translations/en").glob("*.po")):
        catalog = entries(po)
        out = []
        for e in catalog.entries:
            if e.translated and not e.obsolete and rng.random() < share:
                chosen[(po.name, e.msgid)] = e.msgstr
                e = replace(e, msgstr="")
            out.append(e)
        catalog.entries = out
        po.write_bytes(dump_po(catalog))
    return chosen


def score(root: Path, blanked: dict[tuple[str, str], str]) -> None:
    got, exact, exact_same, bands = 0, 0, 0, {band: [] for band in BANDS}
    for (name, msgid), human in blanked.items():
        found = {e.msgid: e for e in entries(root / "translations/en" / name).entries}.get(msgid)
        comment = _proposal(found) if found is not None else None
        if comment is None:
            continue
        got += 1
        percent = int(comment.split()[1].rstrip("%")) / 100
        exact += percent == 1.0
        exact_same += percent == 1.0 and found.msgstr == human
        band = next(b for b in BANDS if b[0] <= percent < b[1])
        bands[band].append(similarity(found.msgstr, human))
    total = len(blanked)
    print(f"blanked segments: {total}; with a proposal: {got} ({100 * got / total:.1f}%)")
    print(f"  same French (100%): {exact}, equal to the human translation: {exact_same} "
          f"({100 * exact_same / max(exact, 1):.1f}%)")
    print("  score band   proposals   English similarity to the human translation (median)")
    for band, values in bands.items():
        if values:
            label = "100%" if band[0] == 1.0 else f"{band[0]:.2f}-{band[1]:.2f}"
            print(f"  {label:11} {len(values):9}   {median(values):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    require_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "edition"
        copy_corpus(root, args.threshold)
        first = update(root)
        print(f"first update (memory fills the corpus's own gaps): {shown([first])}; "
              f"{proposals_in(root)} proposals among its untranslated segments")
        blanked = blank(root, args.share, random.Random(args.seed))
        snapshot = Path(tmp) / "blanked"
        shutil.copytree(root, snapshot)
        plain = []
        for _ in range(args.runs):
            shutil.rmtree(root)
            shutil.copytree(snapshot, root)
            plain.append(update(root, "--no-memory"))
        timings = []
        for _ in range(args.runs):
            shutil.rmtree(root)
            shutil.copytree(snapshot, root)
            timings.append(update(root))
        print(f"update after blanking {args.share:.0%}: {shown(timings)} with memory; "
              f"{shown(plain)} with --no-memory (medians of {args.runs})")
        noop = [update(root) for _ in range(args.runs)]
        noop_plain = [update(root, "--no-memory") for _ in range(args.runs)]
        print(f"update with nothing to do: {shown(noop)} (memory consulted for the open "
              f"segments); {shown(noop_plain)} with --no-memory")
        score(root, blanked)


if __name__ == "__main__":
    main()
