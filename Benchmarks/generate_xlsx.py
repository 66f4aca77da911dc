#!/usr/bin/env python3
"""Writes the import benchmark's export as an XLSX workbook: the same rows as the CSV (Benchmarks/generate.py),
written by openpyxl in write-only mode as a spreadsheet program would hold them — dates as Excel dates, counts and
scale points as numbers, text as strings. Usage: generate_xlsx.py SOURCE.csv TARGET.xlsx"""
import csv
import datetime
import subprocess
import sys

try:
    from openpyxl import Workbook
except ImportError:
    print("installing openpyxl (writes the benchmark workbook) …", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "openpyxl"], check=True)
    from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell


def main():
    source, target = sys.argv[1], sys.argv[2]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Svar")
    with open(source, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        ws.append(header)
        for row in reader:
            year, month, day = map(int, row[3].split("-"))
            date = WriteOnlyCell(ws, value=datetime.date(year, month, day))
            date.number_format = "yyyy-mm-dd"
            ws.append([row[0], row[1], row[2], date, row[4], int(row[5]), int(row[6]), *row[7:]])
    wb.save(target)


if __name__ == "__main__":
    main()
