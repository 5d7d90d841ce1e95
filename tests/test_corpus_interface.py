"""Both stores implement the whole corpus-store interface the pipeline relies on, and answer
its reads alike on the same corpus."""

from __future__ import annotations

import inspect

import pytest

from briefs.corpus import CorpusStore, open_corpus
from briefs.pgstore import PgStore
from briefs.store import Store


@pytest.mark.parametrize("store", [Store, PgStore])
def test_store_implements_every_method_with_the_same_parameters(store) -> None:
    for name, member in inspect.getmembers(CorpusStore, inspect.isfunction):
        if name.startswith("_"):
            continue
        impl = getattr(store, name, None)
        assert impl is not None, (store.__name__, name)
        wanted = list(inspect.signature(member).parameters)
        assert list(inspect.signature(impl).parameters) == wanted, (store.__name__, name)


def test_both_stores_read_the_seeds_alike(sqlite_seed_db, seed_db) -> None:
    """Documents, metadata, aboutness and material: the same answers from SQLite and from the
    store under test (PostgreSQL in its parametrisation)."""
    from briefs import geo

    def reads(db):
        with open_corpus(db) as store:
            docs = [(doc.path, doc.title, doc.date, n) for _, doc, n in store.documents()]
            khm = geo.resolve("Cambodia")
            about = sorted(
                (sig.strong if sig else None, declared)
                for _, sig, declared in store.about_documents(khm.iso3, khm.name)
            )
            material = sorted(store.country_material(), key=repr)
            # Openings giving a name (what linking a story to a country reads): the same
            # passages, complete under the limit, and cut at the limit when more match.
            paths = {i: doc.path for i, doc, _ in store.documents()}
            openings = sorted(
                (paths[p.doc_id], p.seq) for p in store.openings(["Phnom", "Hun"], 3, 500)
            )
            assert openings and len(store.openings(["Cambodia"], 3, 2)) == 2
            return docs, about, material, store.count(), openings

    assert reads(seed_db) == reads(sqlite_seed_db)
