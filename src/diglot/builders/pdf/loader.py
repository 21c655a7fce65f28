"""How WeasyPrint finds its C libraries (Pango, HarfBuzz, fontconfig…) when it is imported:
from the dynamic loader's list, read once.

WeasyPrint tries each library under up to six names (Windows' and macOS' among them), and
for each name ctypes cannot find on Linux it runs gcc and ld (25 ms a name: 16 of them,
0.2–0.4 s of every PDF command on a machine with gcc). A name ctypes would find is in the
loader's list (``ldconfig -p``) or under ``LD_LIBRARY_PATH``: the library is opened by that
loader anyway, so a name it does not list cannot be opened either.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
from contextlib import contextmanager


@contextmanager
def libraries_looked_up_once():
    """While the block runs, ``ctypes.util.find_library`` answers from the loader's list
    (as ctypes does first), without its slow searches; as ctypes alone where there is no
    list to read or ``LD_LIBRARY_PATH`` adds places to look."""
    listing = None if os.environ.get("LD_LIBRARY_PATH") else _loader_listing()
    if listing is None:
        yield
        return
    real = ctypes.util.find_library
    ctypes.util.find_library = lambda name: _soname(name, listing)
    try:
        yield
    finally:
        ctypes.util.find_library = real


def _loader_listing() -> str | None:
    """The loader's list of libraries (``ldconfig -p``), or None where it cannot be read."""
    command = shutil.which("ldconfig") or shutil.which("ldconfig", path="/sbin:/usr/sbin")
    if command is None:
        return None
    try:
        done = subprocess.run([command, "-p"], capture_output=True, text=True, timeout=10,
                              env={"LC_ALL": "C", "PATH": os.defpath})
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 and " => " in done.stdout else None


def _soname(name: str, listing: str) -> str | None:
    """The library's name as the loader lists it (``libpango-1.0.so.0`` for
    ``pango-1.0``), as ctypes answers."""
    found = re.search(rf"\s(lib{re.escape(name)}\.\S+)\s+\(", listing)
    return found.group(1) if found else None
