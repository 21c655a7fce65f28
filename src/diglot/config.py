"""Project configuration: defaults, loading from ``diglot.toml`` or ``[tool.diglot]`` in
``pyproject.toml``, and validation that names the key and the file on any mistake."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from diglot.errors import ConfigError

FALLBACKS = ("source", "placeholder", "omit", "fail")
PAGE_SIZES = ("A4", "Letter")
FRENCH_SPACING = ("narrow", "nbsp", "off")
OUTPUT_FORMATS = ("html", "docx", "pdf")  # builders.FORMATS: the names 'formats' may list
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
    fallback: str = "source"
    fuzzy_threshold: float = 0.6
    wrap: bool = True
    min_completeness: float = 100.0
    page_size: str = "A4"
    docx_borders: bool = False
    proofing: dict[str, str] = field(default_factory=lambda: {"fr": "fr-FR", "en": "en-GB"})
    build_date: bool = False  # show the build date (labelled) on pages and title pages
    french_spacing: str = "narrow"  # before ; ! ?: U+202F, U+00A0, or as typed (typography)
    formats: tuple[str, ...] = ("html", "docx")  # what `diglot build` writes without --format
    pdf_layout: str = "facing"  # PDF: French and English on facing pages, or in two columns

    def proofing_tag(self, lang: str) -> str:
        return self.proofing.get(lang, lang)


_TYPES = {f.name: f.type for f in fields(Config)}
_CHOICES = {"fallback": FALLBACKS, "page_size": PAGE_SIZES, "french_spacing": FRENCH_SPACING,
            "pdf_layout": PDF_LAYOUTS}


def load_config(root: Path) -> tuple[Config, Path | None]:
    """Read ``diglot.toml``, else ``[tool.diglot]`` of ``pyproject.toml``, else defaults."""
    for name, table in (("diglot.toml", None), ("pyproject.toml", ("tool", "diglot"))):
        path = root / name
        if path.is_file():
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


def _read_text(path: Path, name: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
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
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=")[0].strip().strip('"\'') == key and "=" in line:
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
    _apart(config, root)
    _distinct_languages(config)
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
    if len(set(config.languages)) != len(config.languages):
        raise _fail("languages", "'languages' lists a language twice")
    if config.source_language in config.languages:
        raise _fail("languages", f"'languages' holds the source language "
                                 f"'{config.source_language}'; list the target languages only")


def _convert(key: str, value):
    if key not in _TYPES:
        known = ", ".join(sorted(_TYPES))
        raise _fail(key, f"unknown key '{key}' (known keys: {known})")
    kind = _TYPES[key]
    checks = {
        "str": (str, "text"), "bool": (bool, "true or false"),
        "float": ((int, float), "a number"), "tuple[str, ...]": (list, "a list of language codes"),
        "dict[str, str]": (dict, "a table of language = tag"),
    }
    expected, wording = checks[kind]
    if not isinstance(value, expected) or (kind == "float" and isinstance(value, bool)):
        raise _fail(key, f"'{key}' must be {wording}, not {value!r}")
    return _refine(key, kind, value)


def _refine(key: str, kind: str, value):
    if key in _CHOICES and value not in _CHOICES[key]:
        raise _fail(key, f"'{key}' must be one of {', '.join(_CHOICES[key])}, not {value!r}")
    if key == "formats":
        return _formats(value)
    if kind == "tuple[str, ...]":
        if not value or not all(isinstance(v, str) and v for v in value):
            raise _fail(key, f"'{key}' must be a non-empty list of language codes")
        return tuple(value)
    if kind == "dict[str, str]":
        return {**Config().proofing, **{str(k): str(v) for k, v in value.items()}}
    if key == "fuzzy_threshold" and not 0 < value <= 1:
        raise _fail(key, f"'{key}' must be between 0 and 1, not {value!r}")
    if key == "min_completeness" and not 0 <= value <= 100:
        raise _fail(key, f"'{key}' must be a percentage between 0 and 100")
    return value


def _formats(value: list) -> tuple[str, ...]:
    unknown = [v for v in value if v not in OUTPUT_FORMATS]
    if not value or unknown or len(set(value)) != len(value):
        raise _fail("formats", f"'formats' must list some of {', '.join(OUTPUT_FORMATS)}, each "
                               f"once, not {value!r}")
    return tuple(value)


def _inside(rel: str, key: str, root: Path) -> None:
    target = (root / rel).resolve()
    if Path(rel).is_absolute() or not target.is_relative_to(root.resolve()) or target == root.resolve():
        raise _fail(key, f"'{key}' must be a folder inside the project, not {rel!r}")
