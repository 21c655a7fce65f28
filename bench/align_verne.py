"""Bench for ``diglot align`` on a real novel: Verne's *Le tour du monde en quatre-vingts
jours* and its 1873 English translation (raw Project Gutenberg texts in ../shared/corpora).

Turns both into Markdown (Gutenberg header and footer dropped, chapters as ``##`` headings,
the table of contents and illustration marks left out), aligns them through the CLI in a
throwaway project, and prints the time, whether every chapter heading went to the right
English chapter, and a sample of pairs to read.

    python bench/align_verne.py [--sample 40] [--seed 9] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (Path(os.environ.get("DIGLOT_CORPORA", ROOT.parent / "shared" / "corpora"))
          / "literature" / "around-the-world-in-eighty-days")
sys.path.insert(0, str(ROOT / "src"))

_START = re.compile(r"^\*\*\* ?START OF TH(?:E|IS) PROJECT GUTENBERG EBOOK.*$", re.MULTILINE)
_END = re.compile(r"^\s*\*\*\* ?END OF TH(?:E|IS) PROJECT GUTENBERG EBOOK.*$", re.MULTILINE)
_ROMAN = r"[IVXL]+"
CHAPTER_FR = re.compile(rf"^({_ROMAN})\n\n((?:.+\n)+)", re.MULTILINE)
CHAPTER_EN = re.compile(rf"^CHAPTER ({_ROMAN})\.\n((?:.+\n)+)", re.MULTILINE)
TITLES = {"fr": "Le tour du monde en quatre-vingts jours",
          "en": "Around the World in Eighty Days"}


def gutenberg_body(text: str) -> str:
    """The text between the ``*** START`` and ``*** END`` markers."""
    return text[_START.search(text).end():_END.search(text).start()]


def to_markdown(raw: str, lang: str) -> tuple[str, list[str]]:
    """The novel as Markdown, and its chapter numerals in order."""
    body = gutenberg_body(raw.replace("\r\n", "\n"))
    body = re.sub(r"^\s*\[Illustration\]\s*$", "", body, flags=re.MULTILINE)
    pattern = CHAPTER_FR if lang == "fr" else CHAPTER_EN
    chapters = list(pattern.finditer(body))
    out = [f"# {TITLES[lang]}"]
    for k, match in enumerate(chapters):
        end = chapters[k + 1].start() if k + 1 < len(chapters) else len(body)
        title = " ".join(match.group(2).split())
        label = match.group(1) if lang == "fr" else f"CHAPTER {match.group(1)}"
        out.append(f"## {label}. {title}")
        out += [_paragraph(p) for p in re.split(r"\n\s*\n", body[match.end():end]) if p.strip()]
    return "\n\n".join(out) + "\n", [m.group(1) for m in chapters]


def _paragraph(text: str) -> str:
    """One paragraph on one line, escaped where a line start would read as Markdown syntax."""
    line = " ".join(text.split())
    return re.sub(r"^(#|[-+*] |\d+[.)] |>)", r"\\\1", line)


def run(sample: int, seed: int, keep: Path | None) -> int:
    from click.testing import CliRunner

    from diglot.cli import main
    from diglot.po.parser import parse_po

    root = keep or Path(tempfile.mkdtemp(prefix="align-verne-"))
    fr_md, fr_chapters = to_markdown((CORPUS / "fr.txt").read_text("utf-8"), "fr")
    en_md, en_chapters = to_markdown((CORPUS / "en.txt").read_text("utf-8"), "en")
    (root / "source_fr").mkdir(parents=True, exist_ok=True)
    (root / "source_fr" / "verne.md").write_text(fr_md, "utf-8")
    (root / "verne.en.md").write_text(en_md, "utf-8")
    print(f"French: {len(fr_chapters)} chapters, English: {len(en_chapters)} chapters; "
          f"project in {root}")
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["-C", str(root), "align", "verne",
                                       str(root / "verne.en.md")], catch_exceptions=False)
    seconds = time.perf_counter() - started
    print(result.output)
    po = root / "translations" / "en" / "verne.po"
    entries = [e for e in parse_po(po.read_bytes(), str(po)).entries if not e.obsolete]
    right = _check_headings(entries)
    print(f"chapter headings aligned to the right English chapter: {right}/{len(fr_chapters)}")
    print(f"time: {seconds:.1f}s ({'under' if seconds < 30 else 'OVER'} 30 s)")
    _print_sample(entries, sample, seed)
    return 0 if right == len(fr_chapters) and seconds < 30 else 1


def _check_headings(entries) -> int:
    """Chapter headings whose English starts with the same chapter numeral."""
    right = 0
    for entry in entries:
        french = re.match(rf"^({_ROMAN})\. ", entry.msgid)
        if french and "heading 2" in entry.extracted_comments:
            english = re.match(rf"^CHAPTER ({_ROMAN})\.", entry.msgstr)
            ok = bool(english) and english.group(1) == french.group(1)
            right += ok
            if not ok:
                print(f"  WRONG: {entry.msgid[:50]!r} → {entry.msgstr[:50]!r}")
    return right


def _print_sample(entries, size: int, seed: int) -> None:
    paragraphs = [e for e in entries if "paragraph" in e.extracted_comments and e.msgstr]
    chosen = sorted(random.Random(seed).sample(range(len(paragraphs)), min(size, len(paragraphs))))
    print(f"\nsample of {len(chosen)} paragraph pairs (seed {seed}):")
    for n, k in enumerate(chosen, 1):
        e = paragraphs[k]
        note = next((c for c in e.translator_comments if c.startswith("align:")), "")
        print(f"\n[{n}] {note}\n  FR: {e.msgid}\n  EN: {e.msgstr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="build the project in this folder")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not present")
        return 0
    return run(args.sample, args.seed, args.keep)


if __name__ == "__main__":
    sys.exit(main())
