"""The layout shows the architecture, and tests keep it so: each third-party library is used
only in the module that adapts it; a package imports only from its own layer and below, and
features never import one another; every command answers --help; the registry is the one
place a format is described."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diglot.builders import REGISTRY
from diglot.cli import main

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diglot"

# Library → where it may be imported (paths under src/diglot/, a folder or a module).
LIBRARIES = {
    "click": ("cli/",),
    "markdown_it": ("source/",), "mdit_py_plugins": ("source/",),
    "jinja2": ("web.py",), "markupsafe": ("web.py",),
    "docx": ("ooxml/", "builders/docx/", "review/", "align/english.py"),
    "lxml": ("ooxml/", "builders/docx/", "review/"),
    "babel": ("locales.py",),
    "yaml": ("source/frontmatter.py",),
    "rapidfuzz": ("catalog/fuzzy.py",),
    "watchfiles": ("serve/watch.py",),
    "weasyprint": ("builders/pdf/",), "pyphen": ("builders/pdf/",), "PIL": ("pixels.py",),
    "pydyf": ("builders/pdf/engine.py",), "pikepdf": ("builders/pdf/join.py",),
    "tomli": ("config.py",),
}
# Layers, low to high: a package imports from its own layer and below only.
LAYERS = [
    {"errors", "model", "names", "safety", "_marks", "paths", "fsio", "lock", "config", "locales", "project",
     "parallel", "heap"},
    {"po", "source", "ooxml", "web", "typography", "svg", "pixels"},
    {"catalog", "sentences", "align", "media", "crossref"},
    {"builders", "review", "checks"},  # features: never one another
    {"commands", "serve", "scaffold"},
    {"cli", "__main__"},
]
FEATURES = LAYERS[3]
# Deliberate exceptions, each with its reason.
ALLOWED = {
    ("config", "checks"): "the configuration validates a severity table against the check "
                          "ids (checks/__init__.py: constants only, no checks imported)",
    ("config", "builders"): "the configuration validates 'formats' against the format "
                            "registry (builders/__init__.py: facts only, no builder imported)",
}


def _layer(name: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if name in layer)


def _imports() -> list[tuple[str, str, str]]:
    """(module path, its top-level package, imported name) for every import in diglot."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        top = rel.split("/")[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found += [(rel, top, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.append((rel, top, node.module))
    return found


def test_each_third_party_library_lives_in_the_module_that_adapts_it():
    wrong = []
    for rel, _top, name in _imports():
        library = name.split(".")[0]
        if library in ("diglot", "__future__") or library in sys.stdlib_module_names:
            continue
        homes = LIBRARIES.get(library)
        if homes is None or not rel.startswith(homes):
            wrong.append(f"{rel} imports {library}")
    assert wrong == []


def test_packages_import_only_their_layer_and_below_and_features_never_each_other():
    wrong = []
    for rel, top, name in _imports():
        parts = name.split(".")
        if parts[0] != "diglot" or len(parts) < 2 or parts[1] == top or (top, parts[1]) in ALLOWED:
            continue
        target = parts[1]
        if _layer(target) > _layer(top) or (top in FEATURES and target in FEATURES):
            wrong.append(f"{rel} imports diglot.{target}")
    assert wrong == []


def test_every_package_and_module_has_a_layer():
    tops = {p.name.removesuffix(".py") for p in PACKAGE.iterdir()
            if (p.suffix == ".py" or p.is_dir()) and p.name not in ("__init__.py", "__pycache__", "templates")}
    assert tops <= set().union(*LAYERS)


def _commands(group, path=()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


@pytest.mark.parametrize("command", list(_commands(main)), ids=" ".join)
def test_every_command_answers_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and result.output.startswith("Usage: ")


def test_the_build_command_offers_every_registered_format():
    result = CliRunner().invoke(main, ["build", "--help"])
    for name in REGISTRY:
        assert name in result.output
