"""A throwaway diglot project on disk, driven through the real CLI."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from diglot.cli import main
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po


class Proj:
    def __init__(self, root: Path):
        self.root = root
        (root / "source_fr").mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def source(self, slug: str, text: str) -> Path:
        return self.write(f"source_fr/{slug}.md", text)

    def run(self, *args: str):
        return CliRunner().invoke(main, ["-C", str(self.root), *args], catch_exceptions=False)

    def po(self, slug: str, lang: str = "en"):
        path = self.root / "translations" / lang / f"{slug}.po"
        return parse_po(path.read_bytes(), str(path))

    def entries(self, slug: str, lang: str = "en") -> dict:
        return {e.msgid: e for e in self.po(slug, lang).entries}

    def translate(self, slug: str, mapping: dict[str, str], lang: str = "en") -> None:
        """Play the translator: fill msgstrs as an editor would, and save."""
        from dataclasses import replace

        catalog = self.po(slug, lang)
        catalog.entries = [replace(e, msgstr=mapping.get(e.msgid, e.msgstr)) for e in catalog.entries]
        (self.root / "translations" / lang / f"{slug}.po").write_bytes(dump_po(catalog))

    def snapshot(self) -> dict[str, str]:
        """Hash of every file, to prove a failed run changed nothing."""
        return {p.relative_to(self.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.root.rglob("*")) if p.is_file() and p.name != ".diglot.lock"}
