#!/usr/bin/env python3
"""Writes SampleSurveys/boende-spss-2025.sav: a residents' survey as a survey tool (Netigate, Esmaker, Enalyzer)
exports it for SPSS. Variable labels are the questions, value labels the options (area and sex nominal, the ratings
ordinal with labelled ends, "Vet ej" a user-missing 9), age a number, the answer date an SPSS date, and free text
longer than SPSS's old 255-byte strings. Deterministic: the same file every run (pyreadstat, pandas).

    python3 SampleSurveys/tools/make_spss.py [OUT.sav]
"""
import datetime
import random
import sys

import pandas as pd
import pyreadstat

out = sys.argv[1] if len(sys.argv) > 1 else "SampleSurveys/boende-spss-2025.sav"
rng = random.Random(2025)

places = {1: "Bjästa", 2: "Köpmanholmen", 3: "Husum", 4: "Gideå", 5: "Bredbyn", 6: "Björna", 7: "Långviksmon", 8: "Solberg"}
sexes = {1: "Kvinna", 2: "Man", 3: "Annat / vill inte svara"}
use = {1: "Ja, varje vecka", 2: "Ja, ibland", 3: "Nej", 9: "Vet ej"}
needs = [
    "Bredband till de sista byarna och mobiltäckning längs vägarna, så att man kan jobba hemifrån.",
    "Fler bussturer till stan på kvällar och helger.",
    "En närarbetsplats i byn med bra uppkoppling, nära skolan och affären.",
    "Att föreningarna får hjälp med bidragsansökningar och lokaler.",
    "Bostäder för unga och för äldre som vill flytta från villan men bo kvar i bygden.",
    "Att affären och skolan finns kvar.",
]

rows = []
for n in range(36):
    place = rng.choice(list(places))
    text = rng.choice(needs)
    if n % 9 == 4:
        # A long answer: more than SPSS's old 255-byte strings.
        text = " ".join(rng.sample(needs, 4))
    rows.append({
        "respid": f"S-{401 + n}",
        "omrade": float(place),
        "kon": float(rng.choice([1, 1, 2, 2, 3])),
        "alder": float(rng.randint(17, 86)),
        "trivsel": float(rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 9])),
        "framtid": float(rng.choice([1, 2, 2, 3, 3, 4, 5])),
        "narbet": float(rng.choice([1, 2, 2, 3, 3, 9])),
        "behov": text if n % 7 != 3 else "",
        "datum": datetime.date(2025, 5, 5) + datetime.timedelta(days=rng.randint(0, 17)),
    })
df = pd.DataFrame(rows)

pyreadstat.write_sav(
    df,
    out,
    file_label="Boendeenkät 2025 (SPSS-export)",
    column_labels={
        "respid": "Respondent-ID",
        "omrade": "Var bor du?",
        "kon": "Kön",
        "alder": "Ålder (år)",
        "trivsel": "Hur trivs du i din bygd?",
        "framtid": "Hur ser du på bygdens framtid?",
        "narbet": "Skulle du använda en närarbetsplats i bygden?",
        "behov": "Vad behöver bygden mest?",
        "datum": "Svarsdatum",
    },
    variable_value_labels={
        "omrade": places,
        "kon": sexes,
        "trivsel": {1: "Trivs mycket dåligt", 5: "Trivs mycket bra", 9: "Vet ej"},
        "framtid": {1: "Mycket pessimistisk", 2: "Ganska pessimistisk", 3: "Varken eller", 4: "Ganska optimistisk", 5: "Mycket optimistisk"},
        "narbet": use,
    },
    missing_ranges={"trivsel": [9], "narbet": [9]},
    variable_measure={
        "respid": "nominal", "omrade": "nominal", "kon": "nominal", "alder": "scale", "trivsel": "ordinal",
        "framtid": "ordinal", "narbet": "nominal", "behov": "nominal", "datum": "scale",
    },
    variable_format={"datum": "DATE11", "alder": "F3.0", "omrade": "F1.0", "kon": "F1.0", "trivsel": "F1.0",
                     "framtid": "F1.0", "narbet": "F1.0"},
)
print(f"{out}: {len(df)} respondents")
