"""The on-disk layout of a diglot project in one place: where sources, PO files, templates
and outputs live, which articles exist, and safe output names for them."""

from __future__ import annotations

import difflib
import os
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from diglot import locales, names
from diglot.config import Config, key_line, load_config
from diglot.errors import ConfigError, SourceError
from diglot.paths import Area, vcs_part
from diglot.safety import LINE_BREAKS, UNPRINTABLE, unsafe_name


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
        for key, folder in (("source", self.source_dir), ("translations", self.translations_dir),
                            ("output", self.output_dir)):
            vcs = vcs_part(self.root, folder)
            if vcs is not None:  # an attack round: output = ".git/refs/heads" broke the repository
                self._config_error(key, f"'{key}' names a folder in the version-control folder "
                                        f"'{vcs}' ({self.rel(folder)}); diglot never writes "
                                        "there: choose a folder of the project's own")
            self.area().check(folder, self.rel(folder))
        self._output_apart()

    def _output_apart(self) -> None:
        """The output folder is cleaned by diglot: once links are resolved it must not be,
        hold or lie in the sources or translations (config checks the names it is given;
        without a configuration file, ``build`` may be a link to ``translations``)."""
        out = self.output_dir.resolve()
        for folder in (self.source_dir, self.translations_dir):
            other = folder.resolve()
            if out == other or out.is_relative_to(other) or other.is_relative_to(out):
                self._config_error("output", f"the output folder '{self.rel(self.output_dir)}' "
                                             f"leads into '{self.rel(folder)}': diglot cleans "
                                             "its output folder; make it a folder of its own")

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

    @property
    def name(self) -> str:
        """The project folder's name, as the edition's title when none is set and in the PO
        headers: without control characters, which no page, PO file or document may hold."""
        spaced = LINE_BREAKS.sub(" ", self.root.name.replace("\t", " "))  # no header line of its own
        return UNPRINTABLE.sub("", spaced).strip() or "diglot"

    def rel(self, path: Path) -> str:
        """Project-relative POSIX path, as messages and PO references show it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def template_path(self, slug: str) -> Path:
        return self.translations_dir / "templates" / f"{slug}.pot"

    def own_po_path(self, lang: str, slug: str) -> Path:
        """``translations/<lang>/<slug>.po``: where the article's PO file belongs."""
        return self.translations_dir / lang / f"{slug}.po"

    def po_path(self, lang: str, slug: str) -> Path:
        """``translations/<lang>/<slug>.po``; a PO file an older diglot named after the
        source file itself (``Mon été.po``) is used until ``diglot update`` renames it."""
        path = self.own_po_path(lang, slug)
        legacy = self.legacy_po_path(lang, slug)
        return legacy if legacy is not None and not path.exists() and legacy.is_file() else path

    def legacy_po_path(self, lang: str, slug: str, suffix: str = ".po") -> Path | None:
        """The pre-slug name of an article's PO file (or template, in ``templates`` with
        ``.pot``), when it differs from today's: older diglots used the file name as it was."""
        source = self._sources.get(slug)
        if source is None:
            return None
        stem = source.relative_to(self.source_dir).with_suffix("").as_posix()
        return None if stem == slug or "/" in stem else self.translations_dir / lang / f"{stem}{suffix}"

    def _where(self) -> str:
        """Where to run instead: a folder above holding a project (run from inside one, as
        git users do), else the project folder in general."""
        for up, folder in enumerate(self.root.resolve().parents, 1):
            if (folder / "diglot.toml").is_file() or (folder / "source_fr").is_dir():
                return (f"the project seems to be {folder}: run diglot there, or add "
                        f"-C {'/'.join(['..'] * up)}")
            if up == 4:
                break
        return "run diglot in the project folder (or name it with -C DIR)"

    def source_path(self, slug: str) -> Path:
        return self._sources.get(slug) or self.source_dir / f"{slug}.md"

    def slugs(self) -> list[str]:
        """Every article: the ``.md`` and ``.markdown`` files under the source folder, in the
        order of the index and the editions: those the ``order`` setting lists, as it lists
        them, then the others by name as a reader sorts them (case and accents aside,
        "annexe" before "Mon été" before "tramway")."""
        first = {name: place for place, name in enumerate(self.config.order)}
        if len(first) < len(self.config.order):
            self._config_error("order", "'order' lists an article twice")
        unknown = [name for name in first if name not in self._sources]
        if unknown:
            self._config_error("order", f"'order' names {unknown[0]!r}, which is no article in "
                                        f"{self.config.source}/ (names look like: "
                                        f"{', '.join(sorted(self._sources, key=_reading_order)[:3])})")
        return sorted(self._sources, key=lambda name: (first.get(name, len(first)),
                                                       _reading_order(name)))

    @cached_property
    def articles(self) -> frozenset[str]:
        """Every article's name, unordered (``slugs`` sorts them; a set is what a lookup
        needs, made once: every article's build asks)."""
        return frozenset(self._sources)

    @cached_property
    def _sources(self) -> dict[str, Path]:
        """article name → its source file; two files with one name are an error."""
        if not self.source_dir.is_dir():
            raise SourceError(f"no '{self.config.source}' folder here; {self._where()}, or "
                              f"create '{self.config.source}/' for the French articles", self.root)
        found: dict[str, Path] = {}
        seen: dict[str, Path] = {}
        for path in self._source_files():
            name = self._name_of(path)
            clash = seen.get(names.folded(name))
            if clash is not None:
                raise SourceError(f"gets the same name '{name}' as {self.rel(clash)}; rename one "
                                  "of them (names keep letters, digits, '.', '_' and '-')",
                                  self.rel(path))
            seen[names.folded(name)] = found[name] = path
        return found

    def _source_files(self) -> list[Path]:
        """Source files in a stable order, hidden files and folders skipped."""
        found = []
        try:
            for folder, dirs, files in os.walk(self.source_dir, onerror=_raise):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(folder, f) for f in sorted(files)
                          if f.endswith(SOURCE_SUFFIXES) and not f.startswith(".")]
        except OSError as exc:
            raise SourceError(f"cannot list the source folder: {exc.strerror}",
                              self.rel(self.source_dir)) from exc
        return [self._checked(p) for p in found if p.is_file()]

    def _checked(self, path: Path) -> Path:
        """A source, refused when PO references or messages cannot carry its path (a newline
        would break the ``#:`` line) or when it leads outside the project."""
        for part in path.relative_to(self.source_dir).parts:
            problem = unsafe_name(part)
            if problem:
                raise SourceError(f"the file name {problem}; rename the file", self.rel(path))
        if path.is_symlink():  # the folder itself was checked when the project was loaded
            self.area(self.source_dir).check(path, self.rel(path))
        return path

    def _name_of(self, path: Path) -> str:
        rel = path.relative_to(self.source_dir).as_posix()
        name = names.path_slug(_without_suffix(rel))
        if not name:
            raise SourceError("cannot make an article name from this file name; give it "
                              "letters or digits", self.rel(path))
        if names.folded(name) in RESERVED:
            raise SourceError(f"'{name}' is the name of the edition's own index page; rename "
                              "the article", self.rel(path))
        return name

    def check_slug(self, article: str) -> str:
        """The article a user named: its name (``2026/marche``), or its source path
        (``source_fr/2026/marche.md``, ``2026/Marché.md``)."""
        name = self._named(article)
        if not name:
            raise SourceError(f"invalid article name {article!r}; give an article's name or "
                              f"the path of its source file in {self.config.source}/", self.root)
        if name not in self._sources:
            raise SourceError(f"no article named '{article}' in {self.config.source}/ "
                              f"({self._suggestion(name)})", self.root)
        return name

    def _named(self, article: str) -> str:
        text = article.replace("\\", "/").strip()
        given = Path(text)
        if given.is_absolute() or given.exists():
            try:
                text = given.resolve().relative_to(self.source_dir.resolve()).as_posix()
            except (OSError, ValueError):
                pass
        prefix = Path(self.config.source).as_posix().rstrip("/") + "/"
        text = text.removeprefix("./").removeprefix(prefix)
        return names.path_slug(_without_suffix(text)) if "\0" not in text else ""

    def _suggestion(self, name: str) -> str:
        """The articles a user probably meant: the same file in a folder, or a close
        spelling; else what names look like."""
        slugs = self.slugs()
        leaf = name.rsplit("/", 1)[-1]
        near = [s for s in slugs if s.rsplit("/", 1)[-1] == leaf] or \
            difflib.get_close_matches(name, slugs, n=3, cutoff=0.75)
        if near:
            return "did you mean " + " or ".join(f"'{s}'" for s in near[:3]) + "?"
        return "names look like: " + (", ".join(slugs[:3]) or "none yet")

    @property
    def output_names(self) -> dict[str, str]:
        """slug → output name: the slug itself (one rule for every name)."""
        return {slug: slug for slug in self.slugs()}

    def output_name(self, slug: str) -> str:
        return slug


SOURCE_SUFFIXES = (".md", ".markdown")
# Names the edition-wide outputs use at the top of build/<format>/.
RESERVED = frozenset({"index", "edition"})


def _without_suffix(rel: str) -> str:
    for suffix in SOURCE_SUFFIXES:
        if rel.endswith(suffix):
            return rel[: -len(suffix)]
    return rel


def _raise(error: OSError) -> None:
    raise error


def safe_name(slug: str) -> str:
    """A slug, never empty (kept for callers naming things that are not articles)."""
    return names.path_slug(slug) or "article"


def selected_slugs(project: Project, article: str | None) -> list[str] | None:
    if article is None:
        return None
    return [project.check_slug(article)]


def selected_languages(project: Project, lang: str | None) -> tuple[str, ...]:
    if lang is None:
        return project.languages
    if lang not in project.languages:
        raise SourceError(f"'{lang}' is not a target language of this project "
                          f"(languages: {', '.join(project.languages)})", project.root)
    return (lang,)


def _reading_order(name: str) -> tuple[str, str]:
    """A name's place among the articles: letters without case or accents, then the name
    itself (so two names that fold alike keep one order)."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c)), name
