"""A run killed at any moment (SIGKILL) leaves each PO file whole: the old version or the new,
accepted by GNU msgfmt, with every translation."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from project_fixture import Proj

N = 3000


def paragraph(i: int) -> str:
    return f"Paragraphe numéro {i} : le jardin « partagé » compte {i * 7} plants et {i % 13} allées."


@pytest.fixture
def big(tmp_path):
    p = Proj(tmp_path)
    p.source("livre", "# Livre\n\n" + "\n\n".join(paragraph(i) for i in range(N)) + "\n")
    assert p.run("update").exit_code == 0
    p.translate("livre", {paragraph(i): f"Paragraph number {i}: the garden has {i * 7} plants."
                          for i in range(N)} | {"Livre": "Book"})
    return p


def test_update_killed_at_random_moments_never_leaves_a_broken_po(big):
    po = big.root / "translations/en/livre.po"
    wanted = {e.msgstr for e in big.po("livre").entries if e.msgstr}
    edited = "\n\n".join(paragraph(i) + (" Modifié." if i % 10 == 0 else "") for i in range(N))
    big.source("livre", "# Livre\n\n" + edited + "\n")
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    original = po.read_bytes()
    outcomes = set()
    for _ in range(8):
        po.write_bytes(original)  # every attempt rewrites the file, so every kill can hit a write
        proc = subprocess.Popen([sys.executable, "-m", "diglot", "-C", str(big.root), "update"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.2, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        catalog = big.po("livre")  # parses: the file is whole
        assert wanted <= {e.msgstr for e in catalog.entries if e.msgstr}
        outcomes.add("new" if any(e.fuzzy for e in catalog.entries) else "old")
        if shutil.which("msgfmt"):
            subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po)], check=True)
    assert outcomes  # "old" when killed before the rename, "new" after; never anything else
    assert big.run("update").exit_code == 0  # a later run finishes the job
    assert sum(e.fuzzy for e in big.po("livre").entries) == N // 10
