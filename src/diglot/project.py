"""The on-disk layout of a diglot project in one place: where sources, PO files, templates
and outputs live, which articles exist, and safe output names for them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from diglot import locales
from diglot.config import Config, key_line, load_config
from diglot.errors import ConfigError, SourceError
from diglot.paths import Area
from diglot.safety import unsafe_name


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config
    config_path: Path | None = None

    @classmethod
    def load(cls, root: Path | str = ".") -> "Project":
        root = Path(root).absolute()
        if not root.is_dir():
            raise ConfigError("project folder does not exist", root)
        config, path = load_config(root)
        project = cls(root, config, path)
        project._check_languages()
        project._check_folders()
        return project

    def _check_folders(self) -> None:
        """The source, translations and output folders lie inside the project once symbolic
        links are resolved, with a configuration file or without one."""
        for folder in (self.source_dir, self.translations_dir, self.output_dir):
            self.area().check(folder, self.rel(folder))

    def area(self, folder: Path | None = None) -> Area:
        """Where a write may go: ``folder`` (default: anywhere in the project)."""
        folder = self.root if folder is None else folder
        if folder not in self._areas:
            self._areas[folder] = Area(self.root, folder)
        return self._areas[folder]

    @cached_property
    def _areas(self) -> dict[Path, Area]:
        return {}

    def _check_languages(self) -> None:
        for key, code in [("source_language", self.config.source_language),
                          *(("languages", c) for c in self.config.languages)]:
            if not locales.is_known(code) or "/" in code or code.startswith("."):
                self._config_error(key, f"unknown language '{code}' (babel has no locale data "
                                        "for it; use a code such as 'en' or 'en_GB')")
        for lang, tag in self.config.proofing.items():
            if not locales.is_known(tag):
                self._config_error("proofing", f"proofing tag '{tag}' for '{lang}' is not a "
                                               "language tag babel knows; write one such as 'en-GB'")

    def _config_error(self, key: str, message: str):
        if self.config_path is None:
            raise ConfigError(message, self.root)
        raise ConfigError(message, self.config_path.name, key_line(self.config_path, key))

    @property
    def languages(self) -> tuple[str, ...]:
        return self.config.languages

    @property
    def source_dir(self) -> Path:
        return self.root / self.config.source

    @property
    def translations_dir(self) -> Path:
        return self.root / self.config.translations

    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output

    def rel(self, path: Path) -> str:
        """Project-relative POSIX path, as messages and PO references show it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def template_path(self, slug: str) -> Path:
        return self.translations_dir / "templates" / f"{slug}.pot"

    def po_path(self, lang: str, slug: str) -> Path:
        return self.translations_dir / lang / f"{slug}.po"

    def source_path(self, slug: str) -> Path:
        return self.source_dir / f"{slug}.md"

    def slugs(self) -> list[str]:
        """Every article: the ``*.md`` files of the source folder, sorted."""
        if not self.source_dir.is_dir():
            raise SourceError(f"no '{self.config.source}' folder here; run diglot in the "
                              "project folder (or name it with -C DIR), or create "
                              f"'{self.config.source}/' for the French articles", self.root)
        try:
            found = sorted(p for p in self.source_dir.glob("*.md") if p.is_file())
        except OSError as exc:
            raise SourceError(f"cannot list the source folder: {exc.strerror}",
                              self.rel(self.source_dir)) from exc
        return [self._source_slug(path) for path in found]

    def _source_slug(self, path: Path) -> str:
        """A source's article name, refused when PO references or messages cannot carry it
        (a newline would break the ``#:`` line) or when it leads outside the project."""
        problem = unsafe_name(path.name)
        if problem:
            raise SourceError(f"the file name {problem}; rename the file",
                              self.rel(path))
        if path.is_symlink():  # the folder itself was checked when the project was loaded
            self.area(self.source_dir).check(path, self.rel(path))
        return path.stem

    def check_slug(self, slug: str) -> str:
        if not slug or "/" in slug or "\\" in slug or slug.startswith(".") or "\0" in slug:
            raise SourceError(f"invalid article name {slug!r}; give the name of a file in "
                              f"{self.config.source}/ without '.md'", self.root)
        if not self.source_path(slug).is_file():
            raise SourceError(f"no article named '{slug}' in {self.config.source}/", self.root)
        return slug

    @cached_property
    def output_names(self) -> dict[str, str]:
        """slug → a file-system- and URL-safe output name, unique within the project."""
        names: dict[str, str] = {}
        taken: set[str] = {"index", "edition"}  # names the edition-wide outputs use
        for slug in self.slugs():
            base = safe_name(slug)
            name, n = base, 2
            while name.lower() in taken:
                name, n = f"{base}-{n}", n + 1
            taken.add(name.lower())
            names[slug] = name
        return names

    def output_name(self, slug: str) -> str:
        return self.output_names.get(slug) or safe_name(slug)


def safe_name(slug: str) -> str:
    """ASCII letters, digits, ``.``, ``_`` and ``-`` only: ``Éditions été`` → ``Editions-ete``."""
    ascii_text = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip("-.")
    return name or "article"


def selected_slugs(project: Project, article: str | None) -> list[str] | None:
    if article is None:
        return None
    slug = article[:-3] if article.endswith(".md") else article
    return [project.check_slug(slug)]


def selected_languages(project: Project, lang: str | None) -> tuple[str, ...]:
    if lang is None:
        return project.languages
    if lang not in project.languages:
        raise SourceError(f"'{lang}' is not a target language of this project "
                          f"(languages: {', '.join(project.languages)})", project.root)
    return (lang,)
