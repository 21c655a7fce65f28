"""``diglot init``: a new edition that updates and builds, and never a file overwritten."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from diglot.cli import main
from diglot.config import Config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def run(*args, cwd=None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_init_update_build_works_and_says_what_comes_next(tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the edition named whole, wherever the tests run
    edition = tmp_path / "my-edition"
    result = run("init", str(edition))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].endswith(": diglot.toml, .gitignore, source_fr/bienvenue.md, translations/")
    assert lines[1] == "Next:"
    commands = [line.split("#")[0].strip() for line in lines[2:]]
    assert commands == [f"cd {edition} && diglot update", "diglot serve", "diglot build"]
    assert run("-C", str(edition), "update").exit_code == 0
    assert (edition / "translations/en/bienvenue.po").is_file()
    built = run("-C", str(edition), "build")
    assert built.exit_code == 0 and "Warning" not in built.output
    assert (edition / "build/html/bienvenue.html").is_file()
    assert (edition / "build/docx/bienvenue.docx").is_file()


def test_the_settings_file_lists_every_setting_at_its_default(tmp_path):
    run("init", str(tmp_path))
    text = (tmp_path / "diglot.toml").read_text()
    settings = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# ") and " = " in line)
    values = tomllib.loads(settings)
    defaults = dataclasses.asdict(Config())
    assert set(values) == set(defaults)
    for key, value in values.items():
        assert (tuple(value) if isinstance(value, list) else value) == defaults[key], key
    assert tomllib.loads(text) == {}  # as written, every default applies


@pytest.mark.parametrize("existing", ["diglot.toml", "source_fr", "translations"])
def test_init_refuses_to_write_over_anything(tmp_path, existing):
    path = tmp_path / existing
    path.write_text("mine\n")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {tmp_path}: {existing} already exists here")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
    assert path.read_text() == "mine\n"


def test_init_around_an_authors_own_articles_and_po_files_keeps_them(tmp_path):
    """A new user had written book/source_fr/chapitre-1.md: init refused the folder."""
    (tmp_path / "source_fr").mkdir()
    (tmp_path / "source_fr/chapitre-1.md").write_text("# Chapitre\n\nUn texte.\n")
    (tmp_path / "translations/en").mkdir(parents=True)
    mine = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    (tmp_path / "translations/en/x.po").write_text(mine)
    result = run("init", str(tmp_path))
    assert result.exit_code == 0
    assert result.output.splitlines()[0].endswith(": diglot.toml, .gitignore")
    assert "translations/en/<article>.po for each article" in result.output
    assert not (tmp_path / "source_fr/bienvenue.md").exists()
    assert (tmp_path / "translations/en/x.po").read_text() == mine
    assert run("-C", str(tmp_path), "update").exit_code == 0
    assert (tmp_path / "translations/en/chapitre-1.po").is_file()


def test_init_names_its_folder_from_the_project_folder(tmp_path, monkeypatch):
    """A new user: `diglot -C proj init sub` made ./sub, where git -C and make -C read proj/sub."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "proj").mkdir()
    assert run("-C", "proj", "init", "sub").exit_code == 0
    assert (tmp_path / "proj/sub/diglot.toml").is_file() and not (tmp_path / "sub").exists()


def test_init_in_the_current_folder_of_a_git_repository(tmp_path, monkeypatch):
    (tmp_path / "README.md").write_text("my notes\n")
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0 and "Created an edition here" in result.output
    assert "  diglot update" in result.output and "cd " not in result.output
    assert (tmp_path / "README.md").read_text() == "my notes\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_gitignore_keeps_what_diglot_writes_out_of_git(tmp_path):
    run("init", str(tmp_path))
    run("-C", str(tmp_path), "update")
    run("-C", str(tmp_path), "build")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True)
    listed = subprocess.run(["git", "-C", str(tmp_path), "ls-files"], check=True,
                            capture_output=True, text=True).stdout.split()
    assert ".diglot.lock" not in listed and not any(p.startswith("build/") for p in listed)
    assert "translations/en/bienvenue.po" in listed and "source_fr/bienvenue.md" in listed


def test_init_over_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    result = run("init", str(tmp_path / "f"))
    assert result.exit_code == 2 and "is a file" in result.output


def test_init_takes_the_common_options_after_its_name(tmp_path):
    quiet = run("init", str(tmp_path / "quiet"), "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert (tmp_path / "quiet/diglot.toml").is_file()
    elsewhere = run("init", "-C", str(tmp_path / "elsewhere"))
    assert elsewhere.exit_code == 0 and (tmp_path / "elsewhere/diglot.toml").is_file()


def test_a_repository_keeps_its_own_gitignore_and_is_told_what_to_add(tmp_path):
    (tmp_path / ".gitignore").write_text("node_modules/\n.diglot.lock\n")
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text() == "node_modules/\n.diglot.lock\n"
    lines = result.output.splitlines()
    assert lines[0].endswith(": diglot.toml, source_fr/bienvenue.md, translations/")
    assert lines[1] == "Kept your .gitignore; add these lines to it: /build/"
    (tmp_path / "more").mkdir()
    (tmp_path / "more/.gitignore").write_text("/build/\n.diglot.lock\n")
    assert "Kept your" not in run("init", str(tmp_path / "more")).output  # nothing missing
