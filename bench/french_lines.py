"""Where lines of the French column start, as Chromium lays out a page: no line may start
with a mark French typography keeps on the previous line (: ; ! ? » %), nor split a number
(12 000). Run with a Python that has Playwright (e.g. /opt/checkvenv/bin/python):

    python bench/french_lines.py build/html/article.html [--widths 390,1280]

Prints each offending line start and, last, one figure line; exit 1 when any is found.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

FORBIDDEN = ":;!?»%"
_SCRIPT = """(forbidden) => {
  const out = [];
  for (const cell of document.querySelectorAll('.col-fr, .source')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let lastTop = null, lines = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('code, pre')) { lastTop = null; continue; }
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.width) continue;
        if (lastTop === null || rect.top > lastTop + rect.height / 2) {
          lines++;
          const start = text.slice(i).trimStart();
          if (lastTop !== null && (forbidden.includes(text[i]) || /^\\d{3}\\b/.test(start)
              && /\\d[ \\u00a0\\u202f]$/.test(text.slice(0, i))))
            out.push(text.slice(Math.max(0, i - 20), i) + '|' + text.slice(i, i + 20));
        }
        lastTop = rect.top;
      }
    }
  }
  return out;
}"""


def check(path: pathlib.Path, widths: list[int]) -> int:
    from playwright.sync_api import sync_playwright

    found = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(path.resolve().as_uri())
            bad = page.evaluate(_SCRIPT, FORBIDDEN)
            found += len(bad)
            for line in bad:
                print(f"{path.name} @{width}px: line starts at {line!r}")
            page.close()
        browser.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", type=pathlib.Path)
    parser.add_argument("--widths", default="390,1280")
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    bad = sum(check(page, widths) for page in args.pages)
    print(f"french-lines: {len(args.pages)} page(s) at {args.widths} px, "
          f"{bad} line(s) starting with a forbidden mark, {'FAIL' if bad else 'PASS'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
