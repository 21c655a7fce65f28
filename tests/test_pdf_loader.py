"""How the PDF edition's engine finds WeasyPrint's C libraries (builders/pdf/loader.py): the
same names ctypes would give, from the loader's list read once, and ctypes left as it was."""

from __future__ import annotations

import ctypes.util

import pytest

from diglot.builders.pdf import loader

LISTING = """3 libs found in cache `/etc/ld.so.cache'
\tlibpangoft2-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpangoft2-1.0.so.0
\tlibharfbuzz.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libharfbuzz.so.0
\tlibharfbuzz-subset.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libharfbuzz-subset.so.0
"""
# The names WeasyPrint asks for, Windows' and macOS' forms among them.
NAMES = ["libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "pango-1.0", "libharfbuzz-0",
         "harfbuzz", "harfbuzz-subset", "harfbuzz-vector", "fontconfig-1", "fontconfig",
         "pangoft2-1.0-0", "pangoft2-1.0", "c"]


def test_a_name_is_answered_as_the_loader_lists_it():
    assert loader._soname("harfbuzz", LISTING) == "libharfbuzz.so.0"  # not harfbuzz-subset
    assert loader._soname("harfbuzz-subset", LISTING) == "libharfbuzz-subset.so.0"
    assert loader._soname("pangoft2-1.0", LISTING) == "libpangoft2-1.0.so.0"
    assert loader._soname("pangoft2-1.0-0", LISTING) is None
    assert loader._soname("harfbuzz-subse.", LISTING) is None  # a dot is a dot, not any letter


def test_the_answers_are_those_ctypes_gives_on_this_machine():
    listing = loader._loader_listing()
    if listing is None:
        pytest.skip("this machine's loader has no list to read (ldconfig -p)")
    assert {name: loader._soname(name, listing) for name in NAMES} == \
        {name: ctypes.util.find_library(name) for name in NAMES}


def test_ctypes_is_itself_again_after_the_block_and_untouched_with_ld_library_path(monkeypatch):
    real = ctypes.util.find_library
    monkeypatch.setattr(loader, "_loader_listing", lambda: LISTING)
    with loader.libraries_looked_up_once():
        assert ctypes.util.find_library("harfbuzz") == "libharfbuzz.so.0"
        assert ctypes.util.find_library("gobject-2.0") is None  # never a gcc or ld run
    assert ctypes.util.find_library is real
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/pango/lib")  # places the list does not hold
    with loader.libraries_looked_up_once():
        assert ctypes.util.find_library is real
