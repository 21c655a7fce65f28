"""Which PO files diglot reads, and what to say about the others.

diglot reads ``translations/<lang>/<slug>.po`` for each configured language and article,
nothing else. A PO file anywhere else (the translations folder itself, a folder in the wrong
case, an unknown language, a nested folder, the source folder, the project folder), or named
with a language suffix (``tram.en.po``) or in the wrong case, would be silently ignored: each
gets a warning naming the path diglot expects. A PO file in the right place whose article is
gone is an orphan (see ``orphans``). A configured language with no folder while a close one
exists (``en_US`` configured, ``translations/en/`` present) is a problem ``build --strict``
stops on.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from diglot import locales
from diglot.errors import CatalogError
from diglot.project import Project

_SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<code>[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,4})?)$")


@dataclass(frozen=True)
class Misplaced:
    path: str  # project-relative
    expected: str  # where diglot reads such a file
    why: str

    def __str__(self) -> str:
        return f"{self.path}: diglot does not read this file: {self.why}; it reads {self.expected}"


def misplaced(project: Project) -> list[Misplaced]:
    """Every PO file diglot will not read, with the path it would read instead."""
    slugs = {s.lower(): s for s in project.slugs()}
    expected = {os.path.join(project.translations_dir, lang, f"{slug}.po")
                for lang in project.languages for slug in slugs.values()}
    expected |= {str(p) for p in _legacy_files(project)}
    compendia = _compendia(project)
    found = []
    for name in _po_files(project):
        if name in expected:
            continue  # the usual case, decided by name alone
        path = Path(name)
        if compendia and path.resolve() in compendia:
            continue
        problem = _diagnose(project, path, slugs)
        if problem is not None:
            found.append(problem)
    return found


def _legacy_files(project: Project) -> set[Path]:
    """The PO files and templates of live articles still named by an older diglot's rule
    (the source file's own name): read, and renamed by the next update."""
    found = set()
    for slug in project.slugs():
        for folder, suffix in [*((lang, ".po") for lang in project.languages), ("templates", ".pot")]:
            path = project.legacy_po_path(folder, slug, suffix)
            if path is not None and path.is_file():
                found.add(path)
    return found


def _compendia(project: Project) -> set[Path]:
    return {(project.root / m).resolve() for m in project.config.memory}


def _po_files(project: Project) -> list[str]:
    """PO files where people put them: the project folder, the source folder, anywhere under
    the translations folder (hidden folders and the output folder aside)."""
    skip = str(project.output_dir)
    files = _walk(str(project.root), skip, deep=False)
    for folder in (project.source_dir, project.translations_dir):
        files += _walk(str(folder), skip)
    return sorted(set(files))


def _walk(folder: str, skip: str, deep: bool = True) -> list[str]:
    """The PO files under ``folder`` (scandir: names and types come with the listing). A
    symlinked folder is not followed: two links to ``.`` would loop for ever, and one to
    ``/`` would walk the disk and name files outside the project."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.path == skip:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    found += _walk(entry.path, skip) if deep else []
                elif entry.name.lower().endswith(".po") and entry.is_file():
                    found.append(entry.path)
    except OSError:
        return found
    return found


def _listing_all(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []


def _diagnose(project: Project, path: Path, slugs: dict[str, str]) -> Misplaced | None:
    """None for a file diglot reads (or an orphan in its right place), else the problem."""
    try:
        parts = path.relative_to(project.translations_dir).parts
    except ValueError:
        parts = ()
    in_language = len(parts) >= 2 and parts[0] in project.languages
    name = article_name(project, path) if in_language else _stray_name(parts, path, slugs)
    if "/" in name and name.lower() not in slugs and Path(name).name.lower() in slugs:
        in_language, name = False, path.stem  # a top-level article's file put in a subfolder
    base, suffix_lang = _split_suffix(name, project, slugs)
    slug = slugs.get(base.lower(), base)
    if in_language:
        if name == slug and path.suffix == ".po":
            return None  # read, or an orphan: orphans() speaks of it
        why = "its name has a language suffix" if suffix_lang else \
            "its name differs in case from its article's"
        return _problem(project, path, parts[0], slug, slugs, why)
    lang = _language_of(project, path, parts, suffix_lang)
    return _problem(project, path, lang, slug, slugs, _where(project, path, parts))


def _stray_name(parts: tuple[str, ...], path: Path, slugs: dict[str, str]) -> str:
    """The article a file in another language's folder is for: its path under that
    folder when it names an article in a folder (``en/verne/chapitre-1.po``), else its
    file's name."""
    nested = "/".join((*parts[1:-1], path.stem)) if len(parts) > 2 else ""
    return nested if nested.lower() in slugs else path.stem


def _split_suffix(stem: str, project: Project, slugs: dict[str, str]) -> tuple[str, str | None]:
    """``tram.en`` → (``tram``, ``en``) when ``en`` is a language code and ``tram.en`` no
    article's name; else (stem, None)."""
    match = _SUFFIX.match(stem) if stem.lower() not in slugs else None
    if match and (_close(project, match["code"]) or _known(match["code"])):
        return match["base"], match["code"]
    return stem, None


def _close(project: Project, code: str) -> str | None:
    """The configured language ``code`` stands for (same code in another case or spelling,
    else the same base language), or None."""
    normal = code.replace("-", "_").lower()
    for lang in project.languages:
        if lang.replace("-", "_").lower() == normal:
            return lang
    for lang in project.languages:
        if locales.base(lang) == locales.base(code):
            return lang
    return None


def _language_of(project: Project, path: Path, parts: tuple[str, ...], suffix: str | None) -> str:
    """The configured language a stray file is for: its folder's, its suffix's, its header's,
    else the only configured language; ``<lang>`` when nothing tells."""
    hints = [parts[0]] if len(parts) >= 2 else []
    hints += [suffix] if suffix else []
    hints.append(_header_language(project, path))
    for hint in hints:
        lang = _close(project, hint) if hint else None
        if lang:
            return lang
    return project.languages[0] if len(project.languages) == 1 else "<lang>"


def _known(code: str) -> bool:
    """A language babel knows; imported here, as only a stray file needs it (a no-op build
    does not pay for babel)."""
    from diglot import locales

    return locales.is_known(code)


def _header_language(project: Project, path: Path) -> str | None:
    # Imported here: only a stray file needs them (a no-op build does not pay for them).
    from diglot.catalog.header import language
    from diglot.catalog.store import read_bytes

    try:
        data = read_bytes(path, project.rel(path))
        return language(data, project.rel(path)) if data else None
    except CatalogError:
        return None


def _where(project: Project, path: Path, parts: tuple[str, ...]) -> str:
    """Why a file outside ``translations/<lang>/`` is not read."""
    translations = project.config.translations
    if not parts:
        return f"it is outside the {translations}/ folder"
    if len(parts) == 1:
        return f"it is not in a language folder of {translations}/"
    folder = parts[0]
    if folder == "templates":
        return f"{translations}/templates/ holds templates (.pot), not translations"
    if len(parts) > 2 and folder in project.languages:
        return f"it is in a subfolder of {translations}/{folder}/"
    if _close(project, folder):
        return f"{translations}/{folder}/ is not named as a configured language " \
               f"(languages: {', '.join(project.languages)})"
    if _known(folder):
        return f"'{folder}' is not in 'languages' (add it there to translate into it)"
    return f"{translations}/{folder}/ is not a language folder"


def _problem(project: Project, path: Path, lang: str, slug: str, slugs: dict[str, str],
             why: str) -> Misplaced:
    expected = f"{project.config.translations}/{lang}/{slug}.po"
    if slug.lower() not in slugs:
        expected += f" (for {project.config.source}/{slug}.md, which does not exist)"
    return Misplaced(project.rel(path), expected, why)


def language_folders(project: Project) -> list[str]:
    """Configured languages whose folder is missing while a close one exists: the build
    would show them untranslated although the translations are there."""
    problems = []
    folders = [p.name for p in _listing_all(project.translations_dir) if p.is_dir()]
    for lang in project.languages:
        if lang in folders:
            continue
        close = [f for f in folders if f != "templates" and f not in project.languages
                 and locales.base(f) == locales.base(lang)]
        if close:
            rel = f"{project.config.translations}/{close[0]}/"
            problems.append(
                f"{rel}: 'languages' lists '{lang}', whose folder "
                f"{project.config.translations}/{lang}/ does not exist; rename {rel} to "
                f"{lang}/, or set languages = [\"{close[0]}\"] (this is an error with "
                "build --strict)")
    return problems


def orphans(project: Project) -> list[tuple[Path, int]]:
    """PO and POT files in their right place whose article is gone, with the number of
    translations each holds (a template holds none); misplaced files are not orphans.
    Articles may sit in folders: ``translations/en/2026/marche.po``."""
    slugs = {s.lower(): s for s in project.slugs()}
    compendia, legacy = _compendia(project), _legacy_files(project)
    found = []
    for folder in [*(project.translations_dir / lang for lang in project.languages),
                   project.translations_dir / "templates"]:
        for path in sorted(folder.rglob("*.po*")) if folder.is_dir() else ():
            if path in legacy or path.suffix not in (".po", ".pot"):
                continue  # legacy: a live article's files under an older diglot's name
            name = article_name(project, path)
            if slugs.get(name.lower()) != name and (
                    path.suffix == ".pot" or _diagnose(project, path, slugs) is None) and (
                    not compendia or path.resolve() not in compendia):
                found.append((path, _translations(project, path)))
    return found


def article_name(project: Project, path: Path) -> str:
    """The article a file in a language's or the templates' folder is named after:
    ``translations/en/2026/marche.po`` → ``2026/marche``."""
    parts = path.relative_to(project.translations_dir).parts[1:]
    return Path(*parts).with_suffix("").as_posix()


def _translations(project: Project, path: Path) -> int:
    from diglot.catalog.store import read_catalog

    if path.suffix != ".po" or path.is_symlink():  # never read through a link (README)
        return 0
    try:
        catalog = read_catalog(path, project.rel(path))
    except CatalogError:
        return 0
    return sum(1 for e in catalog.entries if e.translated and not e.obsolete) if catalog else 0


def orphan_warning(project: Project, path: Path, translations: int) -> str:
    """What to do with an orphan: never "delete it" while it holds translations."""
    rel, source = project.rel(path), f"{project.config.source}/{article_name(project, path)}.md"
    if path.suffix == ".pot":
        return f"{rel}: its article {source} is gone; a generated template, it can be deleted"
    if not translations:
        return f"{rel}: its article {source} is gone; it holds no translation and can be deleted"
    return (f"{rel}: its article {source} is gone, but it holds {translations} "
            f"translation{'s' if translations != 1 else ''}: keep the file (update proposes its "
            "translations to other articles), give it the new article's name if the article "
            "was renamed, or move it elsewhere and list it under 'memory' in the configuration")


def layout_warnings(project: Project) -> list[str]:
    """What every command that reads PO files says about the layout."""
    return [str(m) for m in misplaced(project)] + language_folders(project)
