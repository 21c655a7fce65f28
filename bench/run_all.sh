#!/usr/bin/env bash
# Every benchmark, on the real corpora in ../shared/corpora (skipped when absent).
# About 25 minutes on a 2-core machine, 20 of them for the PDF edition (bench_pdf.py needs
# the pdf extra and poppler). Usage: bash bench/run_all.sh [python]
set -euo pipefail
cd "$(dirname "$0")"
PY=${1:-${PYTHON:-python3}}
echo "== diglot benchmarks: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $($PY --version)"
$PY bench_update.py --sizes 2000 10000 --runs 3
$PY bench_edition.py --runs 2
$PY bench_book.py
$PY po_io.py 50000
$PY align_verne.py
$PY bench_pdf.py --sizes 2000 10000
