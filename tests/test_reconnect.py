"""A hall on PostgreSQL whose server dies and comes back: the board and a console say so, retry
by themselves, and show the hall again — with what was committed meanwhile — once it is back."""

from __future__ import annotations

import pytest
from conftest import make_desk

from kiosk.app import build_board, build_console
from kiosk.domain.desk import Request
from kiosk.store.db import SqlStore
from kiosk.ui.shared import bridge as bridge_module
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.theme import Theme

pytestmark = pytest.mark.postgresql


def test_terminals_say_the_server_is_gone_and_recover(qtbot, pg_server, pg_url, catalogue, hall, clock, theme_cache,
                                                      monkeypatch):
    monkeypatch.setattr(bridge_module, "RETRY_MS", 200)
    store, other = SqlStore(pg_url), SqlStore(pg_url)
    bridge = ChangeBridge(store, clock)
    bridge.start()
    assert bridge._notifier is not None and not bridge.timer.isActive()  # LISTEN/NOTIFY: nothing polls
    board = build_board(hall, bridge, clock, Language(), engine="silent")
    console = build_console(catalogue, hall, 1, store, bridge, clock, Language())
    for w in (board, console):
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
    desk = make_desk(other, catalogue, hall, clock)
    try:
        first = desk.issue(Request(category="consult")).ticket
        qtbot.waitUntil(lambda: "综合咨询 1" in console.waiting.text(), timeout=3000)  # the notification woke it

        pg_server.kill9()
        qtbot.waitUntil(lambda: not bridge.online, timeout=5000)
        assert "正在重新连接" in board.caption_text.text()
        assert "数据库暂时无法连接" in console.feedback.text()  # the staff are told the cause

        pg_server.restart()
        second = desk.issue(Request(category="consult")).ticket  # committed while the terminals reconnect
        qtbot.waitUntil(lambda: bridge.online, timeout=10_000)
        qtbot.waitUntil(lambda: "综合咨询 2" in console.waiting.text(), timeout=5000)
        assert "已重新连接" in console.feedback.text() and "正在重新连接" not in board.caption_text.text()
        assert second.seq == first.seq + 1

        # and the feed works again: a call at another window reaches the board by NOTIFY
        from kiosk.domain.counter import Counter

        Counter(other, hall, 2, clock).call_next()
        qtbot.waitUntil(lambda: board.snapshot.newest is not None, timeout=5000)
        assert board.snapshot.newest.ticket.number == first.number
    finally:
        bridge.stop()
        store.close()
        other.close()
