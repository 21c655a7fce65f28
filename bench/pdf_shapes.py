"""Check the PDF edition's tables, figures, definition lists and footnotes on random
articles: every eighth block a paragraph calling a footnote, tables whose cells wrap
differently in the two languages, pictures, terms with long definitions, long paragraphs;
the English a little longer than the French. Each article is built in both layouts and
measured with pdf_alignment (every pair found on its side, in order, first lines level).

Usage: python bench/pdf_shapes.py [--seeds 3 5 8] [--blocks 40]
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
from pathlib import Path

from corpus import DIGLOT, ROOT, fill_translations

import pdf_alignment
from diglot.po.parser import parse_po

_WORDS = ("jardin parcelle tomate arrosage voisin semaine récolte outil cabane abeille fleur "
          "légume").split()
_ENGLISH = {"Paragraphe": "Paragraph", "Texte": "Text", "Terme": "Term", "Définition":
            "Definition", "Suite": "More", "Note": "Footnote", "Ligne": "Row", "Case": "Cell",
            "Nom": "Name", "Image": "Picture", "Légende": "Caption"}


def article(rng: random.Random, blocks: int) -> str:
    """The French Markdown: ``blocks`` blocks of five kinds in turn, then the notes."""
    def sentence(low: int, high: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."
    parts, notes = ["# Épreuve"], []
    for i in range(blocks):
        kind = i % 5
        if kind == 0:
            label = f"n{len(notes) + 1}"
            parts.append(f"Paragraphe {i} {sentence(10, 120)}[^{label}] {sentence(5, 40)}")
            notes.append(f"[^{label}]: Note {len(notes) + 1} {sentence(5, 60)}")
        elif kind == 1:
            rows = [f"| Ligne {i}-{r} {sentence(1, 12)} | {rng.randint(1, 999)} | Case {r} "
                    f"{sentence(1, 4)} |" for r in range(rng.randint(2, 7))]
            parts.append(f"| Nom {i} | Nombre | Autre |\n|:--|--:|:-:|\n" + "\n".join(rows))
        elif kind == 2:
            picture = rng.choice(["jardin", "logo"])
            parts.append(f'![Image {i} {sentence(3, 5)}](images/{picture}.png "Légende {i}")')
        elif kind == 3:
            parts.append(f"Terme {i}\n: Définition {i} {sentence(5, 80)}\n: Suite {i} {sentence(5, 12)}")
        else:
            parts.append(f"Texte {i} {sentence(30, 200)}")
    return "\n\n".join(parts + notes) + "\n"


def english(text: str) -> str:
    text = re.sub(r"\b(" + "|".join(_ENGLISH) + r")\b", lambda m: _ENGLISH[m[1]], text)
    return text.replace("jardin", "garden plot").replace("abeille", "bee")


def check(work: Path, seed: int, blocks: int, layout: str) -> bool:
    root = work / f"{seed}-{layout}"
    (root / "source_fr").mkdir(parents=True)
    shutil.copytree(ROOT / "tests" / "cases" / "showcase" / "images", root / "source_fr" / "images")
    (root / "source_fr" / "stress.md").write_text(article(random.Random(seed), blocks), "utf-8")
    (root / "diglot.toml").write_text(f'title = "Épreuve"\npdf_layout = "{layout}"\n')
    subprocess.run([*DIGLOT, "-C", str(root), "-q", "update"], check=True)
    po = root / "translations" / "en" / "stress.po"
    msgids = [e.msgid for e in parse_po(po.read_bytes(), str(po)).entries if e.msgid]
    fill_translations(po, {msgid: english(msgid) for msgid in msgids})
    subprocess.run([*DIGLOT, "-C", str(root), "-q", "build", "--format", "pdf"], check=True)
    pdf = root / "build" / "pdf" / "stress.pdf"
    pairs = [[msgid, english(msgid)] for msgid in msgids]
    found, problems = pdf_alignment.measure(str(pdf), pairs, layout)
    worst = max((f.delta for f in found), default=0.0)
    print(f"seed {seed} ({layout}): {len(found)}/{len(pairs)} pairs, largest gap {worst:.2f} pt, "
          f"{len(problems)} problem(s)" + (f": {problems[:3]}" if problems else ""), flush=True)
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="*", default=[3, 5, 8])
    parser.add_argument("--blocks", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [check(Path(tmp), seed, args.blocks, layout)
                   for seed in args.seeds for layout in ("facing", "columns")]
    print(json.dumps({"runs": len(results), "passed": sum(results)}))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
