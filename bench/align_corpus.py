"""``diglot align`` on the whole python-docs-fr corpus (419 articles): the English written
out from the gold translations (Markdown, plain text and .docx), clean and damaged, aligned
with the French, every proposal compared with the gold.

The English of an article is the msgstr of each translated entry, in order (untranslated
and fuzzy entries give none: their French paragraphs are orphans). Damage, with a fixed
seed per article: 10% of the English paragraphs merged with the next, 10% split at a
sentence end, 5% dropped (more orphans), and 5% as many paragraphs of other articles
inserted ("foreign" English, which should be left unmatched). A French segment is right
when its proposal is its own gold English (plain text, blanks folded), or when it has no
gold English and gets no proposal.

    python bench/align_corpus.py [--formats md txt docx] [--damage clean damaged]
                                 [--accept-above 0.8] [--articles N] [--seed 18] [-j 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = Path(os.environ.get("DIGLOT_CORPORA", ROOT.parent / "shared" / "corpora")) / "python-docs-fr"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
_BLOCK_START = re.compile(r"^(#|[-+*] |\d+[.)]( |$)|>|<|`{3}|~{3}|=|\|)")


@dataclass
class Unit:
    """One English paragraph as written out: its Markdown, the French it translates."""

    text: str
    french: list[int]
    heading: bool = False
    foreign: bool = False


@dataclass
class Result:
    """What one article's alignment got right."""

    segments: int = 0
    right: int = 0
    orphans: int = 0
    orphans_given_text: int = 0
    proposals: list = field(default_factory=list)  # (confidence, right, shape)
    foreign: int = 0
    foreign_listed: int = 0
    foreign_absorbed: int = 0
    evidence: list = field(default_factory=list)  # (confidence features, right), for --dump


def fold(text: str | None) -> str | None:
    from diglot.source.inline import plain_text

    return None if text is None else " ".join(plain_text(text).split())


def article(slug: str):
    from diglot.po.parser import parse_po
    from diglot.source.reader import parse_article

    md = (CORPUS / "source_fr" / f"{slug}.md").read_text("utf-8")
    french = parse_article(md, slug, f"source_fr/{slug}.md").segments
    po = CORPUS / "translations" / "en" / f"{slug}.po"
    entries = {e.msgid: e for e in parse_po(po.read_bytes(), str(po)).entries}
    gold = [entries[b.text].msgstr if b.text in entries and entries[b.text].translated else None
            for b in french]
    return french, gold


def units_of(french, gold) -> list[Unit]:
    return [Unit(en, [i], heading=french[i].kind != "paragraph")
            for i, en in enumerate(gold) if en is not None]


def damage(units: list[Unit], gold: list, pool: list[str], rng: random.Random) -> list[Unit]:
    """Merge 10%, split 10%, drop 5% of the paragraphs, insert 5% foreign ones; ``gold``
    is updated (a dropped paragraph's French has no English any more)."""
    from diglot.align.refine import sentences

    out: list[Unit] = []
    k = 0
    while k < len(units):
        unit, roll = units[k], rng.random()
        following = units[k + 1] if k + 1 < len(units) else None
        if unit.heading or roll >= 0.25:
            out.append(unit)
        elif roll < 0.10 and following is not None and not following.heading:
            out.append(Unit(f"{unit.text} {following.text}", unit.french + following.french))
            k += 1
        elif roll < 0.20 and len(pieces := sentences(unit.text)) > 1:
            at = rng.randrange(1, len(pieces))
            out += [Unit(" ".join(pieces[:at]), unit.french), Unit(" ".join(pieces[at:]), unit.french)]
        elif roll >= 0.20:
            for i in unit.french:
                gold[i] = None
        else:
            out.append(unit)
        k += 1
    for _ in range(round(0.05 * len(units))):
        at = rng.randrange(1, len(out) + 1)
        out.insert(at, Unit(rng.choice(pool), [], foreign=True))
    return out


# --- writing the English out -------------------------------------------------------------

def write(units: list[Unit], fmt: str, folder: Path) -> Path:
    path = folder / f"english.{fmt}"
    if fmt == "docx":
        _write_docx(units, path)
    elif fmt == "md":
        path.write_text("\n\n".join(("# " + u.text) if u.heading else _escaped(u.text)
                                    for u in units) + "\n", "utf-8")
    else:
        path.write_text("\n\n".join(u.text for u in units) + "\n", "utf-8")
    return path


def _escaped(text: str) -> str:
    """A paragraph that would start block syntax keeps its first character as text."""
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0), text, count=1)


def _write_docx(units: list[Unit], path: Path) -> None:
    """Headings in Heading 1, paragraphs with bold, italic and code (Courier New) runs."""
    import docx

    from diglot.source.inline import spans

    document = docx.Document()
    for unit in units:
        if unit.heading:
            document.add_heading(_plain(unit.text), 1)
            continue
        paragraph = document.add_paragraph()
        for span in spans(unit.text):
            run = paragraph.add_run(span.text)
            run.bold, run.italic = span.bold or None, span.italic or None
            if span.code:
                run.font.name = "Courier New"
    document.save(str(path))


def _plain(text: str) -> str:
    from diglot.source.inline import plain_text

    return plain_text(text)


# --- one article ---------------------------------------------------------------------------

def run_article(job) -> Result:
    slug, fmt, damaged, seed = job
    from diglot.align.aligner import align
    from diglot.align.apply import proposals
    from diglot.align.english import read_english

    french, gold = article(slug)
    units = units_of(french, gold)
    if damaged:
        units = damage(units, gold, [text for owner, text in POOL if owner != slug],
                       random.Random(f"{seed}:{slug}"))
    with tempfile.TemporaryDirectory() as folder:
        english = read_english(write(units, fmt, Path(folder)), "english")
    alignment = align(french, english)
    found = {p.index: p for p in proposals(alignment)}
    return _score(french, gold, units, alignment, found)


def _score(french, gold, units, alignment, found) -> Result:
    result = Result(segments=len(french))
    evidence = {i: bead.evidence for bead in alignment.pairs for i in bead.fr}
    for i in range(len(french)):
        proposal = found.get(i)
        ok = fold(proposal.text if proposal else None) == fold(gold[i])
        result.right += ok
        if gold[i] is None:
            result.orphans += 1
            result.orphans_given_text += proposal is not None
        if proposal is not None:
            result.proposals.append((proposal.confidence, ok, proposal.label))
            result.evidence.append((evidence[i], ok))
    foreign = [fold(u.text) for u in units if u.foreign]
    unmatched = {fold(alignment.english[j].text) for b in alignment.beads if not b.fr for j in b.en}
    given = " | ".join(fold(p.text) for p in found.values())
    result.foreign = len(foreign)
    result.foreign_listed = sum(f in unmatched for f in foreign)
    result.foreign_absorbed = sum(f in given for f in foreign)
    return result


# --- the whole corpus ----------------------------------------------------------------------

POOL: list[tuple[str, str]] = []


def _share(pool: list[tuple[str, str]]) -> None:
    POOL[:] = pool


def corpus_pool(slugs: list[str]) -> list[tuple[str, str]]:
    """(article, English paragraph) of every article, for foreign insertions."""
    from diglot.po.parser import parse_po

    pool = []
    for slug in slugs:
        po = CORPUS / "translations" / "en" / f"{slug}.po"
        pool += [(slug, e.msgstr) for e in parse_po(po.read_bytes(), str(po)).entries[1:]
                 if e.translated and len(e.msgstr) > 40]
    return pool


def report(name: str, results: list[Result], accept: float) -> dict:
    total = Counter()
    proposals = [p for r in results for p in r.proposals]
    for r in results:
        for key in ("segments", "right", "orphans", "orphans_given_text", "foreign",
                    "foreign_listed", "foreign_absorbed"):
            total[key] += getattr(r, key)
    accepted = [ok for c, ok, _ in proposals if c >= accept]
    wrong_merges = sum(1 for c, ok, label in proposals if c >= accept and not ok and "merge" in label)
    accuracy = 100 * total["right"] / total["segments"]
    precision = 100 * sum(accepted) / max(len(accepted), 1)
    print(f"{name}: {total['right']:,}/{total['segments']:,} segments right = {accuracy:.2f}%; "
          f"at --accept-above {accept}: {len(accepted):,} accepted, {precision:.2f}% right "
          f"({len(accepted) - sum(accepted)} wrong, {wrong_merges} of them merges); "
          f"AUROC {auroc(proposals):.3f}")
    print(f"    orphans: {total['orphans']:,}, given text: {total['orphans_given_text']:,}; "
          f"foreign paragraphs: {total['foreign']:,}, listed unmatched: "
          f"{total['foreign_listed']:,}, absorbed into a proposal: {total['foreign_absorbed']:,}")
    row = []
    for threshold in THRESHOLDS:
        above = [ok for c, ok, _ in proposals if c >= threshold]
        row.append(f"≥{threshold}: {100 * sum(above) / max(len(above), 1):.1f}% of {len(above):,}")
    print("    right above each threshold: " + "; ".join(row))
    return {"accuracy": accuracy, "precision": precision}


def auroc(proposals) -> float:
    """The chance that a right proposal is more confident than a wrong one (ties half)."""
    right = sorted(c for c, ok, _ in proposals if ok)
    wrong = sorted(c for c, ok, _ in proposals if not ok)
    if not right or not wrong:
        return 1.0
    from bisect import bisect_left, bisect_right

    wins = sum(bisect_left(wrong, c) + (bisect_right(wrong, c) - bisect_left(wrong, c)) / 2
               for c in right)
    return wins / (len(right) * len(wrong))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", nargs="+", default=["md", "txt", "docx"])
    parser.add_argument("--damage", nargs="+", default=["clean", "damaged"])
    parser.add_argument("--accept-above", type=float, default=0.8)
    parser.add_argument("--articles", type=int, default=0, help="only the first N articles")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dump", type=Path, help="write each proposal's confidence features "
                        "and whether it was right, one JSON line each (bench/fit_confidence.py)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"skipped: {CORPUS} not present")
    slugs = sorted(p.stem for p in (CORPUS / "source_fr").glob("*.md"))
    slugs = slugs[:args.articles] if args.articles else slugs
    pool = corpus_pool(slugs)
    import time

    with ProcessPoolExecutor(args.jobs, initializer=_share, initargs=(pool,)) as executor:
        for damage_kind in args.damage:
            for fmt in args.formats:
                started = time.perf_counter()
                jobs = [(slug, fmt, damage_kind == "damaged", args.seed) for slug in slugs]
                results = list(executor.map(run_article, jobs, chunksize=4))
                if args.dump:
                    with args.dump.open("a", encoding="utf-8") as out:
                        for slug, r in zip(slugs, results):
                            for values, ok in r.evidence:
                                out.write(json.dumps([slug, damage_kind, fmt, values, ok]) + "\n")
                report(f"{damage_kind} {fmt} ({time.perf_counter() - started:.0f} s)",
                       results, args.accept_above)


if __name__ == "__main__":
    main()
