#!/usr/bin/env python3
"""Writes SampleSurveys/boende-forms-2025.xlsx: a residents' survey as Microsoft Forms exports it — ID, start and
completion time as Excel date-times, e-mail and name columns, one column per question headed by its text, several
choices in one cell ending in ';'. Written with openpyxl (a second producer besides the tests' own writer), with a
fixed seed and fixed document dates so the file is the same on every run. Run: python3 SampleSurveys/tools/make_forms_xlsx.py"""
import datetime
import random
import sys
from pathlib import Path

try:
    from openpyxl import Workbook
except ImportError:
    sys.exit("pip install openpyxl")

OUT = Path(__file__).resolve().parent.parent / "boende-forms-2025.xlsx"
random.seed(2025)
places = ["Bjästa", "Köpmanholmen", "Husum", "Gideå", "Bredbyn", "Solberg", "Björna", "Trehörningsjö", "Nätra", "Anundsjö"]
services = ["Bredband", "Kollektivtrafik", "Närarbetsplats", "Mataffär", "Vårdcentral", "Barnomsorg"]
comments = [
    "Bussen går för sällan på kvällarna, särskilt till Örnsköldsvik.",
    "Vi behöver en närarbetsplats i byn så att fler kan jobba hemifrån.",
    "Fibern har gjort stor skillnad för oss som driver företag här.",
    "Mataffären är viktig för hela bygden, handla lokalt!",
    "Föreningarna gör ett fantastiskt jobb men orkar inte allt själva.",
    "Skolan måste finnas kvar, annars flyttar barnfamiljerna.",
    "Mer samarbete mellan kommunen, företagen och föreningarna.",
    None, None, None,
]
wb = Workbook()
ws = wb.active
ws.title = "Form1"
ws.append(["ID", "Starttid", "Sluttid", "E-post", "Namn", "Var bor du?", "Hur nöjd är du med att bo i din bygd? (1-5)",
           "Vilka tjänster saknar du i bygden?", "Har du bredband hemma?", "Hur gammal är du?", "Övriga synpunkter"])
bands = ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
start = datetime.datetime(2025, 5, 5, 8, 0)
for i in range(1, 61):
    began = start + datetime.timedelta(hours=7 * i, minutes=random.randint(0, 59))
    ended = began + datetime.timedelta(minutes=random.randint(2, 15), seconds=random.randint(0, 59))
    chosen = [s for s in services if random.random() < 0.3]
    ws.append([i, began, ended, "anonymous", None, random.choice(places), random.randint(1, 5),
               ";".join(chosen) + ";" if chosen else None, random.choice(["Ja", "Ja", "Ja", "Nej"]),
               random.choice(bands), random.choice(comments)])
for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
    for cell in row:
        cell.number_format = "m/d/yy h:mm"
wb.properties.created = datetime.datetime(2025, 6, 1)
wb.properties.modified = datetime.datetime(2025, 6, 1)
wb.save(OUT)
print(f"wrote {OUT}")
