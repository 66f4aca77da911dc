#!/usr/bin/env python3
"""make bench-huge (not in CI): a regional programme's worth of data. Generates HUGE_RESPONDENTS (default 2,000,000)
respondents in 300 areas (SampleSurveys/tools/make_large.py: a web survey of closed questions and a free text), then
imports, tags with the sample codebook (the term index included), cross-tabs, writes the overview and serves the
workbench's overview, recording each step's time and peak memory and the database's size; and does the same for
HUGE_REFERENCE (default 200,000) respondents in the same run, for the ratios (linear is 10.0 for 10× the data)."""
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "kartlagg"
SAMPLES = ROOT / "SampleSurveys"
DATA = ROOT / "bench-data"
AREAS = 300


def run(args):
    """Runs a kartlagg command; returns (seconds, peak MB)."""
    start = time.perf_counter()
    process = subprocess.Popen([str(a) for a in args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(map(str, args))}\n{process.stderr.read().decode()}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def serve(db):
    """The workbench's first (cold) overview: seconds to the page, and the server's peak memory."""
    server = subprocess.Popen([str(BIN), "serve", "--db", str(db), "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        url = re.search(r"(http://\S+)", server.stdout.readline()).group(1)
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=600) as response:
            response.read()
        seconds = time.perf_counter() - start
        with open(f"/proc/{server.pid}/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
        return seconds, peak
    finally:
        server.terminate()
        server.wait()


def steps(respondents):
    folder = DATA / f"huge-{AREAS}-{respondents}"
    folder.mkdir(parents=True, exist_ok=True)
    csv = folder / "boende-stor.csv"
    if not csv.exists():
        print(f"generating {respondents:,} respondents in {AREAS} areas …", flush=True)
        subprocess.run([sys.executable, SAMPLES / "tools" / "make_large.py", folder, str(AREAS), str(respondents)], check=True,
                       stdout=subprocess.DEVNULL)
    db = folder / "k.sqlite"
    for suffix in ("", "-wal", "-shm", ".publicerat"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    run([BIN, "districts", "load", "--db", db, folder / "omraden.yaml"])
    run([BIN, "survey", "add", "--db", db, folder / "boende-stor.survey.yaml"])
    figures = {}
    figures["import"] = run([BIN, "import", "--db", db, "--survey", "boende-stor", csv])
    run([BIN, "codebook", "load", "--db", db, SAMPLES / "kodbok.yaml"])
    figures["tag (and term index)"] = run([BIN, "tag", "--db", db])
    figures["crosstab theme × area"] = run([BIN, "crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
    figures["crosstab kind × area"] = run([BIN, "crosstab", "--db", db, "--rows", "kind", "--cols", "district"])
    figures["report --kind overview --html"] = run([BIN, "report", "--db", db, "--kind", "overview", "--out", folder / "oversikt.md",
                                                    "--date", "2026-12-01", "--html"])
    figures["workbench overview (cold)"] = serve(db)
    # A small write into the whole: ten new respondents, imported and tagged (a write that changes answers counts
    # every kept count again, so its cost follows the data's size, not the write's).
    few = folder / "tio-till.csv"
    with open(csv, encoding="utf-8-sig") as source, open(few, "w", encoding="utf-8") as out:
        out.write(next(source))
        for _, line in zip(range(10), source):
            out.write("ny-" + line)
    figures["import 10 more respondents"] = run([BIN, "import", "--db", db, "--survey", "boende-stor", few])
    size = sum(Path(str(db) + suffix).stat().st_size for suffix in ("", "-wal") if Path(str(db) + suffix).exists()) / 1e6
    rows = sum(1 for _ in open(csv, encoding="utf-8-sig")) - 1
    return figures, size, rows, csv.stat().st_size / 1e6


def main():
    if not BIN.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "kartlagg"], cwd=ROOT, check=True)
    huge = int(os.environ.get("HUGE_RESPONDENTS", "2000000"))
    reference = int(os.environ.get("HUGE_REFERENCE", "200000"))
    small, small_size, small_rows, small_mb = steps(reference)
    big, big_size, big_rows, big_mb = steps(huge)
    print(f"\n{big_rows:,} respondents ({big_mb:.0f} MB of CSV) against {small_rows:,} ({small_mb:.0f} MB), {AREAS} areas, one run")
    print(f"  {'step':34}{'seconds':>9}{'peak MB':>9}{'ref s':>9}{'ref MB':>8}{'ratio':>7}")
    for name, (seconds, peak) in big.items():
        ref_seconds, ref_peak = small[name]
        print(f"  {name:34}{seconds:9.2f}{peak:9.0f}{ref_seconds:9.2f}{ref_peak:8.0f}{seconds / ref_seconds:7.1f}")
    print(f"  {'database':34}{big_size:9.0f} MB{'':7}{small_size:9.0f} MB  {big_size / small_size:5.1f}")
    over = [name for name, (_, peak) in big.items() if peak >= 200]
    print("peak memory under 200 MB in every step" if not over else f"over 200 MB: {', '.join(over)}")


if __name__ == "__main__":
    main()
