#!/usr/bin/env bash
# Every benchmark, on the real corpora in ../shared/corpora (skipped when absent).
# About 45 minutes on a 2-core machine (align_corpus.py and hostile.py: about 10 each, the PDF
# edition 20: bench_pdf.py needs the pdf extra and poppler); qa.py also runs pofilter when
# translate-toolkit is installed. Usage: bash bench/run_all.sh [python]
set -euo pipefail
cd "$(dirname "$0")"
PY=${1:-${PYTHON:-python3}}
echo "== diglot benchmarks: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $($PY --version)"
$PY bench_update.py --sizes 2000 10000 --runs 3
$PY bench_edition.py --runs 2
$PY bench_book.py
$PY bench_epub.py --runs 2
$PY po_io.py 50000
$PY growth.py
$PY align_verne.py
$PY qa.py
$PY bench_memory.py --runs 2
$PY sentences.py
$PY align_corpus.py
$PY hostile.py
$PY bench_pdf.py --sizes 2000 10000
