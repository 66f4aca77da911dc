#!/usr/bin/env python3
"""Writes the tagging benchmark's codebooks: 200 themes (bench200.yaml) and their first 20 (bench20.yaml), with a
realistic mix of patterns — stems, prefixes, suffixes, infixes, exact words and phrases — over the words the
benchmark's answers use and words they do not. Also writes each theme as a regular expression (bench20.regex.json)
for the pandas baseline."""
import json
import random
import sys
from pathlib import Path

WORDS = ["bredband", "fiber", "mobilnät", "närarbetsplats", "distans", "buss", "skift", "förening", "administration",
         "överenskommelse", "civilsamhälle", "turist", "skyltning", "marknadsföring", "hyresrätt", "rekrytera", "bygd",
         "stad", "bortglömd", "stolt", "skola", "butik", "familj", "samverkan", "kommun", "styrelse", "uppdrag", "väg",
         "vinter", "snöröjning", "gård", "ordförande", "kommentar", "lokal", "grannby", "företag", "bruk", "jobb"]
SYNTHETIC = ["skogs", "fjäll", "älv", "myr", "hamn", "kust", "vind", "sol", "torv", "lax", "ren", "bär", "svamp", "ved",
             "båt", "tåg", "flyg", "sjö", "ö", "äng"]


def theme_patterns(rng, i):
    """Like a real codebook, each answer carries a theme or two, not most of them: five of the first twenty themes
    draw on the answers' own words, the others on words the benchmark's answers do not use. So the 200-theme
    codebook writes the same tags as the 20-theme one, and the difference in time is the cost of matching more
    patterns."""
    patterns = []
    real = i < 20 and i % 4 == 0
    for _ in range(rng.randint(3, 6)):
        word = rng.choice(WORDS) if real else rng.choice(SYNTHETIC) + rng.choice(["plats", "vård", "näring", "led", "hus", "lag"]) + ("" if i % 7 == 0 else str(i % 7))
        kind = rng.random()
        if kind < 0.4:
            patterns.append(word)
        elif kind < 0.7:
            patterns.append(word[:max(3, len(word) - 2)] + "*")
        elif kind < 0.8:
            patterns.append("*" + word[-max(3, len(word) // 2):])
        elif kind < 0.9:
            patterns.append("*" + word[1:max(4, len(word) - 1)] + "*")
        else:
            patterns.append((rng.choice(WORDS) if real else word) + " " + rng.choice(["i", "och", "med", "till"]) + " " + rng.choice(WORDS))
    return patterns


def regex(pattern):
    """The pandas baseline's reading of one pattern (stems as word-prefix matches, an approximation in its favour)."""
    def token(word):
        if word.startswith("*") and word.endswith("*"):
            return r"\w*" + word[1:-1] + r"\w*"
        if word.endswith("*"):
            return r"\b" + word[:-1] + r"\w*"
        if word.startswith("*"):
            return r"\w*" + word[1:] + r"\b"
        if word.startswith("="):
            return r"\b" + word[1:] + r"\b"
        return r"\b" + word + r"\w*"
    return r"\W+".join(token(w) for w in pattern.split())


def main():
    out = Path(sys.argv[1])
    rng = random.Random(42)
    themes = [{"id": f"t{i:03d}", "label": f"Tema {i}", "keywords": theme_patterns(rng, i)} for i in range(200)]
    for i in range(0, 200, 10):
        themes[i + 1]["parent"] = themes[i]["id"]
    for count in (20, 200):
        lines = [f"id: bench{count}", "version: \"1\"", "language: sv", "themes:"]
        for theme in themes[:count]:
            keywords = ", ".join(json.dumps(k, ensure_ascii=False) for k in theme["keywords"])
            parent = f", parent: {theme['parent']}" if "parent" in theme else ""
            lines.append(f"  - {{ id: {theme['id']}, label: \"{theme['label']}\"{parent}, keywords: [{keywords}] }}")
        (out / f"bench{count}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    regexes = {t["id"]: "|".join(f"(?:{regex(k)})" for k in t["keywords"]) for t in themes[:20]}
    (out / "bench20.regex.json").write_text(json.dumps(regexes, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
