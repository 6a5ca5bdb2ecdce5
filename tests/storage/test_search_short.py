"""One- and two-character search terms use the bigram index and find exactly what the
old LIKE scan found, on a corpus with punctuation, quotes, wildcards and mixed case."""

from __future__ import annotations

import pytest

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.services.demo import generate_demo
from shopdesk.storage.cases import CaseStore, order_by
from shopdesk.storage.search import bigram_text, like_clause, search_clause

TEXTS = [
    "蓝牙耳机 左耳没声音", "耳机盒子破了", "买家说 100% 好评", "SKU_A-01 颜色发错",
    'he said "ok" 已签收', "it's 50%_off!", "Mixed Case ABC abc", "a", "耳", "_", "%",
    "退款\t退货\n换货", "emoji 😀 表情包", "单引号 ' 和双引号 \"", "百分号%%下划线__",
    "AbC", "x%y", "x_y", "xy", "x\\y", "末尾字",
]

QUERIES = [
    "耳", "耳机", "机", "买家", "%", "_", "%_", "_o", "0%", '"', '"o', "'", "it", "a",
    "A", "ab", "Ab", "AB", "bc", "c", "x", "xy", "x%", "x_", "\\", "x\\", "😀", "😀 表",
    "表情", "字", "末尾", "退货", "货", "换", "耳 机", "耳机 买家", "蓝牙耳机 左", "zz", "q",
    "SKU", "01", "-", "!", "签收 ok",
]


@pytest.fixture
def corpus(register):
    generate_demo(register, 40, seed=7)
    store = register.cases.store
    ids = store.query_ids(CaseQuery())
    for case_id, text in zip(ids, TEXTS, strict=False):
        with register.db.atomic():
            store.update_columns(case_id, {"description": text})
    # Runs of equal last activity (as an import stamps them): ties come in the index's
    # order, which a walk and the index path must both keep.
    with register.db.atomic():
        register.db.execute("UPDATE cases SET last_activity_at = (SELECT max("
                            "last_activity_at) FROM cases) WHERE id % 3 = 0")
    return register


def _like_ids(register, text: str) -> list[int]:
    sql, params = like_clause(text)
    rows = register.db.execute(  # in the list's order (without the majors' tier)
        f"SELECT id FROM cases WHERE deleted_at IS NULL AND {sql} "
        f"{order_by(SortKey.LAST_ACTIVITY, True)}", params).fetchall()
    return [r[0] for r in rows]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("common_share", [2.0, 0.0, 0.05])
def test_short_terms_find_what_like_found(corpus, text, common_share):
    """2.0: every term goes to the indexes; 0.0: every term is walked row by row;
    0.05: the default choice by the estimated share. (Without the majors' tier, which
    _like_ids does not have.)"""
    store = CaseStore(corpus.db, common_share=common_share)
    query = CaseQuery(search=text, major_first=False)
    assert store.query_ids(query) == _like_ids(corpus, text)
    assert store.count(CaseQuery(search=text)) == len(_like_ids(corpus, text))


def test_rare_terms_ask_the_index_and_common_ones_walk_the_list(corpus):
    store = CaseStore(corpus.db)
    rare = search_clause("颜色", store._stats.share)
    common = search_clause("买家", store._stats.share)
    assert rare is not None and "cases_bigram MATCH" in rare[0]
    assert common is not None and "LIKE" in common[0] and "MATCH" not in common[0]


def test_the_corpus_exercises_hits_and_misses(corpus):
    hits = [q for q in QUERIES if corpus.cases.query_ids(CaseQuery(search=q))]
    assert len(hits) >= 30 and len(hits) < len(QUERIES)


def test_the_index_follows_edits_and_purges(corpus):
    store = corpus.cases.store
    case_id = store.query_ids(CaseQuery())[0]
    with corpus.db.atomic():
        store.update_columns(case_id, {"description": "独一无二的词 qz"})
    assert corpus.cases.query_ids(CaseQuery(search="qz")) == [case_id]
    assert corpus.cases.query_ids(CaseQuery(search="独一")) == [case_id]
    with corpus.db.atomic():
        store.set_deleted([case_id], corpus.clock.now())
        store.purge([case_id])
    assert corpus.db.execute("SELECT count(*) FROM cases_bigram WHERE rowid = ?",
                             [case_id]).fetchone()[0] == 0


def test_bigram_tokens_never_span_whitespace_and_fold_ascii_only():
    assert bigram_text("Ab 耳机") == " ".join(
        s.encode().hex() for s in ("ab", "b", "耳机", "机"))
    assert bigram_text("") == "" and bigram_text(" \n\t ") == ""
    assert bigram_text("É") == "É".encode().hex()  # LIKE folds ASCII only


def test_batch_inserted_cases_get_ids_in_order_and_are_found(register):
    generate_demo(register, 5, seed=3)
    store = register.cases.store
    model = store.get(store.query_ids(CaseQuery())[0])
    copies = [model.with_changes(case_no=f"T-{i}", description=f"批量{i}") for i in range(3)]
    with register.db.atomic():
        ids = store.insert_rows(copies)
        from shopdesk.storage.search import reindex_cases
        reindex_cases(register.db, ids)
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert [store.get(i).case_no for i in ids] == ["T-0", "T-1", "T-2"]
    assert register.cases.query_ids(CaseQuery(search="批量")) == sorted(
        ids, key=lambda i: (store.get(i).last_activity_at, i), reverse=True)


def test_a_terms_share_is_estimated_from_the_newest_cases(register):
    """Counting a term in every case read its whole doclist (tens of ms at 1M for a
    common term, per keystroke); the estimate reads the newest `sample` ids only."""
    from shopdesk.storage.search import TermStats

    generate_demo(register, 30, seed=5)
    store = register.cases.store
    ids = sorted(store.query_ids(CaseQuery()))
    with register.db.atomic():
        for case_id in ids[:-10]:
            store.update_columns(case_id, {"description": "旧词 oldword"})
        for case_id in ids[-10:]:
            store.update_columns(case_id, {"description": "新词 newword"})
        for case_id in ids[-5:]:
            store.update_columns(case_id, {"description": "新词 newword 半数"})
    stats = TermStats(register.db, sample=10)
    assert stats.share("旧词") == 0.0 and stats.share("oldword") == 0.0
    assert stats.share("新词") == 1.0 and stats.share("newword") == 1.0
    assert stats.share("半数") == 0.5 and stats.share("新") == 1.0
    assert TermStats(register.db, sample=1000).share("旧词") == (len(ids) - 10) / max(ids)


def test_a_term_counts_as_common_at_a_smaller_share_in_a_bigger_register():
    from shopdesk.storage.search import COMMON_SHARE, common_share_for

    assert common_share_for(0) == COMMON_SHARE
    assert common_share_for(5_000) == COMMON_SHARE  # small registers: the fixed share
    assert 0.02 < common_share_for(100_000) < 0.025
    assert 0.006 < common_share_for(1_000_000) < 0.008
    assert common_share_for(1_000_000) < common_share_for(100_000) < COMMON_SHARE


def test_the_list_judges_a_term_common_by_the_registers_size(corpus, monkeypatch):
    store = CaseStore(corpus.db)
    monkeypatch.setattr(store._stats, "share", lambda term: 0.03)
    monkeypatch.setattr(store._stats, "common_share", lambda: 0.02)  # a big register
    assert "cases_fts_content" in store._where(CaseQuery(search="耳机"))[0]
    monkeypatch.setattr(store._stats, "common_share", lambda: 0.05)  # a small one
    assert " MATCH " in store._where(CaseQuery(search="耳机"))[0]


def test_a_count_and_a_whole_list_read_common_terms_from_the_index(corpus):
    store = CaseStore(corpus.db, common_share=0.0)  # every term common: pages walk
    query = CaseQuery(search="耳机")
    assert "cases_fts_content" in store._where(query)[0]
    statements: list[str] = []
    corpus.db.conn.set_trace_callback(statements.append)
    try:
        total = store.count(query)
        whole = store.query_ids(query)
    finally:
        corpus.db.conn.set_trace_callback(None)
    listed = [s for s in statements if "cases_bigram" in s or "cases_fts_content" in s]
    assert listed and not any("cases_fts_content f" in s for s in listed)
    pages, after = [], None
    while page := store.query_page(query, after=after, limit=7):
        pages += [case_id for case_id, _v in page]
        after = (page[-1][1], page[-1][0])
    assert total == len(whole) == len(pages) > 0 and whole == pages
