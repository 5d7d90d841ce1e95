"""The review desk: HTTP refusals with Flask's test client, and the whole review in Debian's
Chromium driven by Selenium (screenshots of each step go to output/desk-screenshots/)."""

from __future__ import annotations

import io
import json
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.desk import create_app
from briefs.ingest import ingest
from briefs.store import Store

from conftest import ROOT, SEEDS, stored

SHOTS = ROOT / "output" / "desk-screenshots"


@pytest.fixture()
def desk_settings(tmp_path: Path):
    db = tmp_path / "corpus.db"
    with Store(db) as store:
        ingest(store, [SEEDS])
    return load_settings(db=db, out=tmp_path / "out", today="2026-01-05")


@pytest.fixture()
def client(desk_settings):
    app = create_app(desk_settings)
    app.testing = False  # errors go through the desk's own pages, as in use
    return app.test_client()


def _built(client, query: str):
    for _ in range(400):
        response = client.get(f"/brief?{query}")
        if response.status_code != 202:
            return response
        time.sleep(0.05)
    raise AssertionError("the build did not finish")


def test_refusals_are_pages_with_their_reason(client) -> None:
    r = client.get("/brief?country=Narnia")
    assert r.status_code == 404 and b"unknown country" in r.data
    r = client.get("/brief?country=Cambodia&since=yesterday")
    assert r.status_code == 400 and b"since must be a date" in r.data
    assert client.get("/brief").status_code == 400
    assert client.get("/?sort=password").status_code == 400
    assert client.get("/?search=%22unbalanced").status_code == 400
    r = client.get("/cite?country=Cambodia&source=S1&text=x")
    assert r.status_code == 404
    assert b"Traceback" not in r.data


def test_state_changes_need_the_forms_token(client) -> None:
    r = client.post("/curate", data={"country": "Cambodia", "kind": "reset"})
    assert r.status_code == 403
    assert client.get("/curate").status_code == 405  # only POST changes anything


def test_downloads_are_only_files_the_desk_wrote(client) -> None:
    assert _built(client, "country=Cambodia").status_code == 200
    r = client.get("/download/docx?country=Cambodia")
    assert r.status_code == 200 and r.data[:2] == b"PK"
    assert "cambodia.docx" in r.headers["Content-Disposition"]
    for bad in (
        "/download/..%2F..%2Fetc%2Fpasswd?country=Cambodia",
        "/download/../../etc/passwd?country=Cambodia",
        "/download/txt?country=Cambodia",
        "/download/pdf?country=Thailand",
    ):
        assert client.get(bad).status_code == 404, bad


def test_source_text_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        "Border <script>alert(1)</script> report\n\n"
        "Cambodia and Thailand said <b>talks</b> would resume on Monday, and officials in "
        "Phnom Penh said 1,200 families had returned <img src=x onerror=alert(1)>.\n",
        "utf-8",
    )
    db = stored(folder)
    client = create_app(load_settings(db=db, out=tmp_path / "out")).test_client()
    page = client.get("/").data.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    brief = _built(client, "country=Cambodia").data.decode()
    assert "<img src=x" not in brief and "<b>talks</b>" not in brief


def test_a_server_error_shows_no_traceback(desk_settings, monkeypatch) -> None:
    app = create_app(desk_settings)
    import briefs.desk as desk

    monkeypatch.setattr(desk, "open_corpus", lambda db: (_ for _ in ()).throw(KeyError("x")))
    r = app.test_client().get("/")
    assert r.status_code == 500 and b"internal error" in r.data and b"KeyError" not in r.data


# -- in a real browser ----------------------------------------------------------------------


def _browser():
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip(
            "Debian's chromium and chromium-driver are not installed (.ci/run installs them)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


@pytest.fixture()
def served(desk_settings):
    from waitress import create_server

    server = create_server(create_app(desk_settings), host="127.0.0.1", port=0, threads=4)
    port = server.effective_port
    running = threading.Event()
    running.set()

    def serve() -> None:
        # The loop stops before the socket closes: closing it under a running select() is
        # the "Bad file descriptor" a test run would otherwise print at teardown.
        while running.is_set():
            server.asyncore.loop(timeout=0.1, map=server._map, count=1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", desk_settings
    running.clear()
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()
    server.close()


def _wait(browser, css: str, timeout: float = 60):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def _curate(browser, button) -> None:
    """Click a curation button and wait for the rebuilt brief (the old page goes stale first:
    reading it meanwhile would race the reload)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    old = browser.find_element(By.ID, "brief")
    button.click()
    WebDriverWait(browser, 60).until(ec.staleness_of(old))
    _wait(browser, "#brief #sec-key-points")


def _key_points(browser) -> list[str]:
    from selenium.webdriver.common.by import By

    heading = browser.find_element(By.ID, "sec-key-points")
    items = heading.find_element(By.XPATH, "following-sibling::ul[1]")
    return [li.text for li in items.find_elements(By.TAG_NAME, "li")]


def test_review_a_brief_in_the_browser(served) -> None:
    from selenium.webdriver.common.by import By

    base, settings = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser = _browser()
    try:
        browser.get(base + "/")
        table = _wait(browser, "#documents")
        assert "Hun Sen: Lend the Junta No Legitimacy" in table.text
        browser.save_screenshot(str(SHOTS / "1-corpus.png"))

        browser.get(base + "/brief?country=Cambodia")
        _wait(browser, "#brief #sec-key-points")
        browser.save_screenshot(str(SHOTS / "2-brief.png"))

        # A citation opens its source sentence, highlighted, beside the brief.
        marker = browser.find_element(By.CSS_SELECTOR, "#brief ul li a[href^='#ref-S']")
        marker.click()
        mark = _wait(browser, "#panel mark")
        assert len(mark.text) > 40
        first = _key_points(browser)[0]
        # The key point may be the quote trimmed of a connective ("Yet, amidst" -> "Amidst").
        assert first[1:40] in mark.text
        browser.save_screenshot(str(SHOTS / "3-citation.png"))

        # Exclude the first key point: gone from the rebuilt brief and from the DOCX.
        excluded = first.split(" [")[0].split("exclude")[0].strip()[:60]
        _curate(browser, browser.find_element(By.CSS_SELECTOR, "#brief ul li .exclude_sentence"))
        assert excluded not in browser.find_element(By.ID, "brief").text
        browser.save_screenshot(str(SHOTS / "4-excluded.png"))
        import docx

        data = urllib.request.urlopen(base + "/download/docx?country=Cambodia").read()
        text = " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert excluded not in text and "Cambodia" in text
        # The command line now leaves it out too: one curation for the scope.
        cli = build_brief(
            load_settings(
                db=settings.db,
                out=settings.out / "cli",
                country="Cambodia",
                formats=("json",),
                today="2026-01-05",
            )
        )
        quotes = json.dumps(json.loads(cli.paths[0].read_text("utf-8"))["sections"])
        assert excluded not in quotes

        # Pin a sentence from a theme: it becomes a key point.
        themes = browser.find_elements(By.CSS_SELECTOR, "#brief h2 ~ p .pin, #brief h2 ~ ul .pin")
        candidates = [
            b
            for b in themes
            if b.find_element(By.XPATH, "../..").text not in "\n".join(_key_points(browser))
        ]
        target = candidates[-1]
        pinned = target.find_element(By.XPATH, "../..").text.split(" [")[0][:50]
        _curate(browser, target)
        assert any(pinned in k for k in _key_points(browser)), pinned

        from pypdf import PdfReader

        pdf = urllib.request.urlopen(base + "/download/pdf?country=Cambodia").read()
        pdf_text = " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
        )
        assert pinned[:30] in pdf_text and excluded[:40] not in pdf_text

        browser.get(base + "/digest?week=2025-W52")
        digest = _wait(browser, "#digest")
        assert "Cambodia" in digest.text
        browser.save_screenshot(str(SHOTS / "5-digest.png"))
        browser.find_element(By.ID, "reset").click() if browser.find_elements(
            By.ID, "reset"
        ) else None
    finally:
        browser.quit()


def test_the_desk_answers_while_a_brief_builds(served) -> None:
    base, _ = served
    started = urllib.request.urlopen(base + "/brief?country=Myanmar")
    assert started.status in (200, 202)
    t = time.perf_counter()
    page = urllib.request.urlopen(base + "/").read()
    assert b"documents" in page and time.perf_counter() - t < 5
