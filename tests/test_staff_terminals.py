"""The staff terminals — the window console (1280×800) and the call board (1920×1080) — in every
state, in Chinese and English: nothing clipped, every control a real touch target with a name in
the terminal's language that holds its visible label, no state shown by colour alone, and a
console that can be worked with the keyboard alone.

:func:`problems` is the reusable part: it walks any widget tree as it is on screen and returns what
breaks the rules, one readable line each (empty: all good). It knows nothing about the console or
the board, so a walker for other screens can call it too."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pytest
from conftest import make_desk
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)

from kiosk.app import build_console
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import PauseReason, SuspendReason
from kiosk.domain.personas import persona
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.store.db import Store
from kiosk.ui.board.window import REFERENCE_SIZE as BOARD_SIZE
from kiosk.ui.board.window import BoardWindow
from kiosk.ui.console.tabs import ConsoleTabs
from kiosk.ui.console.window import NOT_RECEIVED, RECEIVED, WARNING
from kiosk.ui.console.window import REFERENCE_SIZE as CONSOLE_SIZE
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language
from kiosk.ui.shared.theme import Theme
from kiosk.ui.shared.voice import Announcer
from kiosk.ui.shared.widgets import button, set_text

#: Touch targets at the reference geometry (DESIGN.md §2).
MIN_TARGET = 60
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\u3000-\u303f]")


# --- the checker ------------------------------------------------------------------------------


def shown(widget: QWidget, root: QWidget) -> bool:
    """On screen inside ``root``: visible itself and every ancestor up to ``root``."""
    return widget.isVisible() and widget.isVisibleTo(root)


def words(text: str) -> str:
    """``text`` reduced to what a person says aloud: letters and digits (any script), lower case.
    Marks (✓ □ → …), spaces, punctuation and line breaks are left out (WCAG 2.5.3's "label in
    name" compares words, not symbols)."""
    return "".join(ch for ch in text.casefold() if unicodedata.category(ch)[0] in "LN")


def drawn_text(widget: QWidget) -> str:
    """The text as drawn (a wrapping button draws its text with line breaks added)."""
    if isinstance(widget, QPushButton):
        return QPushButton.text(widget)
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        return widget.text()
    return ""


def label_text(widget: QWidget) -> str:
    """The visible label a person reads on ``widget`` (its own text, line breaks as spaces)."""
    return " ".join(widget.text().split())


def _needed(fm: QFontMetrics, text: str, width: int, flags: int) -> QRect:
    return fm.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text)


def _label_overflow(lab: QLabel) -> str | None:
    text = lab.text()
    if not text or lab.textFormat() == Qt.TextFormat.RichText:
        return None
    rect = lab.contentsRect()
    m = lab.margin()
    rect.adjust(m, m, -m, -m)
    fitted = getattr(lab, "fitted", None)
    if callable(fitted):  # a label that shrinks or elides its text itself: check what it draws
        font, drawn = fitted()
        if drawn != text:
            return f"cut to {drawn!r}"
        if font.pixelSize() > 0 and lab.font().pixelSize() > 0 and font.pixelSize() < 0.8 * lab.font().pixelSize():
            return f"shrunk to {font.pixelSize()} px of {lab.font().pixelSize()} px"
        return None
    fm = QFontMetrics(lab.font())
    flags = int(lab.alignment()) | (int(Qt.TextFlag.TextWordWrap) if lab.wordWrap() else 0)
    need = _needed(fm, text, rect.width(), flags)
    if need.width() > rect.width() + 1 or need.height() > rect.height() + 1:
        return f"needs {need.width()}×{need.height()}, has {rect.width()}×{rect.height()}"
    return None


def _button_overflow(b: QPushButton) -> str | None:
    text = drawn_text(b)
    if not text:
        return None
    opt = QStyleOptionButton()
    b.initStyleOption(opt)
    rect = b.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
    fm = QFontMetrics(b.font())
    need = _needed(fm, text, rect.width(), int(Qt.AlignmentFlag.AlignCenter))
    if need.width() > rect.width() + 1 or need.height() > rect.height() + 1:
        return f"needs {need.width()}×{need.height()}, has {rect.width()}×{rect.height()}"
    return None


def _tab_problems(bar: QTabBar, english: bool) -> list[str]:
    found = []
    if not bar.objectName() or not bar.accessibleName():
        found.append(f"tab bar unnamed: objectName {bar.objectName()!r}, accessibleName {bar.accessibleName()!r}")
    elif english and CJK.search(bar.accessibleName()):
        found.append(f"tab bar: Chinese in English: {bar.accessibleName()!r}")
    fm = QFontMetrics(bar.font())
    drawn = getattr(bar, "drawn_text", None)
    for i in range(bar.count()):
        r = bar.tabRect(i)
        where = f"{bar.objectName() or 'tab bar'}[{i}]"
        if r.width() < MIN_TARGET or r.height() < MIN_TARGET:
            found.append(f"{where}: a {r.width()}×{r.height()} target")
        if not bar.rect().contains(r):
            found.append(f"{where}: outside its bar ({r.getRect()} in {bar.rect().getRect()})")
        text = drawn(i) if callable(drawn) else bar.tabText(i)
        inner = getattr(bar, "text_rect", lambda _i, r=r: r)(i)
        need = _needed(fm, text, inner.width(), int(Qt.AlignmentFlag.AlignCenter))
        if need.width() > inner.width() + 1 or need.height() > inner.height() + 1:
            found.append(f"{where} {text!r}: needs {need.width()}×{need.height()}, has {inner.width()}×{inner.height()}")
        name = bar.accessibleTabName(i) or bar.tabText(i)
        if words(bar.tabText(i)) not in words(name):
            found.append(f"{where}: accessible name {name!r} lacks the label {bar.tabText(i)!r}")
        if english and CJK.search(name + text):
            found.append(f"{where}: Chinese in English: {text!r} / {name!r}")
    return found


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    p = widget.parentWidget()
    while p is not None and p is not root:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def settle(passes: int = 6) -> None:
    """Let pending layouts run: a wrapped text makes its button taller, that its grid, that the
    scroll area around it — one event-loop pass each (counted in passes, not milliseconds, so a
    busy machine waits as long as it must)."""
    for _ in range(passes):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def interactive(widget: QWidget) -> bool:
    return isinstance(widget, (QAbstractButton, QLineEdit, QTabBar))


def problems(root: QWidget, *, english: bool = False, foreign_ok: Iterable[str] = (),
             size: tuple[int, int] | None = None) -> list[str]:
    """What breaks the terminal rules in ``root`` as it is on screen now, one line each:

    - **fits**: with ``size`` (the terminal's reference geometry), ``root`` is that size and its
      layout needs no more (a layout that needs more grows the window past the screen);
    - **clipped**: a label or button whose text needs more room than the widget's contents rect
      (QFontMetrics, the widget's own font, word wrap as the widget does it); a label that elides
      or shrinks its text past 80 %; a widget sticking out of its parent; buttons overlapping;
    - **targets**: a button, field or tab smaller than 60×60 px;
    - **names**: an interactive widget without an objectName or accessibleName, or whose
      accessible name does not contain its visible label (words only, WCAG 2.5.3);
    - **language**: with ``english``, Chinese in any visible text or accessible name — except on
      widgets named in ``foreign_ok`` (a language switch that offers 中文).
    """
    settle()
    found: list[str] = []
    foreign_ok = set(foreign_ok)
    if size is not None:
        need = root.minimumSizeHint()
        if root.size().toTuple() != tuple(size) or need.width() > size[0] or need.height() > size[1]:
            found.append(f"fits: {root.objectName()} is {root.size().toTuple()}, needs at least "
                         f"{need.toTuple()}, should be {tuple(size)}")
    widgets = [w for w in root.findChildren(QWidget) if shown(w, root)]
    top = root.rect()
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName() or ''} {drawn_text(w)[:40]!r}"
        w.ensurePolished()
        # clipped
        if isinstance(w, QLabel):
            why = _label_overflow(w)
            if why:
                found.append(f"clipped: {where}: {why}")
        elif isinstance(w, QPushButton):
            why = _button_overflow(w)
            if why:
                found.append(f"clipped: {where}: {why}")
        parent = w.parentWidget()
        scrolled = _in_scroll_area(w, root)
        if parent is not None and w is not root and not (scrolled and isinstance(parent.parentWidget(), QAbstractScrollArea)):
            if not parent.rect().contains(w.geometry()) and w.width() > 0 and w.height() > 0:
                found.append(f"clipped: {where}: {w.geometry().getRect()} outside its parent {parent.rect().getRect()}")
        if interactive(w) and not scrolled:
            r = QRect(w.mapTo(root, w.rect().topLeft()), w.size())
            if not top.contains(r):
                found.append(f"clipped: {where}: {r.getRect()} outside the window {top.getRect()}")
        # targets and names
        if isinstance(w, QTabBar):
            found += [f"tab: {p}" for p in _tab_problems(w, english)]
        elif interactive(w):
            if w.width() < MIN_TARGET or w.height() < MIN_TARGET:
                found.append(f"target: {where}: {w.width()}×{w.height()}")
            name = w.accessibleName()
            if not w.objectName() or not name:
                found.append(f"unnamed: {where}: objectName {w.objectName()!r}, accessibleName {name!r}")
            elif isinstance(w, QAbstractButton) and words(label_text(w)) not in words(name):
                found.append(f"name: {where}: accessible name {name!r} lacks the label {label_text(w)!r}")
        # language
        if english and w.objectName() not in foreign_ok:
            texts = [drawn_text(w) if isinstance(w, (QLabel, QAbstractButton)) else "", w.accessibleName(),
                     w.accessibleDescription()]
            if any(CJK.search(t) for t in texts):
                found.append(f"language: {where}: Chinese in English: {[t for t in texts if t]}")
    # overlapping buttons (a squeezed layout draws them over each other)
    buttons = [w for w in widgets if isinstance(w, QAbstractButton)]
    for i, a in enumerate(buttons):
        ra = QRect(a.mapTo(root, a.rect().topLeft()), a.size())
        for b in buttons[i + 1:]:
            rb = QRect(b.mapTo(root, b.rect().topLeft()), b.size())
            if ra.intersects(rb) and a.parentWidget() is b.parentWidget():
                found.append(f"clipped: {a.objectName()} and {b.objectName()} overlap")
    return found


def dashed(button: QWidget) -> bool:
    """True when ``button``'s border is drawn dashed (gaps along its top edge), as rendered."""
    image = button.grab().toImage()
    y = 1
    row = [image.pixelColor(x, y).name() for x in range(image.width() // 4, image.width() * 3 // 4)]
    changes = sum(1 for a, b in zip(row, row[1:]) if a != b)
    return changes >= 6


# --- the terminals in every state ---------------------------------------------------------------

LANGS = (ZH, EN)
LANGUAGE_SWITCH = ("console_language",)  # offers the other language in that language (中文 / English)


class Unplugged:
    """A store as a terminal's change bridge sees it, with a plug to pull: while ``down``, reading
    the hall fails the way a lost database server does (StoreError, code unreachable)."""

    def __init__(self, store):
        self.store, self.down = store, False

    def hall_rows(self, day: str):
        if self.down:
            raise StoreError("the database server is away", StoreCode.UNREACHABLE)
        return self.store.hall_rows(day)

    def __getattr__(self, name):
        return getattr(self.store, name)


def tap(qtbot, w) -> None:
    QApplication.processEvents()
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def assert_fine(root: QWidget, lang: str, state: str, size: tuple[int, int] | None = CONSOLE_SIZE) -> None:
    found = problems(root, english=lang == EN, foreign_ok=LANGUAGE_SWITCH, size=size)
    assert not found, f"{state} ({lang}):\n" + "\n".join(found)


@pytest.fixture
def staff_hall(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    """A hall's store with tickets waiting, a bridge whose store can be unplugged, and a
    console factory: ``console(n, lang)``."""
    store = Store.open(tmp_path)
    plug = Unplugged(store)
    bridge = ChangeBridge(plug, clock)
    bridge.start()
    desk = make_desk(store, catalogue, hall, clock)

    def console(n: int = 1, lang: str = ZH):
        bridge.check()
        w = build_console(catalogue, hall, n, store, bridge, clock, Language(lang))
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield dict(store=store, plug=plug, bridge=bridge, desk=desk, console=console, clock=clock, hall=hall)
    bridge.stop()
    store.close()


def issue_morning(desk) -> None:
    elder = persona("elder")
    desk.issue(Request(item_code="QYKB-001"), elder.resident_id, elder.tags, use_green=True)
    for code in ("SHBX-001", "HJBL-002", "GJJF-001", "SHBX-001", "HJBL-002"):
        desk.issue(Request(item_code=code))
    desk.issue(Request(category="consult"))


def console_states(qtbot, env, w):
    """Drive console ``w`` through every state it has, by taps; yield each state's name there."""
    clock = env["clock"]
    yield "idle"
    tap(qtbot, w.actions["call_next"])
    yield "called"
    clock.advance(minutes=1)
    tap(qtbot, w.actions["start"])
    tap(qtbot, w.material_buttons[0])
    tap(qtbot, w.material_buttons[1])
    yield "serving with materials"
    tap(qtbot, w.actions["transfer"])
    yield "transfer panel"
    tap(qtbot, w.transfer_panel.cancel)
    tap(qtbot, w.actions["suspend"])
    yield "suspend panel"
    tap(qtbot, w.findChild(QPushButton, f"suspend_reason_{SuspendReason.AWAITING_MATERIAL.value}"))
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.actions["start"])
    tap(qtbot, w.actions["suspend"])
    tap(qtbot, w.findChild(QPushButton, f"suspend_reason_{SuspendReason.BACK_OFFICE.value}"))
    yield "suspended list"
    tap(qtbot, w.actions["call_number"])
    for key in ("callpad_letter_A", "callpad_digit_0", "callpad_digit_0", "callpad_digit_4"):
        tap(qtbot, w.findChild(QPushButton, key))
    yield "call-number pad"
    tap(qtbot, w.call_pad.ok)
    tap(qtbot, w.actions["no_show"])
    tap(qtbot, w.actions["reactivate"])
    yield "reactivate pad"
    tap(qtbot, w.revive_panel.cancel)
    tap(qtbot, w.pause_button)
    yield "pause panel"
    tap(qtbot, w.findChild(QPushButton, f"pause_reason_{PauseReason.LUNCH.value}"))
    yield "paused"
    tap(qtbot, w.pause_button)
    env["bridge"].timer.stop()  # this console has not heard yet (the feed is polled every 150 ms)
    other = Store.open(env["store"].data_dir)  # another terminal calls for this window ...
    try:
        assert Counter(other, env["hall"], w.counter.number, clock).call_next() is not None
    finally:
        other.close()
    tap(qtbot, w.actions["call_next"])  # ... before this console heard of it: refused
    assert w.message[1]
    yield "refused"
    env["plug"].down = True
    env["bridge"].refresh()
    assert not env["bridge"].online
    yield "reconnecting"
    env["plug"].down = False


@pytest.mark.parametrize("lang", LANGS)
def test_every_console_state_fits_is_named_and_in_its_language(qtbot, staff_hall, lang):
    issue_morning(staff_hall["desk"])
    w = staff_hall["console"](1, lang)
    seen = []
    for state in console_states(qtbot, staff_hall, w):
        assert_fine(w, lang, state)
        seen.append(state)
    assert len(seen) == 12


@pytest.mark.parametrize("lang", LANGS)
def test_every_console_state_passes_the_kiosk_walkers_eye_too(qtbot, staff_hall, lang):
    """The kiosk's accessibility walker (tests/test_walker.py) measures what this module's checker
    does not: text size and contrast on the rendered pixels, control edges, marks on checked
    buttons. Every console state passes it as well."""
    from test_walker import NORMAL_RULES
    from test_walker import problems as walker_problems

    issue_morning(staff_hall["desk"])
    w = staff_hall["console"](1, lang)
    found = []
    for state in console_states(qtbot, staff_hall, w):
        settle()
        found += [f"{state}: {p}" for p in walker_problems(w, NORMAL_RULES)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_every_window_console_fits_open_and_paused(qtbot, staff_hall, lang):
    """Each window's own title and state in the header (the longest: 帮办代办窗口, the
    problem-solving window), open, paused with the longest reason, and offline."""
    for win in staff_hall["hall"].windows:
        w = staff_hall["console"](win.number, lang)
        assert_fine(w, lang, f"window {win.number} open")
        tap(qtbot, w.pause_button)
        tap(qtbot, w.findChild(QPushButton, f"pause_reason_{PauseReason.FAULT.value}"))
        assert_fine(w, lang, f"window {win.number} paused")
        tap(qtbot, w.pause_button)
        w.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_names_wrap_and_nothing_grows_the_console(qtbot, staff_hall, catalogue, lang):
    """The catalogue's longest item and 一件事 names (QYKB-005's English is 96 characters), with a
    priority badge and two services on hold under them: everything wraps inside 1280×800."""
    env = staff_hall
    desk, hall = env["desk"], env["hall"]
    en = lang == EN
    longest_item = max(catalogue.items, key=lambda i: len(i.name_en if en else i.name))
    longest_bundle = max(catalogue.bundles, key=lambda b: len(b.name_en if en else b.name))
    for req in (Request(item_code=longest_item.code), Request(bundle_code=longest_bundle.code)):
        category = desk.category_of(req)
        window = next(w.number for w in hall.windows if category in w.categories)
        w = env["console"](window, lang)
        for _ in range(2):  # two on hold first
            desk.issue(Request(category=category))
            env["bridge"].check()
            tap(qtbot, w.actions["call_next"])
            tap(qtbot, w.actions["start"])
            tap(qtbot, w.actions["suspend"])
            tap(qtbot, w.findChild(QPushButton, f"suspend_reason_{SuspendReason.COPYING.value}"))
        vet = persona("veteran")
        desk.issue(req, vet.resident_id, vet.tags, use_green=True)
        env["bridge"].check()
        tap(qtbot, w.actions["call_next"])
        name = (longest_item.name_en if en else longest_item.name) if req.item_code else \
            (longest_bundle.name_en if en else longest_bundle.name)
        assert w.subject.text() == name and w.badges.isVisible()
        assert len(w.findChildren(QPushButton, options=Qt.FindChildOption.FindChildrenRecursively)) > 10
        assert_fine(w, lang, f"serving {name[:30]}")
        tap(qtbot, w.actions["start"])
        tap(qtbot, w.actions["finish"])
        for t in env["store"].tickets_on(env["clock"]().date().isoformat()):
            if t.status == "suspended" and t.window == window:
                Counter(env["store"], hall, window, env["clock"]).resume(t.id)
                Counter(env["store"], hall, window, env["clock"]).finish()
        w.close()


# --- state in a shape and in words, never a colour alone -------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_received_document_shows_a_mark_and_says_so(qtbot, staff_hall, lang):
    staff_hall["desk"].issue(Request(item_code="QYKB-001"))
    w = staff_hall["console"](1, lang)
    tap(qtbot, w.actions["call_next"])
    b = w.material_buttons[0]
    name = w.material_names[0]
    assert not b.isChecked() and b.text().startswith(NOT_RECEIVED) and RECEIVED not in b.text()
    assert b.accessibleName() == ("{}: not received yet" if lang == EN else "{}：未收到").format(name)
    tap(qtbot, b)
    assert b.isChecked() and b.text() == f"{RECEIVED} {name}"
    assert b.accessibleName() == ("{}: received" if lang == EN else "{}：已收到").format(name)
    tap(qtbot, w.actions["start"])  # the hall changes: the tick, its mark and its name stay
    assert b.isChecked() and b.text().startswith(RECEIVED)
    tap(qtbot, b)
    assert not b.isChecked() and b.text().startswith(NOT_RECEIVED)


def test_refusals_carry_a_mark_and_disabled_actions_are_dashed(qtbot, staff_hall):
    staff_hall["desk"].issue(Request(category="consult"))
    w = staff_hall["console"](2)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.actions["recall"])  # too soon: refused
    assert w.message[1] and w.feedback.text().startswith(WARNING) and "秒后才能重呼" in w.feedback.text()
    assert w.feedback.accessibleName().startswith("提示：") and WARNING not in w.feedback.accessibleName()
    tap(qtbot, w.actions["start"])
    assert not w.message[1] and not w.feedback.text()  # a done action clears it
    QApplication.processEvents()
    off, on = w.actions["call_next"], w.actions["finish"]
    assert not off.isEnabled() and on.isEnabled()
    assert dashed(off) and dashed(w.actions["recall"]) and dashed(w.actions["no_show"])  # grey, and dashed
    assert not dashed(on)


def test_the_paused_board_and_console_say_it_in_words(qtbot, staff_hall):
    w = staff_hall["console"](5)
    tap(qtbot, w.pause_button)
    tap(qtbot, w.findChild(QPushButton, "pause_reason_lunch"))
    assert w.state.text() == "暂停中：午间轮岗" and w.pause_button.text() == "恢复窗口"
    assert w.idle_title.text() == "窗口暂停中，恢复后再叫号"
    staff_hall["plug"].down = True
    staff_hall["bridge"].refresh()
    assert w.state.text() == "正在重新连接……" and w.feedback.text().startswith(WARNING)
    assert all(not b.isEnabled() for b in w.actions.values()) and not w.pause_button.isEnabled()


# --- keys alone ---------------------------------------------------------------------------------


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(key, text: str = "") -> None:
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def tab_to(name: str, limit: int = 60) -> QWidget:
    """Tab until the control named ``name`` has the focus (fails if Tab never reaches it)."""
    seen = []
    for _ in range(limit):
        w = focused()
        if w is not None and w.objectName() == name:
            return w
        seen.append(w.objectName() if w is not None else None)
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; went through {seen}")


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_console_worked_by_keys_alone(qtbot, staff_hall):
    env = staff_hall
    store = env["store"]
    a = env["desk"].issue(Request(item_code="QYKB-001")).ticket
    b = env["desk"].issue(Request(category="comprehensive")).ticket
    c = env["desk"].issue(Request(category="comprehensive")).ticket
    w = env["console"](1)
    activate(qtbot, w)
    assert focused() is w  # the console holds the focus: no ring on a control nobody chose
    press(Qt.Key.Key_Tab)
    assert focused() is w.actions["call_next"]  # the first Tab: 叫号
    press(Qt.Key.Key_Return)
    assert w.number.text() == a.number and store.ticket(a.id).status == "called"
    tab_to("console_start")
    press(Qt.Key.Key_Enter)
    assert store.ticket(a.id).status == "serving"
    material = tab_to("console_material_0")
    press(Qt.Key.Key_Space)  # received
    assert material.isChecked() and material.text().startswith(RECEIVED)
    # suspend: the panel opens with the focus on its first reason; Enter picks it
    tab_to("console_suspend")
    press(Qt.Key.Key_Return)
    assert w.left.currentWidget() is w.suspend_panel
    assert focused().objectName() == f"suspend_reason_{SuspendReason.AWAITING_MATERIAL.value}"
    press(Qt.Key.Key_Return)
    assert store.ticket(a.id).status == "suspended" and w.left.currentWidget() is w.card
    assert focused() is not None and focused().isEnabled() and w.isAncestorOf(focused())  # the focus stays in the console
    # the next one, then transfer it to window 6 (realty) by keys
    tab_to("console_call_next")
    press(Qt.Key.Key_Return)
    assert w.number.text() == b.number
    tab_to("console_transfer")
    press(Qt.Key.Key_Return)
    assert w.left.currentWidget() is w.transfer_panel and w.transfer_panel.isAncestorOf(focused())
    tab_to("transfer_to_w6")
    press(Qt.Key.Key_Return)
    moved = store.ticket(b.id)
    assert (moved.target_window, moved.status) == (6, "waiting") and w.left.currentWidget() is w.card
    # resume the one on hold: its chip is reached by Tab too
    tab_to(f"console_resume_{a.number}")
    press(Qt.Key.Key_Space)
    assert store.ticket(a.id).status == "serving"
    tab_to("console_finish")
    press(Qt.Key.Key_Return)
    assert store.ticket(a.id).status == "done"
    # call a number, typed on the keyboard: the letter, the digits, then OK
    tab_to("console_call_number")
    press(Qt.Key.Key_Return)
    assert w.call_panel.isAncestorOf(focused())
    assert c.number == "A003"
    for key in (Qt.Key.Key_A, Qt.Key.Key_0, Qt.Key.Key_0, Qt.Key.Key_4, Qt.Key.Key_Backspace, Qt.Key.Key_3):
        QTest.keyClick(focused(), key)
    assert w.call_pad.display.text() == c.number
    tab_to("callpad_ok")
    press(Qt.Key.Key_Return)
    assert store.ticket(c.id).status == "called" and w.number.text() == c.number
    # Escape is not needed: 返回 is a button like any other
    tab_to("console_reactivate")
    press(Qt.Key.Key_Return)
    tab_to("console_revive_cancel")
    press(Qt.Key.Key_Return)
    assert w.left.currentWidget() is w.card and focused() is w.actions["reactivate"]
    # the header: pause by keys, with a reason
    tab_to("console_pause")
    press(Qt.Key.Key_Return)
    assert "暂停" in w.state.text() or w.left.currentWidget() is w.pause_panel


@pytest.mark.parametrize("lang", LANGS)
def test_every_console_control_is_reached_by_tab(qtbot, staff_hall, lang):
    """Tab goes round every enabled control of a serving console, each once, with a visible
    name; nothing that can be tapped is left out."""
    staff_hall["desk"].issue(Request(item_code="QYKB-001"))
    w = staff_hall["console"](1, lang)
    activate(qtbot, w)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.actions["start"])
    targets = {b for b in w.findChildren(QPushButton) if shown(b, w) and b.isEnabled()}
    reached = []
    for _ in range(len(targets) + 5):
        press(Qt.Key.Key_Tab)
        if focused() in reached:
            break
        reached.append(focused())
    assert targets <= set(reached), sorted(b.objectName() for b in targets - set(reached))


# --- the call board -----------------------------------------------------------------------------


@pytest.fixture
def board_hall(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    """A board on its own connection (another process's), fed by the desk and windows on theirs."""
    data = tmp_path / "data"
    store, other = Store.open(data), Store.open(data)
    plug = Unplugged(store)
    bridge = ChangeBridge(plug, clock)
    announcer = Announcer(engine="silent", caption_ms=60_000, gap_ms=0)
    language = Language()
    board = BoardWindow(hall=hall, bridge=bridge, announcer=announcer, language=language, clock=clock,
                        flash_ms=60_000, flash_interval_ms=30_000)
    language.attach(board)
    Theme(theme_cache).attach(board)
    qtbot.addWidget(board)
    board.resize(*BOARD_SIZE)
    board.show()
    qtbot.waitExposed(board)
    bridge.start()
    yield dict(board=board, plug=plug, bridge=bridge, announcer=announcer, language=language, hall=hall,
               desk=make_desk(other, catalogue, hall, clock), counter=lambda n: Counter(other, hall, n, clock),
               clock=clock)
    bridge.stop()
    announcer.clear()
    board.flash_timer.stop()
    store.close()
    other.close()


def board_states(env):
    """The board through every state it has; yield each state's name there."""
    board, bridge, clock = env["board"], env["bridge"], env["clock"]
    yield "empty"
    for category, n in (("comprehensive", 14), ("realty", 3), ("police", 2), ("assist", 1), ("cannot_do", 1)):
        for _ in range(n):
            env["desk"].issue(Request(category=category))
    for window in (1, 2, 3, 4, 6, 8, 9, 10):
        env["counter"](window).call_next()
        clock.advance(seconds=40)
    bridge.check()
    assert board.flashing and board.highlighted
    yield "calling, flashing"
    board.stop_flash()
    yield "calling, others and recent"
    for window in (1, 2, 3, 4):
        env["counter"](window).start()
        env["counter"](window).finish()
        env["counter"](window).call_next()
        clock.advance(seconds=40)
    bridge.check()
    board.stop_flash()
    yield "eight recent calls"
    for window, reason in ((5, PauseReason.LUNCH), (6, PauseReason.TRAINING), (7, PauseReason.AWAY), (9, PauseReason.FAULT)):
        env["counter"](window).pause(reason)
    bridge.check()
    yield "paused windows"
    env["announcer"].set_muted(True)
    env["clock"].advance(seconds=61)
    env["counter"](2).recall()
    bridge.check()
    board.stop_flash()
    yield "muted, a recall as a caption"
    env["announcer"].set_muted(False)
    env["announcer"].clear()
    env["plug"].down = True
    bridge.refresh()
    assert not bridge.online
    yield "reconnecting"
    env["plug"].down = False


@pytest.mark.parametrize("lang", LANGS)
def test_every_board_state_fits_is_named_and_in_its_language(board_hall, lang):
    board = board_hall["board"]
    board_hall["language"].set(lang)
    seen = []
    for state in board_states(board_hall):
        assert_fine(board, lang, state, size=BOARD_SIZE)
        seen.append(state)
    assert len(seen) == 7


def test_board_lists_read_whole_rows_to_a_screen_reader(board_hall):
    board = board_hall["board"]
    for _ in range(3):
        board_hall["desk"].issue(Request(category="comprehensive"))
    board_hall["counter"](3).call_next()
    board_hall["counter"](1).call_next()
    board_hall["bridge"].check()
    number, window, at = board.recent_rows[1]
    assert number.accessibleName() == f"A001，3 号窗口，{at.text()} 叫号"
    assert board.recent_card.accessibleName() == "最近叫号" and board.waiting_card.accessibleName() == "等候人数"
    count = board.waiting_labels["comprehensive"][1]
    assert count.text() == "1" and count.accessibleName() == "综合受理：1 人等候"
    other = next(lab for lab in board.other_labels if lab.isVisible())
    assert other.text() == "A001 → 3 号窗口" and other.accessibleName() == "正在叫号：A001 号请到 3 号窗口"
    board_hall["language"].set(EN)
    assert number.accessibleName() == f"A001, Window 3, called at {at.text()}"
    assert count.accessibleName() == "General services: 1 waiting"
    assert board.caption_box.accessibleName() == board.caption_tag.text()


def test_the_board_by_keys(qtbot, board_hall):
    board = board_hall["board"]
    activate(qtbot, board)
    assert focused() is board  # no focus ring on 播报声音 until a key moves it
    press(Qt.Key.Key_Tab)
    assert focused() is board.mute
    press(Qt.Key.Key_Space)
    assert board_hall["announcer"].muted and board.mute.text() == "播报声音：关"
    press(Qt.Key.Key_Return)
    assert not board_hall["announcer"].muted and board.mute.accessibleName() == "播报声音：开，按下关闭"
    assert not problems(board, size=BOARD_SIZE)  # the focus ring takes no room from its text


# --- kiosk hall: every window's tab -------------------------------------------------------------


@pytest.fixture
def hall_tabs(qtbot, staff_hall, catalogue, hall, clock, theme_cache):
    tabs = ConsoleTabs()
    consoles = []
    for win in hall.windows:
        c = build_console(catalogue, hall, win.number, staff_hall["store"], staff_hall["bridge"], clock, Language())
        consoles.append(c)
        tabs.add_console(c)
    Theme(theme_cache).attach(tabs)
    qtbot.addWidget(tabs)
    tabs.resize(*tabs.reference_size())
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, consoles


@pytest.mark.parametrize("lang", LANGS)
def test_every_window_has_a_tab_in_sight_that_fits_its_label(qtbot, hall_tabs, hall, lang):
    tabs, consoles = hall_tabs
    for c in consoles:
        c.language.set(lang)
    tabs.resize(*tabs.reference_size())
    bar = tabs.tabBar()
    assert bar.count() == len(hall.windows) == 10
    assert not bar.usesScrollButtons()
    for i, win in enumerate(hall.windows):
        r = bar.tabRect(i)
        assert bar.rect().contains(r) and r.width() >= 120 and r.height() >= 72, (i, r)
        assert bar.drawn_text(i).split("\n")[0] == str(win.number)
        assert (win.name_en if lang == EN else win.name) in bar.tabText(i)
    for i in (0, 7, 9):  # windows 8–10 too: a tap on the tab shows that window's console
        tap_tab(qtbot, bar, i)
        assert tabs.currentWidget() is consoles[i]
        assert_fine(tabs, lang, f"tab {i + 1}", size=tabs.reference_size())
        assert consoles[i].size().toTuple() == CONSOLE_SIZE  # each console keeps its reference size


def tap_tab(qtbot, bar: QTabBar, index: int) -> None:
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_console_switching_language_relabels_only_its_tab(qtbot, hall_tabs):
    tabs, consoles = hall_tabs
    bar = tabs.tabBar()
    tap_tab(qtbot, bar, 2)
    tap(qtbot, consoles[2].lang)
    assert bar.tabText(2) == "3 General window" and bar.accessibleTabName(2) == "Window console: 3 General window"
    assert bar.tabText(3) == "4 综合窗口" and bar.accessibleTabName(3) == "窗口叫号：4 综合窗口"
    assert not problems(tabs, english=False, foreign_ok=LANGUAGE_SWITCH)


def test_the_tabs_by_keys(qtbot, hall_tabs):
    tabs, consoles = hall_tabs
    activate(qtbot, tabs)
    bar = tabs.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(9):
        press(Qt.Key.Key_Right)
    assert tabs.currentIndex() == 9 and tabs.currentWidget() is consoles[9]
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab) if focused() is consoles[9] else None
    assert consoles[9].isAncestorOf(focused()) and focused().objectName().startswith("console_")


# --- the console's 差评回访 panel -------------------------------------------------------------------


def followup_states(qtbot, env, w):
    """Three 差评 follow-ups (one called back, one overdue, one with long words), then the panel's
    list and its two forms, by taps; yield each state's name."""
    import datetime as _dt

    from kiosk.domain.feedback import Level, Tag

    p, store, clock = env["promises"], env["store"], env["clock"]
    for window, level, tags, text in ((2, Level.DISSATISFIED, (Tag.LONG_WAIT,), ""),
                                      (6, Level.VERY_DISSATISFIED, (Tag.RUDE, Tag.NOT_TOLD, Tag.TOO_MANY_MATERIALS),
                                       "nobody told me which certificate to bring, I came three times"),
                                      (10, Level.DISSATISFIED, (), "too long a wait for the assisted service")):
        slip = p.desk.issue(Request(category=env["hall"].windows[window - 1].categories[0]))
        c = Counter(store, env["hall"], window, clock)
        c.call_next()
        c.start()
        c.finish()
        p.rate(store.ticket(slip.ticket.id), level, tags, text)
    called = p.follow_ups()[1]
    p.called_back(called.id, "called back: apologised, explained the checklist")
    clock.now = clock.now + _dt.timedelta(days=4)  # Tuesday: Monday's calls are late
    env["bridge"].refresh()
    yield "opener with overdue follow-ups"
    tap(qtbot, w.followups.opener)
    yield "follow-up list"
    first = w.followups.follow_ups[0]
    tap(qtbot, w.followups.row_buttons[first.id])
    tap(qtbot, w.followups.confirm)
    yield "record the call: no note"
    tap(qtbot, w.followups.back)
    tap(qtbot, w.followups.row_buttons[called.id])
    tap(qtbot, w.followups.after_buttons[Level.FAIR])
    yield "record the fix"


@pytest.mark.parametrize("lang", LANGS)
def test_the_follow_ups_panel_fits_is_named_and_passes_the_walkers_eye(qtbot, staff_hall, catalogue, hall, lang):
    from test_walker import NORMAL_RULES
    from test_walker import problems as walker_problems

    from kiosk.app import make_promises

    env = dict(staff_hall, promises=make_promises(staff_hall["store"], staff_hall["desk"]))
    staff_hall["bridge"].check()
    w = build_console(catalogue, hall, 1, staff_hall["store"], staff_hall["bridge"], staff_hall["clock"],
                      Language(lang), env["promises"])
    Theme(staff_hall["store"].data_dir / "cache").attach(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    found, seen = [], []
    for state in followup_states(qtbot, env, w):
        seen.append(state)
        found += [f"{state}: {p}" for p in problems(w, english=lang == EN, foreign_ok=LANGUAGE_SWITCH,
                                                    size=CONSOLE_SIZE)]
        found += [f"{state}: {p}" for p in walker_problems(w, NORMAL_RULES)]
    assert len(seen) == 4
    assert not found, "\n".join(found)


# --- the window's rating pad (800×1280) ---------------------------------------------------------


def pad_states(qtbot, env, pad, lang: str, elder: bool):
    """Drive window 1's rating pad through its states by taps (the window finishes tickets at its
    console); yield each state's name."""
    from kiosk.domain.feedback import Level, Tag

    desk, clock, store = env["desk"], env["clock"], env["store"]
    counter = Counter(store, env["hall"], 1, clock)

    def serve():
        desk.issue(Request(item_code="QYKB-005"))  # the longest English name of the catalogue
        counter.call_next()
        counter.start()
        counter.finish()
        env["bridge"].refresh()

    yield "idle"
    serve()
    yield "levels"
    tap(qtbot, pad.panel.level_buttons[Level.SATISFIED])
    tap(qtbot, pad.panel.tag_buttons[Tag.KIND])
    yield "praise tags"
    tap(qtbot, pad.panel.change)
    tap(qtbot, pad.panel.level_buttons[Level.VERY_DISSATISFIED])
    tap(qtbot, pad.panel.submit)
    yield "差评 without a reason"
    tap(qtbot, pad.panel.keys_button)
    for ch in "HOURS":
        tap(qtbot, pad.panel.keys.keys[ch])
    yield "keyboard and words"
    tap(qtbot, pad.panel.submit)
    yield "thanks, with the follow-up"
    tap(qtbot, pad.thanks_page.done)  # back in the hall's defaults: the next citizen switches again
    if pad.language.current != lang:
        tap(qtbot, pad.header.lang)
    if pad.header.elder.isChecked() != elder:
        tap(qtbot, pad.header.elder)
    serve()
    env["promises"].rate(pad.ticket, Level.FAIR)  # rated at the kiosk meanwhile
    tap(qtbot, pad.panel.level_buttons[Level.FAIR])
    tap(qtbot, pad.panel.submit)
    yield "already rated"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("elder", (False, True), ids=("normal", "elder"))
def test_every_pad_state_fits_is_named_and_passes_the_walkers_eye(qtbot, staff_hall, catalogue, hall, lang, elder):
    from test_walker import ELDER_RULES, NORMAL_RULES
    from test_walker import problems as walker_problems

    from kiosk.app import Settings, build_pad, make_promises
    from kiosk.ui.pad.window import REFERENCE_SIZE as PAD_SIZE

    env = dict(staff_hall, promises=make_promises(staff_hall["store"], staff_hall["desk"]))
    pad = build_pad(Settings(data_dir=staff_hall["store"].data_dir, voice_engine="none"), catalogue, hall, 1,
                    env["promises"], staff_hall["bridge"], Language(lang), elder=elder)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    found, seen = [], []
    for state in pad_states(qtbot, env, pad, lang, elder):
        seen.append(state)
        found += [f"{state}: {p}" for p in problems(pad, english=lang == EN, foreign_ok=("pad_language",),
                                                    size=PAD_SIZE)]
        found += [f"{state}: {p}" for p in walker_problems(pad, ELDER_RULES if elder else NORMAL_RULES)]
    assert len(seen) == 7
    assert not found, "\n".join(found)


# --- the checker itself -------------------------------------------------------------------------


def test_the_checker_finds_what_it_is_for(qtbot):
    """A cut label, a small button, a nameless one, a name without its label, Chinese in English,
    overlapping buttons, a child outside its parent: each is reported."""
    root = QWidget()
    root.setObjectName("root")
    cut = QLabel("A label far too long for its forty pixels", root)
    cut.setObjectName("cut")
    cut.setGeometry(0, 0, 40, 30)
    small = button("small")
    set_text(small, "OK")
    nameless = QPushButton("Go")
    wrong = button("wrong")
    set_text(wrong, "Save", "Store")
    chinese = button("chinese")
    set_text(chinese, "确定")
    row = QWidget(root)
    row.setGeometry(0, 100, 600, 100)
    lay = QHBoxLayout(row)
    for b in (small, nameless, wrong, chinese):
        lay.addWidget(b)
    qtbot.addWidget(root)
    root.resize(640, 240)
    root.show()
    small.setFixedSize(40, 40)
    over = button("over", "", False)
    set_text(over, "x")
    over.setParent(row)
    over.setGeometry(small.geometry().adjusted(5, 5, 5, 5))
    over.show()
    outside = QLabel("out", root)
    outside.setGeometry(600, 200, 80, 80)
    outside.show()
    found = "\n".join(problems(root, english=True))
    for expected in ("clipped: QLabel cut", "target: KioskButton small", "unnamed: QPushButton",
                     "name: KioskButton wrong", "language: KioskButton chinese", "small and over overlap",
                     "clipped: QLabel  'out'"):
        assert expected in found, (expected, found)
    assert "fits:" in "\n".join(problems(root, size=(600, 200)))
