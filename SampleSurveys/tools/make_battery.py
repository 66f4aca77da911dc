#!/usr/bin/env python3
"""A generated municipal survey shaped like a real one (#23): 44 areas of uneven size, about 1,040 residents, a
battery of 50 rating items on a 0–14 scale, the survey tool's own columns (SID, Draft, UID, IP address), a question
nobody answered, and a free-text question. Written the way the tool exports it: UTF-8 CSV with `,`, a header of
question texts, `NA` for no answer. Writes into the folder given: omraden.yaml (the registry, areas in four groups),
enkat.csv. Deterministic. The places are real village names of Örnsköldsvik and its neighbours, the answers made up.
`survey infer` reads the definition from the file; tests and `make demo-battery` use it."""
import csv
import random
import sys
from pathlib import Path

PLACES = ["Bjästa", "Bredbyn", "Husum", "Köpmanholmen", "Långviksmon", "Trehörningsjö", "Björna", "Solberg", "Gideå",
          "Ulvsjö", "Moliden", "Mellansel", "Skorped", "Västanå", "Sidensjö", "Överhörnäs", "Själevad", "Arnäs", "Gottne",
          "Hörnett", "Sund", "Rundvik", "Nordmaling", "Lögdeå", "Grundsunda", "Järved", "Domsjö", "Alne", "Kubbe",
          "Anundsjö", "Nätra", "Ullånger", "Docksta", "Skuleberget", "Lunde", "Nyland", "Kramfors", "Bollstabruk",
          "Ytterlännäs", "Ramsele", "Stora Wäsby gård", "Myckelgensjö", "Junsele", "Fjällsjö"]
GROUPS = ["Norra kustlandet", "Södra kustlandet", "Inlandet", "Älvdalen"]
SERVICES = ["skolan", "förskolan", "äldreomsorgen", "vårdcentralen", "tandvården", "apoteket", "mataffären", "posten",
            "bankomaten", "bussförbindelserna", "tågförbindelserna", "vägunderhållet", "snöröjningen", "gång- och cykelvägarna",
            "bredbandet", "mobiltäckningen", "elförsörjningen", "vattnet och avloppet", "sophämtningen", "återvinningen",
            "biblioteket", "fritidsgården", "idrottshallen", "badplatsen", "motionsspåren", "skoterlederna",
            "vandringslederna", "kulturlivet", "föreningslivet", "bygdegården", "kyrkan", "restaurangerna", "turismen",
            "arbetstillfällena", "företagsklimatet", "närarbetsplatserna", "bostäderna", "hyresrätterna", "tomterna",
            "kommunens information", "kommunens bemötande", "möjligheten att påverka", "tryggheten", "gatubelysningen",
            "naturen", "jakten och fisket", "sammanhållningen", "ungdomarnas möjligheter", "de äldres möjligheter",
            "framtidstron"]
TEXTS = ["Bättre bredband och fiber till byn", "Bussen går för sällan", "En närarbetsplats i byn vore bra",
         "Skolan måste finnas kvar", "Fler hyresrätter", "Vägarna är dåliga på vintern", "Mer samverkan med kommunen", ""]


def free_text(rng, place):
    """An answer in the resident's own words: one or two of the common wishes, said about their own place."""
    said = [t for t in rng.sample(TEXTS, 2) if t]
    if not said:
        return "NA"
    return ". ".join(said) + rng.choice(["", f" i {place}", f". Det gäller hela {place}", "!", " tack"])


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(44)
    sizes = [3, 5, 8, 12, 18, 25, 30, 40, 55, 70]
    (out / "omraden.yaml").write_text(
        "districts:\n" + "".join(f"  - name: \"{p}\"\n    group: \"{GROUPS[i % len(GROUPS)]}\"\n" for i, p in enumerate(PLACES)),
        encoding="utf-8")
    header = (["SID", "Draft", "UID", "IP-adress", "Startdatum", "I vilket område bor du?", "Ålder", "Kön"]
              + [f"Hur nöjd är du med {service}? (0 = inte alls, 14 = helt)" for service in SERVICES]
              + ["Vilken förening är du medlem i?", "Vad vill du säga till kommunen?"])
    rows = []
    sid = 600
    for i, place in enumerate(PLACES):
        n = sizes[i % len(sizes)] if place != "Stora Wäsby gård" else 3
        level = rng.uniform(4, 11)
        for _ in range(n):
            sid += 1
            ratings = []
            for _item in SERVICES:
                if rng.random() < 0.12:
                    ratings.append("NA")
                else:
                    ratings.append(str(max(0, min(14, round(rng.gauss(level, 3))))))
            rows.append([str(sid), "0", f"u{rng.randrange(10**8):08d}", f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}",
                         f"2024-0{rng.randrange(3, 6)}-{rng.randrange(10, 28)} 1{rng.randrange(0, 9)}:{rng.randrange(10, 59)}",
                         place, rng.choice(["16–29", "30–49", "50–64", "65–79", "80+", "NA"]),
                         rng.choice(["Kvinna", "Man", "Annat / vill inte svara", "NA"])]
                        + ratings + ["NA", free_text(rng, place)])
    with open(out / "enkat.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{len(rows)} respondents in {len(PLACES)} areas, {len(SERVICES)} rating items: {out}/enkat.csv")


if __name__ == "__main__":
    main()
