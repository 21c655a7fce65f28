"""Benchmark the whole python-docs-fr corpus as one edition (419 articles, 22,461 segments):
``diglot update``, a full ``diglot build`` (HTML + DOCX), a no-op build, a build after
touching one PO file, and the full build with one worker against all cores.
Prints medians and peak memory (the largest process). Usage:
python bench/bench_edition.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from corpus import CORPUS, DIGLOT, measure, median, require_corpus


def fresh_edition(work: Path) -> Path:
    root = work / "edition"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("source_fr", "translations"):
        shutil.copytree(CORPUS / name, root / name)
    return root


def line(label: str, samples: list[tuple[float, int]]) -> None:
    times = [t for t, _ in samples]
    peak = max(m for _, m in samples)
    print(f"{label:44} {median(times):7.2f} s (median of {len(times)}), peak {peak / 1024:5.0f} MB",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    require_corpus()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        updates, builds, serial = [], [], []
        for _ in range(args.runs):
            root = fresh_edition(work)
            updates.append(measure([*DIGLOT, "-C", str(root), "-q", "update"]))
            builds.append(measure([*DIGLOT, "-C", str(root), "-q", "build"]))
        line("corpus update (419 PO files rewritten)", updates)
        line(f"corpus full build, html + docx, {cores} jobs", builds)
        total = [(u[0] + b[0], max(u[1], b[1])) for u, b in zip(updates, builds)]
        line("corpus update + full build", total)
        noop = [measure([*DIGLOT, "-C", str(root), "-q", "build"]) for _ in range(args.runs)]
        line("corpus no-op build", noop)
        touched = []
        for i in range(args.runs):
            po = root / "translations/en/library__os.po"
            po.write_bytes(po.read_bytes() + b"\n" * (i + 1))
            touched.append(measure([*DIGLOT, "-C", str(root), "-q", "build"]))
        line("corpus build after touching one PO file", touched)
        for _ in range(max(1, args.runs // 2)):
            serial.append(measure([*DIGLOT, "-C", str(root), "-q", "build", "--force", "-j", "1"]))
        line("corpus full build (--force), 1 job", serial)
        forced = [measure([*DIGLOT, "-C", str(root), "-q", "build", "--force"])
                  for _ in range(max(1, args.runs // 2))]
        line(f"corpus full build (--force), {cores} jobs", forced)
        print(f"parallel speedup {median([t for t, _ in serial]) / median([t for t, _ in forced]):.2f}x "
              f"on {cores} cores", flush=True)


if __name__ == "__main__":
    main()
