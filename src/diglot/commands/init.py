"""``diglot init [DIR]``: scaffold a new edition, never writing over anything.

An edition is a folder holding ``diglot.toml`` (every setting, commented, at its default),
``source_fr/`` with a short example article, an empty ``translations/`` and a
``.gitignore`` for what diglot writes. Every target is checked before the first write, so a
refusal leaves the folder as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from diglot.config import Config
from diglot.errors import BuildError

EXAMPLE = "bienvenue"
# (path in the edition, scaffold file in the package; None: an empty folder)
_FILES = (
    ("diglot.toml", "diglot.toml"),
    (".gitignore", "gitignore"),
    (f"{Config.source}/{EXAMPLE}.md", f"{EXAMPLE}.md"),
    (Config.translations, None),
)


@dataclass(frozen=True)
class Scaffold:
    root: Path
    created: tuple[str, ...]
    example: str  # the example article's slug


def init(target: Path) -> Scaffold:
    """Create the edition's files in ``target`` (created if needed)."""
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise BuildError("a file of that name exists; name a new or existing folder", target)
    checked = dict.fromkeys(rel.split("/")[0] for rel, _ in _FILES)
    taken = [rel for rel in checked if os.path.lexists(target / rel)]
    if taken:
        raise BuildError(f"{', '.join(taken)} already {'exists' if len(taken) == 1 else 'exist'} "
                         "here; diglot init writes nothing over what exists (use an empty or a "
                         "new folder)", target)
    made: list[Path] = []
    try:
        for rel, name in _FILES:
            _create(target / rel, name, made)
    except BaseException:
        _remove(made)  # a failed init leaves the folder as it was
        raise
    return Scaffold(target, tuple(rel + ("/" if name is None else "") for rel, name in _FILES),
                    EXAMPLE)


def _create(path: Path, name: str | None, made: list[Path]) -> None:
    try:
        for folder in reversed([path, *path.parents] if name is None else path.parents):
            if not folder.exists():
                folder.mkdir()
                made.append(folder)
        if name is not None:
            with path.open("x", encoding="utf-8") as handle:  # "x": never over a file
                made.append(path)
                handle.write(_scaffold(name))
    except OSError as exc:
        raise BuildError(f"cannot create it: {exc.strerror}", path) from exc


def _remove(made: list[Path]) -> None:
    for path in reversed(made):
        try:
            path.rmdir() if path.is_dir() else path.unlink()
        except OSError:
            pass


def _scaffold(name: str) -> str:
    return resources.files("diglot").joinpath("scaffold", name).read_text("utf-8")
