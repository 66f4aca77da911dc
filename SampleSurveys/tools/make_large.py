#!/usr/bin/env python3
"""make demo-large: a generated web survey of a municipality with many areas (40 by default, or AREAS=N), to see how
the reports lay out when areas outnumber what a page takes side by side. Writes, into the folder given:
omraden.yaml (the registry, the areas in three groups and two in none), boende-stor.survey.yaml and boende-stor.csv (Swedish Excel CSV: ;, BOM, CRLF).
A third argument asks for about that many respondents in all (areas keep their uneven sizes); `make bench` uses it
for 300 areas of 200,000 respondents.
Deterministic: the same N gives the same files. The places are real village names of Örnsköldsvik and its
neighbours, the answers made up."""
import random
import sys
from pathlib import Path

PLACES = ["Bjästa", "Bredbyn", "Husum", "Köpmanholmen", "Långviksmon", "Trehörningsjö", "Björna", "Solberg", "Gideå",
          "Ulvsjö", "Moliden", "Mellansel", "Skorped", "Västanå", "Sidensjö", "Överhörnäs", "Själevad", "Arnäs", "Gottne",
          "Hörnett", "Sund", "Rundvik", "Nordmaling", "Lögdeå", "Grundsunda", "Järved", "Domsjö", "Alne", "Kubbe",
          "Anundsjö", "Nätra", "Ullånger", "Docksta", "Skuleberget", "Lunde", "Nyland", "Kramfors", "Bollstabruk",
          "Ytterlännäs", "Ramsele"]
GROUPS = ["Norra kustlandet", "Södra kustlandet", "Inlandet"]
TEXTS = ["Bättre bredband och fiber till byn", "Bussen går för sällan, kollektivtrafiken måste bli bättre",
         "En närarbetsplats i byn vore bra", "Skolan måste finnas kvar", "Fler lägenheter och hyresrätter",
         "Föreningslivet behöver stöd för sina lokaler", "Vägarna är dåliga på vintern", "Mer samverkan med kommunen",
         "Affären och posten måste finnas kvar", "Vi är stolta över bygden och naturen", "Vet inte", ""]


def main():
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    sizes = [6, 12, 20, 30, 40, 60, 90]
    if len(sys.argv) > 3:
        scale = int(sys.argv[3]) / (count * sum(sizes) / len(sizes))
        sizes = [max(1, round(size * scale)) for size in sizes]
    out.mkdir(parents=True, exist_ok=True)
    places = [PLACES[i] if i < len(PLACES) else f"{PLACES[i % len(PLACES)]} {i // len(PLACES) + 1}" for i in range(count)]
    rng = random.Random(count)
    # A registry with groups (larger areas), taken in turn so that a group's areas are not listed together, and the
    # last two areas in none: reports list areas under their groups and the rest under "Övriga områden".
    def group(i):
        return "" if i >= count - 2 else f"\n    group: \"{GROUPS[i % len(GROUPS)]}\""
    (out / "omraden.yaml").write_text(
        "districts:\n" + "".join(f"  - name: \"{p}\"{group(i)}\n" for i, p in enumerate(places)), encoding="utf-8")
    (out / "boende-stor.survey.yaml").write_text("""id: boende-stor
title: Boendeenkät (genererad)
wave: "2026"
kind: privatperson
respondent: { id: Nr, district: Område }
questions:
  - { id: alder, column: "Ålder", label: "Ålder", type: choice, options: ["15–24", "25–44", "45–64", "65+"] }
  - { id: utbildning, column: "Vilken.är.din.högsta.utbildningsnivå.", label: "Vilken är din högsta utbildningsnivå?", type: choice, options: [Grundskola, Gymnasium, Högskola] }
  - { id: trivsel, column: Trivsel, label: "Hur trivs du i bygden? (1–5)", type: scale, scale: { min: 1, max: 5 } }
  - { id: onskemal, column: Önskemål, label: "Vad önskar du för bygden?", type: text }
""", encoding="utf-8")
    rows = ["Nr;Område;Ålder;Vilken.är.din.högsta.utbildningsnivå.;Trivsel;Önskemål"]
    number = 0
    for place in places:
        for _ in range(rng.choice(sizes)):
            number += 1
            rows.append(";".join([str(number), place, rng.choice(["15–24", "25–44", "45–64", "45–64", "65+", "65+"]),
                                  rng.choice(["Grundskola", "Gymnasium", "Gymnasium", "Högskola"]), str(rng.choice([2, 3, 4, 4, 5, 5])),
                                  rng.choice(TEXTS)]))
    (out / "boende-stor.csv").write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    print(f"{number} respondents in {count} areas")


if __name__ == "__main__":
    main()
