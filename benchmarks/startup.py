"""How long a command that only reads a store takes to print its answer, start to finish.

Each command runs as a new process (what a user at a terminal waits for): the interpreter,
the imports and the query. Commands that read a store never load spaCy; this prints the wall
time per command (median and worst of ``--runs``), its CPU time (median; what the command
costs whatever else runs on the machine) and checks that spaCy stayed unloaded.

    .venv/bin/python benchmarks/startup.py                 # builds a store of the demo corpus
    .venv/bin/python benchmarks/startup.py --db news.db    # or times an existing store
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAIDWHAT = [sys.executable, "-m", "saidwhat"]
COMMANDS = [
    ["search", "ferry strike"],
    ["search", "", "--type", "direct"],
    ["speakers", "--top", "10"],
    ["speaker", "Fenwick"],
    ["check", "Nobody should choose between their paycheck and getting home alive"],
    ["log", "--limit", "5"],
]
NO_SPACY = (
    "import runpy, sys; sys.argv = ['saidwhat', *sys.argv[1:]];"
    " import atexit; atexit.register(lambda: print('spacy loaded' if 'spacy' in sys.modules"
    " else 'spacy not loaded', file=sys.stderr));"
    " runpy.run_module('saidwhat', run_name='__main__')"
)


def timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store to time (default: the demo corpus)")
    parser.add_argument("--runs", type=int, default=7, help="runs per command")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = options.db
        if db is None:
            db = Path(scratch) / "demo.db"
            subprocess.run(
                [*SAIDWHAT, "ingest", str(ROOT / "examples" / "demo"), "--db", str(db)],
                check=True,
                capture_output=True,
            )
        print(
            f"machine: {platform.machine()}, {platform.processor() or '?'},"
            f" Python {platform.python_version()}; store {db}"
        )
        print(f"{'command':<52} {'wall s':>7} {'worst s':>8} {'CPU s':>6}  spaCy")
        for command in COMMANDS:
            args = [*command, "--db", str(db)]
            runs = [timed([*SAIDWHAT, *args]) for _ in range(options.runs)]
            times = [wall for wall, _ in runs]
            cpu = statistics.median(c for _, c in runs)
            probe = subprocess.run(
                [sys.executable, "-c", NO_SPACY, *args], capture_output=True, text=True
            )
            loaded = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else "?"
            shown = " ".join(repr(a) if " " in a or not a else a for a in command)
            print(
                f"saidwhat {shown[:43]:<43} {statistics.median(times):>7.3f} {max(times):>8.3f}"
                f" {cpu:>6.3f}  {loaded}"
            )
        bare = [timed([sys.executable, "-c", "pass"]) for _ in range(options.runs)]
        wall, cpu = statistics.median(w for w, _ in bare), statistics.median(c for _, c in bare)
        print(f"{'(python -c pass, for reference)':<52} {wall:>7.3f} {'':>8} {cpu:>6.3f}")


if __name__ == "__main__":
    main()
