"""Whether two PDFs print the same pages: per page, the same words at the same places
(within 0.01 pt), read with ``pdftotext -bbox``. A book made in parts and one made in a
single process differ by a millionth of a point here and there (each part measured its
passages at other heights of its measuring page), enough to flip the order in which plain
``pdftotext`` reads two words of one line; this reads each page by place instead.
Usage: python bench/pdf_same_pages.py A.pdf B.pdf
"""

from __future__ import annotations

import re
import subprocess
import sys

TOLERANCE = 0.01  # points

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def pages(pdf: str) -> list[list[tuple[str, float, float]]]:
    """Per page, each word and its top-left corner, by line (rounded top) then from left."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        words = [(w, float(x), float(y)) for x, y, w in _WORD.findall(page)]
        out.append(sorted(words, key=lambda t: (round(t[2]), t[1])))
    return out


def differences(a: str, b: str) -> list[str]:
    first, second = pages(a), pages(b)
    found = [] if len(first) == len(second) else [f"{len(first)} pages against {len(second)}"]
    for number, (p, q) in enumerate(zip(first, second), 1):
        if [w for w, _, _ in p] != [w for w, _, _ in q]:
            found.append(f"page {number}: other words")
        elif any(abs(u[1] - v[1]) > TOLERANCE or abs(u[2] - v[2]) > TOLERANCE
                 for u, v in zip(p, q)):
            found.append(f"page {number}: words moved")
    return found


def main() -> None:
    a, b = sys.argv[1:3]
    found = differences(a, b)
    count = len(pages(a))
    print(f"{count} pages: " + ("the same words at the same places" if not found
                                else f"{len(found)} difference(s): {found[:5]}"))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
