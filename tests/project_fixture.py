"""A throwaway diglot project on disk, driven through the real CLI (``Proj``), and the
session's store of made projects behind conftest's ``make_project`` (``ProjectCache``)."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from diglot.cli import main
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po


class Proj:
    def __init__(self, root: Path):
        self.root = root
        (root / "source_fr").mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def source(self, slug: str, text: str) -> Path:
        return self.write(f"source_fr/{slug}.md", text)

    def run(self, *args: str, **env: str):
        """The CLI in-process (``env``: variables set for this run only); a traceback comes
        out as an exception, not as a result."""
        return CliRunner().invoke(main, ["-C", str(self.root), *args], env=env or None,
                                  catch_exceptions=False)

    def po_path(self, slug: str, lang: str = "en") -> Path:
        return self.root / "translations" / lang / f"{slug}.po"

    def po(self, slug: str, lang: str = "en"):
        path = self.po_path(slug, lang)
        return parse_po(path.read_bytes(), str(path))

    def entries(self, slug: str, lang: str = "en") -> dict:
        return {e.msgid: e for e in self.po(slug, lang).entries}

    def translate(self, slug: str, mapping: dict[str, str], lang: str = "en") -> None:
        """Play the translator: fill msgstrs as an editor would, and save."""
        self.edit(slug, {msgid: {"msgstr": text} for msgid, text in mapping.items()}, lang)

    def edit(self, slug: str, changes: dict[str, dict], lang: str = "en") -> None:
        """Change entries' fields ({msgid: {field: value}}: flags, comments…), and save."""
        catalog = self.po(slug, lang)
        catalog.entries = [replace(e, **changes.get(e.msgid, {})) for e in catalog.entries]
        self.po_path(slug, lang).write_bytes(dump_po(catalog))

    def snapshot(self) -> dict[str, str]:
        """Hash of every file, to prove a failed run changed nothing."""
        return {p.relative_to(self.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.root.rglob("*")) if p.is_file() and p.name != ".diglot.lock"}


class ProjectCache:
    """Projects made once per session from a recipe (what ``make_project`` was asked), kept
    under ``folder`` and never changed after: tests get copies."""

    def __init__(self, folder: Path):
        self.folder = folder

    @staticmethod
    def recipe(name, articles, po, config, files, update, build, runs) -> tuple:
        files = dict(files)
        if config is not None:
            files["diglot.toml"] = config
        update = bool(articles) if update is None else update
        po = {(k, "en") if isinstance(k, str) else tuple(k): dict(v) for k, v in po.items()}
        if po and not update:
            raise ValueError("po= fills the files an update makes: it needs update=True")
        # The build time is part of every output, so it is part of the recipe.
        return (name, tuple(sorted(articles.items())), tuple(sorted(files.items())), update,
                tuple(sorted((k, tuple(sorted(v.items()))) for k, v in po.items())), build,
                tuple(tuple(args) for args in runs), os.environ.get("SOURCE_DATE_EPOCH"))

    def made(self, recipe: tuple) -> Path:
        key = hashlib.sha256(repr(recipe).encode()).hexdigest()[:16]
        made = self.folder / key
        if not made.is_dir():
            partial = self.folder / f"{key}.partial"
            shutil.rmtree(partial, ignore_errors=True)  # a recipe that failed earlier
            _make(partial / recipe[0], recipe)
            partial.rename(made)
        return made / recipe[0]


def _make(root: Path, recipe: tuple) -> None:
    _, articles, files, update, po, build, runs, _ = recipe
    proj = Proj(root)
    for rel, data in files:
        proj.write(rel, data)
    for slug, text in articles:
        proj.source(slug, text)
    if update:
        _ok(proj, "update")
    for (slug, lang), mapping in po:
        proj.edit(slug, {msgid: fields if isinstance(fields, dict) else {"msgstr": fields}
                         for msgid, fields in mapping}, lang)
    if build:
        _ok(proj, "build", *(() if build is True else ("--format", build)))
    for args in runs:
        _ok(proj, *args)


def _ok(proj: Proj, *args: str) -> None:
    result = proj.run(*args)
    assert result.exit_code == 0, f"diglot {' '.join(args)} while making a project:\n{result.output}"
