"""Project configuration: defaults, loading from ``diglot.toml`` or ``[tool.diglot]`` in
``pyproject.toml``, and validation that names the key and the file on any mistake."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from diglot.paths import vcs_part
from diglot.errors import ConfigError
from diglot.safety import MAX_CONFIG_BYTES, UNPRINTABLE

FALLBACKS = ("source", "placeholder", "omit", "fail")
PAGE_SIZES = ("A4", "Letter")
FRENCH_SPACING = ("narrow", "nbsp", "off")
LOCATIONS = ("full", "file", "none")  # like msgmerge --add-location
PDF_LAYOUTS = ("facing", "columns")


@dataclass(frozen=True)
class Config:
    """Every setting, with defaults that work with no configuration file at all."""

    source: str = "source_fr"
    translations: str = "translations"
    output: str = "build"
    source_language: str = "fr"
    languages: tuple[str, ...] = ("en",)
    title: str = ""  # edition title; defaults to the project folder's name
    titles: dict[str, str] = field(default_factory=dict)  # its title in each target language
    author: str = ""  # the edition's author or editor: title pages and metadata
    fallback: str = "source"
    fuzzy_threshold: float = 0.6
    wrap: bool = True
    min_completeness: float = 100.0
    page_size: str = "A4"
    docx_borders: bool = False
    proofing: dict[str, str] = field(default_factory=lambda: {"fr": "fr-FR", "en": "en-GB"})
    build_date: bool = False  # show the build date (labelled) on pages and title pages
    french_spacing: str = "narrow"  # before ; ! ?: U+202F, U+00A0, or as typed (typography)
    severity: dict[str, str] = field(default_factory=dict)  # check id -> error, warning or off
    locations: str = "full"  # PO references: file and line, file only, or none
    memory: tuple[str, ...] = ()  # compendium PO files the translation memory reads too
    memory_threshold: float = 0.75  # similarity a memory proposal needs
    formats: tuple[str, ...] = ()  # what `diglot build` writes without --format (): the defaults
    pdf_layout: str = "facing"  # PDF: French and English on facing pages, or in two columns
    chapter_break: bool = False  # PDF and EPUB: each chapter (top heading) opens a new page
    order: tuple[str, ...] = ()  # articles first in the editions, in this order; then by name

    def proofing_tag(self, lang: str) -> str:
        return self.proofing.get(lang, lang)

    @property
    def reading_fallback(self) -> str:
        """The fallback for reading work in progress (the preview, check): ``fail`` stops
        the build of an unfinished edition, not a look at it."""
        return "source" if self.fallback == "fail" else self.fallback


_TYPES = {f.name: f.type for f in fields(Config)}
_CHOICES = {"fallback": FALLBACKS, "page_size": PAGE_SIZES, "french_spacing": FRENCH_SPACING,
            "locations": LOCATIONS, "pdf_layout": PDF_LAYOUTS}
_LISTS = {"languages": "a list of language codes", "memory": "a list of PO file paths",
          "order": "a list of article names"}


def load_config(root: Path) -> tuple[Config, Path | None]:
    """Read ``diglot.toml``, else ``[tool.diglot]`` of ``pyproject.toml``, else defaults."""
    for name, table in (("diglot.toml", None), ("pyproject.toml", ("tool", "diglot"))):
        path = root / name
        if path.is_file():
            _in_project(root, path, name)
            text = _read_text(path, name)
            data = _parse_toml(text, name)
            for key in table or ():
                data = data.get(key, {}) if isinstance(data, dict) else {}
            if table is None or data:
                try:
                    return _build(data, root), path
                except ConfigError as exc:
                    raise ConfigError(exc.message, name, _key_line(text, exc.line_key)) from None
    return Config(), None


def _in_project(root: Path, path: Path, name: str) -> None:
    """A configuration linked outside the project is refused: its title would be
    published, and a TOML file elsewhere (a credentials file) would give its key names away
    in the errors."""
    try:
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        raise ConfigError(f"'{name}' is a symbolic link leading outside the project "
                          f"(to '{os.readlink(path) if path.is_symlink() else path.resolve()}'); "
                          "diglot reads its settings from the project only: remove the link",
                          name) from None


def _read_text(path: Path, name: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError("the file is larger than 1 MB; is it really the configuration?",
                              name)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", name) from exc


def _parse_toml(text: str, name: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, _, where = str(exc).partition(" (at line ")
        line = int(where.split(",")[0]) if where[:1].isdigit() else None
        raise ConfigError(f"invalid TOML: {message}", name, line) from exc


def key_line(path: Path, key: str) -> int | None:
    """The line of ``path`` that sets ``key`` (for messages about a valid-looking value)."""
    try:
        return _key_line(path.read_text(encoding="utf-8"), key)
    except (OSError, UnicodeDecodeError):
        return None


def _key_line(text: str, key: str | None) -> int | None:
    """The line that sets ``key``, so the message points at it."""
    if not key:
        return None
    tables = (f"[{key}]", f"[tool.diglot.{key}]")  # a setting written as a table of its own
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=")[0].strip().strip('"\'') == key and "=" in line:
            return number
        if line.split("#")[0].strip().replace(" ", "") in tables:
            return number
    return None


def _fail(key: str, message: str) -> ConfigError:
    error = ConfigError(message)
    error.line_key = key
    return error


def _build(data: dict, root: Path) -> Config:
    values = {}
    for key, value in data.items():
        values[key] = _convert(key, value)
    config = Config(**values)
    for key in ("source", "translations", "output"):
        _inside(getattr(config, key), key, root)
    for path in config.memory:
        _compendium(path, root)
    _apart(config, root)
    _distinct_languages(config)
    _titled_languages(config)
    return config


def _apart(config: Config, root: Path) -> None:
    """The output folder is rebuilt and cleaned by diglot: it must not hold sources or PO files."""
    out = (root / config.output).resolve()
    for key in ("source", "translations"):
        other = (root / getattr(config, key)).resolve()
        if out == other or out.is_relative_to(other) or other.is_relative_to(out):
            raise _fail("output", f"'output' must be a folder apart from '{key}' "
                                  f"({config.output!r} and {getattr(config, key)!r} overlap)")


def _distinct_languages(config: Config) -> None:
    # Case and separator aside: "EN" and "en", "en_GB" and "en-GB" are one folder on a
    # case-insensitive disk, and one language to every reader.
    spelled = [code.lower().replace("-", "_") for code in config.languages]
    if len(set(spelled)) != len(spelled):
        raise _fail("languages", "'languages' lists a language twice")
    if config.source_language in config.languages:
        raise _fail("languages", f"'languages' holds the source language "
                                 f"'{config.source_language}'; list the target languages only")


def _titled_languages(config: Config) -> None:
    for lang in config.titles:
        if lang not in config.languages:
            raise _fail("titles", f"'titles' names '{lang}', which is not a target language "
                                  f"(languages: {', '.join(config.languages)})")


def _convert(key: str, value):
    if key not in _TYPES:
        known = ", ".join(sorted(_TYPES))
        raise _fail(key, f"unknown key '{key}' (known keys: {known})")
    kind = _TYPES[key]
    checks = {
        "str": (str, "text"), "bool": (bool, "true or false"),
        "float": ((int, float), "a number"), "tuple[str, ...]": (list, _LISTS.get(key, "")),
        "dict[str, str]": (dict, "a table of language = tag"),
    }
    expected, wording = checks[kind]
    wording = {"severity": "a table of check = severity",
               "titles": "a table of language = title"}.get(key, wording)
    if not isinstance(value, expected) or (kind == "float" and isinstance(value, bool)):
        raise _fail(key, f"'{key}' must be {wording}, not {value!r}")
    _printable(key, value)
    return _refine(key, kind, value)


def _printable(key: str, value) -> None:
    texts = [*value, *value.values()] if isinstance(value, dict) else \
        value if isinstance(value, list) else [value]
    for text in texts:
        found = UNPRINTABLE.search(str(text)) or _NOT_XML.search(str(text))
        if found:
            kind = "a control character" if UNPRINTABLE.match(found[0]) else "a noncharacter"
            raise _fail(key, f"'{key}' holds {kind} (U+{ord(found[0]):04X}), which no edition "
                             "can show; remove it")


_NOT_XML = re.compile("[\ufffe\uffff]")  # what XML, hence DOCX and EPUB metadata, cannot hold


def _refine(key: str, kind: str, value):
    if key in _CHOICES and value not in _CHOICES[key]:
        raise _fail(key, f"'{key}' must be one of {', '.join(_CHOICES[key])}, not {value!r}")
    if key == "formats":
        return _formats(value)
    if kind == "tuple[str, ...]":
        if (not value and key == "languages") or not all(isinstance(v, str) and v for v in value):
            wording = _LISTS[key]
            if key == "languages":
                wording = wording.replace("a list", "a non-empty list")
            raise _fail(key, f"'{key}' must be {wording}")
        return tuple(value)
    if key == "severity":
        return _severities(value)
    if key == "titles":
        if not all(isinstance(v, str) for v in value.values()):
            raise _fail(key, "'titles' must be a table of language = title, each title text")
        return dict(value)
    if kind == "dict[str, str]":
        return {**Config().proofing, **{str(k): str(v) for k, v in value.items()}}
    if key in ("fuzzy_threshold", "memory_threshold") and not 0 < value <= 1:
        raise _fail(key, f"'{key}' must be between 0 and 1, not {value!r}")
    if key == "min_completeness" and not 0 <= value <= 100:
        raise _fail(key, f"'{key}' must be a percentage between 0 and 100")
    return value


def _severities(value: dict) -> dict[str, str]:
    """Per-check severities; the check ids come from ``diglot.checks`` (a light module)."""
    from diglot.checks import LEVELS, SEVERITIES

    for name, level in value.items():
        if name not in SEVERITIES:
            raise _fail("severity", f"'severity' names an unknown check '{name}' "
                                    f"(known checks: {', '.join(SEVERITIES)})")
        if level not in LEVELS:
            raise _fail("severity", f"'severity' for '{name}' must be one of "
                                    f"{', '.join(LEVELS)}, not {level!r}")
    return dict(value)
def _formats(value: list) -> tuple[str, ...]:
    """Format names from the builders' registry (a light module), each once."""
    from diglot.builders import REGISTRY

    unknown = [v for v in value if v not in REGISTRY]
    if unknown or len(set(value)) != len(value):  # empty: the registry's default formats
        raise _fail("formats", f"'formats' must list some of {', '.join(REGISTRY)}, each "
                               f"once, not {value!r}")
    return tuple(value)


def _inside(rel: str, key: str, root: Path) -> None:
    """As written: a folder below the project's (symbolic links are the project's check,
    made with or without a configuration file)."""
    target = Path(os.path.normpath(root / rel))
    if Path(rel).is_absolute() or not target.is_relative_to(root) or target == root:
        raise _fail(key, f"'{key}' must be a folder inside the project, not {rel!r}")


def _compendium(rel: str, root: Path) -> None:
    """A ``memory`` file: a PO file inside the project that exists."""
    target = (root / rel).resolve()
    if Path(rel).is_absolute() or not target.is_relative_to(root.resolve()):
        raise _fail("memory", f"'memory' files must be inside the project, not {rel!r}")
    if vcs_part(root, target) is not None:  # .git/config may hold a token: never read
        raise _fail("memory", f"'memory' names {rel!r}, in a version-control folder; give the "
                              "path of a PO file of the project's own")
    if not target.is_file():
        raise _fail("memory", f"'memory' names {rel!r}, which is not a file; give the path of a "
                              "PO file from the project folder")
