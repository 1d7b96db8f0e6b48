"""The kiosk's warm-up once home is painted: every other screen built one per event-loop turn, the
search index and the database's first opening on a worker thread, nothing lost for a citizen who
taps before it is over."""

from __future__ import annotations

import gc
import linecache
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import kiosk.app
from kiosk.app import Settings, build_kiosk_window
from kiosk.ui.shared.navigator import Screen


@pytest.fixture
def make(qtbot, catalogue, hall, clock, tmp_path):
    made = []

    def build(register: bool = True, **kw):
        window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path / "data", **kw),
                                           catalogue, hall, clock=clock)
        if register:  # else the test deletes it itself
            qtbot.addWidget(window)
        made.append(store)
        return window, store

    yield build
    for store in made:
        store.close()


def tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_after_the_first_paint_every_screen_the_index_and_the_store_are_ready(make, qtbot, monkeypatch, tmp_path):
    threads = {"index": [], "open": []}
    build_index, open_store = kiosk.app.build_index, kiosk.app.open_store
    ours = tmp_path / "data"  # (an earlier test's kiosk may still be warming up on its own data)

    def spy_index(catalogue, cache_dir, *a, **kw):
        if cache_dir and ours in cache_dir.parents:
            threads["index"].append(threading.current_thread())
        return build_index(catalogue, cache_dir, *a, **kw)

    def spy_open(settings, *a, **kw):
        if settings.data_dir == ours:
            threads["open"].append(threading.current_thread())
        return open_store(settings, *a, **kw)

    monkeypatch.setattr(kiosk.app, "build_index", spy_index)
    monkeypatch.setattr(kiosk.app, "open_store", spy_open)
    w, store = make()
    assert [s for s in Screen if w.nav.built(s)] == [Screen.HOME] and not store.opened  # nothing ahead of home
    w.show()
    qtbot.waitUntil(lambda: w.warmed_up, timeout=30_000)
    assert all(w.nav.built(s) for s in Screen) and w.stack.count() == len(Screen)
    index = w.catalogue_screen.index
    assert index.built and store.opened
    main = threading.main_thread()
    assert len(threads["index"]) == 1 and threads["index"][0] is not main  # built off the GUI thread, once
    # the first opening (the database created, its modules imported) off the GUI thread, then the real one on it
    assert [t is main for t in threads["open"]] == [False, True]
    assert index() is index()


def test_a_citizen_who_taps_during_the_warm_up_is_served_and_nothing_is_built_twice(make, qtbot):
    w, store = make()
    hold = threading.Event()
    w.background = (lambda: hold.wait(30),) + w.background  # the worker's jobs wait until released
    w.show()
    qtbot.waitUntil(lambda: w._worker is not None)  # every screen built; the worker has started
    assert not w.warmed_up
    tap(qtbot, w.home.browse_tile)
    for ch in "YYZZ":
        tap(qtbot, w.catalogue_screen.keyboard.keys[ch])
    rows = w.catalogue_screen.model.rows()
    assert rows and all("营业执照" in (r.title + r.via) for r in rows)  # the index, built for this keystroke
    index = w.catalogue_screen.index()
    tap(qtbot, w.header.home_button)
    tap(qtbot, w.home.ticket_tile)
    tap(qtbot, w.menu.bundle_buttons[0][0])
    assert w.nav.current == Screen.ITEM
    tap(qtbot, w.item.ticket_button)
    tap(qtbot, w.identity.persona_buttons["elder"])
    tap(qtbot, w.identity.confirm)  # the store, opened for this ticket
    assert w.nav.current == Screen.SLIP and w.slip.number.text().startswith("A")
    assert not w.warmed_up
    hold.set()
    qtbot.waitUntil(lambda: w.warmed_up, timeout=30_000)
    assert w.stack.count() == len(Screen)
    assert w.catalogue_screen.index() is index  # not built again by the worker
    assert [t.number for t in store.tickets_on("2026-11-27")] == [w.slip.number.text()]


def test_a_kiosk_closed_during_its_warm_up_goes_quietly(make, qtbot):
    w, store = make(register=False)
    hold = threading.Event()
    w.background = (lambda: hold.wait(30),) + w.background
    w.show()
    qtbot.waitUntil(lambda: w._worker is not None)
    worker = w._worker
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    hold.set()
    worker.join(30)
    assert not worker.is_alive()
    qtbot.wait(50)  # its pending steps were cancelled with it: no slot on a deleted window


def test_long_lived_objects_are_out_of_the_collector_s_reach_until_the_kiosk_goes(make, qtbot):
    w, _store = make(register=False)
    w.show()
    qtbot.waitUntil(lambda: w.warmed_up, timeout=30_000)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the index's objects: no full collection pauses the kiosk over them
    # (frozen once per process: unless an earlier test's kiosk did, this one froze them)
    assert not any("sqlalchemy" in name for name in linecache.cache)  # PySide6's import hook's copies, dropped
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0)


def test_the_at_once_warm_up_still_prepares_everything(make):
    w, store = make()
    w.warm_up()
    assert w.warmed_up and all(w.nav.built(s) for s in Screen) and w.catalogue_screen.index.built and store.opened
