#!/usr/bin/env python3
"""make stress: kartlagg under faults, load and hostile sizes. Bounded (STRESS_ROUNDS, default 12; large inputs of
STRESS_MB, default 200) and never part of CI. Every check prints a line; any failure exits 1.

1. The kill loop: SIGKILL at a random moment of `import`, `tag` and `report`; after each kill the database passes
   `status --verify`, holds either none or all of the killed import's rows, and the report's folder holds no
   staging folder or half a set once the next report has run.
2. Concurrent writers: two imports and a tag run at once, all succeed (the later ones wait and say so), and a
   reader runs meanwhile without waiting.
3. Large inputs: a line of STRESS_MB without a newline, a 100,000-column header, one cell of STRESS_MB: each is
   refused with a one-line error in bounded time and memory (peak RSS printed), the database unchanged.
4. Workbook bombs: XLSX files of a megabyte or so whose sheet inflates to STRESS_BOMB_MB (default 1024) of one cell,
   of whitespace, of empty rows and of rows: each refused or read within its limits in seconds, under 200 MB, the
   database unchanged.
5. Long texts: STRESS_LONG_ROWS (default 150) respondents whose two free texts are interview notes near the 1 MB cell
   limit: import, tagging (with the term index), the overview, theme and district reports and `terms` each stay under
   200 MB, and every note arrives whole. Then a workbook as Excel saves it, 6,000 notes near Excel's cell limit in
   its shared strings (about 170 MB of text): imported under 200 MB, every note whole, no temporary file left."""
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "kartlagg"
SAMPLES = ROOT / "SampleSurveys"
WORK = ROOT / "bench-data" / "stress"
DB = WORK / "k.sqlite"
ROUNDS = int(os.environ.get("STRESS_ROUNDS", "12"))
MEGABYTES = int(os.environ.get("STRESS_MB", "200"))
failures = 0


def kartlagg(*args, check=True):
    result = subprocess.run([str(BIN), *map(str, args), "--db", str(DB)], capture_output=True, text=True, cwd=WORK)
    if check and result.returncode != 0:
        fail(f"kartlagg {' '.join(map(str, args))}: {result.stderr.strip()}")
    return result


def fail(message):
    global failures
    failures += 1
    print(f"FAILED {message}")


def ok(message):
    print(f"ok     {message}")


def respondents():
    out = kartlagg("status", "--format", "json").stdout
    import json
    return json.loads(out)["respondents"] if out else -1


def fresh():
    for path in WORK.glob("k.sqlite*"):
        path.unlink()
    kartlagg("districts", "load", SAMPLES / "districts.yaml")
    kartlagg("survey", "add", SAMPLES / "foretag-2025.survey.yaml")
    kartlagg("import", "--survey", "foretag-2025", SAMPLES / "foretag-2025.csv")
    kartlagg("codebook", "load", SAMPLES / "kodbok.yaml")
    kartlagg("tag")


def big_export(rows):
    """The sample companies repeated under new ids: an import long enough to be killed halfway."""
    lines = (SAMPLES / "foretag-2025.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    header, body = lines[0], [line for line in lines[1:] if line.startswith("F")]
    out = [header]
    for i in range(rows):
        line = body[i % len(body)]
        out.append(f"S{i}" + line[line.index(";"):])
    path = WORK / "stor.csv"
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("utf-8"))
    return path


def kill_loop():
    fresh()
    export = big_export(20000)
    base = respondents()
    for round_ in range(ROUNDS):
        command, delay = random.choice([
            (["import", "--survey", "foretag-2025", export], random.uniform(0.2, 3)),
            (["tag"], random.uniform(0.05, 1)),
            (["report", "--kind", "overview", "--out", WORK / "r" / "oversikt.md", "--html"], random.uniform(0.05, 1.5)),
        ])
        (WORK / "r").mkdir(exist_ok=True)
        process = subprocess.Popen([str(BIN), *map(str, command), "--db", str(DB)], cwd=WORK,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        verify = kartlagg("status", "--verify", check=False)
        count = respondents()
        if verify.returncode != 0:
            fail(f"after killing {command[0]} at {delay:.2f} s: {verify.stdout.strip()}")
        elif count not in (base, base + 20000):
            fail(f"after killing {command[0]} at {delay:.2f} s: {count} respondents (expected {base} or {base + 20000})")
        else:
            ok(f"killed {command[0]} at {delay:.2f} s: database sound, {count} respondents")
        if count != base and command[0] == "import":
            base = count
    kartlagg("report", "--kind", "overview", "--out", WORK / "r" / "oversikt.md", "--html")
    leftovers = [p.name for p in (WORK / "r").iterdir() if p.name.startswith(".")]
    (fail if leftovers else ok)(f"report folder after the next run: {leftovers or 'no staging folders left'}")


def concurrent_writers():
    fresh()
    exports = []
    for n in range(2):
        path = big_export(8000 + n)
        exports.append(path.rename(WORK / f"stor-{n}.csv"))
    processes = [subprocess.Popen([str(BIN), "import", "--survey", "foretag-2025", str(p), "--db", str(DB)], cwd=WORK,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in exports]
    processes.append(subprocess.Popen([str(BIN), "tag", "--db", str(DB)], cwd=WORK, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    time.sleep(0.3)
    start = time.perf_counter()
    reader = kartlagg("status")
    waited = time.perf_counter() - start
    (ok if reader.returncode == 0 and waited < 2 else fail)(f"a reader during three writers: {waited:.2f} s")
    for process in processes:
        out, err = process.communicate()
        (ok if process.returncode == 0 else fail)(
            f"concurrent {process.args[1]}: exit {process.returncode}{' (waited, and said so)' if 'waiting' in err else ''}"
            + (f": {err.strip()}" if process.returncode else ""))
    verify = kartlagg("status", "--verify", check=False)
    (ok if verify.returncode == 0 else fail)("after concurrent writers: status --verify")


def large_inputs():
    fresh()
    before = dump()
    mb = MEGABYTES * 1024 * 1024
    cases = {
        "one line without a newline": lambda f: [f.write(b"Nr;" + b"x" * 1024 * 1024) for _ in range(MEGABYTES)],
        "a 100,000-column header": lambda f: f.write((";".join(f"k{i}" for i in range(100000)) + "\r\n1\r\n").encode()),
        "one cell of the whole size": lambda f: (f.write(b"Nr;Idee\r\n1;\""), [f.write(b"y" * 1024 * 1024) for _ in range(MEGABYTES)], f.write(b"\"\r\n")),
    }
    for name, write in cases.items():
        path = WORK / "stor-indata.csv"
        with open(path, "wb") as f:
            write(f)
        for command in (["import", "--survey", "foretag-2025", path], ["survey", "infer", path]):
            start = time.perf_counter()
            process = subprocess.Popen([str(BIN), *map(str, command), *(["--db", str(DB)] if command[0] == "import" else [])],
                                       cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            err = process.stderr.read().decode()
            lines = [line for line in err.splitlines() if line.strip()]
            good = status != 0 and len(err) < 2000 and seconds < 120
            (ok if good else fail)(f"{name}, {command[0]}: exit {status >> 8}, {seconds:.1f} s, peak {usage.ru_maxrss // 1024} MB, "
                                   f"{len(err)} bytes of message: {lines[0][:160] if lines else ''}")
        path.unlink()
    (ok if dump() == before else fail)("database unchanged by the refused files")
    del mb


BOMB_MEGABYTES = int(os.environ.get("STRESS_BOMB_MB", "1024"))
WORKBOOK_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                           'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                           'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                       '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                       '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                                  'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                                  'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def bomb(path, middle):
    """An XLSX whose sheet holds a header row, then `middle` (chunks of bytes, streamed into the deflater), then a row."""
    import zipfile
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Idéer</t></is>'
            '</c></row>').encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head)
            for chunk in middle():
                sheet.write(chunk)
            sheet.write(b'<row><c t="inlineStr"><is><t>2</t></is></c></row></sheetData></worksheet>')


def workbook_bombs():
    fresh()
    before = dump()
    megabyte = 1024 * 1024
    cases = {
        "one cell": lambda: [b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>']
        + [b"y" * megabyte] * BOMB_MEGABYTES + [b"</t></is></c></row>"],
        "whitespace": lambda: (b" " * megabyte for _ in range(BOMB_MEGABYTES)),
        "empty rows": lambda: (b"<row/>" * (megabyte // 6) for _ in range(BOMB_MEGABYTES)),
        "rows": lambda: (b'<row><c><v>1</v></c><c t="inlineStr"><is><t>Mer bredband</t></is></c></row>' * (megabyte // 70)
                         for _ in range(BOMB_MEGABYTES)),
    }
    for name, middle in cases.items():
        path = WORK / "bomb.xlsx"
        bomb(path, middle)
        size = path.stat().st_size / megabyte
        start = time.perf_counter()
        process = subprocess.Popen([str(BIN), "import", "--survey", "foretag-2025", str(path), "--db", str(DB)], cwd=WORK,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        err = process.stderr.read().decode()
        lines = [line for line in err.splitlines() if line.strip()]
        peak = usage.ru_maxrss // 1024
        good = len(err) < 2000 and seconds < 60 and peak < 200
        (ok if good else fail)(f"a {size:.1f} MB workbook of {BOMB_MEGABYTES} MB of {name}: exit {status >> 8}, {seconds:.1f} s, "
                               f"peak {peak} MB: {lines[0][:200] if lines else ''}")
        path.unlink()
    (ok if dump() == before else fail)("database unchanged by the workbook bombs")


LONG_ROWS = int(os.environ.get("STRESS_LONG_ROWS", "150"))


def measured(*args):
    """Runs kartlagg on the database; returns (exit status, seconds, peak MB, stderr)."""
    start = time.perf_counter()
    process = subprocess.Popen([str(BIN), *map(str, args), "--db", str(DB)], cwd=WORK, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    return status >> 8, time.perf_counter() - start, usage.ru_maxrss // 1024, process.stderr.read().decode()


def long_texts():
    """Interview notes near the cell limit: every step reads them a bounded number of bytes at a time."""
    fresh()
    kartlagg("survey", "add", ROOT / "Benchmarks" / "bench.survey.yaml")
    subprocess.run([sys.executable, ROOT / "Benchmarks" / "codebooks.py", WORK], check=True)
    kartlagg("codebook", "load", WORK / "bench20.yaml")
    words = ("bredband fiber buss förening närarbetsplats kommun skola vinter väg snöröjning styrelse bygd och i att det "
             "som en på är för med till av inte har vi").split()
    path = WORK / "anteckningar.csv"
    notes = []
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Nr;Område;Serviceort;Datum;Bransch;Anställda;Nöjd med bredband (1-5);Behov;Utmaningar;Idéer;Övrigt\r\n")
        for row in range(LONG_ROWS):
            note = " ".join(random.choice(words) for _ in range(150_000))[:1_000_000 - 100]
            notes.append(hashlib.sha256(note.encode()).hexdigest())  # not the notes: a child's peak counts this process
            f.write(f"{row + 1};Nätra;;2025-03-01;Handel;3;4;Bredband;{note};{note[:400_000]};\r\n")
    size = path.stat().st_size / 1024 / 1024
    steps = [("import", ["import", "--survey", "bench", path]), ("tag", ["tag", "--codebook", "bench20"]),
             ("overview", ["report", "--kind", "overview", "--codebook", "bench20", "--out", WORK / "o.md", "--html"]),
             ("theme report", ["report", "--theme", "t008", "--codebook", "bench20", "--out", WORK / "t.md", "--html"]),
             ("district report", ["report", "--kind", "district", "--district", "Nätra", "--codebook", "bench20", "--out",
                                  WORK / "d.md", "--html"]),
             ("terms", ["terms", "--by", "district"])]
    for name, args in steps:
        status, seconds, peak, err = measured(*args)
        good = status == 0 and peak < 200
        (ok if good else fail)(f"{LONG_ROWS} respondents' notes ({size:.0f} MB), {name}: exit {status}, {seconds:.1f} s, "
                               f"peak {peak} MB{': ' + err.strip()[:200] if status else ''}")
    stored = stored_digests(["utmaningar"])
    (ok if stored == notes else fail)(f"every note stored whole ({len(stored)} of {len(notes)})")
    path.unlink()


def stored_digests(questions):
    """The SHA-256 digests of the bench survey's answers to `questions`, respondent by respondent in question order."""
    import sqlite3
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    marks = ", ".join("?" for _ in questions)
    try:
        return [hashlib.sha256(raw.encode()).hexdigest() for (raw,) in db.execute(
            "SELECT a.raw FROM answer a JOIN question q ON q.key = a.questionKey WHERE q.surveyId = 'bench' "
            f"AND q.id IN ({marks}) ORDER BY a.respondentId, q.position", questions)]
    finally:
        db.close()


def shared_strings_workbook():
    """A workbook as Excel saves it (a shared-strings table) of 3,000 respondents whose two notes are each near
    Excel's 32,767-character cell limit, about 170 MB of shared text: imported under 200 MB (the table past 64 MB
    waits in a temporary file), every note arriving whole, and no temporary file left behind. Written by another
    process: a child's peak counts this one's memory until it starts kartlagg."""
    fresh()
    kartlagg("survey", "add", ROOT / "Benchmarks" / "bench.survey.yaml")
    shared = WORK / "anteckningar.xlsx"
    subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate_xlsx.py", "--notes", "3000", shared], check=True)
    digests = Path(f"{shared}.sha256")
    notes = digests.read_text().split()
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("kartlagg-strings-*"))
    status, seconds, peak, err = measured("import", "--survey", "bench", shared)
    (ok if status == 0 and peak < 200 else fail)(
        f"a shared-strings workbook of 6,000 notes ({shared.stat().st_size / 1e6:.0f} MB zipped): exit {status}, "
        f"{seconds:.1f} s, peak {peak} MB{': ' + err.strip()[:200] if status else ''}")
    stored = stored_digests(["utmaningar", "ideer"])
    (ok if stored == notes else fail)(f"every note of the workbook stored whole ({len(stored)} of {len(notes)})")
    left = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("kartlagg-strings-*")) - before
    (ok if not left else fail)(f"no temporary file left behind ({len(left)})")
    shared.unlink()
    digests.unlink()


def dump():
    import sqlite3
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


if __name__ == "__main__":
    if not BIN.exists():
        sys.exit("build first: swift build -c release")
    WORK.mkdir(parents=True, exist_ok=True)
    random.seed(int(os.environ.get("STRESS_SEED", "1")))
    if os.environ.get("STRESS_ONLY") == "bombs":
        workbook_bombs()
    elif os.environ.get("STRESS_ONLY") == "long":
        long_texts()
        shared_strings_workbook()
    else:
        kill_loop()
        concurrent_writers()
        large_inputs()
        workbook_bombs()
        long_texts()
        shared_strings_workbook()
    print(f"\n{'all checks passed' if failures == 0 else f'{failures} checks failed'}")
    sys.exit(1 if failures else 0)
