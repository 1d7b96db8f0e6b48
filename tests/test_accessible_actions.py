"""A screen reader's "activate" does what a tap does, and counts as the citizen's activity.

A screen reader activates a control through Qt's accessibility interface: the control's default
action — Press on a button, Toggle on a checkable one (a persona card, a chip), which Qt
implements as ``toggle()``, not a click. Here those actions are done through the same
interface (offscreen, no AT-SPI bus needed; tests/test_screen_reader.py does it over a real
bus) and the kiosk is compared with one driven by taps.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.app import Settings, build_kiosk_window
from kiosk.ui.shared.navigator import Screen


class Kiosk:
    def __init__(self, qtbot, window):
        self.qtbot, self.w = qtbot, window

    @property
    def screen(self):
        return self.w.nav.current

    def tap(self, widget: QPushButton) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget.objectName()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def activate(self, widget: QPushButton) -> str:
        """The screen reader's activate: the default action (index 0) of the accessible interface."""
        assert widget.isVisible() and widget.isEnabled(), widget.objectName()
        actions = QAccessible.queryAccessibleInterface(widget).actionInterface()
        name = actions.actionNames()[0]
        actions.doAction(name)
        return name

    def activate_to(self, widget: QPushButton, screen: Screen) -> None:
        """Press animates the click: the screen changes a moment later (waited for, not slept)."""
        assert self.activate(widget) == "Press"
        self.qtbot.waitUntil(lambda: self.screen == screen, timeout=3000)


@pytest.fixture
def make_kiosk(qtbot, catalogue, hall, clock, tmp_path):
    made = []

    def make() -> Kiosk:  # kiosks of one test share a data directory, like kiosks in one hall
        window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path / "data"),
                                           catalogue, hall, clock=clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, store))
        return Kiosk(qtbot, window)

    yield make
    app = QApplication.instance()
    for window, store in made:
        app.removeEventFilter(window.idle)
        window.idle.timer.stop()
        store.close()


def identity_state(k: Kiosk) -> tuple:
    """What the identity screen shows and what the visit holds."""
    ident, v = k.w.identity, k.w.visit
    return (v.persona_id, v.resident_id, v.use_green, ident.id_field.text(),
            ident.green.isVisible(), ident.green.isChecked(), ident.green.text(),
            {pid: b.isChecked() for pid, b in ident.persona_buttons.items()},
            ident.confirm.isEnabled())


def to_identity(k: Kiosk, by_screen_reader: bool) -> None:
    if by_screen_reader:
        k.activate_to(k.w.home.ticket_tile, Screen.TICKET_MENU)
        k.activate_to(k.w.menu.desk_buttons["consult"], Screen.IDENTITY)
    else:
        k.tap(k.w.home.ticket_tile)
        k.tap(k.w.menu.desk_buttons["consult"])
    assert k.screen == Screen.IDENTITY


def test_toggle_on_a_persona_card_reads_the_card_as_a_tap_does(make_kiosk):
    tapped, spoken = make_kiosk(), make_kiosk()
    to_identity(tapped, by_screen_reader=False)
    to_identity(spoken, by_screen_reader=True)
    assert identity_state(spoken) == identity_state(tapped)

    tapped.tap(tapped.w.identity.persona_buttons["elder"])
    card = spoken.w.identity.persona_buttons["elder"]
    assert spoken.activate(card) == "Toggle"  # a checkable card: Qt's default action is Toggle, not Press
    assert spoken.w.visit.persona_id == "elder"  # the card was read, not only ticked
    assert spoken.w.identity.green.isVisible() and spoken.w.identity.green.isChecked()
    assert identity_state(spoken) == identity_state(tapped)

    # again on the card that is read: a tap keeps it read, so does the screen reader
    tapped.tap(tapped.w.identity.persona_buttons["elder"])
    spoken.activate(card)
    assert identity_state(spoken) == identity_state(tapped) and card.isChecked()

    # another card replaces it, as a tap does
    tapped.tap(tapped.w.identity.persona_buttons["veteran"])
    spoken.activate(spoken.w.identity.persona_buttons["veteran"])
    assert spoken.w.visit.persona_id == "veteran"
    assert identity_state(spoken) == identity_state(tapped)

    # the green channel (a check box) and 确认取号 (a button) by their default actions too
    green = spoken.w.identity.green
    assert spoken.activate(green) == "Toggle" and not green.isChecked() and not spoken.w.visit.use_green
    spoken.activate(green)
    spoken.activate_to(spoken.w.identity.confirm, Screen.SLIP)
    assert spoken.w.slip.number.text() == "Z001"
    assert spoken.w.slip.green.isVisible() and "绿色通道" in spoken.w.slip.green.text()


def test_the_program_ticking_a_card_is_not_a_person_acting(make_kiosk):
    k = make_kiosk()
    to_identity(k, by_screen_reader=False)
    k.tap(k.w.identity.persona_buttons["elder"])
    touched = k.w.idle.last_touch
    k.w.identity.persona_buttons["veteran"].setChecked(True)  # a refresh's doing, not the citizen's
    assert k.w.visit.persona_id == "elder" and k.w.idle.last_touch == touched


def test_toggle_on_a_chip_filters_as_a_tap_does(make_kiosk, catalogue):
    tapped, spoken = make_kiosk(), make_kiosk()
    tapped.tap(tapped.w.home.browse_tile)
    spoken.activate_to(spoken.w.home.browse_tile, Screen.CATALOGUE)
    ts, ss = tapped.w.catalogue_screen, spoken.w.catalogue_screen

    def rows(screen):
        return [r.key for r in screen.model.rows()]

    for mode, chip, check in (("theme", "BDCD", lambda i: i.theme == "BDCD"),
                              ("department", "PCS", lambda i: i.department == "PCS")):
        tapped.tap(ts.mode_buttons[mode])
        assert spoken.activate(ss.mode_buttons[mode]) == "Toggle"
        assert ss.mode == mode and ss.mode_buttons[mode].isChecked()
        assert [b.isChecked() for b in ss.mode_buttons.values()] == [b.isChecked() for b in ts.mode_buttons.values()]
        tapped.tap(ts.chips.buttons[chip])
        assert spoken.activate(ss.chips.buttons[chip]) == "Toggle"
        assert rows(ss) == rows(ts) and rows(ss), f"the chip {chip} did not filter"
        assert all(check(catalogue.by_code[key]) for key in rows(ss))
        assert ss.summary.text() == ts.summary.text()


def test_a_screen_reader_action_counts_as_activity(make_kiosk):
    k = make_kiosk()
    w = k.w
    now = [1000.0]
    w.idle.clock = lambda: now[0]
    w.idle.touch()
    to_identity(k, by_screen_reader=True)

    # Press (a button): the idle period starts again, as after a tap
    now[0] += 50
    k.activate(w.identity.findChild(QPushButton, "pad_1"))
    assert w.idle.last_touch == now[0]
    k.qtbot.waitUntil(lambda: w.visit.resident_id == "1", timeout=3000)  # and the key typed, as a tap would
    now[0] += 59
    w.idle.tick()
    assert not w.overlay.isVisible()

    # Toggle (a persona card) while the warning counts down: the citizen is there, the warning goes
    now[0] += 2
    w.idle.tick()
    assert w.overlay.isVisible()
    k.activate(w.identity.persona_buttons["elder"])
    assert not w.overlay.isVisible() and w.idle.last_touch == now[0]
    now[0] += 30
    w.idle.tick()
    assert k.screen == Screen.IDENTITY and w.visit.persona_id == "elder"  # not timed out

    # the warning's own 继续使用, pressed by the screen reader
    now[0] += 31
    w.idle.tick()
    assert w.overlay.isVisible()
    k.activate(w.overlay.keep)
    assert not w.overlay.isVisible()
    now[0] += 59
    w.idle.tick()
    assert k.screen == Screen.IDENTITY and not w.overlay.isVisible()
