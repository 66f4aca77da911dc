#!/usr/bin/env python3
"""Writes the repeated-answers benchmark's export: N company interviews whose free texts combine 16 common
sentences (a few thousand distinct answers, as real surveys repeat short answers) and whose companies have NAMES
distinct names, all of which the reports must keep out of every quote and word list."""
import random
import sys

SENTENCES = [
    "Bredbandet är för långsamt", "Det går ingen buss på helgerna", "Vi behöver en närarbetsplats i byn",
    "Kompetensen finns inte här", "Lokalerna är för dyra", "Vägarna är dåliga på vintern",
    "Skolan håller byn vid liv", "Turisterna hittar inte hit", "Föreningarna samarbetar bra",
    "Kommunen lyssnar inte", "Vi är stolta över bygden", "Det saknas hyresrätter",
    "Mobilnätet går ner när det blåser", "Unga flyttar härifrån", "Samverkan ger mer än var för sig",
    "Butiken behöver fler kunder",
]
DISTRICTS = ["Anundsjö", "Nätra", "Grundsunda", "BLT"]
FIRST = ["Bredbyns", "Nätra", "Husums", "Björna", "Solbergs", "Gideå", "Bjästa", "Köpmanholmens", "Trehörningsjö", "Skorpeds"]
TRADE = ["Såg", "Bygg", "Måleri", "El", "Rör", "Skog", "Åkeri", "Café", "Camping", "Redovisning"]


def main():
    rows, names, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(20261205)
    companies = [f"{FIRST[i % 10]} {TRADE[(i // 10) % 10]} {i // 100 + 1} AB" for i in range(names)]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Nr;Område;Företag;Utmaningar;Idéer\r\n")
        for n in range(1, rows + 1):
            company = companies[rng.randrange(names)]
            first = ". ".join(rng.sample(SENTENCES, rng.choice([1, 2])))
            # Now and then an answer names its own company, as people write: it must not reach a report.
            second = rng.choice(SENTENCES) + (f", säger vi på {company}" if rng.random() < 0.05 else "")
            out.write(f"{n};{rng.choice(DISTRICTS)};{company};{first};{second}\r\n")


if __name__ == "__main__":
    main()
