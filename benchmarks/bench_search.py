"""2./3. Catalogue search per keystroke through the real CatalogueScreen.

Each query is typed one character at a time: ``CatalogueScreen.set_query(prefix)`` = search the
index + build the result rows + reset the list model (+ scrollToTop, page switch), exactly what a
key on the on-screen keyboard triggers. Median over every keystroke of every query and round.

2. the real catalogue (381 items + 12 bundles), target ≤ 10 ms;
3. a real ``Catalogue`` of 10 000 items (the real ones + synthetic ones combined from real name
   parts, with aliases), in a real kiosk window, target ≤ 50 ms.
Baseline: as many ``model.set_rows([])`` no-op model resets on the same screen (median per call).
The first key of a query (one letter: nearly every item matches) also runs ``index.search()``
alone against the straightforward ranking on the same index in the same run: every matching
document scored by the per-text matcher, every :class:`Hit` built, all sorted (what search did
before it built only the hits that are read).
"""

from __future__ import annotations

import dataclasses
import random
import time

import common
from common import Row, info_row, median, ms, target_row

QUERIES = ("yyzz", "shebao", "gongjijin", "hukou", "business", "营业执照")
ROUNDS_REAL, ROUNDS_BIG = 5, 3
N_BIG = 10_000


def _keystrokes(screen, rounds: int) -> tuple[list[float], list[float], list[float], list[int], list[float]]:
    """(per keystroke, per 'clear' back to the browse list, index.search alone (first measured
    round), hits per keystroke, first keystrokes (1 character) only)."""
    times, clears, search_only, hits, first = [], [], [], [], []
    index = screen.index()
    for r in range(rounds + 1):  # round 0 is a warm-up
        for q in QUERIES:
            for i in range(1, len(q) + 1):
                prefix = q[:i]
                t0 = time.perf_counter()
                screen.set_query(prefix)
                t1 = time.perf_counter()
                if r:
                    times.append(t1 - t0)
                    if i == 1:
                        first.append(t1 - t0)
                if r == 1:
                    t1 = time.perf_counter()
                    hits.append(len(index.search(prefix)))
                    search_only.append(time.perf_counter() - t1)
            t0 = time.perf_counter()
            screen.set_query("")  # ⌫ to empty / 清空: back to the full browse list
            if r:
                clears.append(time.perf_counter() - t0)
    return times, clears, search_only, hits, first


def _until_painted(app, screen, rounds: int = 1) -> list[float]:
    """Keystroke until the field and the result list have been painted (informational)."""
    watcher = common.PaintWatcher()
    out = []
    for _ in range(rounds):
        for q in QUERIES:
            for i in range(1, len(q) + 1):
                targets = [screen.field]
                t0 = time.perf_counter()
                screen.set_query(q[:i])
                if screen.pages.currentIndex() == 0 and screen.model.rowCount():
                    targets.append(screen.view.viewport())
                watcher.arm(*targets)
                out.append(watcher.wait() - t0)
            screen.set_query("")
            watcher.arm(screen.field)
            watcher.wait()
    watcher.disarm()
    return out


def _spread(times: list[float], first: list[float]) -> Row:
    p90 = common.p90(times)
    return info_row("  ↳ keystroke spread: p90 / max / first key of a query (1 character, most hits)",
                    f"{ms(p90)} / {ms(max(times))} / {ms(median(first))}", "—",
                    f"first key: median of {len(first)}")


def _baseline(screen, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        screen.model.set_rows([])
        out.append(time.perf_counter() - t0)
    screen.set_query("")
    return out


def _open_catalogue(w):
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.shared.navigator import Screen

    w.nav.go(Screen.CATALOGUE)
    QApplication.processEvents()
    return w.catalogue_screen


# --- 10 000 items -----------------------------------------------------------------------------

ACTIONS = [("简易注销登记", "simplified deregistration"), ("设立登记", "establishment registration"),
           ("变更登记", "change registration"), ("注销登记", "deregistration"), ("年度报告", "annual report"),
           ("补领", "replacement"), ("换发", "renewal"), ("登记", "registration"), ("备案", "filing"),
           ("申请", "application"), ("审批", "approval"), ("许可", "licence"), ("核发", "issuance"),
           ("确认", "confirmation"), ("认定", "recognition"), ("办理", "handling"), ("查询", "enquiry"),
           ("变更", "change"), ("注销", "cancellation"), ("证明", "certificate"), ("延续", "extension"),
           ("核准", "verification"), ("预约", "appointment"), ("领取", "collection"), ("提取", "withdrawal"),
           ("转移", "transfer"), ("补办", "reissue"), ("开具", "issuing"), ("申报", "declaration")]
MODIFIERS = [("", ""), ("外商投资", "foreign-invested"), ("个体", "sole-trader"), ("跨省", "inter-provincial"),
             ("临时", "temporary"), ("港澳台居民", "HK/Macao/Taiwan resident"), ("农村", "rural"),
             ("城镇", "urban"), ("异地", "non-local"), ("退役军人", "veteran"), ("残疾人", "disability"),
             ("老年人", "elderly"), ("新生儿", "newborn"), ("高层次人才", "high-level talent"),
             ("灵活就业人员", "flexibly employed"), ("小微企业", "small business"), ("园区", "industrial park"),
             ("集体", "collective"), ("分支机构", "branch"), ("网上", "online")]


def _split(name: str) -> tuple[str, str]:
    for action, _en in ACTIONS:  # longest first where it matters (listed that way)
        if name.endswith(action) and len(name) > len(action) + 1:
            return name[: -len(action)], action
    return name, ""


def big_catalogue(real, n: int = N_BIG, seed: int = 20261127):
    """A real ``Catalogue`` of ``n`` items: the real ones plus synthetic ones whose names combine
    a modifier, a real item's subject and a real action word; aliases derived from the real ones."""
    from kiosk.domain.catalogue import Catalogue

    rng = random.Random(seed)
    subjects = []
    for item in real.items:
        subject, _ = _split(item.name)
        subjects.append((subject, item))
    action_en = dict(ACTIONS)
    names = {i.name for i in real.items}
    codes = {i.code for i in real.items}
    counters: dict[str, int] = {}
    items = list(real.items)
    while len(items) < n:
        subject, src = rng.choice(subjects)
        mod, mod_en = rng.choice(MODIFIERS)
        action, act_en = rng.choice(ACTIONS)
        name = f"{mod}{subject}{action}"
        if name in names:
            continue
        names.add(name)
        k = counters.get(src.theme, 100)
        while f"{src.theme}-{k:03d}" in codes:
            k += 1
        counters[src.theme] = k + 1
        code = f"{src.theme}-{k:03d}"
        codes.add(code)
        aliases = tuple(dict.fromkeys(f"{mod}{a}" for a in src.aliases[:3])) or (subject,)
        items.append(dataclasses.replace(
            src, code=code, name=name, aliases=aliases,
            name_en=" ".join(x for x in (mod_en, src.name_en, "—", act_en or action_en.get(action, "")) if x),
            aliases_en=src.aliases_en[:2]))
    assert len({i.code for i in items}) == len(items)
    return Catalogue(tuple(items), real.bundles, real.themes, real.departments, real.authorities, synonyms=real.synonyms)


# --- run ----------------------------------------------------------------------------------------

def _index_builds(catalogue, cache_dir, n: int = 5) -> list[float]:
    """kiosk.app.build_index from scratch (documents, pinyin cache file read, index), n times."""
    from kiosk.app import build_index

    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        build_index(catalogue, cache_dir)
        out.append(time.perf_counter() - t0)
    return out


def straightforward(index, query: str) -> list:
    """The reference ranking: every document scored and its Hit built, then all sorted."""
    from kiosk.domain.search import Hit, normalize

    q = normalize(query)
    if not q:
        return []
    plan = index._plan(q)
    hits = []
    for i, doc in enumerate(index._docs):
        score, field, text, spans, via = index._explain(i, plan)
        if score:
            hits.append((-score, len(doc.name), doc.key, Hit(doc.key, score, field, text, spans, via)))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]


def _first_letters(index, rounds: int = 5) -> tuple[list[float], list[float]]:
    """index.search() of each query's first character, and the straightforward ranking of the
    same, alternately (same index, same run); the first 200 hits read, as the screen does."""
    fast, slow = [], []
    for r in range(rounds + 1):  # round 0 is a warm-up
        for q in QUERIES:
            t0 = time.perf_counter()
            index.search(q[0])[:200]
            t1 = time.perf_counter()
            straightforward(index, q[0])[:200]
            t2 = time.perf_counter()
            if r:
                fast.append(t1 - t0)
                slow.append(t2 - t1)
    return fast, slow


def run() -> list[Row]:
    from kiosk.app import load_data

    catalogue, hall = load_data()
    rows: list[Row] = []

    # 2. the real catalogue
    data = common.data_dir_with_warm_cache("search")
    build_real = _index_builds(catalogue, data / "cache")  # a real build each time (not the kiosk's warm index)
    app, w, store = common.build_kiosk(data, catalogue, hall)
    screen = _open_catalogue(w)
    w.warm_up()
    times, clears, search_only, hits, first = _keystrokes(screen, ROUNDS_REAL)
    base = _baseline(screen, len(times))
    painted = _until_painted(app, screen)
    common.dispose_kiosk(app, w, store)
    n_docs = len(catalogue.items) + len(catalogue.bundles)
    rows += [
        target_row(f"2. search per keystroke, real catalogue ({len(catalogue.items)} items + {len(catalogue.bundles)} "
                   f"bundles), CatalogueScreen.set_query, median of {len(times)} keys of {'/'.join(QUERIES)}", median(times),
                   f"{ms(median(base))}/call (model.set_rows([]) ×{len(base)})", 0.010),
        info_row("  ↳ index.search() alone / key until field+list painted / ⌫ to empty (full list) / "
                 f"index build from scratch, warm pinyin cache ({n_docs} docs, median of {len(build_real)})",
                 f"{ms(median(search_only))} / {ms(median(painted))} / {ms(median(clears))} / {ms(median(build_real))}",
                 "—", f"median hits per keystroke {median(hits):.0f}"),
        _spread(times, first),
    ]

    # 3. 10 000 items, a real Catalogue in a real kiosk window
    t0 = time.perf_counter()
    big = big_catalogue(catalogue)
    t_gen = time.perf_counter() - t0
    data = common.data_dir_with_warm_cache("search-10k")
    from kiosk.app import build_index

    t0 = time.perf_counter()
    build_index(big, data / "cache")  # pypinyin for the synthetic texts (cold for them), then cached
    build_big_cold = time.perf_counter() - t0
    build_big = _index_builds(big, data / "cache", 3)  # the same, the pinyin cache now warm
    app, w, store = common.build_kiosk(data, big, hall)
    screen = _open_catalogue(w)
    w.warm_up()
    times, clears, search_only, hits, first = _keystrokes(screen, ROUNDS_BIG)
    fast, slow = _first_letters(screen.index())
    base = _baseline(screen, len(times))
    painted = _until_painted(app, screen)
    common.dispose_kiosk(app, w, store)
    rows += [
        target_row(f"3. search per keystroke, {len(big.items):,} items ({len(big.items) - len(catalogue.items):,} "
                   f"synthetic) in a real Catalogue + kiosk, median of {len(times)} keys, same queries", median(times),
                   f"{ms(median(base))}/call (model.set_rows([]) ×{len(base)})", 0.050),
        info_row("  ↳ index.search() alone / key until field+list painted / ⌫ to empty (full list) / "
                 "index build: pypinyin for the new texts, then with the pinyin cache warm",
                 f"{ms(median(search_only))} / {ms(median(painted))} / {ms(median(clears))} / {ms(build_big_cold)}, "
                 f"{ms(median(build_big))}",
                 "—", f"median hits per keystroke {median(hits):.0f}; catalogue generated in {ms(t_gen)}"),
        _spread(times, first),
        target_row(f"3. first key of a query (1 character, most hits), {len(big.items):,} items, p90 of {len(first)} "
                   "(DESIGN §6)", common.p90(first), f"{ms(median(base))}/call (model.set_rows([]))", 0.050,
                   measured=f"{ms(common.p90(first))} (median {ms(median(first))}, max {ms(max(first))})"),
        info_row(f"  ↳ first key, index.search() alone (200 hits read), median / p90 of {len(fast)}, vs the "
                 "straightforward ranking (every match scored, every Hit built, all sorted), same index, same run",
                 f"{ms(median(fast))} / {ms(common.p90(fast))}", f"{ms(median(slow))} / {ms(common.p90(slow))}",
                 f"{median(fast) / median(slow):.2f}× / {common.p90(fast) / common.p90(slow):.2f}× the straightforward"),
    ]
    return rows


if __name__ == "__main__":
    common.run_standalone(run)
