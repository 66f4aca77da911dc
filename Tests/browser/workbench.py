#!/usr/bin/env python3
"""The workbench in a real browser (Debian's chromium and chromedriver, Python selenium): `kartlagg serve` on a small
database, the overview loaded, a heatmap cell clicked, its answers seen, one coded with the keyboard (j, then the
theme's digit: "not this theme"), and the count seen to change on the answers page and in the overview. The browser's
console must stay free of errors (a Content-Security-Policy violation is one).

    python3 Tests/browser/workbench.py test KARTLAGG_BINARY
    python3 Tests/browser/workbench.py screenshots KARTLAGG_BINARY DATABASE OUT_FOLDER

Exits 0 with a message when selenium, chromium or chromedriver is missing (make test installs them where it can)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def skip(why):
    print(f"workbench browser test skipped: {why}")
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip("no selenium (pip install selenium)")

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")


def run(binary, *arguments):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"kartlagg {' '.join(arguments)}: {result.stderr}")


def small_database(binary, folder):
    """Two areas: eight bus answers in Nätra, six broadband answers in Anundsjö, the sample codebook applied."""
    db = str(folder / "k.sqlite")
    run(binary, "districts", "load", "--db", db, str(ROOT / "SampleSurveys/districts.yaml"))
    (folder / "r.survey.yaml").write_text(
        "id: rost\ntitle: Röster\nkind: privatperson\nrespondent: { id: Nr, district: Område }\n"
        "questions:\n  - { id: tankar, column: Tankar, type: text }\n", encoding="utf-8")
    rows = [f"{i};Nätra;Bussen går för sällan, säger nummer {i}" for i in range(1, 9)]
    rows += [f"{i};Anundsjö;Bredbandet är för dåligt här, nummer {i}" for i in range(9, 15)]
    (folder / "r.csv").write_text("Nr;Område;Tankar\n" + "\n".join(rows) + "\n", encoding="utf-8")
    run(binary, "survey", "add", "--db", db, str(folder / "r.survey.yaml"))
    run(binary, "import", "--db", db, "--survey", "rost", str(folder / "r.csv"))
    run(binary, "codebook", "load", "--db", db, str(ROOT / "SampleSurveys/kodbok.yaml"))
    run(binary, "tag", "--db", db)
    return db


class Server:
    """`kartlagg serve --port 0`: the address it prints, and a clean stop (SIGTERM) at the end."""

    def __init__(self, binary, db, *extra):
        self.process = subprocess.Popen(
            [binary, "serve", "--db", db, "--port", "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            self.process.kill()
            raise SystemExit(f"kartlagg serve printed no address: {line!r} {self.process.stderr.read()}")
        self.url = match.group(1)

    def stop(self):
        self.process.terminate()
        out, _ = self.process.communicate(timeout=20)
        if self.process.returncode != 0 or "stopped" not in out:
            raise SystemExit(f"kartlagg serve did not stop cleanly: {self.process.returncode} {out!r}")


def browser(width=1280, height=900):
    if not CHROMIUM or not DRIVER:
        skip("no chromium or chromedriver (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def expect(condition, what):
    if not condition:
        raise SystemExit(f"workbench browser test failed: {what}")


def test(binary):
    with tempfile.TemporaryDirectory() as folder:
        db = small_database(binary, Path(folder))
        server = Server(binary, db)
        driver = browser()
        # A page being replaced after a form or a key: an element found on the old one may go stale; look again.
        # Chrome sometimes reports an element the page has just replaced as "Node with given id does not belong to the
        # document" (a plain WebDriverException) rather than as stale: the wait looks again; a real failure still ends
        # in its time-out.
        wait = WebDriverWait(
            driver, 20, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException, WebDriverException])
        try:
            driver.get(server.url)
            cell = wait.until(ready.presence_of_element_located(
                (By.CSS_SELECTOR, '#heatmap a[href*="theme=kollektivtrafik"][href*="area=N%C3%A4tra"]')))
            expect(": 8 av 8" in cell.get_attribute("title"), f"the bus cell counts 8 of 8: {cell.get_attribute('title')}")
            expect(not driver.find_elements(By.CSS_SELECTOR, "#heatmap td.hidden a"), "no hidden cell is a link")
            cell.click()
            wait.until(ready.presence_of_element_located((By.ID, "cell-count")))
            expect(driver.find_element(By.ID, "cell-count").text.startswith("8 respondenter"), "the cell's answers say 8")
            answers = driver.find_elements(By.CSS_SELECTOR, "li.answer")
            expect(len(answers) == 8, f"eight answers behind the cell, saw {len(answers)}")
            expect(answers[0].find_element(By.TAG_NAME, "mark").text.lower().startswith("buss"), "the matched word is marked")
            # The coder's name, asked once.
            name = driver.find_element(By.CSS_SELECTOR, 'form.coder input[name="coder"]')
            name.send_keys("Selenium")
            name.submit()
            wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.coder")))
            expect("Selenium" in driver.find_element(By.CSS_SELECTOR, "p.coder").text, "the coder's name is kept")
            # Keyboard coding: j to the first answer, then the digit of Kollektivtrafik: "not this theme". The digits
            # follow the answer's own themes first, then the keyed ones it lacks.
            keys = driver.find_element(By.CSS_SELECTOR, "p.keys").get_attribute("data-themes").split(" ")
            body = driver.find_element(By.TAG_NAME, "body")
            body.send_keys("j")
            first = driver.find_element(By.CSS_SELECTOR, "li.answer.current")
            own = [li.get_attribute("data-theme") for li in first.find_elements(By.CSS_SELECTOR, "ul.themes li")]
            expect("kollektivtrafik" in own, f"the bus answer carries its theme: {own}")
            order = own + [k for k in keys if k and k not in own]
            digit = str(order.index("kollektivtrafik") + 1)
            expect(digit == str(own.index("kollektivtrafik") + 1), "an answer's own theme has its own digit")
            coded = first.get_attribute("id")
            body.send_keys(digit)
            wait.until(lambda d: d.find_element(By.ID, "cell-count").text.startswith("7 respondenter"))
            expect(not driver.find_elements(By.ID, coded), "the answer left the cell once it is not the theme")
            note = driver.find_element(By.CSS_SELECTOR, "form.decision")
            expect("markerat som inte" in note.text, f"the page says what the key did: {note.text}")
            # Taken back: the answer is in the cell again.
            note.find_element(By.TAG_NAME, "button").click()
            wait.until(lambda d: d.find_element(By.ID, "cell-count").text.startswith("8 respondenter"))
            expect(driver.find_elements(By.ID, coded), "the answer is back once the decision is taken back")
            expect("Ångrat" in driver.find_element(By.CSS_SELECTOR, "p.decision").text, "the page says it was taken back")
            # The page comes back to the answer (it is the current one), and the key codes it again, for the counts below.
            current = driver.find_elements(By.CSS_SELECTOR, "li.answer.current")
            expect(current and current[0].get_attribute("id") == coded, "the answer taken back is the current one")
            driver.find_element(By.TAG_NAME, "body").send_keys(digit)
            wait.until(lambda d: d.find_element(By.ID, "cell-count").text.startswith("7 respondenter"))
            driver.get(server.url)
            cell = wait.until(ready.presence_of_element_located(
                (By.CSS_SELECTOR, '#heatmap a[href*="theme=kollektivtrafik"][href*="area=N%C3%A4tra"]')))
            expect(": 7 av 8" in cell.get_attribute("title"), f"the overview counts 7 now: {cell.get_attribute('title')}")
            cell.click()
            wait.until(lambda d: d.find_element(By.ID, "cell-count").text.startswith("7 respondenter"))
            errors = console_errors(driver)
            expect(not errors, f"the browser's console has errors: {errors}")
            # A page elsewhere reaching for 127.0.0.1 under another name (DNS rebinding) is refused.
            import http.client
            from urllib.parse import urlparse
            address = urlparse(server.url)
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
            connection.request("GET", "/", headers={"Host": "evil.example"})
            expect(connection.getresponse().status == 403, "a foreign Host is refused")
        finally:
            driver.quit()
            server.stop()
        print("workbench browser test: overview → cell → answers → coded by key → counts changed: ok")
        area_filter(binary, Path(folder))


def area_filter(binary, folder):
    """Forty generated areas (make_large.py): the heatmap's rows narrow to the areas whose name holds what is typed,
    their group's heading with them, the whole municipality always."""
    data = folder / "large"
    subprocess.run([sys.executable, str(ROOT / "SampleSurveys/tools/make_large.py"), str(data), "40"], check=True, capture_output=True)
    db = str(data / "k.sqlite")
    run(binary, "districts", "load", "--db", db, str(data / "omraden.yaml"))
    run(binary, "survey", "add", "--db", db, str(data / "boende-stor.survey.yaml"))
    run(binary, "import", "--db", db, "--survey", "boende-stor", str(data / "boende-stor.csv"))
    run(binary, "codebook", "load", "--db", db, str(ROOT / "SampleSurveys/kodbok.yaml"))
    run(binary, "tag", "--db", db)
    server = Server(binary, db, "--meeting")
    driver = browser()
    try:
        driver.get(server.url)
        field = WebDriverWait(driver, 20).until(ready.presence_of_element_located((By.ID, "area-filter")))
        rows = driver.find_elements(By.CSS_SELECTOR, "#heatmap tbody tr")
        expect(len([r for r in rows if r.is_displayed()]) > 40, f"every area shown at first: {len(rows)} rows")
        field.send_keys("bjä")
        shown = [r.find_element(By.TAG_NAME, "th").text for r in rows if r.is_displayed()]
        expect(any(name.startswith("Hela kommunen") for name in shown), f"the whole stays: {shown}")
        areas = [name for name in shown if not name.startswith("Hela kommunen")]
        expect(any(name.startswith("Bjästa") for name in areas), f"Bjästa is found: {shown}")
        expect(all("bjä" in name.lower() or name in ("Norra kustlandet", "Södra kustlandet", "Inlandet", "Övriga områden")
                   for name in areas), f"only areas holding 'bjä' and their group: {shown}")
        expect(len(areas) <= 3, f"the rest are hidden: {shown}")
        field.clear()
        field.send_keys(" ")
        expect(len([r for r in rows if r.is_displayed()]) == len(rows), "cleared, every row is back")
        errors = console_errors(driver)
        expect(not errors, f"the browser's console has errors: {errors}")
    finally:
        driver.quit()
        server.stop()
    print("workbench browser test: 40 areas → the area filter finds Bjästa: ok")


def screenshots(binary, db, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    server = Server(binary, db)
    driver = browser(1280, 1000)
    try:
        driver.get(server.url)
        WebDriverWait(driver, 20).until(ready.presence_of_element_located((By.ID, "heatmap")))
        driver.save_screenshot(str(out / "workbench-overview.png"))
        link = driver.find_element(By.CSS_SELECTOR, '#heatmap a[href*="theme=nararbetsplatser"]')
        link.click()
        WebDriverWait(driver, 20).until(ready.presence_of_element_located((By.ID, "cell-count")))
        name = driver.find_element(By.CSS_SELECTOR, 'form.coder input[name="coder"]')
        name.send_keys("Anna")
        name.submit()
        WebDriverWait(driver, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.coder")))
        driver.find_element(By.TAG_NAME, "body").send_keys("j")
        driver.save_screenshot(str(out / "workbench-coding.png"))
    finally:
        driver.quit()
        server.stop()
    print(f"screenshots: {out / 'workbench-overview.png'} and {out / 'workbench-coding.png'}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "test":
        test(sys.argv[2])
    elif len(sys.argv) >= 5 and sys.argv[1] == "screenshots":
        screenshots(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        raise SystemExit(__doc__)
