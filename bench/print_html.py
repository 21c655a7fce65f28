"""What Chromium prints of an article page (its PDF, as a reader's "Print" gives it): a
running head and a page number on every page, no page more than half blank but the last,
link addresses on paper, and only the chosen language when the reader picked one. Run with
a Python that has Playwright (e.g. /opt/checkvenv/bin/python); needs poppler's pdftotext:

    python bench/print_html.py build/html/article.html [--keep DIR]

Prints a line per view (both, en) and, last, one figure line; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile
from xml.etree import ElementTree

_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def printed(path: pathlib.Path, view: str, out: pathlib.Path) -> dict:
    """Print the page in ``view`` (both, fr, en) to ``out``; the page's facts for checking."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=_ARGS)
        page = browser.new_page()
        page.goto(path.resolve().as_uri())
        page.check(f"#view-{view}")
        facts = page.evaluate("""() => ({
          french: [...document.querySelectorAll('main .col-fr')].map(e => e.innerText.trim())
                   .filter(t => t.length > 40),
          urls: [...document.querySelectorAll('main .seg a[href^="http"]')].map(a => a.href)})""")
        page.emulate_media(media="print")
        page.pdf(path=str(out), format="A4", print_background=False)
        browser.close()
    return facts


def pages(pdf: pathlib.Path) -> list[dict]:
    """Per page: its text, the text in the top and bottom margins, and how full it is."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace("&nbsp;", " "))
    out = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        height = float(page.get("height"))
        words = [(float(w.get("yMin")), float(w.get("yMax")), w.text or "")
                 for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        top = " ".join(t for y0, _, t in words if y0 < 0.07 * height)
        bottom = " ".join(t for y0, _, t in words if y0 > 0.93 * height)
        body = [y1 for y0, y1, _ in words if 0.07 * height <= y0 <= 0.93 * height]
        fill = (max(body) - 0.07 * height) / (0.86 * height) if body else 0.0
        out.append({"text": " ".join(t for _, _, t in words), "top": top, "bottom": bottom,
                    "fill": fill})
    return out


def verdict(view: str, facts: dict, sheets: list[dict]) -> list[str]:
    problems = []
    total = len(sheets)
    for number, sheet in enumerate(sheets, 1):
        if not sheet["top"]:
            problems.append(f"page {number}: no running head")
        if f"{number} / {total}" not in sheet["bottom"]:
            problems.append(f"page {number}: no page number")
        if number < total and sheet["fill"] < 0.5:
            problems.append(f"page {number}: {100 - 100 * sheet['fill']:.0f}% blank")
    text = " ".join(s["text"] for s in sheets)
    squashed = re.sub(r"\s+", "", text)
    problems += [f"link address not printed: {u}" for u in facts["urls"]
                 if view != "fr" and re.sub(r"\s+", "", u)[:40] not in squashed]
    if view == "en":
        body = " ".join(s["text"].replace(s["top"], "") for s in sheets)
        problems += [f"French printed in the English view: {f[:40]}…" for f in facts["french"]
                     if re.sub(r"\s+", "", f)[:40] in re.sub(r"\s+", "", body)]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=pathlib.Path)
    parser.add_argument("--keep", type=pathlib.Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    folder = args.keep or pathlib.Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    for view in ("both", "en"):
        pdf = folder / f"{args.page.stem}.{view}.pdf"
        facts = printed(args.page, view, pdf)
        sheets = pages(pdf)
        problems = verdict(view, facts, sheets)
        fills = ", ".join(f"{100 * s['fill']:.0f}%" for s in sheets)
        print(f"{view}: {len(sheets)} pages (filled {fills}), {len(facts['urls'])} link(s)")
        for problem in problems:
            print(f"  FAIL {problem}")
        failures += len(problems)
    print(f"print-html: {args.page.name}, {failures} problem(s), {'FAIL' if failures else 'PASS'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
