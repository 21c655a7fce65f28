"""Issue #13: seeded mutation fuzzing of review DOCX parts, build manifests and Markdown
sources. Every run must end with exit 0, 1 or 2 (never a traceback), write nothing outside
the project, and change nothing when it failed.

Each fuzzer runs seeds 0, 1, 2… (``DIGLOT_FUZZ_SEEDS`` of them, default 20: the same runs on
every machine, however fast); a failure names its seed, which replays it alone.
"""

from __future__ import annotations

import json
import os
import random
import zipfile
from pathlib import Path

import pytest
import hostile_support
from hostile_support import World

from diglot.po.parser import parse_po

SEEDS = int(os.environ.get("DIGLOT_FUZZ_SEEDS", "20"))
SOURCE = ("---\ntitle: Un *titre*\n---\n\n# Titre\n\nLe **modèle** est `rapide` et [fiable](https://x.org/a).\n\n"
          "- un\n  - deux\n\n> cité\n\nFin ![img](a.png) &amp; [réf][r].\n\n[r]: https://r.org/ \"T\"\n")


def _seeds() -> range:
    """Seeds 0, 1, 2…: as many as ``DIGLOT_FUZZ_SEEDS`` says (the same ones on every machine)."""
    return range(SEEDS)


@pytest.fixture
def world(make_project, tmp_path) -> World:
    w = World(make_project({"article": hostile_support.SOURCE}, {"article": hostile_support.ENGLISH}),
              tmp_path)
    w.proj.source("article", SOURCE)  # the first article's translations become fuzzy or obsolete
    logo = Path(__file__).parent / "cases" / "showcase" / "images" / "logo.png"
    (w.root / "source_fr" / "a.png").write_bytes(logo.read_bytes())  # the image it shows
    assert w.run("update").exit_code == 0
    return w


def _checked(world: World, seed: int, *args: str):
    """Run; any exception other than a clean exit propagates (the CLI runs in-process)."""
    before = world.snapshot()
    result = world.run(*args)
    assert result.exit_code in (0, 1, 2), (seed, args, result.output)
    assert world.outside_untouched(), (seed, args)
    if result.exit_code == 2:
        assert world.snapshot() == before, (seed, args, result.output)
        assert result.output.count("\n") == 1, (seed, result.output)
    return result


# -- review documents ---------------------------------------------------------------------

SNIPPETS = [b'<!DOCTYPE w:document [<!ENTITY a "b">]>', b"&a;", b'<w:sym w:char="zz"/>',
            b"\x00", b"<w:p>" * 300, b'<w:bookmarkStart w:id="9" w:name="_dg0123456789abcdef"/>',
            b'<w:r><w:t>\xe2\x80\xa8\r\n#~ msgid "x"</w:t></w:r>', b"]]>", b"<?xml version='1.0'?>",
            b'<row n="1" key="0" po="0" shown="0"/>', b'w:val="999999999999999"', b"\xff\xfe"]
PARTS = ["word/document.xml", "customXml/item1.xml", "[Content_Types].xml",
         "word/_rels/document.xml.rels", "word/styles.xml", "_rels/.rels"]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        choice = rng.randrange(5)
        if choice == 0 and data:
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            data[at:at] = rng.choice(SNIPPETS)
        elif choice == 2:
            del data[at:at + rng.randint(1, 200)]
        elif choice == 3:
            data[at:at] = data[max(0, at - 300):at]
        else:
            data = data[:at]
    return bytes(data)


def _mutated_package(source: Path, target: Path, rng: random.Random) -> None:
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for name in rng.sample(PARTS, rng.randint(1, 2)):
        if name in parts:
            parts[name] = _mutate(parts[name], rng)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    if rng.random() < 0.15:  # damage the zip itself
        target.write_bytes(_mutate(target.read_bytes(), rng))


def test_fuzzed_review_documents_never_crash_or_write_outside(world, tmp_path):
    exported = world.root / world.run("review", "export", "article").output.strip()
    for seed in _seeds():
        rng = random.Random(seed)
        path = tmp_path / f"fuzz-{seed}.docx"
        _mutated_package(exported, path, rng)
        _checked(world, seed, "review", "import", str(path), "--dry-run")
        _checked(world, seed, "review", "import", str(path))
        if seed % 4 == 0:
            _checked(world, seed, "align", "article", str(path))


# -- build manifests ------------------------------------------------------------------------

PATH_PIECES = ["html", "docx", "..", ".", "", "/", "\\", "article.html", "article.docx",
               "source_fr", "translations", "en", "index.html", "edition.docx", "~",
               "/etc/passwd", "../outside/victim.txt", "html/../..", "\x00", "é", "a" * 300,
               ".diglot-manifest.json", "review"]


def _manifest(rng: random.Random):
    def path() -> str:
        return "/".join(rng.choice(PATH_PIECES) for _ in range(rng.randint(1, 5)))

    def value():
        return rng.choice(["0", 1, None, [], {}, "x" * 64, {"a": "b"}, True, 1e308])

    outputs = {path(): value() for _ in range(rng.randint(0, 12))}
    return rng.choice([{"version": 1, "outputs": outputs}, {"version": 1, "outputs": list(outputs)},
                       {"version": rng.choice([0, 2, "1", None]), "outputs": outputs}, outputs,
                       [outputs], "null", {"version": 1}])


def test_fuzzed_manifests_never_delete_anything_but_outputs(world):
    assert world.run("build").exit_code == 0
    keep = {k: v for k, v in world.snapshot().items() if not k.startswith("build/")}
    for seed in _seeds():
        rng = random.Random(seed)
        target = world.root / "build" / ".diglot-manifest.json"
        target.write_text(json.dumps(_manifest(rng)))
        (world.root / "build/html/stray.html").write_text("a file diglot did not write")
        result = _checked(world, seed, "build", *rng.choice([[], ["--force"], ["--format", "html"]]))
        assert result.exit_code == 0, (seed, result.output)
        now = world.snapshot()
        assert {k: v for k, v in now.items() if not k.startswith("build/")} == keep, seed
        assert "build/html/article.html" in now and "build/docx/article.docx" in now, seed


# -- Markdown sources ---------------------------------------------------------------------

MARKDOWN = (["[", "]", "(", ")", "`", "``", "*", "_", "**", "!", "\\", "<", ">", "&", "&amp;",
             "&#0;", "&#x110000;", "#", "-", "1.", ">", "\n", "\n\n", "  \n", "    ", "\t", "|",
             "[x]: <y>", "http://a.b", "mailto:a@b", "javascript:alert(1)", "---", "~~~", "```",
             "\u00a0", "\u2003", "\u3000", "\u2028", "\u2029", "\u200b", "\ufeff", "\u202e",
             "é", "ß", "日本", "😀", "\x0c", "\x1b", "\r", "\x00", "{{", "}}", "<script>",
             "%", "\"", "'"] + ["mot "] * 12)


def _markdown(rng: random.Random) -> str:
    text = "".join(rng.choice(MARKDOWN) for _ in range(rng.randint(1, 160)))
    if rng.random() < 0.2:
        text = "---\n" + rng.choice(["title: [", "title: !!python/object x", "a: b", "- x"]) + "\n---\n" + text
    if rng.random() < 0.1:
        text = rng.choice(["[" * 5000, "`" * 3000 + "x", "*a " * 2000, "> " * 500 + "x",
                           "- " * 300 + "x"]) + text
    return text


def test_fuzzed_markdown_never_crashes_or_writes_outside(world):
    for seed in _seeds():
        rng = random.Random(seed)
        source = world.root / "source_fr" / "article.md"
        source.write_bytes(_markdown(rng).encode("utf-8", "surrogatepass"))
        update = _checked(world, seed, "update")
        build = _checked(world, seed, "build", "--force")
        if update.exit_code == 0:
            po = world.po_path().read_bytes()
            assert po.count(b'msgid ""\nmsgstr') == 1, seed  # one header, never two
            parse_po(po, "article.po")
            assert build.exit_code in (0, 2), (seed, build.output)
