#!/usr/bin/env python3
"""make demo-region: a generated regional programme with one area per municipality of Sweden (290), on the real
municipal boundaries of ../shared/geo/swedish_municipalities.geojson (okfse/sweden-geojson, simplified; see its
SOURCE.txt). Writes, into the folder given: omraden.yaml (the registry: each municipality by name, its four-digit
code matched against the map's `id`, its county as group, and a `map:` block pointing at the GeoJSON where it lies:
the file is not copied), boende-region.survey.yaml and boende-region.csv (Swedish Excel CSV: ;, BOM, CRLF).

Sizes are uneven (3 to 250 respondents a municipality), so the maps meet hidden cells and thin areas; broadband
comes up more often further north and public transport more often in the south, so the maps have something to show.
Deterministic: the same GeoJSON gives the same files. The answers are made up."""
import json
import random
import sys
from pathlib import Path

COUNTIES = {"01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län", "05": "Östergötlands län",
            "06": "Jönköpings län", "07": "Kronobergs län", "08": "Kalmar län", "09": "Gotlands län", "10": "Blekinge län",
            "12": "Skåne län", "13": "Hallands län", "14": "Västra Götalands län", "17": "Värmlands län", "18": "Örebro län",
            "19": "Västmanlands län", "20": "Dalarnas län", "21": "Gävleborgs län", "22": "Västernorrlands län",
            "23": "Jämtlands län", "24": "Västerbottens län", "25": "Norrbottens län"}
BROADBAND = "Bättre bredband och fiber till byn"
BUS = "Bussen går för sällan, kollektivtrafiken måste bli bättre"
OTHER = ["En närarbetsplats i byn vore bra", "Skolan måste finnas kvar", "Fler lägenheter och hyresrätter",
         "Föreningslivet behöver stöd för sina lokaler", "Vägarna är dåliga på vintern", "Mer samverkan med kommunen",
         "Affären och posten måste finnas kvar", "Vi är stolta över bygden och naturen", "Vet inte", ""]


def main():
    out = Path(sys.argv[1])
    geo = Path(sys.argv[2]).resolve()
    features = json.loads(geo.read_text(encoding="utf-8"))["features"]
    out.mkdir(parents=True, exist_ok=True)
    municipalities = sorted(((f["properties"]["lan_code"], f["properties"]["kom_namn"], f["properties"]["id"],
                              f["properties"]["geo_point_2d"][0]) for f in features))
    lines = ["map:", f"  file: \"{geo}\"", "  property: id",
             "  source: \"okfse/sweden-geojson efter Valmyndighetens kommungränser, förenklade\"", "districts:"]
    for county, name, code, _ in municipalities:
        lines += [f"  - name: \"{name}\"", f"    code: \"{code}\"", f"    group: \"{COUNTIES.get(county, 'Län ' + county)}\""]
    (out / "omraden.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "boende-region.survey.yaml").write_text("""id: boende-region
title: Boendeenkät, regionalt program (genererad)
wave: "2026"
kind: privatperson
respondent: { id: Nr, district: Kommun }
questions:
  - { id: trivsel, column: Trivsel, label: "Hur trivs du i bygden? (1–5)", type: scale, scale: { min: 1, max: 5 } }
  - { id: onskemal, column: Önskemål, label: "Vad önskar du för bygden?", type: text }
""", encoding="utf-8")
    rng = random.Random(290)
    rows = ["Nr;Kommun;Trivsel;Önskemål"]
    number = 0
    for _, name, _, latitude in municipalities:
        north = min(1.0, max(0.0, (latitude - 55.3) / 13.0))
        for _ in range(rng.choice([3, 8, 15, 30, 30, 60, 60, 120, 250])):
            number += 1
            draw = rng.random()
            if draw < 0.08 + 0.35 * north:
                text = BROADBAND
            elif draw < 0.08 + 0.35 * north + 0.05 + 0.3 * (1 - north):
                text = BUS
            else:
                text = rng.choice(OTHER)
            rows.append(";".join([str(number), name, str(rng.choice([2, 3, 4, 4, 5, 5])), text]))
    (out / "boende-region.csv").write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    print(f"{number} respondents in {len(municipalities)} municipalities")


if __name__ == "__main__":
    main()
