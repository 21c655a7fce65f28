"""`diglot check` measured: findings per 1,000 segments on real translations (precision: a
good translation should raise little), and recall on planted errors (bench/qa_plants.json),
beside translate-toolkit's `pofilter` when it is installed (it is not a diglot dependency:
`pip install translate-toolkit` in the venv for the comparison).

    python bench/qa.py [--corpus DIR] [--plants FILE] [--no-pofilter]
    python bench/qa.py --show CHECK [--sample N --seed S]

Corpus: every PO file of python-docs-fr (translated and fuzzy entries are checked; fuzzy
ones only ever warn). Recall: each plant replaces its entry in its own PO file (the file's
other entries untouched, so ratios keep their file's rhythm); a plant is caught when a check
it expects reports a finding the correct translation did not get. For pofilter, a plant is
caught when any pofilter test fails on it that did not fail on the correct translation.
`--show CHECK` prints every corpus finding of one check with its French and English, or
`--sample N` of them (the read samples in bench/RESULTS.md come from it).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from corpus import CORPUS, parse_po

from diglot.checks import SEVERITIES
from diglot.checks.run import run_checks
from diglot.po.model import Catalog, Entry
from diglot.po.writer import dump_po

HERE = Path(__file__).resolve().parent


def corpus_files(corpus: Path) -> dict[str, list[Entry]]:
    files = {}
    for po in sorted((corpus / "translations" / "en").glob("*.po")):
        rel = po.relative_to(corpus).as_posix()
        files[rel] = parse_po(po.read_bytes(), rel).entries
    return files


def checked(entries: list[Entry]) -> int:
    return sum(1 for e in entries if e.msgid and e.msgstr and not e.obsolete)


def precision(files: dict[str, list[Entry]]):
    findings = [f for path, entries in files.items() for f in run_checks(entries, path)]
    return findings, sum(checked(e) for e in files.values())


def print_precision(findings, segments: int, pofilter: Counter | None) -> None:
    print(f"\n## Findings per 1,000 segments on the corpus ({segments:,} segments checked)\n")
    counts = Counter((f.check, f.severity, f.message.startswith("fuzzy entry:")) for f in findings)
    print("| check | severity | findings | per 1,000 | of them on fuzzy entries |\n|---|---|---|---|---|")
    for name in SEVERITIES:
        total = sum(n for (c, _, _), n in counts.items() if c == name)
        fuzzy = sum(n for (c, _, fz), n in counts.items() if c == name and fz)
        level = SEVERITIES[name]
        print(f"| `{name}` | {level} | {total:,} | {1000 * total / segments:.1f} | {fuzzy} |")
    errors = sum(f.severity == "error" for f in findings)
    print(f"| **errors** | | **{errors:,}** | **{1000 * errors / segments:.1f}** | |")
    print(f"| warnings | | {len(findings) - errors:,} | {1000 * (len(findings) - errors) / segments:.1f} | |")
    if pofilter:
        total = sum(pofilter.values())
        print(f"\npofilter (default tests) on the same files: {total:,} failures, "
              f"{1000 * total / segments:.0f} per 1,000 segments; by test: "
              + ", ".join(f"{t} {1000 * n / segments:.0f}" for t, n in pofilter.most_common()))


def recall(files: dict[str, list[Entry]], plants: list[dict]) -> dict[str, list[tuple[bool, bool]]]:
    """Per kind, for each plant: caught by a check it expects, caught by any check."""
    caught: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for plant in plants:
        before = _findings(files, plant, plant["en"])
        after = _findings(files, plant, plant["planted"])
        new = {(f.check, f.message) for f in after} - {(f.check, f.message) for f in before}
        caught[plant["kind"]].append((any(check in plant["expect"] for check, _ in new), bool(new)))
    return caught


def _findings(files, plant: dict, english: str):
    entries = files[plant["path"]]
    flags = ("fuzzy",) if plant["fuzzy"] else ()
    swapped = [replace(e, msgid=plant["fr"], msgstr=english, flags=flags) if e.line == plant["line"] else e
               for e in entries]
    return [f for f in run_checks(swapped, plant["path"]) if f.line == plant["line"]]


def print_recall(caught: dict[str, list[tuple[bool, bool]]], plants: list[dict], pofilter: dict | None) -> None:
    print(f"\n## Recall on planted errors ({len(plants)} plants, bench/qa_plants.json)\n")
    head = "| kind | expected checks | diglot | diglot, any check |" + (" pofilter, any test |" if pofilter else "")
    print(head + "\n|---|---|---|---|" + ("---|" if pofilter else ""))
    expected = {p["kind"]: ", ".join(p["expect"]) for p in plants}
    for kind, hits in caught.items():
        row = (f"| {kind} | {expected[kind]} | {sum(h for h, _ in hits)}/{len(hits)} "
               f"| {sum(a for _, a in hits)}/{len(hits)} |")
        if pofilter:
            row += f" {sum(pofilter[kind])}/{len(pofilter[kind])} |"
        print(row)
    missed = [p["id"] for p in plants if not caught[p["kind"]][_index(plants, p)][0]]
    print(f"\ndiglot missed (by the expected checks): {', '.join(missed) or 'nothing'}")


def _index(plants: list[dict], plant: dict) -> int:
    return [p["id"] for p in plants if p["kind"] == plant["kind"]].index(plant["id"])


# --- pofilter -------------------------------------------------------------------------------

def pofilter_command() -> str | None:
    local = Path(sys.executable).with_name("pofilter")
    return str(local) if local.exists() else shutil.which("pofilter")


_NOTE = re.compile(r"\(pofilter\) ([\w-]+):")


def pofilter_failures(command: str, source: Path, work: Path) -> dict[tuple[str, str], set[str]]:
    """(file, msgctxt or msgid) -> failing tests, for a PO file or a folder of them."""
    out = work / "out"
    subprocess.run([command, "--progress=none", str(source), str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failed = {}
    for po in sorted(out.rglob("*.po")) if out.is_dir() else [out]:
        for e in parse_po(po.read_bytes(), str(po)).entries:
            tests = {m.group(1) for c in e.translator_comments for m in [_NOTE.search(c)] if m}
            if e.msgstr:  # failures on untranslated entries say nothing about translations
                failed[(po.name, e.msgctxt or e.msgid)] = tests
    shutil.rmtree(out) if out.is_dir() else out.unlink()
    return failed


def pofilter_precision(command: str, corpus: Path) -> Counter:
    with tempfile.TemporaryDirectory() as tmp:
        failed = pofilter_failures(command, corpus / "translations" / "en", Path(tmp))
    return Counter(t for tests in failed.values() for t in tests)


def pofilter_recall(command: str, plants: list[dict]) -> dict[str, list[bool]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs = {}
        for side in ("en", "planted"):
            entries = [Entry(p["fr"], p[side], msgctxt=p["id"], flags=("fuzzy",) if p["fuzzy"] else ())
                       for p in plants]
            path = work / f"{side}.po"
            path.write_bytes(dump_po(Catalog(Entry("", "Content-Type: text/plain; charset=UTF-8\n"), entries)))
            runs[side] = {key[1]: tests for key, tests in pofilter_failures(command, path, work).items()}
    caught: dict[str, list[bool]] = defaultdict(list)
    for p in plants:
        caught[p["kind"]].append(bool(runs["planted"].get(p["id"], set()) - runs["en"].get(p["id"], set())))
    return caught


def show(files: dict[str, list[Entry]], check: str, sample: int | None, seed: int) -> None:
    """Every finding of one check (or a random sample of them) with its French and English."""
    found = []
    for path, entries in files.items():
        by_line = {e.line: e for e in entries}
        found += [(f, by_line[f.line]) for f in run_checks(entries, path) if f.check == check]
    if sample is not None:
        found = random.Random(seed).sample(found, min(sample, len(found)))
    for f, e in found:
        print(f"== {f.as_text()}\nFR: {e.msgid}\nEN: {e.msgstr}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="python-docs-fr folder")
    parser.add_argument("--plants", type=Path, default=HERE / "qa_plants.json")
    parser.add_argument("--no-pofilter", action="store_true", help="skip the pofilter comparison")
    parser.add_argument("--show", metavar="CHECK", help="print every corpus finding of CHECK")
    parser.add_argument("--sample", type=int, metavar="N", help="with --show: N findings drawn at random")
    parser.add_argument("--seed", type=int, default=0, help="with --sample: the random seed")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"skipped: {args.corpus} not present")
    files = corpus_files(args.corpus)
    if args.show:
        return show(files, args.show, args.sample, args.seed)
    plants = json.loads(args.plants.read_text(encoding="utf-8"))
    command = None if args.no_pofilter else pofilter_command()
    findings, segments = precision(files)
    print_precision(findings, segments, command and pofilter_precision(command, args.corpus))
    print_recall(recall(files, plants), plants, command and pofilter_recall(command, plants))
    if command is None and not args.no_pofilter:
        print("\n(pofilter not installed: pip install translate-toolkit to compare)")


if __name__ == "__main__":
    main()
