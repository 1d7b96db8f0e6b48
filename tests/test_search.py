import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.app import build_index
from kiosk.domain.pinyin import PinyinCache
from kiosk.domain.search import EXACT, INSIDE, PREFIX, W_ALIAS_EN, Doc, Hit, SearchIndex


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


# --- the ranking of the index before it learnt synonyms, kept verbatim as a reference -------------

def today_search(docs, syllables, query):
    """The search as it was (every match scored, every hit built, all sorted): single words."""

    def kind_of(text, q, pos):
        if pos == 0:
            return EXACT if len(text) == len(q) else PREFIX
        return PREFIX if not text[pos - 1].isalnum() else INSIDE

    prepared = []
    for d in docs:
        zh = []
        for text, w, wpy in [(d.name, 600, 450)] + [(a, 500, 400) for a in d.aliases]:
            ini, ini_map, full, full_map = [], [], [], []
            for i, syl in enumerate(syllables(text)):
                if syl:
                    ini.append(syl[0])
                    ini_map.append(i)
                    full.append(syl)
                    full_map.extend([i] * len(syl))
            zh.append((text, text.lower(), "".join(ini), ini_map, "".join(full), full_map,
                       "name" if w == 600 else "alias", w, wpy))
        plain = [(d.key, d.key.lower(), "code", 380), (d.name_en, d.name_en.lower(), "name_en", 350)]
        plain += [(a, a.lower(), "alias_en", 300) for a in d.aliases_en]
        prepared.append((d, zh, plain))
    q = " ".join((query or "").lower().split())
    if not q:
        return []
    qt, ascii_q, n = q.replace(" ", ""), q.isascii(), len(q)
    found = []
    for d, zh, plain in prepared:
        best_score, best = -1, None
        for text, low, initials, ini_map, full, full_map, field, w, wpy in zh:
            pos = low.find(q)
            if pos >= 0 and kind_of(low, q, pos) * 1000 + w > best_score:
                best_score, best = kind_of(low, q, pos) * 1000 + w, (field, text, (pos, pos + n))
            if ascii_q:
                for form, mapping in ((initials, ini_map), (full, full_map)):
                    pos = form.find(qt)
                    if pos >= 0:
                        kind = EXACT if pos == 0 and len(form) == len(qt) else PREFIX if pos == 0 else INSIDE
                        if kind * 1000 + wpy > best_score:
                            best_score = kind * 1000 + wpy
                            best = (field, text, (mapping[pos], mapping[pos + len(qt) - 1] + 1))
        if ascii_q:
            for text, low, field, w in plain:
                pos = low.find(q)
                while pos >= 0:
                    if kind_of(low, q, pos) * 1000 + w > best_score:
                        best_score, best = kind_of(low, q, pos) * 1000 + w, (field, text, (pos, pos + n))
                    if pos == 0 or not low[pos - 1].isalnum():
                        break
                    pos = low.find(q, pos + 1)
        if best is not None:
            found.append((-best_score, len(d.name), d.key, best))
    found.sort(key=lambda h: h[:3])
    return [Hit(key, -neg, field, text, (span,)) for neg, _, key, (field, text, span) in found]


HAN = "营业执照变更登记户籍居民身份证社保公积金银行开户"
ZH_TEXT = st.text(alphabet=HAN + "ab1", min_size=1, max_size=8)  # no punctuation: see the module's note
EN_TEXT = st.text(alphabet="abcdeyz -/()", min_size=0, max_size=16)
DOCS = st.lists(st.tuples(ZH_TEXT, EN_TEXT, st.lists(ZH_TEXT, max_size=2), st.lists(EN_TEXT, max_size=2)),
                min_size=1, max_size=25, unique_by=lambda t: t[0])
WORD = st.text(alphabet=HAN + "abcdeyzhjg1-", min_size=1, max_size=4)


def make_docs(rows):
    return [Doc(f"K{i:02d}", name, en, tuple(aliases), tuple(aliases_en))
            for i, (name, en, aliases, aliases_en) in enumerate(rows)]


@settings(max_examples=200, deadline=None)
@given(DOCS, WORD, st.integers(1, 30), st.data())
def test_the_top_hits_are_todays_for_single_words(rows, word, n, data):
    """Without synonyms, a one-word query ranks as before: same hits, scores, texts and spans, in
    the same order, for the top n (and the same count)."""
    docs = make_docs(rows)
    syllables = PinyinCache().syllables
    texts = [t for d in docs for t in (d.name, d.name_en, "".join(syllables(d.name))) if t.strip()]
    piece = st.sampled_from(texts).flatmap(lambda t: st.integers(0, len(t) - 1).map(lambda i: t[i:i + 1 + i % 3]))
    query = data.draw(st.one_of(st.just(word), piece.filter(lambda p: " " not in p.strip())))
    index = SearchIndex(docs, syllables)
    expected = today_search(docs, syllables, query)
    got = index.search(query)
    assert len(got) == len(expected)
    assert got[:n] == expected[:n]
    assert index.search(query, limit=n) == expected[:n] and index.search(query, limit=n).total == len(expected)


def reference(index, query):
    """The straightforward ranking of the new rules: every document explained by the per-text
    matcher (synonyms and several words included), every hit built, all sorted."""
    from kiosk.domain.search import normalize

    q = normalize(query)
    if not q:
        return []
    plan = index._plan(q)
    out = []
    for i, d in enumerate(index._docs):
        score, field, text, spans, via = index._explain(i, plan)
        if score:
            out.append(((-score, len(d.name), d.key), Hit(d.key, score, field, text, spans, via)))
    out.sort(key=lambda x: x[0])
    return [h for _, h in out]


@settings(max_examples=150, deadline=None)
@given(DOCS, st.lists(WORD, min_size=1, max_size=3), st.data())
def test_search_equals_the_straightforward_ranking_with_synonyms_and_words(rows, words, data):
    from kiosk.domain.synonyms import SynonymGroup, Synonyms

    docs = make_docs(rows)
    zh_texts = [t for d in docs for t in (d.name, *d.aliases)]
    en_texts = [t.lower() for d in docs for t in (d.name_en, *d.aliases_en) if t.strip()]
    terms = st.sampled_from(zh_texts).flatmap(lambda t: st.integers(0, len(t) - 1).map(lambda i: t[i:i + 2]))
    zh = data.draw(st.lists(st.tuples(st.lists(ZH_TEXT, min_size=1, max_size=2), st.lists(terms, min_size=1, max_size=2)),
                            max_size=3))
    en = []
    if en_texts:
        en_terms = st.sampled_from(en_texts).flatmap(lambda t: st.integers(0, max(0, len(t) - 3)).map(lambda i: t[i:i + 3]))
        en = data.draw(st.lists(st.tuples(st.lists(EN_TEXT.filter(str.strip), min_size=1, max_size=2),
                                          st.lists(en_terms.filter(str.strip), min_size=1, max_size=2)), max_size=2))
    synonyms = Synonyms(tuple(SynonymGroup(tuple(w), tuple(t)) for w, t in zh),
                        tuple(SynonymGroup(tuple(w), tuple(t)) for w, t in en), ("的",))
    index = SearchIndex(docs, PinyinCache().syllables, synonyms)
    query = data.draw(st.sampled_from([" ".join(words), *[w for ws, _ in zh for w in ws], "".join(words)]))
    got, expected = index.search(query), reference(index, query)
    assert len(got) == len(expected)
    assert got[:30] == expected[:30]
    for hit in got[:30]:
        for s, e in hit.spans:
            assert 0 <= s <= e <= len(hit.text)


# --- everyday words, several words, spellings -----------------------------------------------------

def where(catalogue, key):
    return catalogue.by_code.get(key) or catalogue.bundle_by_code[key]


def test_an_everyday_word_finds_the_official_term(index, catalogue):
    hits = index.search("生娃")
    assert hits, "生娃 stands for 生育 and 出生"
    for hit in hits:
        assert hit.via == "生娃" and hit.field in ("name", "alias")
        (s, e), = hit.spans
        assert hit.text[s:e] in ("生育", "出生")  # the official term is what is highlighted
        assert hit.text in (where(catalogue, hit.key).name, *where(catalogue, hit.key).aliases)
    keys = {h.key for h in hits}
    assert {"SYFW-001", "HJBL-001", "YJS-05"} <= keys  # 生育登记, 出生登记, 新生儿出生一件事
    assert {h.key for h in index.search("shengwa")} == keys  # its pinyin
    assert keys <= {h.key for h in index.search("sw")}  # and initials
    assert {h.key for h in index.search("结婚")} >= {"MZFW-015", "MZFW-016"}  # 婚姻登记预约, …档案查询


def test_a_direct_match_keeps_its_place_before_an_everyday_word(index):
    hits = index.search("结婚")
    first = hits[0]
    assert first.key == "MZFW-015" and first.field == "alias" and first.text == "结婚预约" and first.via == ""
    assert hits[1].via == "结婚" and hits[1].score < first.score


def test_several_words_in_any_order(index, catalogue):
    a, b = index.search("登记 结婚"), index.search("结婚 登记")
    assert [h.key for h in a] == [h.key for h in b] and {"MZFW-015", "MZFW-016"} <= {h.key for h in a}
    living = index.search("居住证 办理")  # 办理 only says what one wants to do
    assert living and all("居住证" in where(catalogue, h.key).name for h in living)
    both = index.search("licence business")
    assert both and all(
        "licence" in h.text.lower() and "business" in h.text.lower() and len(h.spans) == 2 for h in both[:5])
    assert [h.key for h in index.search("business licence")][:3] == [h.key for h in both][:3]


def test_american_and_british_spellings_find_the_same(index):
    for us, uk in (("license", "licence"), ("enrollment", "enrolment"), ("labor", "labour")):
        assert {h.key for h in index.search(us)} >= {h.key for h in index.search(uk)}, us
    hit = index.search("license")[0]
    assert hit.via == "license" and hit.text[hit.spans[0][0]:hit.spans[0][1]].lower() == "licence"


def test_a_phrase_is_split_at_the_words_it_holds(index):
    assert index.search("我要开公司")[:3] == index.search("开公司")[:3]
    assert "HJBL-009" in [h.key for h in index.search("补办身份证")]  # 补办 → 补领, 身份证 → 居民身份证


def test_every_everyday_word_finds_its_terms(index, catalogue):
    for lang, groups in (("zh", catalogue.synonyms.zh), ("en", catalogue.synonyms.en)):
        for g in groups:
            for word in g.words:
                texts = [h.text.lower() for h in index.search(word)]
                assert any(t in x for x in texts for t in (*g.terms, word)), (lang, word)


def test_search_reads_only_what_is_asked(index):
    everything = index.search("s")
    assert len(everything) == everything.total > 200
    top = index.search("s", limit=200)
    assert len(top) == 200 and top.total == len(everything) and top == everything[:200]
    assert index.search("s", limit=0) == [] and index.search("", limit=3).total == 0
    assert list(everything)[-1] == everything[-1]


# --- closest --------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, official", [
    ("营业执招", "营业执照"),  # a wrong character
    ("营业照", "营业执照"),  # a missing one
    ("户藉", "户籍"),  # same pinyin, other character
    ("婚姻登计", "婚姻登记"),
    ("yinyezhizhao", "营业执照"),  # a letter missing in pinyin
    ("pasport", "passport"),  # in English
    ("bussiness licence", "business licence"),
])
def test_closest_offers_what_was_meant(index, catalogue, query, official):
    assert not index.search(query)
    near = index.closest(query)
    assert 1 <= len(near) <= 5
    obj = where(catalogue, near[0].key)
    assert any(official in t.lower() for t in (obj.name, *obj.aliases, obj.name_en.lower(), *obj.aliases_en))
    (s, e), = near[0].spans
    assert 0 <= s < e <= len(near[0].text)
    assert all(h.score < 1000 + W_ALIAS_EN for h in near)  # below every search() hit
    assert [h.score for h in near] == sorted((h.score for h in near), reverse=True)


def test_closest_leaves_out_what_search_finds(index):
    found = {h.key for h in index.search("营业执照")}
    assert found and not found & {h.key for h in index.closest("营业执照", limit=50)}
    assert index.closest("") == [] and index.closest("营") == [] and index.closest("营业执招", limit=0) == []


def test_closest_is_quick_on_the_real_catalogue(index):
    import time

    for q in ("营业执招", "yinyezhizhao", "pasport", "户扣"):
        index.closest(q)
        t0 = time.perf_counter()
        index.closest(q)
        assert time.perf_counter() - t0 < 0.05, q  # 381 items: a few ms


def test_a_query_pinyin_is_not_written_to_the_cache(tmp_path):
    path = tmp_path / "pinyin.json"
    cache = PinyinCache(path)
    cache.prepare(["户籍"])
    before = path.read_bytes()
    index = SearchIndex([Doc("A", "户籍证明")], cache.syllables)
    assert [h.key for h in index.closest("户藉证明")] == ["A"]  # same pinyin, another character
    assert cache.syllables("户藉证明") == ["hu", "ji", "zheng", "ming"]
    assert path.read_bytes() == before  # typed queries never grow the cache file
