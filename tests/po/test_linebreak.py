"""The line breaker against libunistring itself (when loadable), and the fast path against the exact one."""

from __future__ import annotations

import array
import ctypes
import ctypes.util
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diglot.po import linebreak
from diglot.po.fitting import Fitting


def load_libunistring():
    for name in ("libunistring.so.2", ctypes.util.find_library("unistring")):
        try:
            lib = ctypes.CDLL(name) if name else None
        except OSError:
            continue
        if lib is not None:
            lib.u32_possible_linebreaks.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
            lib.u8_width_linebreaks.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                                                ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p]
            lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
            lib.uc_width.restype = ctypes.c_int
            return lib
    return None


LIB = load_libunistring()
needs_lib = pytest.mark.skipif(LIB is None, reason="libunistring is not loadable")

# Characters of every behaviour class the breaker distinguishes, plus common text.
POOL = list("abcXYZ019     ,.;:!?-/()[]{}\"'\\%$+#@&*_=<>|~`\t") + [
    chr(c) for c in (0x00A0, 0x202F, 0xE9, 0xAB, 0xBB, 0x2014, 0x2013, 0x2011, 0xAD, 0x65E5, 0x672C,
                     0x3002, 0x3001, 0x300C, 0x300D, 0xD55C, 0xAC00, 0x1100, 0x1161, 0x11A8,
                     0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0x0301, 0x200B, 0x2060, 0x05D0, 0x05D1,
                     0x0E01, 0x2026, 0xB0, 0xA7, 0x20AC, 0x3000, 0xFF01, 0x1F1EB, 0x1F1F7, 0x85,
                     0x2028, 0x1, 0x7F, 0x2329, 0x261D, 0xFFFC, 0xE000, 0x30FC, 0x3005)
]


def oracle_breaks(text: str, encoding: bytes) -> bytes:
    cps = array.array("I", map(ord, text))
    out = ctypes.create_string_buffer(len(cps))
    LIB.u32_possible_linebreaks(cps.buffer_info()[0], len(cps), encoding, out)
    return out.raw


def oracle_line_starts(text: str, width: int, start: int, prohibited, encoding: bytes) -> list[int]:
    data = text.encode("utf-8")
    offsets = [len(text[:i].encode("utf-8")) for i in range(len(text))]
    overrides = bytearray(len(data))
    for i in prohibited:
        overrides[offsets[i]] = linebreak.PROHIBITED
    out = ctypes.create_string_buffer(len(data))
    LIB.u8_width_linebreaks(data, len(data), width, start, 0, bytes(overrides), encoding, out)
    return [i for i, o in enumerate(offsets) if out.raw[o] == linebreak.POSSIBLE]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(POOL) for _ in range(rng.randint(1, 60)))


@needs_lib
@pytest.mark.parametrize("cjk", [False, True], ids=["utf8", "euc-jp"])
def test_possible_breaks_match_libunistring(cjk):
    rng = random.Random(7 + cjk)
    encoding = b"EUC-JP" if cjk else b"UTF-8"
    for _ in range(3000):
        text = random_text(rng)
        assert bytes(linebreak.possible_breaks(text, cjk)) == oracle_breaks(text, encoding), repr(text)


@needs_lib
def test_every_code_point_breaks_and_measures_like_libunistring():
    probes = [0x61, 0x20, 0x2C, 0x28, 0x29, 0x2D, 0x4E00, 0x30, 0x22, 0x5D0]
    sample = [c for c in range(0, 0x110000, 7) if not 0xD800 <= c <= 0xDFFF]
    for probe in probes:
        seq = "".join(chr(probe) + chr(c) + chr(probe) + " " for c in sample)
        assert bytes(linebreak.possible_breaks(seq)) == oracle_breaks(seq, b"UTF-8")
    widths = linebreak.widths()
    assert all(widths[chr(c)] == max(LIB.uc_width(c, b"UTF-8"), 0) for c in sample)


@needs_lib
@pytest.mark.parametrize("cjk", [False, True], ids=["utf8", "euc-jp"])
def test_line_starts_match_libunistring(cjk):
    rng = random.Random(11 + cjk)
    encoding = b"EUC-JP" if cjk else b"UTF-8"
    for _ in range(3000):
        text = random_text(rng)
        width, start = rng.randint(1, 30), rng.randint(0, 12)
        prohibited = frozenset(rng.sample(range(len(text)), min(3, len(text))))
        expected = oracle_line_starts(text, width, start, prohibited, encoding)
        assert Fitting(text, prohibited, cjk).line_starts(width, start) == expected, repr(text)


STATELESS = [ch for ch in POOL if not linebreak.traits(ch, False)[0]]
TEXTS = st.sampled_from([POOL, STATELESS]).flatmap(lambda pool: st.text(st.sampled_from(pool), max_size=200))


@given(TEXTS, st.integers(1, 90), st.integers(0, 20), st.data())
def test_fast_fitting_equals_the_exact_port(text, width, start, data):
    indexes = st.sets(st.integers(0, max(len(text) - 1, 0)), max_size=4) if text else st.just(set())
    prohibited = frozenset(data.draw(indexes))
    fitting = Fitting(text, prohibited)
    exact = linebreak.slow_line_starts(text, width, start, prohibited, False)
    assert fitting.line_starts(width, start) == exact
    assert fitting.wraps_first_line(width, start) == bool(exact)
