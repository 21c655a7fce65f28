"""A project beside an "outside" folder, for hostile-input tests: every test asserts what the
run did to the file system, inside the project and outside it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from project_fixture import Proj

# The project of every world: one article, translated.
SOURCE = "# Titre\n\nLe modèle est rapide.\n\nUn paragraphe flou.\n"
ENGLISH = {"Titre": "Title", "Le modèle est rapide.": "The model is fast.",
           "Un paragraphe flou.": "A hazy paragraph."}


def tree(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (files by content, links by target, folders), unfollowed."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_dir():
                found[rel] = "dir"
            elif name != ".diglot.lock":
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class World:
    """A project (``make_project``'s) and ``outside/`` beside it."""

    def __init__(self, proj: Proj, base: Path):
        self.outside = base / "outside"
        self.outside.mkdir()
        (self.outside / "victim.txt").write_text("keep me\n")
        self.proj = proj
        self.root = proj.root
        self.before_outside = tree(self.outside)

    def run(self, *args: str, **env: str):
        """The CLI in-process; a traceback would come out as an exception, not a result."""
        return self.proj.run(*args, **env)

    def snapshot(self) -> dict[str, str]:
        return tree(self.root)

    def outside_untouched(self) -> bool:
        return tree(self.outside) == self.before_outside

    def po_path(self, slug: str = "article", lang: str = "en") -> Path:
        return self.proj.po_path(slug, lang)


def one_error_line(result, *needles: str) -> bool:
    """Exit 2 with exactly one line, ``Error: …``, holding every needle."""
    lines = result.output.splitlines()
    return (result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("Error: ")
            and all(n in lines[0] for n in needles))
