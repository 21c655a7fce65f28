"""Sentence links inside paragraph pairs against a gold set written by hand
(bench/sentence_gold.json: 165 paragraph pairs from python-docs-fr, Verne's novel, the
shipped Llama 4 article and the showcase test case, every sentence link read and, where
the linker was wrong, corrected by hand). A gold link counts as right when the linker
gives exactly that link: the same French sentences with the same English sentences
(segmentation errors count as wrong links). Also times the linker on a 10,000-paragraph
book of corpus pairs when ../shared/corpora is present.

    python bench/sentences.py [--show] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "src"))

from diglot.source.inline import plain_text, spans  # noqa: E402
from diglot.sentences import link  # noqa: E402
from diglot.sentences.link import link_spans  # noqa: E402

GOLD = ROOT / "sentence_gold.json"


def predicted(item: dict) -> list[tuple[str, str]]:
    fr, en = plain_text(item["fr"]), plain_text(item["en"])
    return [(fr[slice(*x.fr_offsets)], en[slice(*x.en_offsets)])
            for x in link(item["fr"], item["en"])]


def score(items: list[dict], show: bool) -> None:
    right, total = Counter(), Counter()
    for item in items:
        found = set(predicted(item))
        for fr, en in item["links"]:
            ok = (fr, en) in found
            for key in (item["source"], "all"):
                right[key] += ok
                total[key] += 1
            if show and not ok:
                print(f"  {item['id']}: gold\n    FR {fr[:90]!r}\n    EN {en[:90]!r}")
    print(f"gold set: {len(items)} paragraph pairs, {total['all']} links")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        share = 100 * right[key] / total[key]
        print(f"  {key:16} {right[key]:4}/{total[key]:<4} links right  {share:5.1f}%")


def speed(size: int) -> None:
    sys.path.insert(0, str(ROOT))
    from corpus import CORPUS, book, corpus_pairs
    if not CORPUS.is_dir():
        print(f"speed: skipped ({CORPUS} not present)")
        return
    pairs = [(spans(fr), spans(en)) for fr, en in book(corpus_pairs(), size)]
    times = []
    for _ in range(5):
        started = time.perf_counter()
        for fr, en in pairs:
            link_spans(fr, en)
        times.append(time.perf_counter() - started)
    print(f"speed: linking the sentences of all {size:,} pairs (spans already parsed, as the "
          f"HTML builder has them): best {min(times):.2f} s, median {sorted(times)[2]:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every gold link missed")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    parser.add_argument("--size", type=int, default=10000, help="paragraphs timed (10,000)")
    args = parser.parse_args()
    score(json.loads(GOLD.read_text("utf-8")), args.show)
    if not args.no_speed:
        speed(args.size)


if __name__ == "__main__":
    main()
