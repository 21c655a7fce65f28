"""Hostile inputs of issue #13, timed: for each case a fresh project with one generated
source, then ``diglot update`` and ``diglot build``, each under ``/usr/bin/time -v`` (wall
time and peak memory of the process). Goal: every run under 30 s and 1 GB on 2 cores,
finishing with success or with a one-line error. Usage:
python bench/hostile.py [--cases NAME …] [--keep DIR] [--python PYTHON]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

WORDS = ("le modèle traite des textes longs avec une fenêtre de contexte étendue et des "
         "experts spécialisés qui se partagent le calcul selon les jetons").split()


def backticks(size: int = 2_000_000) -> str:
    """One paragraph of escalating backtick runs (` `` ``` …): each run opens a code span
    whose closer never comes, the worst case of a naive closer search."""
    parts, n, total = ["Début "], 1, 6
    while total < size:
        parts.append("`" * n + " x ")
        total += n + 3
        n += 1
    return "".join(parts) + "\n"


def links_paragraph(count: int = 100_000) -> str:
    """One paragraph holding ``count`` links."""
    return " ".join(f"[lien {i}](https://example.org/{i})" for i in range(count)) + "\n"


def link_paragraphs(count: int = 100_000) -> str:
    """``count`` paragraphs of one link each."""
    return "\n\n".join(f"Voir [la page {i}](https://example.org/{i}) ici." for i in range(count)) + "\n"


def big_source(size: int = 50_000_000) -> str:
    """About ``size`` bytes of distinct ordinary paragraphs (a heading every 50)."""
    out, total, i = [], 0, 0
    while total < size:
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(60)]
        text = f"Paragraphe {i} : " + " ".join(words) + f", *fin* {i}."
        if i % 50 == 0:
            text = f"## Chapitre {i // 50}\n\n{text}"
        out.append(text)
        total += len(text.encode()) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def brackets(size: int = 400_000) -> str:
    """400 KB of ``[``: every bracket starts a link label that never closes."""
    return "[" * size + "\n"


def _po(entries: list[tuple[str, str, str]]) -> str:
    """A PO file of (flags line, msgid, msgstr) entries."""
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    return head + "\n".join(f'{flags}msgid "{i}"\nmsgstr "{s}"\n' for flags, i, s in entries)


def revert(count: int = 4000) -> dict[str, str]:
    """A revert of every paragraph of an article: each fuzzy entry's old French is back."""
    return {"source_fr/article.md": "\n\n".join(f"Paragraphe numéro {k}." for k in range(count)) + "\n",
            "translations/en/article.po": _po([(f'#, fuzzy\n#| msgid "Paragraphe numéro {k}."\n',
                                               f"Autre {k}", f"Paragraph number {k}.")
                                              for k in range(count)])}


def numbers_left_over(count: int = 1000) -> dict[str, str]:
    """2,000 French 5s against 1,000 English ones: a thousand numbers without a counterpart."""
    french = "; ".join(["5"] * 2 * count)
    return {"source_fr/article.md": french + "\n",
            "translations/en/article.po": _po([("", french, " ".join(["5"] * count))])}


def changed_paragraph(words: int = 1500) -> dict[str, str]:
    """A fuzzy entry whose old French shares no word with the new: status --changes."""
    new, old = (" ".join(f"{p}{k}" for k in range(words)) for p in ("mot", "terme"))
    return {"source_fr/article.md": new + "\n",
            "translations/en/article.po": _po([(f'#, fuzzy\n#| msgid "{old}"\n', new, "Text.")])}


def nested(depth: int = 30_000) -> dict[str, str]:
    """Brackets and stars 30,000 deep, translated as they are: check reads their elements."""
    text = "[" * depth + "*" * depth + "a" + "*" * depth
    return {"source_fr/article.md": text + "\n", "translations/en/article.po": _po([("", text, text)])}


def wide_table(columns: int = 1000, rows: int = 20) -> str:
    """A table of one repeated letter: its cells share one PO entry."""
    line = lambda cells: "| " + " | ".join(cells) + " |"
    return "\n".join([line(["h"] * columns), "|" + "---|" * columns,
                      *(line(["c"] * columns) for _ in range(rows))]) + "\n"


def sentences(count: int = 2000) -> dict[str, str]:
    """One paragraph of ``count`` short sentences translated with one sentence more: the
    sentence links' programme filled the whole matrix."""
    french = " ".join(f"Phrase {n}." for n in range(count))
    english = " ".join(f"Sentence {n}." for n in range(count + 1))
    return {"source_fr/article.md": f"{french}\n",
            "translations/en/article.po": _po([("", french, english)])}


def code_lines(blocks: int = 2, lines: int = 49_999, line: str = "x") -> str:
    """Fenced code blocks of one-character lines, ``blocks × lines`` in all (the bound is
    100,000 lines an article: 7 blocks of 1,000,000 took 15.6 GB as a DOCX)."""
    return "# Code\n\n" + "\n".join("```\n" + f"{line}\n" * lines + "```\n" for _ in range(blocks))


def tiny_pictures(count: int = 3000, articles: int = 10) -> dict:
    """``count`` distinct 1×1 PNGs (70 bytes each) over ``articles`` articles: python-docx
    hashed every stored picture again for each one added (an attack round: 58 s)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    def png(tag: int) -> bytes:
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
                + chunk(b"tEXt", b"c\x00" + str(tag).encode()) + chunk(b"IDAT", zlib.compress(b"\0\0"))
                + chunk(b"IEND", b""))
    per = count // articles
    files: dict = {f"source_fr/i/{n}.png": png(n) for n in range(count)}
    files.update({f"source_fr/a{a}.md": "# T\n\n" + " ".join(f"![](i/{n}.png)" for n in
                                                           range(a * per, (a + 1) * per)) + "\n"
                  for a in range(articles)})
    return files


def italic_links(paragraphs: int = 7, per: int = 20_000) -> str:
    """Paragraphs of ``*[a](b)*``: 14 MB of them took 11.3 GB as a DOCX; the DOCX is now
    refused past 600,000 runs."""
    return "\n\n".join(" ".join("*[a](b)*" for _ in range(per)) for _ in range(paragraphs)) + "\n"


def common_words(old: int = 60_000, new: int = 30_000) -> dict[str, str]:
    """A PO file of ``old`` entries and a source of ``new`` other paragraphs, all in an
    eight-word vocabulary: update's matching read a fifth of the entries per paragraph."""
    words = "le la les un une des et est".split()

    def text(n: int, salt: int) -> str:
        return " ".join(words[(n * 7 + k * salt) % 8] for k in range(12)) + f" {n}."
    entries = [("", text(n, 3), f"Text {n}.") for n in range(old)]
    return {"source_fr/article.md": "\n\n".join(text(n, 5) for n in range(new)) + "\n",
            "translations/en/article.po": _po(entries)}


def long_paragraphs(size: int = 1_000_000, old: int = 12) -> dict[str, str]:
    """One changed paragraph of ``size`` characters against ``old`` old ones of a shared
    vocabulary: update scored each pair whole (20 s a pair)."""
    vocabulary = [f"m{n}" for n in range(5000)]

    def text(seed: int) -> str:
        words, total, n = [], 0, seed
        while total < size:
            n = (n * 1103515245 + 12345) % 2**31
            words.append(vocabulary[n % 5000])
            total += len(words[-1]) + 1
        return " ".join(words)
    entries = [("", text(k), f"Text {k}.") for k in range(old)]
    return {"source_fr/article.md": text(99) + "\n", "translations/en/article.po": _po(entries)}


LIMIT = 150  # seconds: a run still going then is stopped (exit 124)

# The cases of issue #13, then the same kinds of input just under diglot's bounds (README,
# "Safety": 2,097,152 characters a paragraph, 65,536 segments and 16 MB a source).
CASES = {"backticks-2MB": backticks, "links-100k-one-paragraph": links_paragraph,
         "links-100k-paragraphs": link_paragraphs, "source-50MB": big_source,
         "brackets-400KB": brackets,
         "links-52k-one-paragraph": lambda: links_paragraph(52_000),
         "links-60k-paragraphs": lambda: link_paragraphs(60_000),
         "source-15MB": lambda: big_source(15_000_000),
         # The attack round of 2026-11-30 (PO files too; the commands they slowed).
         "incise-60KB-of-letters": lambda: "Il dit — " + "b" * 60_000 + " — puis partit.\n",
         "bangs-80KB": lambda: "Oui" + "!" * 80_000 + "x\n",
         "brackets-and-stars-30k": nested,
         "table-1000-columns": wide_table, "table-64-columns": lambda: wide_table(64),
         "revert-4000-paragraphs": revert, "numbers-left-over-1000": numbers_left_over,
         "changed-paragraph-1500-words": changed_paragraph,
         # The fourth attack round (2026-11-30, 18:40 UTC).
         "amount-cell-300KB": lambda: "| Prix |\n|---|\n| " + "1 " * 150_000 + "€ |\n",
         "sentences-2000-against-2001": sentences,
         # The sixth attack round (2026-11-30, 21:15 UTC): within the bounds, the DOCX and update.
         "code-100k-lines": code_lines, "code-700k-lines": lambda: code_lines(7, 100_000),
         # A DOCX code line too long for the block is a paragraph of its own (its wrap
         # hangs under its indentation): 100,000 of them.
         "code-100k-long-lines": lambda: code_lines(10, 9_999, "x" * 120),
         "italic-links-140k": italic_links,
         "pictures-3000-tiny-distinct": tiny_pictures,
         "common-words-30k-against-60k": common_words,
         "paragraph-1M-against-12": lambda: long_paragraphs(),
         # The code review of that round: the e-mail pattern tried every start in a word.
         "word-400k-letters-check": lambda: {"source_fr/article.md": "a" * 400_000 + "\n",
                                             "translations/en/article.po":
                                             _po([("", "a" * 400_000, "b" * 400_000)])},
         # The attack round of 2026-12-01: the PDF, within the bounds.
         "word-40k-letters-pdf": lambda: "# T\n\nvoir " + "a" * 40_000 + " fin\n",
         "code-line-40k-pdf": lambda: "# T\n\nvoir\n\n```\n" + "a" * 40_000 + "\n```\n",
         "cell-40k-letters-pdf": lambda: "# T\n\n| a | b |\n|---|---|\n| " + "a" * 40_000 + " | x |\n",
         "title-8000-words-pdf": lambda: "# " + "mot " * 8000 + "\n\nCorps.\n",
         # The third attack round of 2026-12-01: what a PDF line cannot break, and bounds.
         "open-brackets-12KB-pdf": lambda: "# T\n\n" + "a( " * 4000 + "\n",
         "glued-calls-6KB-pdf": lambda: "# T\n\n" + "a[^a]" * 1200 + "\n\n[^a]: note\n",
         "address-500KB-used-6-pdf": lambda: "# T\n\n" + " ".join(
             f"Voir [ici {i}][r]." for i in range(6)) + "\n\n[r]: https://e.org/" + "a" * 500_000 + "\n",
         "quote-inverted-10KB-pdf": lambda: "# T\n\n" + 'a" ¿ ' * 2000 + "\n",
         "alt-texts-glued-42KB-pdf": lambda: "# T\n\n" + "ab![cd](https://e.org/p.png)" * 1500 + "\n",
         "autolink-94KB-pdf": lambda: "# T\n\nVoir <https://e.org/" + "a" * 94_000 + ">.\n",
         "note-calls-750k": lambda: "# T\n\n" + "x" + "[^a]" * 375_000 + "\n\ny" + "[^a]" * 375_000
         + "\n\n[^a]: note\n"}
# What each case runs, when not update then build.
COMMANDS = {"brackets-and-stars-30k": (["check"],), "numbers-left-over-1000": (["check"],),
            "revert-4000-paragraphs": (["update"],),
            "changed-paragraph-1500-words": (["status", "--changes"],),
            "common-words-30k-against-60k": (["update", "--no-memory"],),
            "word-400k-letters-check": (["check"],),
            "paragraph-1M-against-12": (["update", "--no-memory"],),
            **{name: (["update"], ["build", "--format", "pdf", "-j", "1"]) for name in (
                "word-40k-letters-pdf", "code-line-40k-pdf", "cell-40k-letters-pdf",
                "title-8000-words-pdf", "open-brackets-12KB-pdf", "glued-calls-6KB-pdf",
                "address-500KB-used-6-pdf", "quote-inverted-10KB-pdf", "alt-texts-glued-42KB-pdf",
                "autolink-94KB-pdf")}}


def timed(command: list[str], cwd: Path) -> tuple[int, float, float, int, str]:
    """(exit code, wall seconds, CPU seconds (user + system, workers included), peak RSS
    of the largest process in MB, last line of stderr) of one command. CPU time is the
    figure to read on a machine other jobs share: it does not grow while a run waits."""
    result = subprocess.run(["/usr/bin/time", "-v", "timeout", str(LIMIT), *command], cwd=cwd,
                            capture_output=True, text=True, errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = (float(g or 0) for g in wall.groups())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1))
              for kind in ("User", "System"))
    said = [line for line in result.stderr.splitlines()
            if line and not line.startswith("\t") and "Command" not in line]
    return result.returncode, hours * 3600 + minutes * 60 + seconds, cpu, rss // 1024, \
        (said[-1] if said else "")


def run_case(name: str, python: str, keep: Path | None) -> None:
    root = Path(tempfile.mkdtemp(prefix=f"hostile-{name}-", dir=keep))
    made = CASES[name]()
    files = made if isinstance(made, dict) else {"source_fr/article.md": made}
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            (root / path).write_bytes(text)
        else:
            (root / path).write_text(text, encoding="utf-8")
    size = sum((root / path).stat().st_size for path in files)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795000000"}
    os.environ.update(env)
    for command in COMMANDS.get(name, (["update"], ["build", "-j", "2"])):
        code, seconds, cpu, rss, said = timed([python, "-m", "diglot", "-q", *command], root)
        # A pass is a finished run: success, or diglot's one-line refusal (exit 2, "Error:");
        # a run that never started, crashed or was stopped is no pass however fast it was.
        finished = code == 0 or (code == 2 and said.startswith("Error:")) or \
            (code == 1 and command[0] == "check")  # check's findings
        ok = "✓" if finished and seconds < 30 and rss < 1024 else "✗"
        print(f"| {name} ({size / 1e6:.1f} MB) | `diglot {' '.join(command)}` | exit {code} | "
              f"{seconds:.1f} s | {cpu:.1f} s | {rss} MB | {ok} | {said[:90]} |", flush=True)
    if keep is None:
        shutil.rmtree(root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=list(CASES))
    # A path made absolute (not resolved: a venv's python is a link leading out of the venv),
    # since each case runs in its own folder; a bare name is left to PATH.
    parser.add_argument("--python", default=sys.executable,
                        type=lambda p: str(Path(p).absolute()) if os.sep in p else p)
    parser.add_argument("--keep", type=Path, help="Keep the generated projects in this folder.")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} at the start\n")
    print("| case | run | exit | wall | CPU | peak RSS | < 30 s, < 1 GB | last message |")
    print("|---|---|---|---|---|---|---|---|")
    for name in args.cases:
        run_case(name, args.python, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
