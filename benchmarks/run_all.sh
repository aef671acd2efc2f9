#!/usr/bin/env bash
# Run every benchmark, then print the performance budget against the figures.
#
#   benchmarks/run_all.sh            # 10,000 documents (about 10 minutes on 2 cores)
#   DOCS=1000 benchmarks/run_all.sh  # a quicker pass
#
# Corpora and stores are generated under $OFSTED_BENCH_DIR (default
# /tmp/ofsted-bench) and reused while the generator and the importing code are
# unchanged. Run on a quiet machine: other work moves wall-clock figures.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
DOCS=${DOCS:-10000}

run() {
    echo
    echo "\$ $PYTHON $*"
    "$PYTHON" "$@"
}

run benchmarks/generate_corpus.py --docs "$DOCS" --out "${OFSTED_BENCH_DIR:-/tmp/ofsted-bench}/corpus-$DOCS"
run benchmarks/bench_import.py --docs "$DOCS" --keep-db
run benchmarks/bench_pdf.py
run benchmarks/bench_startup.py --docs "$DOCS"
run benchmarks/bench_interaction.py --docs "$DOCS"
run benchmarks/bench_cli.py --docs "$DOCS"
echo
run benchmarks/summary.py --docs "$DOCS"
