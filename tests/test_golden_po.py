"""Golden files for the PO output: the template, a new PO, the translated PO, and the PO
after an edit of the source (fuzzy, whitespace-only, obsolete, new). Dates are fixed by
SOURCE_DATE_EPOCH. Regenerate with ``DIGLOT_REGEN=1 pytest tests/test_golden_po.py``."""

from __future__ import annotations

import json
import os

import pytest

from support import CASES

CASE = CASES / "showcase"
REGEN = os.environ.get("DIGLOT_REGEN") == "1"


def same_as_golden(data: bytes, name: str) -> None:
    golden = CASE / name
    if REGEN:
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name} differs from the golden file"


@pytest.fixture
def proj(make_project):
    return make_project({"showcase": (CASE / "article.md").read_text("utf-8")}, name="jardin")


def test_new_template_and_po(proj):
    same_as_golden((proj.root / "translations/templates/showcase.pot").read_bytes(), "showcase.pot")
    same_as_golden((proj.root / "translations/en/showcase.po").read_bytes(), "en.new.po")


def test_translated_po_is_stable_under_update(proj):
    proj.translate("showcase", dict(json.loads((CASE / "pairs.json").read_text("utf-8"))))
    same_as_golden((proj.root / "translations/en/showcase.po").read_bytes(), "en.po")
    assert proj.run("update", "--check").exit_code == 0


def test_po_after_the_source_was_edited(proj):
    proj.translate("showcase", dict(json.loads((CASE / "pairs.json").read_text("utf-8"))))
    proj.source("showcase", (CASE / "article.edited.md").read_text("utf-8"))
    result = proj.run("update")
    assert ("updated translations/en/showcase.po (1 fuzzy, 1 new, 1 obsolete, 30 with new "
            "references, comments or flags)") in result.output
    same_as_golden((proj.root / "translations/en/showcase.po").read_bytes(), "en.updated.po")
