#!/usr/bin/env python3
"""Writes the SPSS and Stata fixtures of StatFileTests into OUTDIR, with pyreadstat (as survey tools and R/pandas
users write them): labels.sav, labels.zsav (compressed), labels.dta and old.por; and pyreadstat's own reading of each
as OUTDIR/expected.json, which the tests compare kartlagg's reading with.

    python3 make_stat_fixtures.py OUTDIR
"""
import datetime
import json
import sys

import pandas as pd
import pyreadstat

out = sys.argv[1]
long_text = ("Vi behöver bredband till de sista byarna i Själevad och Björna, bättre bussar på kvällarna, "
             "en närarbetsplats i bygdegården och hjälp till föreningarna med ansökningar. ") * 3
assert len(long_text.encode("utf-8")) > 255

df = pd.DataFrame({
    "id": ["R1", "R2", "R3", "R4", "R5", "R6"],
    "omr": [1.0, 2.0, 3.0, 2.0, 1.0, 4.0],
    "nojd": [1.0, 5.0, 98.0, 3.0, 99.0, 4.0],
    "alder": [34.0, 71.0, 19.0, None, 55.0, 42.5],
    "datum": [datetime.date(2025, 3, 14), datetime.date(2025, 3, 15), datetime.date(2024, 12, 31),
              datetime.date(2025, 1, 1), None, datetime.date(2000, 2, 29)],
    "kommentar": [long_text, "Mötesplatser för unga och gamla.", "", "Åter till byn – för alltid.", "Ödsligt på vintern.", ""],
    # A checkbox question as one variable per option (no multiple-response set): 1 = Valt, 0 = Ej valt …
    "behov_1": [1.0, 0.0, 1.0, 0.0, 0.0, 1.0],
    "behov_2": [0.0, 0.0, 1.0, 1.0, 0.0, 1.0],
    "behov_3": [1.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    # … and as SurveyMonkey writes it: the chosen code labelled with the option, nothing where not chosen.
    "tj1": [1.0, None, 1.0, None, None, 1.0],
    "tj2": [None, 1.0, 1.0, None, None, None],
})
labels = {"id": "Respondent", "omr": "Var bor du? (område)", "nojd": "Hur nöjd är du med bygdens service?",
          "alder": "Ålder", "datum": "Datum för svaret", "kommentar": "Övriga synpunkter på äldreomsorg och skola",
          "behov_1": "Vad behöver bygden? - Bredband", "behov_2": "Vad behöver bygden? - Bussar på kvällen",
          "behov_3": "Vad behöver bygden? - Närarbetsplats", "tj1": "Vilka tjänster använder du?", "tj2": "Vilka tjänster använder du?"}
values = {"omr": {1: "Örnsköldsvik", 2: "Nätra", 3: "Själevad", 4: "Björna–Långviksmon"},
          "nojd": {1: "Mycket missnöjd", 5: "Mycket nöjd", 98: "Vet ej", 99: "Vill inte svara"},
          "behov_1": {0: "Ej valt", 1: "Valt"}, "behov_2": {0: "Ej valt", 1: "Valt"}, "behov_3": {0: "Ej valt", 1: "Valt"},
          "tj1": {1: "Affären"}, "tj2": {1: "Vårdcentralen"}}
measure = {"id": "nominal", "omr": "nominal", "nojd": "ordinal", "alder": "scale", "datum": "scale", "kommentar": "nominal"}
formats = {"datum": "DATE11", "omr": "F1.0", "nojd": "F2.0", "alder": "F4.1"}

for name, compress in (("labels.sav", False), ("labels.zsav", True)):
    pyreadstat.write_sav(df, f"{out}/{name}", column_labels=labels, variable_value_labels=values,
                         missing_ranges={"nojd": [{"lo": 97, "hi": 99}]}, variable_measure=measure,
                         variable_format=formats, compress=compress, file_label="Servicekartläggning 2025")
pyreadstat.write_dta(df, f"{out}/labels.dta", column_labels=labels, variable_value_labels=values,
                     variable_format={"datum": "%td"})
pyreadstat.write_por(df.drop(columns=["kommentar", "behov_1", "behov_2", "behov_3", "tj1", "tj2"]), f"{out}/old.por", column_labels=labels,
                     variable_format={"datum": "DATE11"})

expected = {}
for name in ("labels.sav", "labels.zsav", "labels.dta", "old.por"):
    path = f"{out}/{name}"
    reader = pyreadstat.read_dta if name.endswith(".dta") else pyreadstat.read_por if name.endswith(".por") else pyreadstat.read_sav
    frame, meta = reader(path, user_missing=True) if name.endswith("sav") else reader(path)
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if value is None or (isinstance(value, float) and value != value):
                row[key] = ""
            elif isinstance(value, (datetime.date, datetime.datetime)):
                row[key] = value.isoformat()[:10]
            elif isinstance(value, float) and value == int(value):
                row[key] = str(int(value))
            else:
                row[key] = str(value)
        rows.append(row)
    expected[name] = {"labels": meta.column_names_to_labels, "values": {k: {str(int(c)) if isinstance(c, float) else str(c): l
                      for c, l in v.items()} for k, v in meta.variable_value_labels.items()}, "rows": rows}
with open(f"{out}/expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
print(f"{out}: labels.sav, labels.zsav, labels.dta, old.por")
