#!/usr/bin/env python3
"""Writes the import benchmark's export as an XLSX workbook: the same rows as the CSV (Benchmarks/generate.py),
written by openpyxl in write-only mode as a spreadsheet program would hold them — dates as Excel dates, counts and
scale points as numbers, text as strings (inline, as openpyxl writes them).
Usage: generate_xlsx.py SOURCE.csv TARGET.xlsx; generate_xlsx.py --shared-strings SOURCE.xlsx TARGET.xlsx rewrites the
strings as a shared-strings table, as Excel saves a workbook; generate_xlsx.py --notes ROWS TARGET.xlsx writes a
workbook of long interview notes (make stress)."""
import csv
import datetime
import hashlib
import os
import random
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


def to_shared_strings(source, target):
    """Rewrites a workbook's inline strings as a shared-strings table, as Excel saves a workbook."""
    import re
    import zipfile
    with zipfile.ZipFile(source) as zin:
        sheet = zin.read("xl/worksheets/sheet1.xml").decode("utf-8")
        index = {}
        strings = []

        def share(match):
            text = match.group(2)
            if text not in index:
                index[text] = len(strings)
                strings.append(text)
            return f'<c r="{match.group(1)}" t="s"><v>{index[text]}</v></c>'

        sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', share, sheet, flags=re.S)
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings) + "</sst>")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = sheet.encode("utf-8")
                elif item.filename == "xl/_rels/workbook.xml.rels":
                    data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/'
                                        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
                elif item.filename == "[Content_Types].xml":
                    data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
                zout.writestr(item, data)
            zout.writestr("xl/sharedStrings.xml", sst)


def notes_workbook(rows, target):
    """A workbook as Excel saves it (shared strings) of `rows` respondents whose two notes are each near Excel's
    32,767-character cell limit; the notes' SHA-256 digests, in row order, beside it (TARGET.sha256)."""
    random.seed(rows)
    words = ("bredband fiber buss förening närarbetsplats kommun skola vinter väg snöröjning styrelse bygd och i att det "
             "som en på är för med till av inte har vi").split()
    inline = target + ".inline.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Svar")
    sheet.append("Nr;Område;Serviceort;Datum;Bransch;Anställda;Nöjd med bredband (1-5);Behov;Utmaningar;Idéer;Övrigt".split(";"))
    digests = []
    for row in range(rows):
        note = " ".join(random.choice(words) for _ in range(5000))[:30_000]
        other = note[:29_000] + str(row)
        digests += [hashlib.sha256(note.encode()).hexdigest(), hashlib.sha256(other.encode()).hexdigest()]
        sheet.append([str(row + 1), "Nätra", "", "2025-03-01", "Handel", 3, 4, "Bredband", note, other, ""])
    book.save(inline)
    to_shared_strings(inline, target)
    os.unlink(inline)
    with open(target + ".sha256", "w") as f:
        f.write("\n".join(digests) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--shared-strings":
        to_shared_strings(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--notes":
        notes_workbook(int(sys.argv[2]), sys.argv[3])
    else:
        main()
