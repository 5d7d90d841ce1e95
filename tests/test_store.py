from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefs.errors import CorpusError
from briefs.ingest import ingest
from briefs.store import Store

from conftest import FIXTURES, SEEDS


def test_second_ingest_of_unchanged_files_does_no_work(tmp_path: Path, seed_copy: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        first = ingest(store, [seed_copy])
        second = ingest(store, [seed_copy])
        assert len(first.added) == 5
        assert (len(second.added), len(second.updated), len(second.unchanged)) == (0, 0, 5)
        assert store.count() == 11  # the magazine issue (seed 000) holds seven documents


def test_changed_file_is_updated_and_removed_file_pruned(tmp_path: Path, seed_copy: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        ingest(store, [seed_copy])
        target = seed_copy / "001_edf224c737593895.txt"
        target.write_text(target.read_text("utf-8") + "\nA new closing paragraph here.\n", "utf-8")
        (seed_copy / "002_5e6a1da8cc247dba.txt").unlink()
        again = ingest(store, [seed_copy], prune=True)
        assert again.updated == ["001_edf224c737593895.txt"]
        assert again.removed == 1
        assert store.count() == 10
        assert store.search('"closing paragraph"')
        assert not store.search('"Sok Chenda Sophea"')


def test_files_are_read_again_when_the_readers_change(
    tmp_path: Path, seed_copy: Path, monkeypatch
) -> None:
    import briefs.ingest as ingest_module

    with Store(tmp_path / "c.db") as store:
        ingest(store, [seed_copy])
        # An upgrade whose readers read differently: what the old ones made is not kept.
        monkeypatch.setattr(ingest_module, "reading", lambda: "0123456789ab")
        again = ingest(store, [seed_copy])
        assert (len(again.updated), len(again.unchanged)) == (5, 0)
        assert len(ingest(store, [seed_copy]).unchanged) == 5
        assert store.count() == 11


def test_touched_but_identical_file_is_not_reparsed(tmp_path: Path, seed_copy: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        ingest(store, [seed_copy])
        target = seed_copy / "003_14141caa1f55aa04.txt"
        os.utime(target, ns=(1, 1))
        again = ingest(store, [seed_copy])
        assert "003_14141caa1f55aa04.txt" in again.unchanged


def test_search_folds_diacritics_including_d_stroke(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    (src / "vn.md").write_text(
        "---\ntitle: Hanoi talks\n---\nDeputy Minister Đặng Hoàng Giang met Nguyễn Phương Nga "
        "in Hanoi to discuss the border.\n",
        "utf-8",
    )
    with Store(tmp_path / "c.db") as store:
        ingest(store, [src])
        assert store.search("nguyen phuong")
        assert store.search("dang hoang")
        hit = store.search("dang")[0]
        assert "Đặng" in hit.text  # the stored text keeps its original form


def test_bad_query_and_newer_schema_raise_corpus_error(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store, pytest.raises(CorpusError, match="bad search query"):
        store.search('"unbalanced')
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
    conn.close()
    with pytest.raises(CorpusError, match="newer"):
        Store(db)


def test_unreadable_file_is_skipped_and_others_ingested(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy / "broken.txt").write_bytes(b"\x00\x01binary")
    (seed_copy / "empty.md").write_text("", "utf-8")
    with Store(tmp_path / "c.db") as store:
        result = ingest(store, [seed_copy])
    assert len(result.added) == 5
    assert sorted(f for f, _ in result.skipped) == ["broken.txt", "empty.md"]
    assert dict(result.skipped)["broken.txt"] == "binary content, not text"


def test_folder_of_good_and_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    shutil.copytree(FIXTURES / "damaged", folder / "damaged")
    for name in (
        "article.html",
        "report.pdf",
        "table.docx",
        "lo-report.pdf",
        "note.md",
        "cp1252.txt",
    ):
        shutil.copy(FIXTURES / name, folder / name)
    with Store(tmp_path / "c.db") as store:
        result = ingest(store, [folder])
        assert sorted(result.added) == sorted(
            ["article.html", "report.pdf", "table.docx", "lo-report.pdf", "note.md", "cp1252.txt"]
        )
        assert sorted(f for f, _ in result.skipped) == sorted(
            f"damaged/{p.name}" for p in (FIXTURES / "damaged").iterdir()
        )
        assert store.search("Chanthaburi")


def test_same_story_in_two_files_is_one_source(tmp_path: Path) -> None:
    folder = tmp_path / "wires"
    folder.mkdir()
    story = (SEEDS / "003_14141caa1f55aa04.txt").read_text("utf-8")
    (folder / "outlet-a.txt").write_text(story, "utf-8")
    (folder / "outlet-b.txt").write_text(story.replace("\n", "\r\n") + "\n", "utf-8")
    with Store(tmp_path / "c.db") as store:
        ingest(store, [folder])
        assert store.count() == 2
        dupes = store.duplicates_among(i for i, _, _ in store.documents())
        assert len(dupes) == 1
        kept = next(i for i, _, _ in store.documents() if i not in dupes)
        assert store.also(kept) == ["outlet-b.txt"] or store.also(kept) == ["outlet-a.txt"]
