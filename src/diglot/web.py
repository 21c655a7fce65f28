"""The web kit shared by every HTML page diglot writes (the edition's pages, the align
review page, the preview): the Jinja2 environment over the package's templates, its assets
(CSS, JS, labels) and the Content-Security-Policy that lets only diglot's own code run.
Jinja2 is used here and nowhere else, and so is its escaping (markupsafe), which the inline
HTML written in Python (builders/html_inline) shares with the templates' autoescaping."""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape  # noqa: F401 - the templates' own escaping, shared


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment over the package's templates (autoescape, strict undefined)."""
    import jinja2  # the one module that uses Jinja2; imported late so the CLI starts fast

    folder = _private_folder("templates")
    return jinja2.Environment(
        loader=jinja2.PackageLoader("diglot", "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(folder) if folder else None)


def _private_folder(name: str) -> str | None:
    """This user's folder for the compiled templates (``~/.cache/diglot/<name>``, Jinja2
    keys each by its source's checksum): compiling the article page's templates costs a
    tenth of a second in every build. None when no folder only this user can write can be
    had: the templates are then compiled each time."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(home, "diglot", name)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return None
    private = stat.S_ISDIR(found.st_mode) and stat.S_IMODE(found.st_mode) & 0o077 == 0
    return folder if private and found.st_uid == os.getuid() else None


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of the package's templates folder (CSS, JS, labels) as text."""
    return resources.files("diglot").joinpath("templates", name).read_text("utf-8")


def content_security_policy(styles: list[str] | str, script: str, images=(),
                            connect_self: bool = False) -> str:
    """Nothing loads from anywhere but the images a page shows (``images``: ``'self'`` for
    the edition's own copies, exact addresses for remote ones); only diglot's own styles
    and script apply, by hash, so any markup that slipped into a translation could neither
    run nor restyle the page. ``connect_self``: the preview's script may also listen to its
    own server for reloads."""
    styles = [styles] if isinstance(styles, str) else [s for s in styles if s]
    scripts = _hash(script) if script else "'none'"
    shown = f"img-src {' '.join(images)}; " if images else ""
    connect = "connect-src 'self'; " if connect_self else ""
    return (f"default-src 'none'; {shown}style-src {' '.join(map(_hash, styles))}; "
            f"script-src {scripts}; {connect}base-uri 'none'; form-action 'none'")


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end its string or its <style> element."""
    out = []
    for char in text:
        if char in '"\\<>' or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
