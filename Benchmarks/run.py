#!/usr/bin/env python3
"""make bench: kartlagg's import against SQLite's own, and its tagging against pandas, timed in the same run.

For each size it generates an Excel-style export (Benchmarks/generate.py) and times, one after another:
  sqlite3 .import   the sqlite3 shell loading the file into one untyped table (the reference the issue names);
  sqlite3 schema    the sqlite3 shell loading the file and then building kartlagg's own tables from it in SQL
                    (respondents, typed answers, full-text index): what SQLite itself needs for the same result;
  kartlagg import   detection, parsing, validation, typed answers, upsert and the full-text index.
On the first size (200,000 rows) it then tags the 600,000 free texts with a 20-theme and a 200-theme codebook (Benchmarks/codebooks.py)
and times pandas `str.contains` with the 20 themes as regular expressions (Benchmarks/pandas_baseline.py); then
the cross-tabs, and the overview report (with HTML) against the sum of the cross-tabs it contains run one by one;
then the same for an overview of 300 generated areas with about 200,000 respondents (SampleSurveys/tools/make_large.py),
and the workbench (`kartlagg serve`) on that database: its overview and a cell's first 50 answers against the
equivalent crosstab and query commands; and maps of Sweden's 290 municipalities against the cross-tabs they draw
(BENCH_ONLY=map, names, workbench or areas runs that part alone).
Each run gets a fresh database. Peak memory is the process's maximum resident set (wait4's ru_maxrss).
Sizes: BENCH_ROWS (default "200000 1000000"). Figures are ratios measured in this run: the machine is shared.
BENCH_BASELINE=REV also builds that git revision (in a worktree under bench-data/) and runs its cross-tabs and reports
on the same database, one after the other with this build's, printing this build's time as a ratio of the baseline's:
how a change moved them, measured in one run."""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench-data"
BIN = ROOT / ".build" / "release" / "kartlagg"
BASELINE = os.environ.get("BENCH_BASELINE")
BASELINE_BIN = None
SAMPLES = ROOT / "SampleSurveys"


def run(args, stdin=None, quiet=True):
    """Runs a command; returns (seconds, peak KiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=subprocess.PIPE if stdin else None,
                               stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.PIPE, cwd=ROOT)
    if stdin:
        process.stdin.write(stdin.encode())
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(map(str, args))}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def prepare(db):
    fresh(db)
    run([BIN, "districts", "load", "--db", db, SAMPLES / "districts.yaml"])
    run([BIN, "survey", "add", "--db", db, ROOT / "Benchmarks" / "bench.survey.yaml"])


SCHEMA_SQL = """
.mode csv
.separator ;
.import {csv} staging
BEGIN;
INSERT INTO importBatch (surveyId, fileName, sha256, format, importedAt) VALUES ('bench', 'bench.csv', 'x', 'csv', 'now');
INSERT INTO respondent (surveyId, externalId, kind, district, serviceTown, date, wave, batchId, sourceLine, sourceRecord)
  SELECT 'bench', Nr, 'företag', "Område", Serviceort, Datum, '2025', 1, rowid, rowid FROM staging;
{answers}
INSERT INTO answerText(rowid, raw) SELECT id, raw FROM answer WHERE isFreeText;
COMMIT;
"""
ANSWER_SQL = """INSERT INTO answer (respondentId, questionKey, raw, valueText, valueNumber, isFreeText)
  SELECT r.id, q.key, s."{column}", {text}, {number}, {free} FROM staging s JOIN respondent r ON r.externalId = s.Nr
  JOIN question q ON q.surveyId = 'bench' AND q.id = '{question}' WHERE s."{column}" <> '';"""
QUESTIONS = [("Bransch", "bransch", "text"), ("Anställda", "anstallda", "number"), ("Nöjd med bredband (1-5)", "bredband", "number"),
             ("Behov", "behov", "text"), ("Utmaningar", "utmaningar", "free"), ("Idéer", "ideer", "free"), ("Övrigt", "ovrigt", "free")]


def schema_sql(csv):
    answers = []
    for column, question, kind in QUESTIONS:
        answers.append(ANSWER_SQL.format(
            column=column, question=question, text=f's."{column}"' if kind == "text" else "NULL",
            number=f'CAST(s."{column}" AS INTEGER)' if kind == "number" else "NULL", free=1 if kind == "free" else 0))
    return SCHEMA_SQL.format(csv=csv, answers="\n".join(answers))


def bench(rows, tag=False):
    csv = DATA / f"bench-{rows}.csv"
    if not csv.exists():
        print(f"generating {csv.name} …", flush=True)
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate.py", str(rows), csv], check=True)
    size = csv.stat().st_size / 1e6

    reference = DATA / "reference.sqlite"
    fresh(reference)
    raw_time, raw_mem = run(["sqlite3", reference, ".mode csv", ".separator ;", f".import {csv} t"])

    schema = DATA / "schema.sqlite"
    prepare(schema)
    schema_time, schema_mem = run(["sqlite3", schema], stdin=schema_sql(csv))

    target = DATA / "kartlagg.sqlite"
    prepare(target)
    k_time, k_mem = run([BIN, "import", "--db", target, "--survey", "bench", csv])

    print(f"\n{rows:,} respondents, {size:.0f} MB ({rows * 7:,} answers, {rows * 3:,} free texts indexed)")
    print(f"  {'':18}{'seconds':>9}{'peak MB':>9}   ratio")
    print(f"  {'sqlite3 .import':18}{raw_time:9.2f}{raw_mem / 1024:9.0f}   1.00")
    print(f"  {'sqlite3 schema':18}{schema_time:9.2f}{schema_mem / 1024:9.0f}   {schema_time / raw_time:.2f}")
    print(f"  {'kartlagg import':18}{k_time:9.2f}{k_mem / 1024:9.0f}   {k_time / raw_time:.2f}"
          f"  (= {k_time / schema_time:.2f} × sqlite3 building the same tables)")
    if tag:
        xlsx_bench(csv, rows, k_time, k_mem)
        sav_bench(csv, rows, k_time, k_mem)
        tag_bench(csv, target, rows)
    for path in (reference, schema, target):
        fresh(path)
    return k_mem


def xlsx_bench(csv, rows, csv_time, csv_mem):
    """The same export as an XLSX workbook (openpyxl, write-only), imported against the CSV import just timed."""
    workbook = DATA / f"bench-{rows}.xlsx"
    if not workbook.exists():
        print(f"generating {workbook.name} …", flush=True)
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate_xlsx.py", csv, workbook], check=True)
    shared = DATA / f"bench-{rows}-shared.xlsx"
    if not shared.exists():
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate_xlsx.py", "--shared-strings", workbook, shared], check=True)
    print(f"\nthe same {rows:,} rows as an XLSX workbook ({workbook.stat().st_size / 1e6:.0f} MB)")
    print(f"  {'':34}{'seconds':>9}{'peak MB':>9}   ratio")
    print(f"  {'kartlagg import csv':34}{csv_time:9.2f}{csv_mem / 1024:9.0f}   1.00")
    for name, path in [("xlsx, inline strings (openpyxl)", workbook), ("xlsx, shared strings (as Excel)", shared)]:
        target = DATA / "bench-xlsx.sqlite"
        prepare(target)
        x_time, x_mem = run([BIN, "import", "--db", target, "--survey", "bench", path])
        print(f"  {name:34}{x_time:9.2f}{x_mem / 1024:9.0f}   {x_time / csv_time:.2f} (target ≤ 2.00 and < 150 MB)")


def sav_bench(csv, rows, csv_time, csv_mem):
    """The same export as an SPSS file (pyreadstat, Benchmarks/generate_sav.py), imported against the CSV import just
    timed: the target is at most 1.2 × the CSV's time at the same peak memory."""
    sav = DATA / f"bench-{rows}.sav"
    definition = DATA / "bench-sav.survey.yaml"
    if not sav.exists() or not definition.exists():
        print(f"generating {sav.name} …", flush=True)
        made = subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate_sav.py", csv, sav, definition])
        if made.returncode != 0:
            print("  (no pyreadstat: the SPSS benchmark is skipped; pip install pyreadstat pandas)")
            return
    target = DATA / "bench-sav.sqlite"
    fresh(target)
    run([BIN, "districts", "load", "--db", target, SAMPLES / "districts.yaml"])
    run([BIN, "survey", "add", "--db", target, definition])
    s_time, s_mem = run([BIN, "import", "--db", target, "--survey", "bench-sav", sav])
    print(f"\nthe same {rows:,} rows as an SPSS file ({sav.stat().st_size / 1e6:.0f} MB)")
    print(f"  {'':34}{'seconds':>9}{'peak MB':>9}   ratio")
    print(f"  {'kartlagg import csv':34}{csv_time:9.2f}{csv_mem / 1024:9.0f}   1.00")
    print(f"  {'kartlagg import sav (ReadStat)':34}{s_time:9.2f}{s_mem / 1024:9.0f}   {s_time / csv_time:.2f} (target ≤ 1.20, same memory)")
    fresh(target)


def tag_bench(csv, db, rows):
    """Tags the imported answers with a 20-theme and a 200-theme codebook, and times pandas on the 20 themes."""
    subprocess.run([sys.executable, ROOT / "Benchmarks" / "codebooks.py", DATA], check=True)
    for count in (20, 200):
        run([BIN, "codebook", "load", "--db", db, DATA / f"bench{count}.yaml"])
    t20, m20 = run([BIN, "tag", "--db", db, "--codebook", "bench20"])
    t200, m200 = run([BIN, "tag", "--db", db, "--codebook", "bench200"])
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("installing pandas (the tagging benchmark's reference) …", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pandas"], check=True)
    baseline = subprocess.run(
        [sys.executable, ROOT / "Benchmarks" / "pandas_baseline.py", csv, DATA / "bench20.regex.json"],
        check=True, capture_output=True, text=True).stdout.split()
    p20 = float(baseline[0])
    print(f"\ntagging {int(baseline[2]):,} free-text answers")
    print(f"  {'':34}{'seconds':>9}{'peak MB':>9}")
    print(f"  {'kartlagg tag, 20 themes':34}{t20:9.2f}{m20 / 1024:9.0f}")
    print(f"  {'kartlagg tag, 200 themes':34}{t200:9.2f}{m200 / 1024:9.0f}   {t200 / t20:.2f} × 20 themes (target ≤ 1.5)")
    print(f"  {'pandas str.contains, 20 themes':34}{p20:9.2f}{'':9}   kartlagg with 200 themes takes {t200 / p20:.2f} × its time")
    theme_time, theme_mem = run([BIN, "crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--codebook", "bench20"])
    closed_time, closed_mem = run([BIN, "crosstab", "--db", db, "--rows", "bredband", "--cols", "kind"])
    print(f"\ncross-tabs over {rows:,} respondents")
    print(f"  {'theme × district (20 themes)':34}{theme_time:9.2f}{theme_mem / 1024:9.0f}   (target ≤ 0.2 s)")
    print(f"  {'bredband (scale) × kind':34}{closed_time:9.2f}{closed_mem / 1024:9.0f}   (target ≤ 0.2 s)")
    report_bench(db, rows)
    distinct_tag_bench(csv, rows, t200)
    if BASELINE_BIN:
        baseline_bench(db, rows, BASELINE_BIN)


def distinct_tag_bench(csv, rows, repeated_time):
    """The 200-theme run again on texts that are all different: the generated texts combine 12 sentences (792
    distinct texts among 600,000), and kartlagg matches each distinct text and question once, so the run above
    mostly measures writing. Here each text gets its respondent's number ("(nr 123)", a token no theme matches and
    the term index leaves out), so every text is matched."""
    distinct = DATA / f"bench-{rows}-distinct.csv"
    if not distinct.exists():
        import csv as csvmodule
        with open(csv, encoding="utf-8-sig", newline="") as source, open(distinct, "w", encoding="utf-8-sig", newline="") as out:
            reader = csvmodule.reader(source, delimiter=";")
            writer = csvmodule.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow(next(reader))
            for number, row in enumerate(reader, start=1):
                writer.writerow(row[:8] + [f"{cell} (nr {number * 3 + index})" for index, cell in enumerate(row[8:11])] + row[11:])
    db = DATA / "distinct.sqlite"
    prepare(db)
    run([BIN, "import", "--db", db, "--survey", "bench", distinct])
    one = DATA / "bench1.yaml"
    one.write_text('id: bench1\nversion: "1"\nthemes:\n  - { id: bredband, label: Bredband, keywords: ["bredband*"] }\n')
    for codebook in (one, DATA / "bench200.yaml"):
        run([BIN, "codebook", "load", "--db", db, codebook])
    run([BIN, "tag", "--db", db, "--codebook", "bench1"])  # the term index, made before the timed run as above
    t200, m200 = run([BIN, "tag", "--db", db, "--codebook", "bench200"])
    answers = rows * 3
    print(f"\ntagging {answers:,} free-text answers, every one different (each matched)")
    print(f"  {'kartlagg tag, 200 themes':34}{t200:9.2f}{m200 / 1024:9.0f}   {answers / t200:,.0f} answers/s; "
          f"{t200 / repeated_time:.2f} × the run on the generated texts ({answers / repeated_time:,.0f} answers/s)")
    fresh(db)


def baseline_binary(rev):
    """The release binary of git revision `rev`, built in a worktree under bench-data/."""
    tree = DATA / f"baseline-{rev}"
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True)
    print(f"building the baseline {rev} (release) …", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "kartlagg"], cwd=tree, check=True)
    return tree / ".build" / "release" / "kartlagg"


def baseline_bench(db, rows, baseline):
    """This build's cross-tabs and reports against the baseline's, on the same database, run alternately (best of 3)."""
    commands = [
        ("crosstab theme × district", ["crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--codebook", "bench20"]),
        ("crosstab bredband × kind", ["crosstab", "--db", db, "--rows", "bredband", "--cols", "kind"]),
        ("crosstab bransch × district", ["crosstab", "--db", db, "--rows", "bransch", "--cols", "district"]),
        ("crosstab theme × kind, answers", ["crosstab", "--db", db, "--rows", "theme", "--cols", "kind", "--count", "answers",
                                            "--codebook", "bench20"]),
        ("report --kind overview", ["report", "--db", db, "--kind", "overview", "--codebook", "bench20", "--out",
                                    DATA / "baseline.md", "--date", "2025-06-01", "--html"]),
        ("report --kind district", ["report", "--db", db, "--kind", "district", "--district", "Nätra", "--codebook", "bench20",
                                    "--out", DATA / "baseline-natra.md", "--date", "2025-06-01", "--html"]),
    ]
    print(f"\nthis build against {BASELINE} over {rows:,} respondents (best of 3, run alternately)")
    print(f"  {'':34}{'this':>9}{'baseline':>9}")
    for name, args in commands:
        ours, theirs = [], []
        for _ in range(3):
            ours.append(run([BIN] + args)[0])
            theirs.append(run([baseline] + args)[0])
        print(f"  {name:34}{min(ours):9.2f}{min(theirs):9.2f}   {min(ours) / min(theirs):.2f} × the baseline")


def report_bench(db, rows):
    """The overview report against the cross-tabs it contains, each run as `kartlagg crosstab` on its own."""
    tables = [["kind", "district"], ["theme", "district"], ["bransch", "district"], ["behov", "district"],
              ["bredband", "district"]]
    parts = []
    for rows_dim, cols_dim in tables:
        seconds, _ = run([BIN, "crosstab", "--db", db, "--rows", rows_dim, "--cols", cols_dim, "--codebook", "bench20"])
        parts.append((f"{rows_dim} × {cols_dim}", seconds))
    crosstabs = sum(seconds for _, seconds in parts)
    out = DATA / "oversikt.md"
    report_time, report_mem = run([BIN, "report", "--db", db, "--kind", "overview", "--codebook", "bench20", "--out", out,
                                   "--date", "2025-06-01", "--html"])
    print(f"\noverview report over {rows:,} respondents (its cross-tabs run one by one as `kartlagg crosstab`)")
    for name, seconds in parts:
        print(f"  {'crosstab ' + name:34}{seconds:9.2f}")
    print(f"  {'sum of its cross-tabs':34}{crosstabs:9.2f}")
    print(f"  {'kartlagg report --kind overview':34}{report_time:9.2f}{report_mem / 1024:9.0f}   "
          f"{report_time / crosstabs:.2f} × its cross-tabs (target ≤ 1.5)")
    # The theme report's own cross-tabs: the theme by district and by kind, and kind × district (its bases).
    theme_tables = 0.0
    for rows_dim, cols_dim in [["theme", "district"], ["theme", "kind"], ["kind", "district"]]:
        theme_tables += run([BIN, "crosstab", "--db", db, "--rows", rows_dim, "--cols", cols_dim, "--codebook", "bench20"])[0]
    theme_time, theme_mem = run([BIN, "report", "--db", db, "--codebook", "bench20", "--theme", "t008", "--out", DATA / "tema.md",
                                 "--date", "2025-06-01", "--html"])
    district_time, district_mem = run([BIN, "report", "--db", db, "--codebook", "bench20", "--kind", "district",
                                       "--district", "Nätra", "--out", DATA / "natra.md", "--date", "2025-06-01", "--html"])
    print(f"  {'kartlagg report --theme t008':34}{theme_time:9.2f}{theme_mem / 1024:9.0f}   "
          f"{theme_time / theme_tables:.2f} × its cross-tabs ({theme_tables:.2f} s: theme × district, theme × kind, kind × district)")
    print(f"  {'kartlagg report --kind district':34}{district_time:9.2f}{district_mem / 1024:9.0f}   "
          f"{district_time / crosstabs:.2f} × its cross-tabs (the overview's, {crosstabs:.2f} s)")


def many_areas_bench(areas=300, respondents=200_000):
    """The overview of a municipality of many areas (SampleSurveys/tools/make_large.py: `areas` areas, about
    `respondents` respondents, the sample codebook) against the cross-tabs it contains, run one by one."""
    folder = DATA / f"areas-{areas}-{respondents}"
    db = folder / "k.sqlite"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, SAMPLES / "tools" / "make_large.py", folder, str(areas), str(respondents)], check=True,
                       stdout=subprocess.DEVNULL)
        for command, args in ((["districts", "load"], [folder / "omraden.yaml"]),
                              (["survey", "add"], [folder / "boende-stor.survey.yaml"]),
                              (["import"], ["--survey", "boende-stor", folder / "boende-stor.csv"]),
                              (["codebook", "load"], [SAMPLES / "kodbok.yaml"]), (["tag"], [])):
            subprocess.run([BIN, *command, "--db", db, *args], check=True, stdout=subprocess.DEVNULL)
    run([BIN, "init", "--db", db])  # a database an older kartlagg made: brought up to this schema (a backup first)
    run([BIN, "tag", "--db", db])  # … and its derived tables made current by a writer
    # Every run measures the same case, the data's first publication: an earlier run's ledger would have each cross-tab
    # read what the report published, and the report read it too.
    fresh(Path(str(db) + ".publicerat"))
    parts = []
    for rows_dim in ["kind", "theme", "alder", "utbildning", "trivsel"]:
        seconds, _ = run([BIN, "crosstab", "--db", db, "--rows", rows_dim, "--cols", "district"])
        parts.append((f"{rows_dim} × district", seconds))
    crosstabs = sum(seconds for _, seconds in parts)
    report_time, report_mem = run([BIN, "report", "--db", db, "--kind", "overview", "--out", folder / "oversikt.md",
                                   "--date", "2026-12-01", "--html"])
    print(f"\noverview report of {areas} areas, about {respondents:,} respondents (its cross-tabs one by one)")
    for name, seconds in parts:
        print(f"  {'crosstab ' + name:34}{seconds:9.2f}")
    print(f"  {'sum of its cross-tabs':34}{crosstabs:9.2f}")
    print(f"  {'kartlagg report --kind overview':34}{report_time:9.2f}{report_mem / 1024:9.0f}   "
          f"{report_time / crosstabs:.2f} × its cross-tabs")


def map_bench():
    """Maps of Sweden's 290 municipalities (make demo-region's data, on ../shared/geo/'s real boundaries): each map
    against the cross-tab it draws, run one by one (the map = that table + drawing it)."""
    geo = ROOT.parent / "shared" / "geo" / "swedish_municipalities.geojson"
    if not geo.exists():
        print(f"\nmaps: {geo} is absent; skipped")
        return
    folder = DATA / "region"
    db = folder / "k.sqlite"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, SAMPLES / "tools" / "make_region.py", folder, geo], check=True, stdout=subprocess.DEVNULL)
        for command, args in ((["districts", "load"], [folder / "omraden.yaml"]),
                              (["survey", "add"], [folder / "boende-region.survey.yaml"]),
                              (["import"], ["--survey", "boende-region", folder / "boende-region.csv"]),
                              (["codebook", "load"], [SAMPLES / "kodbok.yaml"]), (["tag"], [])):
            subprocess.run([BIN, *command, "--db", db, *args], check=True, stdout=subprocess.DEVNULL)
    run([BIN, "init", "--db", db])  # a database an older kartlagg made: brought up to this schema (a backup first)
    print("\nmaps of 290 municipalities (19,654 respondents): each against its own cross-tab, in the same run")
    for label, extra in (("each area on its own", []), ("pooled below 30, as reports do", ["--min-base", "30"])):
        crosstab, _ = run([BIN, "crosstab", "--db", db, "--rows", "theme", "--cols", "district", *extra])
        pool = ["--pool"] if extra else []
        drawn, memory = run([BIN, "map", "--db", db, "--theme", "bredband", *extra, *pool, "--out", folder / "karta.svg"])
        size = (folder / "karta.svg").stat().st_size
        print(f"  {label}: crosstab {crosstab:.2f} s, map {drawn:.2f} s ({drawn / crosstab:.2f} × its crosstab, "
              f"drawing {max(drawn - crosstab, 0):.2f} s), {memory / 1024:.0f} MB, SVG {size / 1024:.0f} kB")


def names_bench(rows=200_000, names=5_000):
    """Reports on heavily repeated answers from companies with many distinct names (issue #26): every quote and word
    list is cleaned of the names the database holds. With BENCH_BASELINE, the baseline's report on the same database."""
    folder = DATA / f"names-{rows}-{names}"
    db = folder / "k.sqlite"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        csv = folder / "names.csv"
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate_names.py", str(rows), str(names), csv], check=True)
        prepare(db)
        for command, args in ((["survey", "add"], [ROOT / "Benchmarks" / "names.survey.yaml"]),
                              (["import"], ["--survey", "names", csv]),
                              (["codebook", "load"], [SAMPLES / "kodbok.yaml"]), (["tag"], [])):
            subprocess.run([BIN, *command, "--db", db, *args], check=True, stdout=subprocess.DEVNULL)
    # A database an older kartlagg made: brought up to this schema, and its derived tables made current by a writer.
    run([BIN, "init", "--db", db])
    run([BIN, "tag", "--db", db])
    crosstab, _ = run([BIN, "crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
    print(f"\nrepeated answers: {rows:,} company interviews, {names:,} company names, 16 sentences")
    print(f"  {'':34}{'seconds':>9}{'peak MB':>9}")
    print(f"  {'crosstab theme × district':34}{crosstab:9.2f}")
    binaries = [("this build", BIN)] + ([(f"baseline {BASELINE}", BASELINE_BIN)] if BASELINE_BIN else [])
    for label, binary in binaries:
        seconds, peak = run([binary, "report", "--db", db, "--theme", "bredband", "--theme", "nararbetsplatser",
                             "--out", folder / "tema.md", "--date", "2026-12-01", "--html"])
        print(f"  {'report --theme ×2 --html, ' + label:34}{seconds:9.2f}{peak / 1024:9.0f}   {seconds / crosstab:.1f} × the cross-tab")
        with open(folder / "tema.md", encoding="utf-8") as report:
            leaked = sum(1 for line in report if " AB" in line)
        print(f"  {'':34}lines naming a company: {leaked}")


def workbench_bench(areas=300, respondents=200_000):
    """`kartlagg serve` on the many-areas database: the overview (cold: its two cross-tabs computed; warm: kept until
    the database changes) against `crosstab` kind × district plus theme × district, and the first 50 answers of the
    largest shown theme × area cell and of a middling one against `kartlagg query --limit 50` on the same cell."""
    import http.client
    import re
    import shutil
    import urllib.parse
    import urllib.request
    source = DATA / f"areas-{areas}-{respondents}" / "k.sqlite"
    run([BIN, "init", "--db", source])
    db = DATA / "workbench.sqlite"  # a copy: the bench codes an answer
    fresh(db)
    shutil.copyfile(source, db)
    server = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT)
    url = re.search(r"(http://\S+)", server.stdout.readline()).group(1).rstrip("/")

    session_cookie = []

    def get(path):
        start = time.perf_counter()
        request = urllib.request.Request(url + path, headers={"Cookie": session_cookie[0]} if session_cookie else {})
        with urllib.request.urlopen(request) as response:
            body = response.read().decode()
            if not session_cookie and response.headers.get("Set-Cookie"):
                session_cookie.append(response.headers["Set-Cookie"].split(";")[0])
        return time.perf_counter() - start, body

    def post(path, fields, cookie):
        """A form post, its 303 not followed: the time of the write alone."""
        address = urllib.parse.urlparse(url)
        connection = http.client.HTTPConnection(address.hostname, address.port)
        start = time.perf_counter()
        connection.request("POST", path, body=urllib.parse.urlencode(fields),
                           headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                                    "Origin": url})
        status = connection.getresponse().status
        elapsed = time.perf_counter() - start
        if status != 303:
            sys.exit(f"workbench: POST {path} answered {status}")
        return elapsed

    try:
        cold, page = get("/")
        warm, _ = get("/")
        cells = [(int(n), href.replace("&amp;", "&")) for href, n in
                 re.findall(r'href="(/answers\?area=[^"]*theme=[^"]*)" title="[^"]*: ([0-9]+) av', page)]
        cells.sort()
        picks = [("largest cell", cells[-1]), ("middling cell", cells[len(cells) // 2])]
        answers = []
        for name, (n, href) in picks:
            first, body = get(href)
            again, _ = get(href)
            query = urllib.parse.parse_qs(urllib.parse.urlparse(href).query)
            reference, _ = run([BIN, "query", "--db", db, "--theme", query["theme"][0], "--district", query["area"][0],
                                "--limit", "50"])
            answers.append((name, n, body.count('class="answer"'), first, again, reference))
        largest_theme = urllib.parse.parse_qs(urllib.parse.urlparse(picks[0][1][1]).query)["theme"][0]
        theme_page, _ = get(f"/theme/{urllib.parse.quote(largest_theme)}")
        # A coder's decision (added, then taken back) on the largest cell's first answer, and the overview after it.
        _, body = get(picks[0][1][1])
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', body).group(1)
        answer = re.search(r'data-answer="([0-9]+)"', body).group(1)
        cookie = session_cookie[0]
        post("/coder", {"csrf": token, "coder": "bench"}, cookie)
        coding = [post("/code", {"csrf": token, "answer": answer, "theme": "turism", "action": action}, cookie)
                  for action in ("add", "remove", "add", "remove")]
        after, _ = get("/")
        peak = next((int(line.split()[1]) for line in open(f"/proc/{server.pid}/status") if line.startswith("VmHWM")), 0)
    finally:
        server.terminate()
        server.wait(timeout=30)
    kinds, _ = run([BIN, "crosstab", "--db", db, "--rows", "kind", "--cols", "district"])
    themes, _ = run([BIN, "crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
    print(f"\nworkbench (kartlagg serve) on {areas} areas, about {respondents:,} respondents, {len(cells)} shown cells")
    print(f"  {'GET / (overview), first':40}{cold:8.2f} s   {cold / (kinds + themes):.2f} × crosstab kind + theme "
          f"({kinds + themes:.2f} s)")
    print(f"  {'GET / again (kept until the data change)':40}{warm:8.2f} s")
    for name, n, shown, first, again, reference in answers:
        print(f"  {f'first {shown} answers, {name} (n {n})':40}{first:8.2f} s   {first / reference:.2f} × kartlagg query "
              f"--limit 50 ({reference:.2f} s); again {again:.2f} s")
    print(f"  {'a theme page (share by area, related)':40}{theme_page:8.2f} s")
    runs = ", ".join(f"{t:.2f}" for t in coding)
    label = "a coder's decision (POST /code), 4 runs"
    print(f"  {label:40}{max(coding):8.2f} s   at most ({runs})")
    print(f"  {'GET / after it (worked out again)':40}{after:8.2f} s")
    print(f"  {'server peak memory':40}{peak / 1024:8.0f} MB")


def main():
    if subprocess.run(["which", "sqlite3"], capture_output=True).returncode != 0:
        print("installing the sqlite3 shell (the benchmark's reference) …")
        subprocess.run("apt-get update -qq && apt-get install -y -qq sqlite3", shell=True, check=True)
    print("building kartlagg (release) …", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "kartlagg"], cwd=ROOT, check=True)
    DATA.mkdir(exist_ok=True)
    global BASELINE_BIN
    BASELINE_BIN = baseline_binary(BASELINE) if BASELINE else None
    only = os.environ.get("BENCH_ONLY")
    if only == "names":
        names_bench(names=int(os.environ.get("BENCH_NAMES", "5000")))
        return
    if only == "map":
        map_bench()
        return
    if only == "workbench":
        workbench_bench()
        return
    if only == "areas":
        many_areas_bench()
        return
    sizes = [int(n) for n in os.environ.get("BENCH_ROWS", "200000 1000000").split()]
    # Tagging and cross-tabs are measured on the first size's database.
    peaks = [bench(rows, tag=index == 0) for index, rows in enumerate(sizes)]
    many_areas_bench()
    map_bench()
    names_bench()
    workbench_bench()
    if len(peaks) > 1:
        print(f"\npeak memory: {' → '.join(f'{p / 1024:.0f} MB' for p in peaks)} "
              f"({'flat' if max(peaks) < 1.25 * min(peaks) else 'grows'} as the file grows)")


if __name__ == "__main__":
    main()
