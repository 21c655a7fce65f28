"""Shared bench helpers: real French/English paragraphs from ../shared/corpora, and
throwaway projects built from them. Not part of the product."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("DIGLOT_CORPORA", ROOT.parent / "shared" / "corpora"))
CORPUS = CORPORA / "python-docs-fr"
DIGLOT = [sys.executable, "-m", "diglot"]
sys.path.insert(0, str(ROOT / "src"))

from diglot.po.parser import parse_po  # noqa: E402
from diglot.po.writer import dump_po  # noqa: E402


def require_corpus() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"skipped: {CORPUS} not present")


def corpus_pairs() -> list[tuple[str, str]]:
    """Every translated (French, English) paragraph of the corpus, first occurrence only."""
    seen, pairs = set(), []
    for po in sorted((CORPUS / "translations" / "en").glob("*.po")):
        for e in parse_po(po.read_bytes(), str(po)).entries:
            if e.msgstr and e.msgid not in seen and not e.msgid.startswith("#"):
                seen.add(e.msgid)
                pairs.append((e.msgid, e.msgstr))
    return pairs


def book(pairs: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """``n`` paragraph pairs; beyond the corpus size, paragraphs repeat with a volume mark."""
    out = []
    for i in range(n):
        fr, en = pairs[i % len(pairs)]
        k = i // len(pairs)
        out.append((fr, en) if k == 0 else (f"{fr} (tome {k + 1})", f"{en} (volume {k + 1})"))
    return out


def write_book(root: Path, slug: str, paragraphs: list[str]) -> None:
    (root / "source_fr").mkdir(parents=True, exist_ok=True)
    text = "# Livre\n\n" + "\n\n".join(paragraphs) + "\n"
    (root / "source_fr" / f"{slug}.md").write_text(text, encoding="utf-8")


def fill_translations(po_path: Path, mapping: dict[str, str]) -> None:
    catalog = parse_po(po_path.read_bytes(), str(po_path))
    catalog.entries = [replace(e, msgstr=mapping.get(e.msgid, e.msgstr)) for e in catalog.entries]
    po_path.write_bytes(dump_po(catalog))


def reword(text: str, rng: random.Random) -> str:
    """A small, real edit: one word replaced, inserted, dropped or two words swapped."""
    words = text.split(" ")
    # Only real words: an edit next to a double space could touch whitespace alone, which
    # update rightly treats as no change at all.
    spots = [k for k in range(1, len(words) - 1) if words[k] and words[k - 1]]
    i = rng.choice(spots) if spots else 1
    kind = rng.choice(["replace", "insert", "drop", "swap"])
    if kind == "replace":
        words[i] = rng.choice(["également", "notamment", "toujours", "souvent", "parfois"])
    elif kind == "insert":
        words.insert(i, rng.choice(["vraiment", "aussi", "désormais", "ainsi"]))
    elif kind == "drop":
        del words[i]
    else:
        words[i - 1], words[i] = words[i], words[i - 1]
    edited = " ".join(words)
    return edited if edited != text else text + " Voilà."


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def fresh(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """(wall seconds, peak resident KB of the command and its children)."""
    import resource

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        sys.exit(f"failed: {' '.join(cmd)}")
    # ru_maxrss of wait4 covers the process; its workers report through RUSAGE_CHILDREN.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(usage.ru_maxrss, children)
