"""Confinement of every path diglot writes, deletes or reads in a project: resolved
(symbolic links followed) and required to lie inside the folder it belongs to, itself
inside the project.

A repository can hold symbolic links and crafted files (a build manifest naming
``../../source_fr/a.md``); checking the real path right before each write or delete is
what keeps a clone from steering diglot outside its folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from diglot.errors import PathError
from diglot.safety import VCS_FOLDERS


def real(path: Path, shown: str) -> Path:
    """``path`` with every symbolic link resolved (the path need not exist)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python < 3.13)
        raise PathError("cannot resolve the path (a loop of symbolic links?); remove the "
                        "link", shown) from None


@dataclass(frozen=True)
class Area:
    """A folder diglot may write in: ``folder``, inside the project folder ``root``."""

    root: Path
    folder: Path

    @cached_property
    def _reals(self) -> tuple[Path, Path]:
        """The real project folder and the real folder (resolved once per run)."""
        base, inside = real(self.root, str(self.root)), real(self.folder, str(self.folder))
        if inside != base and not inside.is_relative_to(base):
            raise PathError(_outside(self.root, self.folder, "the project"),
                            _rel(self.folder, self.root))
        return base, inside

    def check(self, path: Path, shown: str, follow: bool = True) -> Path:
        """The real path of ``path``; PathError unless it lies strictly inside the folder
        (and the folder inside the project). ``follow=False``: nor through a symbolic link
        below the folder, even one that stays inside it (a template linked to a PO file
        would be written over it; a language folder linked to another would publish it)."""
        base, inside = self._reals
        target = real(path, shown)
        if target == inside or not target.is_relative_to(inside):
            where = "the project" if inside == base else f"'{_rel(self.folder, self.root)}/'"
            raise PathError(_outside(self.root, path, where), shown)
        vcs = _vcs_in(target.relative_to(base).parts)  # both resolved already
        if vcs is not None:  # an attack round: output = ".git/refs/heads" broke the repository
            raise PathError(f"this path is in the version-control folder '{vcs}'; diglot "
                            "never writes there: choose a folder of the project's own", shown)
        if not follow and target != path.absolute() and (link := _first_link(self.folder, path)):
            raise PathError(f"'{_rel(link, self.root)}' is a symbolic link (to "
                            f"'{os.readlink(link)}'); diglot neither writes through links nor "
                            "reads translations through them: remove the link, or make it a "
                            "file or folder of its own", shown)
        return target


def vcs_part(root: Path, path: Path) -> str | None:
    """The version-control folder (``.git``…) that ``path`` lies in inside the project
    ``root``, its links followed; None for another."""
    try:
        base = root.resolve()
        parts = path.resolve().relative_to(base).parts
    except (OSError, RuntimeError, ValueError):
        return None  # outside the project, or unresolvable: the area's own checks say so
    named = _vcs_in(parts)
    if named is not None:
        return named
    # git's own folder under another name (git init --separate-git-dir=store, a worktree's)
    folders = (base.joinpath(*parts[:k]) for k in range(1, len(parts) + 1))
    return next((f.name for f in folders if _git_store(f)), None)


def _git_store(folder: Path) -> bool:
    return (folder / "HEAD").is_file() and (folder / "objects").is_dir() and \
        (folder / "refs").is_dir()


def _vcs_in(parts: tuple[str, ...]) -> str | None:
    # Case aside: on a file system that ignores case (macOS, Windows) ".GIT" is ".git".
    return next((part for part in parts if part.casefold() in VCS_FOLDERS), None)


def _outside(root: Path, path: Path, where: str) -> str:
    """Why ``path`` is outside ``where``: the symbolic link that leads there, if any."""
    link = _first_link(root, path)
    if link is None:
        return f"this path is outside {where}; diglot writes and deletes only inside it"
    target = os.readlink(link)
    return (f"'{_rel(link, root)}' is a symbolic link to '{target}', which leads outside "
            f"{where}; diglot writes and deletes only inside it: remove the link, or make it "
            "a folder or file inside the project")


def _first_link(root: Path, path: Path) -> Path | None:
    """The first component of ``path`` below ``root`` that is a symbolic link."""
    try:
        parts = path.absolute().relative_to(root.absolute()).parts
    except ValueError:
        return None
    current = root.absolute()
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(path)
