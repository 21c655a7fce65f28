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

    def proofing_tag(self, lang: str) -> str:
        return self.proofing.get(lang, lang)


_TYPES = {f.name: f.type for f in fields(Config)}
_CHOICES = {"fallback": FALLBACKS, "page_size": PAGE_SIZES}


def load_config(root: Path) -> tuple[Config, Path | None]:
    """Read ``diglot.toml``, else ``[tool.diglot]`` of ``pyproject.toml``, else defaults."""
    for name, table in (("diglot.toml", None), ("pyproject.toml", ("tool", "diglot"))):
        path = root / name
        if path.is_file():
            data = _read_toml(path)
            for key in table or ():
                data = data.get(key, {}) if isinstance(data, dict) else {}
            if table is None or data:
                return _build(data, path, root), path
    return Config(), None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(f"invalid TOML: {str(exc).split(' (at line')[0]}", path, line) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", path) from exc


def _build(data: dict, path: Path, root: Path) -> Config:
    values = {}
    for key, value in data.items():
        values[key] = _convert(key, value, path)
    config = Config(**values)
    for key in ("source", "translations", "output"):
        _inside(getattr(config, key), key, path, root)
    return config


def _convert(key: str, value, path: Path):
    if key not in _TYPES:
        known = ", ".join(sorted(_TYPES))
        raise ConfigError(f"unknown key '{key}' (known keys: {known})", path)
    kind = _TYPES[key]
    checks = {
        "str": (str, "text"), "bool": (bool, "true or false"),
        "float": ((int, float), "a number"), "tuple[str, ...]": (list, "a list of language codes"),
        "dict[str, str]": (dict, "a table of language = tag"),
    }
    expected, wording = checks[kind]
    if not isinstance(value, expected) or (kind == "float" and isinstance(value, bool)):
        raise ConfigError(f"'{key}' must be {wording}, not {value!r}", path)
    return _refine(key, kind, value, path)


def _refine(key: str, kind: str, value, path: Path):
    if key in _CHOICES and value not in _CHOICES[key]:
        raise ConfigError(f"'{key}' must be one of {', '.join(_CHOICES[key])}, not {value!r}", path)
    if kind == "tuple[str, ...]":
        if not value or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"'{key}' must be a non-empty list of language codes", path)
        return tuple(value)
    if kind == "dict[str, str]":
        return {**Config().proofing, **{str(k): str(v) for k, v in value.items()}}
    if key == "fuzzy_threshold" and not 0 < value <= 1:
        raise ConfigError(f"'{key}' must be between 0 and 1, not {value!r}", path)
    if key == "min_completeness" and not 0 <= value <= 100:
        raise ConfigError(f"'{key}' must be a percentage between 0 and 100", path)
    return value


def _inside(rel: str, key: str, path: Path, root: Path) -> None:
    target = (root / rel).resolve()
    if Path(rel).is_absolute() or not target.is_relative_to(root.resolve()) or target == root.resolve():
        raise ConfigError(f"'{key}' must be a folder inside the project, not {rel!r}", path)
