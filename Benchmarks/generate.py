#!/usr/bin/env python3
"""Writes a synthetic Excel-style export (semicolon, UTF-8 BOM, CRLF, quoted multi-line cells) for the
import benchmark: N respondents, 3 free-text and 4 closed questions, about 300 bytes a row."""
import random
import sys

SENTENCES = [
    "Bredbandet når inte fram till gården och mobilnätet går ner när det blåser",
    "Vi behöver en närarbetsplats i byn så att fler kan jobba på distans",
    "Bussen går för sällan och passar inte skiftarbetarna på bruket",
    "Föreningen skulle må bra av gemensam administration med grannbyarna",
    "Kommunen borde teckna en överenskommelse med civilsamhället om lokalerna",
    "Turisterna hittar inte hit, skyltningen och marknadsföringen är för svag",
    "Det saknas hyresrätter för dem vi vill rekrytera till företaget",
    "Vi är stolta över bygden men känner oss bortglömda av stan",
    "Skolan och butiken håller byn vid liv, utan dem flyttar familjerna",
    "Samverkan mellan företag, föreningar och kommun ger mer än var för sig",
    "Unga engagerar sig i korta uppdrag men inte i styrelsearbete",
    "Vägarna är dåliga på vintern och snöröjningen kommer sent",
]
DISTRICTS = [("Anundsjö", ["Bredbyn", "Solberg", "Skorped"]), ("Nätra", ["Bjästa", "Köpmanholmen"]),
             ("Grundsunda", ["Husum", "Gideå"]), ("BLT", ["Björna", "Långviksmon", "Trehörningsjö"])]
BRANSCH = ["Jord och skog", "Tillverkning", "Handel", "Turism", "Bygg", "Tjänster"]
BEHOV = ["Bredband", "Kompetens", "Lokaler", "Kollektivtrafik", "Närarbetsplats"]


def text(rng, words):
    parts = rng.sample(SENTENCES, 2)
    cell = f"{parts[0][:words]}, {parts[1][:12]}."
    if rng.random() < 0.1:
        cell = f'"{cell}\r\nSäger ""ordföranden"" i en kommentar."'
    elif ";" in cell:
        cell = f'"{cell}"'
    return cell


def main():
    rows = int(sys.argv[1])
    path = sys.argv[2]
    rng = random.Random(20251127)
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        out.write("Nr;Område;Serviceort;Datum;Bransch;Anställda;Nöjd med bredband (1-5);Behov;Utmaningar;Idéer;Övrigt\r\n")
        for i in range(1, rows + 1):
            district, towns = rng.choice(DISTRICTS)
            needs = "; ".join(rng.sample(BEHOV, rng.randint(1, 3)))
            out.write(";".join([
                f"B{i:07d}", district, rng.choice(towns), f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.choice(BRANSCH), str(rng.randint(1, 250)), str(rng.randint(1, 5)), f'"{needs}"',
                text(rng, 70), text(rng, 55), text(rng, 40),
            ]) + "\r\n")


if __name__ == "__main__":
    main()
