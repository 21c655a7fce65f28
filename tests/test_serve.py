"""``diglot serve`` through real HTTP requests: pages in preview mode, a reload event after a
save, errors shown in the page instead of stopping the server, and a clean stop on SIGINT.
Waiting is on the server's own reload events (bounded by socket timeouts), never sleeps."""

from __future__ import annotations

import base64
import hashlib
import http.client
import re
import signal
import subprocess
import sys
from contextlib import contextmanager
from urllib.parse import quote

import pytest

from diglot.commands.serve import Preview
from support import png

GARE = "Le tram part de la gare à 12 heures."
SOIR = "Il arrive le soir."


@pytest.fixture
def proj(make_project):
    return make_project({"tram": f"# Le tram\n\n{GARE}\n\n{SOIR}\n"},
                        {"tram": {"Le tram": "The tram", GARE: "The tram leaves the station at 2 p.m."}})


class Live:
    """A running preview, on a free port, served from a background thread."""

    def __init__(self, root):
        self.lines: list[str] = []
        self.preview = Preview(root, 0, self.lines.append, self.lines.append)
        self.preview.start()
        self.preview.serve_in_background()
        self.port = self.preview.server.server_address[1]

    def get(self, path: str) -> tuple[int, str, http.client.HTTPResponse]:
        status, body, response = self.get_bytes(path)
        return status, body.decode("utf-8"), response

    def get_bytes(self, path: str, method: str = "GET") -> tuple[int, bytes, http.client.HTTPResponse]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body, response

    @contextmanager
    def reload_of(self, path: str):
        """Listen to ``path``'s event stream; on leaving, wait for its reload event."""
        generation = _generation(self.get(path)[1])
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", f"/_diglot/events?page={quote(path)}&generation={generation}")
        stream = connection.getresponse()
        assert stream.status == 200 and stream.getheader("Content-Type") == "text/event-stream"
        assert stream.fp.readline() == b"retry: 1000\n"
        yield
        while (line := stream.fp.readline()) != b"event: reload\n":
            assert line, "the event stream ended without a reload"
        assert stream.fp.readline().startswith(b"data: ")
        connection.close()

    def stop(self):
        self.preview.stop()


@pytest.fixture
def live(proj):
    server = Live(proj.root)
    yield server
    server.stop()


def _generation(html: str) -> str:
    return re.search(r'<meta name="diglot-preview" content="([^"]+)">', html).group(1)


def _row(html: str, text: str) -> str:
    """The opening tag of the row holding ``text``."""
    start = html.index(text)
    return html[html.rindex('<div class="pair', 0, start):html.index(">", html.rindex('<div class="pair', 0, start)) + 1]


def test_pages_are_served_in_preview_mode(live):
    status, _, response = live.get("/")
    assert status == 302 and response.getheader("Location") == "/index.html"
    status, index, _ = live.get("/index.html")
    assert status == 200 and 'href="tram.html"' in index and "diglot serve · preview" in index
    status, page, response = live.get("/tram.html")
    assert status == 200 and response.getheader("Cache-Control") == "no-store"
    assert response.getheader("X-Frame-Options") == "DENY"  # no other site frames the drafts
    assert 'data-state="translated"' in _row(page, "The tram leaves the station at 2 p.m.")
    assert 'data-state="untranslated"' in _row(page, SOIR)
    assert live.get("/nowhere.html")[0] == 404
    for path in ("/", "/index.html", "/tram.html", "/nowhere.html"):  # HEAD answers as GET does
        head, get = live.get_bytes(path, "HEAD"), live.get_bytes(path)
        assert (head[0], head[1], head[2].getheader("Location")) == (get[0], b"", get[2].getheader("Location"))


def test_saving_a_msgstr_reloads_the_page_with_the_new_text(proj, live):
    assert "It arrives in the evening." not in live.get("/tram.html")[1]
    with live.reload_of("/tram.html"):
        proj.translate("tram", {SOIR: "It arrives in the evening."})
    page = live.get("/tram.html")[1]
    assert "It arrives in the evening." in page
    assert 'data-state="translated"' in _row(page, "It arrives in the evening.")
    assert any(line.startswith("rebuilt tram in ") for line in live.lines)


def test_qa_findings_and_fuzzy_drafts_are_marked(proj, live):
    po = proj.root / "translations/en/tram.po"
    with live.reload_of("/tram.html"):
        po.write_text(po.read_text().replace(
            f'msgid "{SOIR}"\nmsgstr ""', f'#, fuzzy\nmsgid "{SOIR}"\nmsgstr "It comes at night."'))
    page = live.get("/tram.html")[1]
    fuzzy = _row(page, SOIR)
    assert 'data-state="fuzzy"' in fuzzy and 'data-note="fuzzy draft: It comes at night."' in fuzzy
    row = _row(page, "The tram leaves the station at 2 p.m.")
    assert 'data-qa="error"' in row  # 12 is missing from the English (2 p.m.): diglot check's finding
    assert 'data-qa="error" data-note="error [numbers] 12 is missing from the English' in row


def test_a_malformed_po_shows_its_error_and_the_server_keeps_going(proj, live):
    po = proj.root / "translations/en/tram.po"
    good = po.read_text()
    with live.reload_of("/tram.html"):
        po.write_text(good.replace('msgstr "The tram"', 'msgstr "The tram'))
    line = good.splitlines().index('msgstr "The tram"') + 1
    message = f"translations/en/tram.po:{line}: unterminated string; close it with a double quote"
    status, page, _ = live.get("/tram.html")
    # the last good page stays, the error above it: a reader keeps their place
    assert status == 200 and f"<code>{message} (showing the last version that could be read)</code>" in page
    assert "The tram leaves the station at 2 p.m." in page
    assert f"<code>{message}</code>" in live.get("/index.html")[1]
    assert f"Error: {message}" in live.lines
    with live.reload_of("/tram.html"):
        po.write_text(good)
    assert live.get("/tram.html")[0] == 200


def test_a_french_edit_shows_the_old_translation_as_a_draft_and_says_to_run_update(proj, live):
    """A translator's review: one word changed in the French turned a translated passage
    into "not translated" with nothing saying why."""
    changed = GARE.replace("la gare", "la grande gare")
    with live.reload_of("/tram.html"):
        proj.source("tram", f"# Le tram\n\n{changed}\n\n{SOIR}\n")
    page = live.get("/tram.html")[1]
    row = _row(page, "la grande gare")
    assert 'data-state="fuzzy"' in row and "fuzzy draft: The tram leaves the station at 2 p.m." in row
    assert ("<code>translations/en/tram.po is behind the French (1 passage(s) changed or new): "
            "shown as update will leave it; run diglot update</code>") in page
    assert "grande" not in (proj.root / "translations/en/tram.po").read_text()  # nothing written
    proj.run("update")
    with live.reload_of("/tram.html"):
        proj.translate("tram", {changed: "The tram leaves the station at 1 p.m."})
    assert "is behind the French" not in live.get("/tram.html")[1]


def test_a_broken_markdown_file_and_broken_settings_show_in_the_page(proj, live):
    with live.reload_of("/tram.html"):
        (proj.root / "source_fr/tram.md").write_bytes(b"# Le tram\n\nCaf\xe9 mal encod\xe9.\n")
    status, page, _ = live.get("/tram.html")
    assert status == 200 and "source_fr/tram.md" in page and "UTF-8" in page
    assert "Le tram part de la gare" in page  # the last good page, under the error
    with live.reload_of("/index.html"):
        proj.write("diglot.toml", "fallback = 'sometimes'\n")
    status, page, _ = live.get("/index.html")
    assert status == 500 and "diglot.toml:1: &#39;fallback&#39; must be one of" in page
    with live.reload_of("/index.html"):
        (proj.root / "diglot.toml").unlink()
    assert live.get("/index.html")[0] == 200


def test_a_new_article_appears(proj, live):
    with live.reload_of("/index.html"):
        proj.source("velo", "# Le vélo\n\nUn paragraphe.\n")
    assert 'href="velo.html"' in live.get("/index.html")[1]
    assert live.get("/velo.html")[0] == 200


def test_images_are_served_as_the_build_copies_them_and_follow_their_file(proj, live):
    image = proj.root / "source_fr/images/quai.png"
    image.parent.mkdir()
    image.write_bytes(png(30, 20))
    with live.reload_of("/tram.html"):
        proj.source("tram", f"# Le tram\n\n{GARE}\n\n![Le quai](images/quai.png)\n\n{SOIR}\n")
    page = live.get("/tram.html")[1]
    [src] = re.findall(r'<img src="(assets/quai-[0-9a-f]+\.png)"', page)[:1]
    assert "img-src &#39;self&#39;" in page
    status, data, response = live.get_bytes("/" + src)
    assert status == 200 and data == png(30, 20)
    assert response.getheader("Content-Type") == "image/png"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    with live.reload_of("/tram.html"):
        image.write_bytes(png(40, 20))  # the picture alone changed
    [new] = re.findall(r'<img src="(assets/quai-[0-9a-f]+\.png)"', live.get("/tram.html")[1])[:1]
    assert new != src and live.get_bytes("/" + new)[1] == png(40, 20)
    assert live.get_bytes("/" + src)[0] == 404
    with live.reload_of("/tram.html"):
        image.unlink()
    status, page, _ = live.get("/tram.html")
    assert status == 200 and "images/quai.png" in page and "showing the last version" in page
    with live.reload_of("/tram.html"):
        image.write_bytes(png(30, 20))  # the image alone comes back: the page is well again
    status, page, _ = live.get("/tram.html")
    assert status == 200 and "showing the last version" not in page


def test_the_preview_policy_allows_its_own_code_and_its_server_only(live):
    page = live.get("/tram.html")[1]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    policy = policy.replace("&#39;", "'")
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)  # the edition's, the print head
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = lambda text: base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()  # noqa: E731
    hashes = " ".join(f"'sha256-{digest(style)}'" for style in styles)
    assert len(styles) == 2 and policy == (
        f"default-src 'none'; style-src {hashes}; script-src 'sha256-{digest(script)}'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'")
    assert "new EventSource(url)" in script


@pytest.mark.parametrize("host, status", [("attacker.example:{port}", 421), ("127.0.0.1:9", 421),
                                          ("localhost:{port}", 200), ("127.0.0.1:{port}", 200)])
def test_only_this_machines_own_names_for_the_server_are_answered(live, host, status):
    """A page whose domain was made to resolve to 127.0.0.1 (DNS rebinding) sends its own
    name as Host: it must not read the preview (drafts, QA findings)."""
    connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=10)
    connection.request("GET", "/tram.html", headers={"Host": host.format(port=live.port)})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == status
    assert (b"The tram" in body) == (status == 200)


def test_the_published_build_has_no_preview(proj):
    proj.run("build", "--format", "html")
    for name in ("tram.html", "index.html"):
        html = (proj.root / "build/html" / name).read_text()
        assert "data-state" not in html and "diglot-preview" not in html
        assert "connect-src" not in html and "EventSource" not in html


def test_sigint_stops_the_server_cleanly(proj):
    # Ctrl-C reaches a foreground command whose SIGINT is at its default; a suite started in
    # the background (``pytest &``, some CI runners) hands its children SIGINT ignored, which
    # Python keeps: the server is started as a terminal starts it.
    process = subprocess.Popen([sys.executable, "-m", "diglot", "-C", str(proj.root), "serve",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=_foreground_sigint)
    try:
        for line in process.stdout:
            found = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                break
        connection = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=10)
        connection.request("GET", "/tram.html")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert out.rstrip().endswith("Stopped.") and "Traceback" not in err


def _foreground_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_port_in_use_is_one_error_line(proj, live):
    result = proj.run("serve", "--port", str(live.port))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{live.port}: ")


def test_with_several_languages_each_has_its_folder(proj):
    proj.write("diglot.toml", "languages = ['en', 'de']\n")
    proj.run("update")
    server = Live(proj.root)
    try:
        status, _, response = server.get("/")
        assert status == 302 and response.getheader("Location") == "/en/index.html"
        assert server.get("/de/tram.html")[0] == 200 and server.get("/en/index.html")[0] == 200
        assert server.get("/tram.html")[0] == 404
    finally:
        server.stop()


def test_the_watch_never_follows_a_link_out_of_the_project(proj, tmp_path):
    """An attack round: a recursive watch followed source_fr/usr -> /usr (20,000 inotify
    watches), and a link to an unreadable folder killed the watch thread."""
    from diglot.serve.watch import _has_links, _real_folders

    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (proj.root / "source_fr" / "ext").symlink_to(outside)
    (proj.root / "source_fr" / "images").mkdir()
    tops = [proj.root / "source_fr", proj.root / "translations"]
    found = {p.relative_to(proj.root).as_posix() for p in _real_folders(proj.root, tops)}
    assert "source_fr/images" in found and not any("ext" in f for f in found)
    assert _has_links(tops)
    server = Live(proj.root)  # and saves are still followed, each folder watched on its own
    try:
        with server.reload_of("/tram.html"):
            proj.translate("tram", {SOIR: "It arrives in the evening."})
    finally:
        server.stop()


def test_a_memory_proposal_shows_where_it_comes_from(proj, live):
    """A translator's review: the preview showed a fuzzy draft without its "# memory:"."""
    po = proj.root / "translations/en/tram.po"
    with live.reload_of("/tram.html"):
        po.write_text(po.read_text().replace(
            f'msgid "{SOIR}"\nmsgstr ""',
            f'# memory: 100% from metro\n#, fuzzy\nmsgid "{SOIR}"\nmsgstr "It arrives at night."'))
    row = _row(live.get("/tram.html")[1], SOIR)
    assert 'data-note="fuzzy draft: It arrives at night. (memory: 100% from metro)"' in row


def test_a_translations_folder_linked_inside_the_project_is_watched(proj, tmp_path):
    """A code review: the watch left out a folder setting that is itself a link (to a
    folder inside the project), a layout update and build accept."""
    from diglot.serve.watch import _real_folders

    (proj.root / "translations").rename(proj.root / "i18n")
    (proj.root / "translations").symlink_to("i18n")
    found = {p.relative_to(proj.root.resolve()).as_posix()
             for p in _real_folders(proj.root, [proj.root / "translations"])}
    assert "i18n/en" in found


def test_a_project_folder_that_does_not_exist_is_one_error_line(tmp_path):
    """A new user's typo in -C: the preview printed the error, then a watcher's traceback,
    and served on; nothing can ever be watched there."""
    result = subprocess.run([sys.executable, "-m", "diglot", "-C", str(tmp_path / "typo"), "serve",
                             "--port", "0"], capture_output=True, text=True, timeout=30)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"Error: {tmp_path / 'typo'}: project folder does not exist\n"


def test_the_settings_are_watched_again_in_a_project_folder_made_anew(tmp_path):
    """A code review: a project folder removed and made again (a checkout switched, a clone
    made over it) was never watched again: the old folder's watch saw nothing more."""
    import shutil
    import threading

    from diglot.serve.watch import Watcher

    root = tmp_path / "edition"
    root.mkdir()
    changed = threading.Event()
    watcher = Watcher(root, lambda: [], changed.set)
    watcher.start()
    try:
        (root / "diglot.toml").write_text("title = 'a'\n")
        assert changed.wait(10)
        shutil.rmtree(root)
        root.mkdir()
        changed.clear()
        assert changed.wait(10)  # the folder made anew: its watch starts again
        changed.clear()
        for n in range(20):  # the new folder's watch starts a moment after
            (root / "diglot.toml").write_text(f"title = 'b{n}'\n")
            if changed.wait(0.5):
                break
        assert changed.is_set()
    finally:
        watcher.stop()


def test_a_translation_past_a_bound_is_named_by_its_po_file(make_project, monkeypatch):
    """A code review: the preview blamed the French source for a translation calling its
    note past the bound, where the build names the PO file and its line."""
    from diglot.catalog import translate
    from diglot.project import Project
    from diglot.serve import site

    monkeypatch.setattr(translate, "MAX_NOTE_CALLS", 2)
    proj = make_project({"a": "# Titre\n\nUn appel[^n].\n\n[^n]: La note.\n"},
                        {"a": {"Un appel[^n].": "A call[^n][^n][^n]."}})
    error = site._read(Project.load(proj.root), "a", ()).error
    assert error.startswith("translations/en/a.po:") and "more than 2 footnote calls" in error
