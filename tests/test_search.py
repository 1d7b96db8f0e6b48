import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.app import build_index
from kiosk.domain.pinyin import PinyinCache
from kiosk.domain.search import EXACT, INSIDE, PREFIX, Doc, SearchIndex


@pytest.fixture(scope="module")
def index(catalogue, tmp_path_factory):
    return build_index(catalogue, tmp_path_factory.mktemp("cache"))


def small_index():
    docs = [Doc("A", "营业执照变更登记", "Business licence change", ("改营业执照",)),
            Doc("B", "个体工商户营业执照注销", "Sole proprietor cancellation"),
            Doc("C", "营业执照", "Business licence"),
            Doc("D", "居民身份证换领", "ID card renewal", ("换身份证",), ("id card",)),
            Doc("E", "银行开户预约", "Bank account appointment")]
    return SearchIndex(docs, PinyinCache().syllables)


def keys(hits):
    return [h.key for h in hits]


def test_initials_rank_exact_then_prefix_then_inside():
    hits = small_index().search("yyzz")
    assert keys(hits) == ["C", "A", "B"]
    assert [h.score // 1000 for h in hits] == [EXACT, PREFIX, INSIDE]
    assert hits[2].text == "个体工商户营业执照注销" and hits[2].spans == ((5, 9),)


def test_chinese_full_pinyin_alias_english_and_code():
    idx = small_index()
    assert keys(idx.search("营业执照"))[0] == "C"
    assert keys(idx.search("yingyezhizhao"))[0] == "C"
    assert keys(idx.search("ying ye zhi"))[:2] == ["C", "A"]  # spaces between syllables are fine
    hit = idx.search("hsfz")[0]
    assert (hit.key, hit.field, hit.text) == ("D", "alias", "换身份证")
    hit = idx.search("licence")[0]
    assert hit.field == "name_en" and hit.text[hit.spans[0][0]:hit.spans[0][1]].lower() == "licence"
    assert keys(idx.search("e")) and keys(idx.search("E"))[0] == "E"  # a code matches exactly
    assert keys(idx.search("yinhang")) == ["E"]  # 多音字: 银行 is yin-hang, not yin-xing


def test_empty_and_unmatched_queries():
    idx = small_index()
    assert idx.search("") == [] and idx.search("   ") == []
    assert idx.search("zzzzqqq") == []


def test_real_catalogue_yyzz_finds_licence_items(index, catalogue):
    hits = index.search("yyzz")
    assert len(hits) >= 3
    for h in hits[:3]:
        obj = catalogue.by_code.get(h.key) or catalogue.bundle_by_code[h.key]
        assert "营业执照" in obj.name or any("营业执照" in a for a in obj.aliases)


def test_real_catalogue_exact_name_first(index, catalogue):
    for item in catalogue.items[::37]:
        assert index.search(item.name)[0].key == item.code


def test_real_catalogue_aliases_and_english(index, catalogue):
    assert index.search("开公司")
    assert any(catalogue.by_code[h.key].theme == "SHBX" for h in index.search("shebao")[:5] if h.key in catalogue.by_code)
    assert index.search("passport")
    assert any(h.key.startswith("YJS-") for h in index.search("yijianshi") + index.search("一件事"))


def test_pinyin_cache_round_trip(tmp_path):
    path = tmp_path / "pinyin.json"
    cache = PinyinCache(path)
    cache.prepare(["营业执照", "A类"])
    assert path.exists()
    again = PinyinCache(path)
    assert again.syllables("营业执照") == ["ying", "ye", "zhi", "zhao"]
    assert again.syllables("A类") == ["a", "lei"]
    path.write_text("not json", encoding="utf-8")
    assert PinyinCache(path).syllables("社保") == ["she", "bao"]  # a broken cache is rebuilt


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=12))
def test_search_never_raises_and_spans_fit(query):
    idx = small_index()
    for hit in idx.search(query):
        for s, e in hit.spans:
            assert 0 <= s < e <= len(hit.text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=5), st.text(max_size=6))
def test_any_documents_any_query(names, query):
    idx = SearchIndex([Doc(f"K{i}", n, n) for i, n in enumerate(names)], PinyinCache().syllables)
    for hit in idx.search(query):
        assert hit.key.startswith("K")
