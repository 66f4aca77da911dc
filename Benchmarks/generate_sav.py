#!/usr/bin/env python3
"""The benchmark's CSV export as an SPSS file, as a survey tool writes one: SPSS-safe variable names with the CSV's
headers as variable labels, strings as strings, numbers as numbers. Also writes the survey definition for it: the
benchmark's own (bench.survey.yaml) with its columns renamed, as id bench-sav.

    python3 Benchmarks/generate_sav.py bench-200000.csv bench-200000.sav bench-sav.survey.yaml
"""
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pyreadstat

csv, sav, definition = sys.argv[1], sys.argv[2], sys.argv[3]
frame = pd.read_csv(csv, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")


def safe(name):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_]", "_", ascii_name).strip("_") or "v"
    return ("v_" + slug if not slug[0].isalpha() else slug)[:60]


names = {column: safe(column) for column in frame.columns}
assert len(set(names.values())) == len(names), names
labels = {names[c]: c for c in frame.columns}
frame = frame.rename(columns=names)
for original in ("Anställda", "Nöjd med bredband (1-5)"):
    if original in names:
        frame[names[original]] = pd.to_numeric(frame[names[original]].replace("", None))
pyreadstat.write_sav(frame, sav, column_labels=labels, file_label="Benchmark")

text = (Path(__file__).parent / "bench.survey.yaml").read_text(encoding="utf-8").replace("id: bench\n", "id: bench-sav\n", 1)
for original, renamed in names.items():
    text = text.replace(f"column: \"{original}\"", f"column: {renamed}").replace(f"column: {original},", f"column: {renamed},")
    text = re.sub(rf"(^\s+\w+): {re.escape(original)}$", rf"\1: {renamed}", text, flags=re.M)
Path(definition).write_text(text, encoding="utf-8")
print(f"{sav}: {len(frame)} rows; {definition}")
