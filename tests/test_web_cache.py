"""Compiled page templates are kept in this user's cache folder (web.environment), and only
in a folder no one else can write: Jinja2 loads the code it finds there."""

from __future__ import annotations

import os

from diglot import web


def test_templates_are_kept_in_a_private_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = web._private_folder("templates")
    assert folder == str(tmp_path / "diglot" / "templates")
    assert os.stat(folder).st_mode & 0o777 == 0o700


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shared = tmp_path / "diglot" / "templates"
    shared.mkdir(parents=True)
    shared.chmod(0o777)
    assert web._private_folder("templates") is None


def test_a_link_in_its_place_is_not_followed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / "diglot").mkdir()
    (tmp_path / "diglot" / "templates").symlink_to(elsewhere)
    assert web._private_folder("templates") is None
