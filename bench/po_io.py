"""Time PO parsing and writing on a 50,000-entry file, against msgcat and babel.

The file is built from the python-docs-fr corpus (``../shared/corpora``), with a copy
number appended to each msgid so that all are unique. Prints wall and CPU seconds (best
of a few runs) for diglot's parse_po and dump_po, ``msgcat FILE -o OUT``, and babel's
read_po / write_po; also says whether dump_po's output equals msgcat's.
Run: ``python bench/po_io.py [ENTRIES]``.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diglot.po.model import Catalog
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po

CORPUS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
          / "python-docs-fr" / "translations" / "en")


def build_catalog(size: int) -> Catalog:
    files = sorted(CORPUS.glob("*.po"))
    if not files:
        sys.exit(f"corpus not found in {CORPUS}")
    catalogs = [parse_po(f.read_bytes(), str(f)) for f in files]
    pool = [e for c in catalogs for e in c.entries]
    entries = []
    for i in range(size):
        entry = pool[i % len(pool)]
        entries.append(dataclasses.replace(entry, msgid=f"{entry.msgid} ({i})"))
    return Catalog(header=catalogs[0].header, entries=entries)


def cpu_seconds() -> float:
    """CPU time of this process and of the subprocesses it waited for (msgcat)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best(func, runs: int = 3) -> tuple[float, float, object]:
    """(best wall seconds, best CPU seconds, last result) over ``runs`` calls."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = func()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus), result


def report(name: str, wall: float, cpu: float) -> None:
    print(f"{name:<22} wall {wall:6.2f} s   cpu {cpu:6.2f} s")


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    data = dump_po(build_catalog(size))
    print(f"{size} entries, {len(data) / 1e6:.1f} MB")
    wall_p, cpu_p, catalog = best(lambda: parse_po(data, "bench.po"))
    report("diglot parse_po", wall_p, cpu_p)
    wall_d, cpu_d, out = best(lambda: dump_po(catalog))
    report("diglot dump_po", wall_d, cpu_d)
    report("diglot parse+dump", wall_p + wall_d, cpu_p + cpu_d)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in.po"), Path(tmp, "out.po")
        src.write_bytes(data)
        if shutil.which("msgcat"):
            command = ["msgcat", str(src), "-o", str(dst)]
            wall, cpu, _ = best(lambda: subprocess.run(command, check=True), 1)
            report("msgcat", wall, cpu)
            print(f"diglot parse+dump is {wall / (wall_p + wall_d):.1f}x faster than msgcat")
            print("dump_po == msgcat output:", dst.read_bytes() == out)
    babel = bench_babel(data)
    if babel:
        print(f"diglot parse+dump is {babel / (wall_p + wall_d):.1f}x faster than babel read+write")


def bench_babel(data: bytes) -> float | None:
    """babel's read + write wall time (None when babel is missing)."""
    try:
        from babel.messages.pofile import read_po, write_po
    except ImportError:
        print("babel not installed")
        return None
    wall_r, cpu, cat = best(lambda: read_po(io.BytesIO(data)), 1)
    report("babel read_po", wall_r, cpu)
    wall_w, cpu, _ = best(lambda: write_po(io.BytesIO(), cat), 1)
    report("babel write_po", wall_w, cpu)
    return wall_r + wall_w


if __name__ == "__main__":
    main()
