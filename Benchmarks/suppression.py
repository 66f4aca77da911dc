#!/usr/bin/env python3
"""What secondary suppression hides: the overview's tables (kind × area, theme × area, every closed question × area)
on the sample project and on generated data of 40 and 300 areas (SampleSurveys/tools/make_large.py), counted from
`crosstab --format json` with --min-cell 3 against the same table unprotected (--min-cell 0).

For each table: cells with 0 < n < 3 (primary: these must go), the further cells hidden to protect them
(complementary: fewer is better), the people in those (the information lost), the totals hidden, the largest
complementary cell, and the seconds the cross-tab took. With --baseline BIN the same for another build, side by side.

    python3 Benchmarks/suppression.py [--baseline PATH_TO_OLD_KARTLAGG] [--areas 40,300] [--tables theme:district,...]

Needs a release build (swift build -c release) and the demo database (make demo)."""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench-data" / "suppression"
BIN = ROOT / ".build" / "release" / "kartlagg"


def crosstab(binary, db, rows, cols, min_cell):
    start = time.perf_counter()
    out = subprocess.run([str(binary), "crosstab", "--db", str(db), "--rows", rows, "--cols", cols, "--min-cell",
                          str(min_cell), "--format", "json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["table"], time.perf_counter() - start


def measure(binary, db, rows, cols, truth):
    table, seconds = crosstab(binary, db, rows, cols, 3)
    counts = {(c["row"], c["col"]): c["n"] for c in truth["cells"]}
    m = {"primary": 0, "cells": 0, "people": 0, "totals": 0, "largest": 0, "seconds": seconds}
    for cell in table["cells"]:
        n = counts[(cell["row"], cell["col"])]
        if 0 < n < 3:
            m["primary"] += 1
        elif cell["suppressed"] and n > 0:
            m["cells"] += 1
            m["people"] += n
            m["largest"] = max(m["largest"], n)
    m["totals"] = sum(t["suppressed"] for t in table["rowTotals"] + table["colTotals"])
    return m


def large(areas):
    folder = DATA / f"areas-{areas}"
    db = folder / "k.sqlite"
    if db.exists():
        return db
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(ROOT / "SampleSurveys/tools/make_large.py"), str(folder), str(areas)], check=True)
    for command, args in ((["districts", "load"], [str(folder / "omraden.yaml")]),
                          (["survey", "add"], [str(folder / "boende-stor.survey.yaml")]),
                          (["import"], ["--survey", "boende-stor", str(folder / "boende-stor.csv")]),
                          (["codebook", "load"], [str(ROOT / "SampleSurveys/kodbok.yaml")]), (["tag"], [])):
        try:
            subprocess.run([str(BIN), *command, "--db", str(db), *args], check=True, capture_output=True)
        except subprocess.CalledProcessError:
            db.unlink(missing_ok=True)
            raise
    return db


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", help="another kartlagg binary to compare with")
    parser.add_argument("--areas", default="40,300")
    parser.add_argument("--tables", help="rows:cols,... (default: the overview's tables)")
    args = parser.parse_args()
    sets = [("sample (4 areas)", ROOT / "demo-out" / "kartlaggning.sqlite",
             ["kind:district", "theme:district", "theme:kind", "boende-forms-2025/tjanster:district",
              "boende-forms-2025/alder:district", "foretag-2025/bransch:district", "boende-webb-2025/alder:district",
              "boende-webb-2025/kon:district", "forening-2025/samverkar_foretag:district"])]
    for areas in [int(a) for a in args.areas.split(",") if a]:
        sets.append((f"generated ({areas} areas)", large(areas),
                     ["kind:district", "theme:district", "alder:district", "utbildning:district", "trivsel:district"]))
    builds = [("this build", BIN)] + ([("baseline", Path(args.baseline))] if args.baseline else [])
    print(f"{'data':<22} {'table':<38} {'build':<10} {'primary':>7} {'compl.':>6} {'people':>6} {'totals':>6} "
          f"{'largest':>7} {'seconds':>8}")
    for name, db, tables in sets:
        if not db.exists():
            print(f"{name}: no database at {db} (make demo first)")
            continue
        for spec in (args.tables.split(",") if args.tables else tables):
            rows, cols = spec.rsplit(":", 1)
            try:
                truth, _ = crosstab(BIN, db, rows, cols, 0)
            except subprocess.CalledProcessError:
                continue
            for label, binary in builds:
                m = measure(binary, db, rows, cols, truth)
                print(f"{name:<22} {rows + ' × ' + cols:<38} {label:<10} {m['primary']:>7} {m['cells']:>6} {m['people']:>6} "
                      f"{m['totals']:>6} {m['largest']:>7} {m['seconds']:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
