"""Reliability: bad input, fuzzing, faults, hostile content, concurrency, no network.

Damaged files are tried one kind at a time beside good ones; every good file must still be
ingested and every bad one named with its reason. Counts are in the README's "Limits and
guarantees".
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefs import build_brief, load_settings
from briefs.document import parse
from briefs.errors import ReadError, RenderError
from briefs.extract.dates import find_dates
from briefs.extract.figures import find_figures
from briefs.ingest import ingest
from briefs.readers.clean import collapse, drop_furniture, normalise
from briefs.readers.text import decode, document_from_text
from briefs.store import Store
from briefs.templating import md_escape
from briefs.writers import html as html_writer
from briefs.writers import markdown as md_writer

from conftest import FIXTURES, SEEDS, UNGD, stored

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
GOOD = ["001_edf224c737593895.txt", "003_14141caa1f55aa04.txt"]


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in GOOD:
        shutil.copy(SEEDS / name, inbox / name)
    return inbox


# -- bad input --------------------------------------------------------------------------------


def test_every_kind_of_damaged_file_beside_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path)
    shutil.copytree(FIXTURES / "damaged", inbox / "damaged")
    (inbox / "one-line.txt").write_bytes(b"word " * (21 * 1024 * 1024))  # ~100 MB, one line
    (inbox / "hostile.html").write_text(
        "<html><head><script>alert(1)</script><style>p{}</style></head><body>"
        + "&amp;&lt;&gt;&#x1F600;&nbsp;" * 2000
        + "<script>document.write('x')</script>"
        "</body></html>",
        "utf-8",
    )
    (inbox / "invalid-utf8.txt").write_bytes(
        b"Ceasefire talks \xff\xfa resumed in Chanthaburi \xc3\x28 on Wednesday, officials "
        b"said, and both sides agreed to meet again.\n"
    )
    (inbox / "loop").mkdir()
    os.symlink(inbox / "loop", inbox / "loop" / "again")
    weird = inbox / "报告\nrapport.txt"
    weird.write_text("Thai and Cambodian officials met again to discuss the border.\n", "utf-8")
    vanishing = inbox / "vanishing.txt"
    vanishing.write_text("This file is removed while the ingest runs.\n", "utf-8")

    import briefs.ingest as ingest_module

    real_parse = ingest_module._parse

    def vanish_then_parse(job):  # the file goes between discovery and reading
        if job.path.name == "vanishing.txt":
            job.path.unlink()
        return real_parse(job)

    monkeypatch.setattr(ingest_module, "_parse", vanish_then_parse)
    with Store(tmp_path / "c.db") as store:
        result = ingest(store, [inbox], workers=1)
    added = set(result.added)
    assert set(GOOD) <= added and "invalid-utf8.txt" in added and "报告\nrapport.txt" in added
    skipped = dict(result.skipped)
    for name in os.listdir(FIXTURES / "damaged"):
        assert f"damaged/{name}" in skipped, name
    assert "a line longer than" in skipped["one-line.txt"]
    assert "vanishing.txt" in skipped
    # A page of entities and scripts has no article: skipped, with that reason.
    assert "no article text" in skipped["hostile.html"]
    assert all("\n" not in reason for reason in skipped.values())


def test_cli_names_each_bad_file_on_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefs.cli import main

    inbox = _inbox(tmp_path)
    shutil.copytree(FIXTURES / "damaged", inbox / "damaged")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "--db", str(tmp_path / "c.db")])
    # Every readable file went in: the damaged ones are warnings, and cron's next step runs.
    assert result.exit_code == 0 and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(lines) == len(os.listdir(FIXTURES / "damaged"))


# -- fuzzing ------------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_any_bytes(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except ReadError:
        return
    assert isinstance(text, str)


@FUZZ
@given(st.text(max_size=1500))
def test_text_reader_any_text(text: str) -> None:
    try:
        doc = document_from_text("fuzz.txt", text)
    except ReadError:
        return
    # Every paragraph is a stretch of the (normalised) input: only whitespace and the hyphens
    # of mended line breaks may differ.
    flat = "".join(drop_furniture(normalise(text)).split()).replace("-", "")
    title = [] if doc.title == "fuzz" else [doc.title]  # no title line: the file's name
    for p in [*title, *doc.paragraphs]:
        assert "".join(p.split()).replace("-", "") in flat


_NUMBERISH = st.lists(
    st.sampled_from(
        list("0123456789,.% $-–()")
        + [
            " people",
            " million",
            " per cent",
            " of the",
            " to ",
            " more than ",
            " USD ",
            " January ",
            " 2024",
            " Monday",
            "th",
            " killed",
            " km",
        ]
    ),
    max_size=30,
).map("".join)


@FUZZ
@given(st.one_of(st.text(max_size=300), _NUMBERISH))
def test_figures_come_from_their_sentence(sentence: str) -> None:
    for f in find_figures(sentence):
        assert f.text in sentence
        digits = [
            d.replace(",", "") for d in __import__("re").findall(r"\d[\d,]*(?:\.\d+)?", f.text)
        ]
        assert digits, f.text
        if f.value is not None:
            assert any(
                abs(float(d) * m - f.value) < 1e-6 * max(1, f.value)
                for d in digits
                for m in (1, 1e3, 1e6, 1e9, 1e12)
            )


@FUZZ
@given(
    st.one_of(st.text(max_size=300), _NUMBERISH),
    st.sampled_from([None, "2024", "2024-03", "2025-12-23"]),
)
def test_dates_come_from_their_sentence(sentence: str, doc_date: str | None) -> None:
    import datetime as dt

    for d in find_dates(sentence, doc_date):
        assert d.text in sentence
        parts = [int(p) for p in d.date.split("-")]
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@FUZZ
@given(st.text(max_size=200))
def test_source_text_stays_text_through_markdown(text: str) -> None:
    blocks = parse(f"{md_escape(text)}\n")
    expected = collapse(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text))
    assert collapse(" ".join(b.text for b in blocks)) == expected


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.text(max_size=120))
def test_writers_take_any_text(tmp_path_factory, text: str) -> None:
    from briefs.sample import sample_brief
    from briefs.writers import docx as docx_writer
    from briefs.writers import pdf as pdf_writer

    tmp = tmp_path_factory.mktemp("w")
    cell = md_escape(text).replace("|", "")
    md = (
        f"# Title\n\n{md_escape(text)} [@S1]\n\n- {md_escape(text)}\n\n"
        f"| a | b |\n|---|---|\n| {cell} | x |\n"
    )
    blocks = parse(md)
    brief = sample_brief()
    docx_writer.write(blocks, brief, tmp / "f.docx")
    pdf_writer.write(blocks, brief, tmp / "f.pdf")
    assert PdfReader(str(tmp / "f.pdf")).pages
    assert docx.Document(str(tmp / "f.docx")).paragraphs
    html_writer.render(blocks, brief)
    md_writer.render(blocks)


# -- faults -------------------------------------------------------------------------------------


@pytest.mark.skipif(not UNGD.is_dir(), reason="needs the UN corpus as a larger folder")
def test_kill_during_ingest_leaves_a_consistent_store_and_a_rerun_finishes(tmp_path: Path):
    db = tmp_path / "c.db"
    script = textwrap.dedent(f"""
        from pathlib import Path
        import briefs.ingest
        from briefs.store import Store
        briefs.ingest.BATCH = 5  # small transactions, so the kill lands between commits
        with Store(Path({str(db)!r})) as store:
            briefs.ingest.ingest(store, [Path({str(UNGD)!r})], workers=1)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.time() + 60
    killed_at = None
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(db, timeout=1)
            n = con.execute("SELECT count(*) FROM files").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if n >= 20:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_at = n
            break
    assert killed_at is not None, "the ingest finished before it could be killed"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.execute("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')")
    orphans = con.execute(
        "SELECT count(*) FROM documents WHERE file NOT IN (SELECT path FROM files)"
    ).fetchone()[0]
    assert orphans == 0
    con.close()
    with Store(db) as store:
        result = ingest(store, [UNGD])
        assert len(result.unchanged) >= killed_at
        assert len(result.added) > 0, "the kill came after the last file"
        assert len(result.added) + len(result.unchanged) == 264
        rows = store.conn.execute("SELECT count(*), count(DISTINCT file) FROM documents")
        assert tuple(rows.fetchone()) == (264, 264)


def test_full_disk_gives_a_clear_message(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.write_text

    def full(self: Path, *args, **kwargs):
        if self.parent == tmp_path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(RenderError, match="cannot write .*cambodia.json.*No space left on device"):
        build_brief(load_settings(db=seed_db, out=tmp_path, country="Cambodia", formats=("json",)))
    assert list(tmp_path.iterdir()) == []  # the temporary file went too


def test_interrupted_write_leaves_no_half_file(tmp_path: Path) -> None:
    from briefs.writers import atomic_write

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the previous, complete file")

    def crash(tmp: Path) -> None:
        tmp.write_bytes(b"half a PDF")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, crash)
    assert target.read_bytes() == b"the previous, complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


# -- hostile content ----------------------------------------------------------------------------

HOSTILE = (
    "Officials in Phnom Penh said <font color=red>1,200 families</font> & aid "
    "agencies <![CDATA[ x ]]> waited, while {{ 7*7 }} and {% include '/etc/passwd' %} "
    "stayed text, "
    "\u202eevil\u202c and a bell\x07 too."
)


def test_hostile_source_text_is_text_in_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        f"Hostile report\n\n{HOSTILE}\n\n"
        "Cambodia and Thailand agreed to keep talking about the "
        "border after the meeting in Phnom Penh.\n",
        "utf-8",
    )
    db = stored(folder)
    built = build_brief(
        load_settings(
            db=db,
            out=tmp_path / "out",
            country="Cambodia",
            formats=("md", "html", "docx", "pdf", "json"),
        )
    )
    paths = {p.suffix: p for p in built.paths}
    md = paths[".md"].read_text("utf-8")
    html = paths[".html"].read_text("utf-8")
    assert "{{ 7\\*7 }}" in md or "{{ 7*7 }}" in md
    assert "49" not in md.split("## Sources")[0]
    assert "&lt;font color=red&gt;" in html and "<font" not in html
    assert "]]&gt;" in html
    text = "\n".join(p.text for p in docx.Document(str(paths[".docx"])).paragraphs)
    assert "<font color=red>1,200 families</font> & aid agencies <![CDATA[ x ]]>" in text
    assert "{{ 7*7 }}" in text and "\x07" not in text
    pdf = " ".join(page.extract_text() for page in PdfReader(str(paths[".pdf"])).pages)
    assert "<font color=red>1,200" in pdf and "{{ 7*7 }}" in pdf


def test_output_names_cannot_leave_the_output_folder(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built = build_brief(
        load_settings(db=seed_db, out=out, topic="../../etc/ceasefire", formats=("md",))
    )
    assert all(p.resolve().parent == out.resolve() for p in built.paths)


# -- concurrency --------------------------------------------------------------------------------


def test_two_ingests_at_once_and_a_brief_during_them(seed_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Store(db).close()
    errors: list[BaseException] = []

    def run_ingest() -> None:
        try:
            with Store(db) as store:
                ingest(store, [seed_copy])
        except BaseException as e:  # collected for the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run_ingest) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(db) as store:
        rows = store.conn.execute("SELECT count(*), count(DISTINCT path) FROM files").fetchone()
        assert tuple(rows) == (5, 5)
        assert store.count() == 11
    reader_errors: list[BaseException] = []

    def run_brief() -> None:
        try:
            build_brief(
                load_settings(db=db, out=tmp_path / "o", country="Cambodia", formats=("json",))
            )
        except BaseException as e:
            reader_errors.append(e)

    writer = threading.Thread(target=run_ingest)
    reader = threading.Thread(target=run_brief)
    (seed_copy / "extra.md").write_text(
        "---\ntitle: Extra\n---\nCambodia and Thailand met "
        "again in Phnom Penh to discuss the border.\n",
        "utf-8",
    )
    writer.start()
    reader.start()
    writer.join()
    reader.join()
    assert errors == [] and reader_errors == []


# -- no network ---------------------------------------------------------------------------------


def test_nothing_reaches_the_network(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during a test that forbids it")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    shutil.copy(FIXTURES / "article.html", seed_copy / "article.html")
    shutil.copy(FIXTURES / "report.pdf", seed_copy / "report.pdf")
    db = tmp_path / "c.db"
    with Store(db) as store:
        result = ingest(store, [seed_copy])
    assert not result.skipped
    built = build_brief(
        load_settings(
            db=db,
            out=tmp_path / "out",
            country="Cambodia",
            formats=("md", "html", "docx", "pdf", "json"),
            style="apa",
        )
    )
    assert len(built.paths) == 5
