"""Issue #13: hostile repositories and odd characters never delete, overwrite or corrupt.

Each test plays one attack on a fresh project with an ``outside/`` folder beside it, and
asserts the file system after the run: nothing outside touched, nothing changed when the
run failed, no entry changed that the input did not target. (Review documents: see
test_hostile_review.py; the fuzz tests: test_hostile_fuzz.py.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from hostile_support import ENGLISH, SOURCE, World, one_error_line, tree

from diglot.po.parser import parse_po

MSGFMT = shutil.which("msgfmt")


@pytest.fixture
def world(make_project, tmp_path) -> World:
    return World(make_project({"article": SOURCE}, {"article": ENGLISH}), tmp_path)


def _built(world: World) -> dict:
    assert world.run("build").exit_code == 0
    return world.snapshot()


def _manifest(world: World, outputs: dict) -> None:
    path = world.root / "build" / ".diglot-manifest.json"
    data = json.loads(path.read_text())
    data["outputs"].update(outputs)
    path.write_text(json.dumps(data))


# -- 1. the build manifest is data, not a list of files to delete -------------------------

@pytest.mark.parametrize("entry", ["html/../../source_fr/article.md", "html/../../../outside/victim.txt",
                                   "/etc/hostname", "html/../../translations/en/article.po",
                                   "docx/./article.docx", "html\\..\\..\\x.html", "html/.hidden.html"])
def test_a_manifest_entry_leading_elsewhere_is_dropped_never_deleted(world, entry):
    before = _built(world)
    _manifest(world, {entry: "0"})
    result = world.run("build")
    assert result.exit_code == 0, result.output
    assert "removed" not in result.output
    after = world.snapshot()
    assert after.pop("build/.diglot-manifest.json") and before.pop("build/.diglot-manifest.json")
    assert after == before and world.outside_untouched()
    from diglot.commands.build_plan import Manifest

    assert entry not in Manifest.load(world.root / "build").entries  # read, then dropped


def test_a_manifest_entry_naming_a_folder_or_a_link_is_left_alone(world):
    _built(world)
    (world.root / "build/html/folder.html").mkdir()
    (world.root / "build/html/folder.html/inside.txt").write_text("x")
    (world.root / "build/html/link.html").symlink_to(world.root / "source_fr" / "article.md")
    (world.root / "build/html/gone.html").write_text("an output of a deleted article")
    _manifest(world, {"html/folder.html": "0", "html/link.html": "0", "html/gone.html": "0"})
    result = world.run("build")
    assert result.exit_code == 0, result.output
    assert result.output.count("removed ") == 1 and "removed build/html/gone.html" in result.output
    assert (world.root / "build/html/folder.html/inside.txt").read_text() == "x"
    assert (world.root / "build/html/link.html").is_symlink()
    assert (world.root / "source_fr/article.md").read_text().startswith("# Titre")
    assert not (world.root / "build/html/gone.html").exists() and world.outside_untouched()


@pytest.mark.parametrize("content", ['{"version":1,"outputs":[1,2]}', '{"version":1,"outputs":{"html/a.html":3}}',
                                     "[" * 100_000, "\udcff", '{"version":1,"outputs":{"html/a.html":"0"'])
def test_a_damaged_manifest_only_means_a_full_rebuild(world, content):
    _built(world)
    (world.root / "build/.diglot-manifest.json").write_text(content, errors="surrogateescape")
    result = world.run("build")
    assert result.exit_code == 0 and "2 file(s) written" not in result.output
    assert (world.root / "build/html/article.html").is_file() and world.outside_untouched()


# -- 2. symbolic links leading outside the project ------------------------------------------

@pytest.mark.parametrize("config", [None, 'title = "t"\n'])
@pytest.mark.parametrize("folder, command", [("build", "build"), ("translations", "update")])
def test_a_folder_that_is_a_link_outside_is_refused(world, folder, command, config):
    if config:
        (world.root / "diglot.toml").write_text(config)
    target = world.outside / folder
    if (world.root / folder).exists():
        shutil.move(world.root / folder, target)
    else:
        target.mkdir()
    (world.root / folder).symlink_to(target)
    before, outside = world.snapshot(), tree(world.outside)
    for run in ("update", command):
        result = world.run(run)
        assert one_error_line(result, f"'{folder}' is a symbolic link to '{target}'",
                              "leads outside the project")
    assert world.snapshot() == before and tree(world.outside) == outside


def test_a_link_deeper_in_the_translations_or_output_is_refused(world):
    _built(world)
    en = world.root / "translations" / "en"
    shutil.move(en, world.outside / "en")
    en.symlink_to(world.outside / "en")
    outside = tree(world.outside)
    world.proj.source("article", "# Titre\n\nUn texte neuf.\n")
    result = world.run("update")
    assert one_error_line(result, "'translations/en' is a symbolic link")
    assert tree(world.outside) == outside


@pytest.mark.parametrize("link, target, command", [
    ("translations/templates/article.pot", "../en/article.po", "update"),  # wiped every msgstr
    ("translations/en/other.po", "article.po", "update"),  # two articles' files swapped
    ("translations/de", "en", "build"),  # German published the English
])
def test_a_link_inside_the_translations_is_refused_never_written_through(world, link, target, command):
    """An attack round: the "outside" check let a link from one file of translations/ to
    another through; one plain update wrote a template over a PO file."""
    _built(world)
    world.proj.source("other", "# Autre\n\nUn autre texte.\n")
    (world.root / "diglot.toml").write_text('languages = ["en", "de"]\n')
    path = world.root / link
    if path.exists() or path.is_symlink():
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    path.symlink_to(target)
    before = world.snapshot()
    result = world.run(command)
    assert one_error_line(result, f"'{link}' is a symbolic link (to '{target}')")
    assert world.snapshot() == before


@pytest.mark.parametrize("linked, command", [
    ("templates/article.pot", ("update",)), ("templates/article.pot", ("update", "--check")),
    ("en/orphan.po", ("update",))])  # read by the translation memory (a code review)
def test_a_template_or_po_file_linked_outside_is_never_read_nor_printed(world, linked, command):
    """An attack round: a cloned repository's template linked to ~/.git-credentials was
    read, and its parse error printed the token."""
    secret = world.outside / "git-credentials"
    secret.write_text("https://alice:ghp_SuperSecretToken@github.com\n")
    path = world.root / "translations" / linked
    path.unlink(missing_ok=True)
    path.symlink_to(secret)
    world.proj.source("article", "# Titre\n\nUn texte tout neuf.\n")  # the memory is asked
    result = world.run(*command)
    assert "ghp_" not in result.output
    assert one_error_line(result, f"'translations/{linked}' is a symbolic link")


@pytest.mark.parametrize("config, message", [
    (None, "the output folder 'build' leads into 'translations'"),
    ('title = "t"\n', "'output' must be a folder apart from 'translations'")])
def test_an_output_folder_that_is_a_link_to_the_translations_is_refused(world, config, message):
    """Without a configuration file the folders' overlap went unchecked: build wrote its
    manifest and pages into translations/."""
    (world.root / "diglot.toml").unlink(missing_ok=True)
    if config:
        (world.root / "diglot.toml").write_text(config)
    shutil.rmtree(world.root / "build", ignore_errors=True)
    (world.root / "build").symlink_to("translations")
    before = world.snapshot()
    result = world.run("build")
    assert one_error_line(result, message) and world.snapshot() == before


@pytest.mark.parametrize("setting, command, message", [
    ('output = ".git/refs/heads"\n', "build", "diglot.toml:1: 'output' names a folder in the "
     "version-control folder '.git' (.git/refs/heads); diglot never writes there"),
    ('translations = ".git/refs/tags"\n', "update", "diglot.toml:1: 'translations' names a folder "
     "in the version-control folder '.git'"),
    ('memory = [".git/config"]\n', "update", "diglot.toml:1: 'memory' names '.git/config', in a "
     "version-control folder"),
    # a code review: on a file system that ignores case, ".GIT" is the repository
    ('output = ".GIT/refs/heads"\n', "build", "diglot.toml:1: 'output' names a folder in the "
     "version-control folder '.GIT'"),
    # an attack round: git's folder under another name (git init --separate-git-dir=store)
    ('output = "store/refs/heads"\n', "build", "diglot.toml:1: 'output' names a folder in the "
     "version-control folder 'store'"),
    # an attack round: Jujutsu's, Sapling's, Pijul's and CVS's folders were missing
    ('output = ".jj/repo/op_heads/heads"\n', "build", "diglot.toml:1: 'output' names a folder "
     "in the version-control folder '.jj'"),
    ('output = ".sl/store"\n', "build", "in the version-control folder '.sl'"),
    ('output = ".pijul/changes"\n', "build", "in the version-control folder '.pijul'")])
def test_no_setting_leads_diglot_into_the_repositorys_own_folder(world, setting, command, message):
    """An attack round: output = ".git/refs/heads" wrote pages among git's branches, and
    `git log --all` then failed with "bad object"; a memory file named .git/config (a
    token's place) was read and its first line quoted."""
    (world.root / ".git/refs/heads").mkdir(parents=True)
    (world.root / ".git/refs/tags").mkdir(parents=True)
    (world.root / ".git/config").write_text("[credential]\n\thelper = store ghp_Token\n")
    for folder in ("store/refs/heads", "store/objects"):
        (world.root / folder).mkdir(parents=True)
    (world.root / "store/HEAD").write_text("ref: refs/heads/main\n")
    (world.root / "diglot.toml").write_text(setting)
    before = world.snapshot()
    result = world.run(command)
    assert one_error_line(result, message) and "ghp_" not in result.output
    assert world.snapshot() == before


def test_linked_folders_in_the_translations_are_not_walked(world):
    """Two links to '.' made every command loop for ever, and a link outside walked it (a
    link to '/' walked the disk), naming the PO files found there."""
    (world.outside / "sub").mkdir()
    (world.outside / "sub" / "leak.po").write_text('msgid ""\nmsgstr ""\n')
    world.before_outside = tree(world.outside)
    en = world.root / "translations" / "en"
    en.mkdir(parents=True, exist_ok=True)
    (en / "a").symlink_to(".")
    (en / "b").symlink_to(".")
    (world.root / "translations" / "ext").symlink_to(world.outside)
    for command in ("status", "update", "check"):
        run = subprocess.run([sys.executable, "-m", "diglot", "-C", str(world.root), command],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode in (0, 1), run.stderr
        assert "leak.po" not in run.stdout + run.stderr
    assert world.outside_untouched()


def test_an_output_that_is_a_link_to_a_source_is_not_written_through(world):
    _built(world)
    page = world.root / "build/html/article.html"
    page.unlink()
    page.symlink_to(world.root / "source_fr/article.md")
    source = (world.root / "source_fr/article.md").read_bytes()
    result = world.run("build", "--force")
    assert result.exit_code == 2 and "outside 'build/'" in result.output
    assert (world.root / "source_fr/article.md").read_bytes() == source


def test_a_source_that_is_a_link_outside_is_refused(world):
    (world.outside / "secret.md").write_text("# Secret\n\nNe pas publier.\n")
    world.before_outside = tree(world.outside)
    (world.root / "source_fr" / "secret.md").symlink_to(world.outside / "secret.md")
    before = world.snapshot()
    result = world.run("build")
    assert one_error_line(result, "source_fr/secret.md", "symbolic link")
    assert world.snapshot() == before and world.outside_untouched()


def test_a_lock_file_that_is_a_dangling_link_is_never_followed(world):
    (world.root / ".diglot.lock").unlink(missing_ok=True)
    (world.root / ".diglot.lock").symlink_to(world.outside / "created-by-diglot")
    before = world.snapshot()
    result = world.run("update")
    assert one_error_line(result, ".diglot.lock", "symbolic link")
    assert not (world.outside / "created-by-diglot").exists() and world.outside_untouched()
    assert world.snapshot() == before


def test_a_lock_that_is_a_folder_is_an_error_not_a_run_without_lock(world):
    """An attack round: a `.diglot.lock` folder in a clone turned the lock off in silence
    (taken for a read-only project), and two runs wrote the same PO files at once."""
    (world.root / ".diglot.lock").unlink(missing_ok=True)
    (world.root / ".diglot.lock").mkdir()
    world.proj.source("article", SOURCE + "\nUn paragraphe de plus.\n")
    before = world.snapshot()
    result = world.run("update")
    assert one_error_line(result, ".diglot.lock: cannot hold the lock file (Is a directory)")
    assert world.snapshot() == before


# -- 3. review export -o --------------------------------------------------------------------

@pytest.mark.parametrize("target", ["translations/en/article.po", "translations/en/x.docx",
                                    "source_fr/article.docx", "source_fr/article.md",
                                    "pyproject.toml", "../outside/review.docx", "../outside/victim.txt",
                                    "build"])
def test_review_export_never_overwrites_sources_translations_config_or_outside(world, target):
    (world.root / "pyproject.toml").write_text("[tool.diglot]\ntitle = 't'\n")
    before = world.snapshot()
    result = world.run("review", "export", "article", "-o", str(world.root / target))
    assert one_error_line(result)
    assert world.snapshot() == before and world.outside_untouched()


def test_review_export_to_a_docx_inside_the_project(world):
    result = world.run("review", "export", "article", "-o", str(world.root / "for-anne.docx"))
    assert result.exit_code == 0 and (world.root / "for-anne.docx").is_file()


# -- 4. blocks of Unicode whitespace are no segment ----------------------------------------

@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u3000", "\u2028", "\u00a0\u2028\u3000 "])
def test_a_block_of_unicode_whitespace_never_makes_a_second_header(world, space):
    world.proj.source("article", f"# Titre\n\n{space * 3}\n\nLe modèle est rapide.\n\n"
                                 f"- {space}\n\n> {space}\n\n# {space}\n")
    result = world.run("update")
    assert result.exit_code == 0, result.output
    data = world.po_path().read_bytes()
    assert data.count(b'msgid ""\nmsgstr') == 1
    entries = parse_po(data, "article.po").entries
    assert {e.msgid: e.msgstr for e in entries} == {"Titre": "Title",
                                                    "Le modèle est rapide.": "The model is fast.",
                                                    "Un paragraphe flou.": "A hazy paragraph."}
    for command in (["build"], ["update"], ["status"], ["check"]):
        assert world.run(*command).exit_code == 0
    if MSGFMT:
        subprocess.run([MSGFMT, "-c", "-o", os.devnull, str(world.po_path())], check=True)


# -- 9. raw control characters in PO files ------------------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\r", "\x85"])
def test_raw_control_characters_in_a_po_string_are_refused_with_their_line(world, char):
    po = world.po_path()
    text = po.read_text().replace('msgstr "The model is fast."', f'msgstr "The mo{char}del is fast."')
    po.write_text(text, encoding="utf-8")
    line = text[:text.index(char)].count("\n") + 1
    before = world.snapshot()
    for command in ("build", "update", "status"):
        result = world.run(command)
        assert one_error_line(result, f"translations/en/article.po:{line}: raw control character")
    assert world.snapshot() == before and not (world.root / "build").exists()


def test_control_escapes_gettext_allows_never_reach_the_editions(world):
    po = world.po_path()
    po.write_text(po.read_text().replace('"The model is fast."', '"The \\amodel\\b is\\r fast."'))
    result = world.run("build")
    assert result.exit_code == 0, result.output
    page = (world.root / "build/html/article.html").read_text()
    assert "The model is fast." in page and not any(c in page for c in "\a\b\r")
    assert '"The \\amodel\\b is\\r fast."' in po.read_text()  # the PO keeps them


def test_an_escape_standing_for_a_control_character_is_refused(world):
    po = world.po_path()
    po.write_text(po.read_text().replace('"The model is fast."', '"The \\x01model"'))
    result = world.run("build")
    assert one_error_line(result, "translations/en/article.po:", "U+0001")


# -- 10. file names, a full disk, a killed run ---------------------------------------------

@pytest.mark.parametrize("name", ["bad\nname.md", "bell\x07.md", "tab\tname.md", "esc\x1b[31m.md",
                                  "line\u2028sep.md"])
def test_a_source_name_no_po_line_can_carry_is_refused(world, name):
    (world.root / "source_fr" / name).write_text("# Titre\n\nTexte.\n")
    before = world.snapshot()
    for command in ("update", "build", "status"):
        result = world.run(command)
        assert one_error_line(result, "the file name", "rename the file")
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert world.snapshot() == before


def test_an_undecodable_source_name_is_one_line(world):
    name = os.fsencode(world.root / "source_fr") + b"/bad\xff.md"
    with open(name, "wb") as handle:
        handle.write(b"# Titre\n")
    for command in ("update", "build"):
        result = world.run(command)
        assert one_error_line(result, "bad\\xff.md", "not valid UTF-8")


def test_a_full_disk_during_update_leaves_every_file_as_it_was(world, monkeypatch):
    """The template is written before the PO file: when the PO's write fails (ENOSPC), the
    new template must not stay beside the old PO."""
    import errno

    from diglot import fsio

    world.proj.source("article", "# Titre\n\nLe modèle est très rapide.\n")
    before = world.snapshot()
    calls = []

    def full_disk(handle, data):
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        handle.write(data)

    monkeypatch.setattr(fsio, "_put", full_disk)
    result = world.run("update")
    assert one_error_line(result, "No space left on device", "nothing was changed")
    assert len(calls) == 2 and world.snapshot() == before
    assert not [p for p in world.root.rglob("*.tmp")]


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE")
def test_a_file_size_limit_in_a_real_process_leaves_template_and_po_old(world):
    """The same with the operating system refusing the write (RLIMIT_FSIZE, EFBIG): the
    template fits under the limit, the PO file does not."""
    import resource
    import signal

    world.proj.translate("article", {"Le modèle est rapide.": "The model is fast. " * 30})
    world.proj.source("article", "# Titre\n\nLe modèle est très rapide.\n")
    pot = (world.root / "translations/templates/article.pot").stat().st_size
    po = world.po_path().stat().st_size
    assert po > pot + 200
    limit = pot + 100

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    before = world.snapshot()
    result = subprocess.run([sys.executable, "-m", "diglot", "-C", str(world.root), "update"],
                            preexec_fn=limited, capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.startswith("Error: translations/en/article.po")
    assert world.snapshot() == before


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(world):
    leftovers = [world.root / "translations/en/.article.po.k3j_9xq2.diglot.tmp",
                 world.root / "build/html/.article.html.abcdefgh.diglot.tmp",
                 world.root / ".pyproject.toml.zzzzzzzz.diglot.tmp"]
    kept = [world.root / "translations/en/.notes.tmp", world.root / "source_fr/.a.md.abcdefgh.diglot.tmp",
            world.root / "notes.abcdefgh.diglot.tmp.txt"]
    for path in leftovers + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half")
    (world.outside / ".victim.txt.abcdefgh.diglot.tmp").write_text("outside")
    world.before_outside = tree(world.outside)
    (world.root / "build/html/.x.html.abcdefgh.diglot.tmp").symlink_to(world.outside / ".victim.txt.abcdefgh.diglot.tmp")
    assert world.run("update").exit_code == 0
    assert not any(p.exists() for p in leftovers) and all(p.exists() for p in kept)
    assert world.outside_untouched()


# -- 12. inline parsing stays linear (timings live in bench/hostile.py) -------------------

def test_the_linear_label_scan_gives_markdown_its_own_answers():
    import random

    from markdown_it import MarkdownIt

    from diglot.source.markdown import parser

    reference, ours = MarkdownIt("commonmark", {"html": False}), parser()

    def tokens(md, text):
        out = []
        md.inline.parse(text, md, {"references": {"R": {"href": "u", "title": ""}}}, out)
        return [(t.type, t.content, t.attrs, [(c.type, c.content) for c in t.children or ()])
                for t in out]

    rng = random.Random(13)
    pieces = list("[]()!`\\<>a *_") + ["[R]", "](u)", "](<a b>)", "![", "http://x", "\n", "[[", "]]"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 50)))
        assert tokens(ours, text) == tokens(reference, text), text


def test_the_footnote_call_scan_gives_the_plugins_own_answers_in_linear_work():
    """``[^`` scanned to the next space, break or ``]`` from every ``[^``: 20,000 of them
    took 50 s. The answers are the plugin's, the work (lines the plugin runs) linear."""
    import random

    import mdit_py_plugins.footnote.index as plugin
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    from diglot.source.markdown import parser

    reference = MarkdownIt("commonmark").use(footnote_plugin, inline=False, always_match_refs=True)
    ours = parser()

    def tokens(md, text):
        out = []
        md.inline.parse(text, md, {}, out)
        return [(t.type, t.content, t.meta) for t in out]

    rng = random.Random(17)
    pieces = ["[^", "]", " ", "\n", "a", "[", "^", "x]", "*"]
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert tokens(ours, text) == tokens(reference, text), text

    import diglot.source.linear as linear

    def lines(text: str) -> int:
        """Lines run in the plugin and in diglot's wrapper around it."""
        count = [0]

        def tracer(frame, event, arg):
            if frame.f_code.co_filename not in (plugin.__file__, linear.__file__):
                return None
            count[0] += event == "line"
            return tracer

        sys.settrace(tracer)
        try:
            ours.inline.parse(text, ours, {}, [])
        finally:
            sys.settrace(None)
        return count[0]

    for make in (lambda n: "[^" * n, lambda n: "[^" * n + "]", lambda n: "[^a " * n):
        small, large = lines(make(300)), lines(make(1200))
        assert large <= 5 * max(small, 1), (small, large)


def test_unclosed_comment_lines_cost_linear_work():
    """Each '<!--' line that nothing closes made html_block read to the end of the file and
    the comment pattern scan it all again: 2,000 such lines (10 KB) took two minutes."""
    import importlib

    from diglot.source.reader import parse_article

    html_block = importlib.import_module("markdown_it.rules_block.html_block")

    def lines(text: str) -> int:
        count = [0]

        def tracer(frame, event, arg):
            if frame.f_code.co_filename != html_block.__file__:
                return None
            count[0] += event == "line"
            return tracer

        sys.settrace(tracer)
        try:
            article = parse_article(text, "a", "source_fr/a.md")
        finally:
            sys.settrace(None)
        assert article.segments  # read as text, as before
        return count[0]

    small, large = lines("# T\n\n" + "<!--\n" * 500), lines("# T\n\n" + "<!--\n" * 2000)
    assert large <= 5 * max(small, 1), (small, large)


def _skip_token_calls(text: str) -> int:
    from diglot.source.markdown import parser

    md = parser()
    calls = [0]
    original = md.inline.skipToken

    def counted(state):
        calls[0] += 1
        return original(state)

    md.inline.skipToken = counted
    try:
        md.inline.parse(text, md, {}, [])
    finally:
        del md.inline.skipToken
    return calls[0]


@pytest.mark.parametrize("make", [lambda n: "[" * n, lambda n: "[" * n + "]",
                                  lambda n: "[a " * n + "]" * (n // 2), lambda n: "![" * n + "]"])
def test_unclosed_brackets_cost_linear_work(make):
    """The work of the link label scan (tokens skipped), not its time: four times the
    brackets, four times the work, and a few skips a character (markdown-it's own scan
    skips some twenty tokens for every unclosed bracket, up to its nesting limit)."""
    small, large = _skip_token_calls(make(500)), _skip_token_calls(make(2000))
    assert large <= 5 * max(small, 1) and large <= 4 * len(make(2000))


def test_backtick_closers_are_found_in_one_pass():
    from diglot.source.inline import Span
    from diglot.source.inline_fast import simple_spans as _simple_spans
    from diglot.source.linear import Closers

    text = "".join("`" * n + " x " for n in range(1, 600))  # each run opens, none closes
    closers = Closers(text)
    runs = text.count(" x ")
    for n in range(1, 600):
        closers.find(n, 0)
    assert sum(closers._next.values()) <= runs
    assert _simple_spans(text) == [Span(text)]


def _inline_lines(text: str) -> int:
    """Lines of the inline module run while reading ``text`` (work, not time)."""
    import diglot.source.inline as inline

    count = [0]

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != inline.__file__:
            return None
        if event == "line":
            count[0] += 1
        return tracer

    sys.settrace(tracer)
    try:
        inline.spans(text)
    finally:
        sys.settrace(None)
    return count[0]


def test_emphasis_delimiters_pair_in_linear_work():
    """Openers of one marker waiting while closers of the other come: each closer finds
    its own opener at once."""
    make = lambda n: "*a " * n + "b_ " * n  # noqa: E731
    assert _inline_lines(make(2000)) <= 5 * _inline_lines(make(500))


# -- 13. messages never carry raw control characters --------------------------------------

def test_a_raw_escape_sequence_in_a_po_file_is_never_printed(world):
    po = world.po_path()
    po.write_text(po.read_text() + "\x1b]0;pwned\x07 stray\n", encoding="utf-8")
    result = world.run("status")
    assert one_error_line(result, "U+001B")
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_carriage_returns_and_backspaces_from_a_po_string_are_shown_escaped(world):
    """A PO string may hold \\r and \\b escapes; printed raw they would overwrite what the
    terminal shows (a word diff that hides a change)."""
    po = world.po_path()
    po.write_text(po.read_text().replace(
        'msgid "Un paragraphe flou."',
        '#, fuzzy\n#| msgid "Un\\r paragraphe\\b\\b doux."\nmsgid "Un paragraphe flou."'))
    result = world.run("status", "--changes")
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output and "\b" not in result.output
    assert "Un[-\\r -]" in result.output and "paragraphe[-\\x08\\x08-]" in result.output


# -- 14. one line, never a traceback ------------------------------------------------------

@pytest.mark.parametrize("value", ["99999999999999999", "-5", "12.5", "soon", "٣"])
def test_a_bad_source_date_epoch_is_one_line(world, value):
    before = world.snapshot()
    for command in ("update", "build"):
        result = world.run(command, SOURCE_DATE_EPOCH=value)
        assert one_error_line(result, "SOURCE_DATE_EPOCH")
    assert world.snapshot() == before


def test_the_last_representable_date_builds(world):
    result = world.run("build", SOURCE_DATE_EPOCH="253402300799")
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("path, command", [("translations/en/article.po", "status"),
                                           ("translations/en/article.po", "build"),
                                           ("translations/templates/article.pot", "update")])
def test_a_named_pipe_where_a_po_file_is_read_is_one_error_line_never_a_hang(world, path, command):
    """An attack round: opening a FIFO blocks until a writer comes; every command hung."""
    _built(world)
    (world.root / path).unlink()
    os.mkfifo(world.root / path)
    result = world.run(command)
    assert one_error_line(result, f"{path}: not a regular file (a named pipe or a device)")


def test_a_configuration_linked_outside_the_project_is_refused(world):
    """An attack round: its title was published; a TOML file elsewhere gave its key names
    away in the error ("unknown key 'default'")."""
    (world.outside / "credentials").write_text('[default]\naws_secret_access_key = "x"\n')
    (world.root / "diglot.toml").unlink(missing_ok=True)
    (world.root / "diglot.toml").symlink_to(world.outside / "credentials")
    result = world.run("build")
    assert one_error_line(result, "'diglot.toml' is a symbolic link leading outside the project")
    assert "default" not in result.output and "aws" not in result.output


def test_a_control_character_in_the_project_folders_name_never_reaches_a_title(tmp_path):
    """An attack round: the folder's name is the default title: update failed with an error
    naming no file, and build wrote a raw ESC into the page's <title>."""
    from project_fixture import Proj

    proj = Proj(tmp_path / "ed\x1b[31mition\nLanguage: de")  # a code review: a newline made a header line
    proj.source("a", "# Titre\n\nTexte.\n")
    assert proj.run("update").exit_code == 0 and proj.run("build", "--format", "html").exit_code == 0
    page = (proj.root / "build/html/index.html").read_bytes()
    assert b"\x1b" not in page and b"ed[31mition Language: de" in page
    assert "\nLanguage: de" not in (proj.root / "translations/templates/a.pot").read_text()


def test_a_letter_with_more_than_30_combining_marks_is_refused_in_a_source_and_a_translation(world):
    """An attack round: 100,000 accents on one letter (200 KB) kept the PDF's line breaking
    busy for two minutes; Unicode's stream-safe text allows 30."""
    zalgo = "e" + "\u0301" * 31
    for marks in (zalgo, "e" + "\u05b4" * 31):  # every script's marks (a code review: Hebrew)
        world.proj.source("article", f"# Titre\n\nUn {marks} de trop.\n")
        result = world.run("update")
        assert one_error_line(result, "source_fr/article.md:3: a letter carries more than 30 combining marks")
    world.proj.source("article", "# Titre\n\nUn texte.\n")
    assert world.run("update").exit_code == 0
    world.proj.translate("article", {"Un texte.": f"A {zalgo} text."})
    result = world.run("build")
    assert one_error_line(result, "translations/en/article.po:", "more than 30 combining marks")
    world.proj.translate("article", {"Un texte.": "A t" + "\u0301" * 30 + "ext."})  # 30: fine
    assert world.run("build").exit_code == 0


def test_a_lock_file_diglot_may_only_read_still_locks(tmp_path, monkeypatch):
    """A code review: a .diglot.lock left read-only (a tarball's 0444) was taken for a
    read-only project, and two runs went on at once without the lock."""
    import errno
    import os

    from diglot import lock
    from diglot.errors import LockError

    (tmp_path / ".diglot.lock").write_text("")
    real_open = os.open

    def refused_for_writing(path, flags, *mode):
        if str(path).endswith(".diglot.lock") and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *mode)

    monkeypatch.setattr(lock.os, "open", refused_for_writing)
    with lock.project_lock(tmp_path):
        with pytest.raises(LockError):
            with lock.project_lock(tmp_path):
                pass



def test_a_lock_file_no_one_may_open_in_a_writable_project_is_an_error(tmp_path, monkeypatch):
    """An attack round: a .diglot.lock of mode 000 (a tarball's) made every run unlocked,
    though the project could be written."""
    import errno
    import os

    from diglot import lock
    from diglot.errors import LockError

    (tmp_path / ".diglot.lock").write_text("")
    real_open = os.open

    def refused(path, flags, *mode):
        if str(path).endswith(".diglot.lock"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *mode)

    monkeypatch.setattr(lock.os, "open", refused)
    with pytest.raises(LockError, match="cannot hold the lock file"):
        with lock.project_lock(tmp_path):
            pass
    monkeypatch.setattr(lock.os, "access", lambda path, mode: False)  # a read-only project
    with lock.project_lock(tmp_path):
        pass


@pytest.mark.parametrize("label", ["r", "a\\]b"])
def test_a_link_definition_used_too_often_for_its_size_is_refused_at_its_line(make_project, label):
    """An attack round: a 1 MB title used by 1,000 links (a 1 MB source) made a 2 GB page
    and took 4.9 GB: each use writes the address and title again. A label with an escaped
    bracket counts too (a code review)."""
    uses = f"[a][{label}] " * 20
    source = f"# Titre\n\n{uses}\n\n[{label}]: https://ex.org/ \"{'x' * 1_000_000}\"\n"
    proj = make_project({"a": source}, update=False)
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert result.output == (f"Error: source_fr/a.md:5: the link definition [{label.upper()}] is used so often "
                             "that the editions would write its address and title 19 MB over "
                             "(more than 16 MB for an article): shorten them, or link fewer "
                             "times\n")
    assert not (proj.root / "build/html/a.html").exists()


def test_more_note_calls_than_an_article_holds_are_refused_at_their_line(make_project,
                                                                         monkeypatch):
    """An attack round: 750,000 calls of one note in a 3 MB source made a 254 MB page and
    took 2.5 GB (each call is a raised link and a back link, in both columns). The French
    is refused where its calls pass the bound, a translation at its entry's line."""
    from diglot.source import bounds

    monkeypatch.setattr(bounds, "MAX_NOTE_CALLS", 20)
    calls = "Un appel[^n]. " * 12
    source = f"# Titre\n\n{calls}\n\n{calls}\n\n[^n]: La note.\n"
    proj = make_project({"a": source}, update=False)
    result = proj.run("update")
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert result.output == ("Error: source_fr/a.md:5: more than 20 footnote calls in one "
                             "article (each is a raised link and a back link in every "
                             "edition): split the article, or call its notes fewer times\n")
    assert not (proj.root / "translations").exists()
    monkeypatch.setattr(bounds, "MAX_NOTE_CALLS", 20_000)
    from diglot.catalog import translate

    monkeypatch.setattr(translate, "MAX_NOTE_CALLS", 20)
    proj.write("source_fr/a.md", "# Titre\n\nUn appel[^n].\n\n[^n]: La note.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("a", {"Un appel[^n].": "A call[^n]. " * 21})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and result.output.startswith(
        "Error: translations/en/a.po:") and "more than 20 footnote calls" in result.output
    assert not (proj.root / "build/html/a.html").exists()
