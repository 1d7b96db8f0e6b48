"""The call board (叫号屏): a landscape 1920×1080 screen read from across the hall.

What it shows, top to bottom, left to right:

- the hall's name, the date and time, and the 播报声音 toggle (mute: captions only);
- NOW CALLING: the newest call very large ("A012 → 3 号窗口") under a "正在叫号" tag, flashing
  (the card alternates with an amber highlight) for ~6 s when it is new, with "第 2 次叫号" on a
  recall; under it, the other numbers being called right now. Before the windows' hours it says
  when calling starts; after them, once the last ticket is served (or on a day off), 今日已停止取号 ·
  今日办理结束 and when the hall opens next (hall.yaml's hours);
- the caption of the announcement being spoken (or, when idle, a hint: a missed number; after
  closing, that no more tickets are taken today);
- how many people wait in each category, by its prefix letter and name;
- the last 8 numbers called (number, window, time), and the windows that are paused and why;
- the opening hours (午间岗 and 周末值班 included) and the 五个零 promise.

The board never polls: it subscribes to the :class:`~kiosk.ui.shared.bridge.ChangeBridge` —
``ticket_called`` refreshes it, flashes the new call and queues it on the :class:`Announcer`
(recalls too); ``changed`` carries the hall's rows, read once per change for every terminal of the
process, and the board draws its :class:`~kiosk.domain.views.BoardView` of them. The only timers
are the flash (while it runs) and the wall clock, which asks for a new read once a day (after
midnight) and redraws when the hours turn (opening, closing) without a change in the hall.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.desk import Halt, hours_halt
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import PauseReason, Ticket
from kiosk.domain.ports import HallRows
from kiosk.domain.views import BoardView, board_view
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.voice import Announcer
from kiosk.ui.shared.widgets import ElidedLabel, button, classed, label, restyle, set_text
from kiosk.ui.shared.words import pause_reason_text, when_text

log = logging.getLogger(__name__)

REFERENCE_SIZE = (1920, 1080)
RECENT = 8  # rows in 最近叫号
OTHERS = 6  # other current calls shown under the newest one
PAUSED = 2  # paused windows listed one by one (more are summed up in one more line)
FLASH_MS = 6000
FLASH_INTERVAL_MS = 500


class BigText(QLabel):
    """One line of large text, drawn centred on its glyphs and shrunk to fit its width.

    A CJK font's line box is ~1.45 em tall; the board's huge number only needs its glyphs, so this
    label is 1.12 em tall and never clips: too long a text ("A1000 → 10 号窗口") is scaled down,
    or, with ``elide`` (free text such as a pause reason), cut with "…"."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, elide: bool = False):
        super().__init__(text, parent)
        self.elide = elide

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        m = self.contentsMargins()
        return QSize(fm.horizontalAdvance(self.text()) + m.left() + m.right() + 4,
                     round(self.font().pixelSize() * 1.12) + m.top() + m.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.sizeHint()
        if self.elide:
            m = self.contentsMargins()
            return QSize(self.fontMetrics().horizontalAdvance("……") + m.left() + m.right(), hint.height())
        return QSize(hint.width() // 2, hint.height())

    def fitted(self) -> tuple[QFont, str]:
        """The font and text drawn: the text cut with "…" (``elide``) or the font shrunk to fit."""
        text, rect = self.text(), self.contentsRect()
        font = QFont(self.font())
        fm = self.fontMetrics()
        width = fm.horizontalAdvance(text)
        if width > rect.width() and self.elide:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        elif width > rect.width() and font.pixelSize() > 0:
            font.setPixelSize(max(8, int(font.pixelSize() * rect.width() / width)))
        return font, text

    def paintEvent(self, _event) -> None:  # noqa: N802
        if not self.text():
            return
        rect = self.contentsRect()
        font, text = self.fitted()
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, opt, p, self)  # QSS background, border
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setFont(font)
        p.setPen(self.palette().color(self.foregroundRole()))
        fm = p.fontMetrics()
        tight = fm.tightBoundingRect(text)
        width = fm.horizontalAdvance(text)
        align = self.alignment()
        if align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.x() + (rect.width() - width) / 2
        elif align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() - width
        else:
            x = rect.x()
        # the tallest glyphs a line can have (Latin caps and CJK) centre on the rectangle
        box = fm.tightBoundingRect("A号")
        y = rect.y() + (rect.height() - box.height()) / 2 - box.top()
        if tight.top() < box.top() or tight.bottom() > box.bottom():  # taller glyphs: centre those
            y = rect.y() + (rect.height() - tight.height()) / 2 - tight.top()
        p.drawText(round(x), round(y), text)
        p.end()


def _card(cls: str = "board-card") -> QFrame:
    return classed(QFrame(), cls)


class BoardWindow(Retranslating, QWidget):
    """The call board terminal. Built with exactly what it needs; draws what the bridge read."""

    def __init__(self, *, hall: Hall, bridge: ChangeBridge, announcer: Announcer, language: Language,
                 clock: Callable[[], _dt.datetime], flash_ms: int = FLASH_MS,
                 flash_interval_ms: int = FLASH_INTERVAL_MS, parent: QWidget | None = None):
        super().__init__(parent)
        self.hall, self.bridge, self.announcer = hall, bridge, announcer
        self.language, self.clock = language, clock
        announcer.language = language  # the caption follows the board's language
        self.snapshot = BoardView()
        self._hours_shown: tuple[Halt | None, _dt.datetime | None, bool] = (None, None, False)
        self.setObjectName("BoardRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # the board holds the focus itself until Tab moves it to 播报声音 (no ring nobody asked for)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        body = QHBoxLayout()
        body.setContentsMargins(28, 18, 28, 14)
        body.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._build_now(), 1)
        left.addWidget(self._build_caption())
        left.addWidget(self._build_waiting())
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self._build_recent(), 1)
        right.addLayout(self._build_paused())
        right_box = QWidget()
        right_box.setObjectName("board_side")
        right_box.setLayout(right)
        right_box.setFixedWidth(560)
        right.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 1)
        body.addWidget(right_box)
        root.addLayout(body, 1)
        root.addWidget(self._build_notices())

        # the flash: the NOW CALLING card alternates with its highlight, then stays steady
        self._flash_on = False
        self._flash_left = 0
        self.flash_timer = QTimer(self)
        self.flash_timer.setInterval(max(1, flash_interval_ms))
        self.flash_timer.timeout.connect(self._flash_step)
        self._flash_ticks = max(2, round(flash_ms / max(1, flash_interval_ms)))
        # the wall clock: shows the minute; asks for a new read only when the day changes
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(15_000)
        self.clock_timer.timeout.connect(self._show_clock)
        self.clock_timer.start()

        bridge.ticket_called.connect(self._on_called)
        bridge.changed.connect(self.show_rows)
        announcer.caption_changed.connect(self._show_caption)
        bridge.connection_changed.connect(lambda _ok, _why: self._show_caption())
        announcer.muted_changed.connect(self._show_muted)
        self.mute.toggled.connect(announcer.set_muted)

        self.retranslate()
        self.refresh()

    # --- construction ---------------------------------------------------------------------------

    def _build_header(self) -> QFrame:
        header = _card("board-header")
        lay = QHBoxLayout(header)
        lay.setContentsMargins(32, 8, 28, 8)
        lay.setSpacing(24)
        self.hall_name = classed(ElidedLabel(), "board-head")
        self.hall_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.board_title = label(cls="board-title board-muted", wrap=False)
        self.clock_label = label(cls="board-clock", wrap=False)
        self.mute = button("board_mute", "board-mute", checkable=True)
        self.mute.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.mute.setChecked(self.announcer.muted)
        lay.addWidget(self.hall_name, 1)
        lay.addWidget(self.board_title)
        lay.addSpacing(24)
        lay.addWidget(self.clock_label)
        lay.addWidget(self.mute)
        return header

    def _build_now(self) -> QFrame:
        self.now_card = _card("board-now")
        lay = QVBoxLayout(self.now_card)
        lay.setContentsMargins(32, 20, 32, 20)
        lay.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(16)
        self.now_tag = label(cls="board-now-tag", wrap=False)
        self.recall_tag = label(cls="board-now-tag", wrap=False)
        self.window_name = classed(ElidedLabel(), "board-title board-muted")
        self.window_name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.window_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.now_tag)
        top.addWidget(self.recall_tag)
        top.addWidget(self.window_name, 1)
        lay.addLayout(top)
        lay.addStretch(1)

        line = QHBoxLayout()
        line.setSpacing(36)
        self.now_number = classed(BigText(), "board-number")
        self.now_arrow = classed(BigText("→"), "board-arrow")
        self.now_window = classed(BigText(), "board-window")
        for w in (self.now_number, self.now_arrow, self.now_window):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line.addStretch(1)
        line.addWidget(self.now_number)
        line.addWidget(self.now_arrow)
        line.addWidget(self.now_window)
        line.addStretch(1)
        lay.addLayout(line)
        # after the hours, once everyone is served: 今日办理结束 (the idle line under it says when we open)
        self.closed_title = classed(BigText(), "board-window")
        self.closed_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.closed_title)
        self.now_idle = label(cls="board-idle")
        self.now_idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.now_idle)
        lay.addStretch(1)

        others = QHBoxLayout()
        others.setSpacing(14)
        self.others_title = label(cls="board-muted", wrap=False)
        others.addWidget(self.others_title, 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.other_labels = []
        for i in range(OTHERS):
            lab = classed(BigText(), "board-other")
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(lab, i // 3, i % 3)
            self.other_labels.append(lab)
        others.addLayout(grid, 1)
        lay.addLayout(others)
        return self.now_card

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window().focusWidget() is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_caption(self) -> QFrame:
        self.caption_box = _card("board-caption")
        lay = QHBoxLayout(self.caption_box)
        lay.setContentsMargins(24, 10, 24, 10)
        lay.setSpacing(20)
        self.caption_tag = label(cls="board-small", wrap=False)
        # wraps onto a second line rather than cutting a long notice (the English reconnecting one)
        self.caption_text = label(cls="board-caption-text")
        self.caption_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.caption_tag)
        lay.addWidget(self.caption_text, 1)
        return self.caption_box

    def _build_waiting(self) -> QFrame:
        self.waiting_card = card = _card()
        card.setObjectName("board_waiting")
        lay = QHBoxLayout(card)
        lay.setContentsMargins(28, 12, 28, 12)
        lay.setSpacing(28)
        self.waiting_title = label(cls="board-title", wrap=False)
        lay.addWidget(self.waiting_title, 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.waiting_labels: dict[str, tuple[QLabel, QLabel]] = {}
        rows = (len(self.hall.categories) + 1) // 2
        for i, cat in enumerate(self.hall.categories):
            name = classed(ElidedLabel(), "board-muted")
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            count = classed(BigText(), "board-count")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, col = i % rows, (i // rows) * 3  # down the first column, then the second
            grid.addWidget(name, row, col)
            grid.addWidget(count, row, col + 1)
            grid.setColumnStretch(col, 1)
            self.waiting_labels[cat.code] = (name, count)
        grid.setColumnMinimumWidth(2, 40)  # a gap between the two columns
        lay.addLayout(grid, 1)
        return card

    def _build_recent(self) -> QFrame:
        self.recent_card = card = _card()
        card.setObjectName("board_recent")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 16, 28, 16)
        lay.setSpacing(4)
        self.recent_title = label(cls="board-title", wrap=False)
        lay.addWidget(self.recent_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        self.recent_head = [label(cls="board-small", wrap=False) for _ in range(3)]
        for col, lab in enumerate(self.recent_head):
            grid.addWidget(lab, 0, col)
        self.recent_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for r in range(RECENT):
            number = classed(BigText(), "board-row-number")
            window = classed(BigText(), "board-row-window")
            at = label(cls="board-small", wrap=False)
            at.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for w in (number, window):
                w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(number, r + 1, 0)
            grid.addWidget(window, r + 1, 1)
            grid.addWidget(at, r + 1, 2)
            self.recent_rows.append((number, window, at))
        self.recent_head[2].setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        self.recent_empty = label(cls="board-muted")
        lay.addWidget(self.recent_empty)
        lay.addStretch(1)
        return card

    def _build_paused(self) -> QVBoxLayout:
        lay = QVBoxLayout()
        lay.setSpacing(8)
        self.paused_labels = []
        for _ in range(PAUSED + 1):  # the last one sums up any more
            lab = classed(BigText(elide=True), "board-paused")
            lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            lay.addWidget(lab)
            self.paused_labels.append(lab)
        return lay

    def _build_notices(self) -> QFrame:
        band = _card("board-notices")
        lay = QVBoxLayout(band)
        lay.setContentsMargins(32, 10, 32, 10)
        lay.setSpacing(2)
        # one line each, every one free to wrap: the English promise alone is nearly the band's width
        self.hours_line = label(cls="board-small")
        self.promise_line = label(cls="board-small")
        self.special_line = label(cls="board-small")
        for lab in (self.hours_line, self.promise_line, self.special_line):
            lay.addWidget(lab)
        return band

    # --- what to show --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the hall as the bridge last read it."""
        self.show_rows(self.bridge.rows)

    def show_rows(self, rows: HallRows) -> None:
        self.snapshot = board_view(rows, RECENT)
        self._render()

    def _on_called(self, ticket: Ticket, window, recall: bool) -> None:
        if window is None:
            return
        self.announcer.announce(ticket.number, int(window))
        newest = board_view(self.bridge.rows, RECENT).newest
        if newest is not None and newest.ticket.id == ticket.id:
            self.flash()

    # --- the flash ------------------------------------------------------------------------------

    @property
    def flashing(self) -> bool:
        return self.flash_timer.isActive()

    @property
    def highlighted(self) -> bool:
        """True while the flash shows its highlight (amber card)."""
        return self._flash_on

    def flash(self) -> None:
        """Alternate the NOW CALLING card with its highlight for ``flash_ms``, starting highlighted."""
        self._flash_left = self._flash_ticks
        self._set_highlight(True)
        self.flash_timer.start()

    def stop_flash(self) -> None:
        """End the flash now, steady (for a screenshot, or a presenter)."""
        self.flash_timer.stop()
        self._set_highlight(False)

    def _flash_step(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self.flash_timer.stop()
            self._set_highlight(False)
        else:
            self._set_highlight(not self._flash_on)

    def _set_highlight(self, on: bool) -> None:
        if on == self._flash_on:
            return
        self._flash_on = on
        self.now_card.setProperty("class", "board-now flash" if on else "board-now")
        restyle(self.now_card)
        for child in self.now_card.findChildren(QLabel):
            restyle(child)

    # --- showing --------------------------------------------------------------------------------

    def window_text(self, window: int) -> str:
        return self.tr("{n} 号窗口").format(n=window)

    def _window_name(self, number: int) -> str:
        try:
            w = self.hall.window(number)
        except StopIteration:
            return ""
        return w.name_en if self.language.english else w.name

    def hours(self) -> tuple[Halt | None, _dt.datetime | None, bool]:
        """(why the windows do not call now — None while they do —, when they next start, and
        whether the day is over: after the hours or on a day off, with nobody left to call or serve)."""
        halt, resumes = hours_halt(self.hall, self.clock())
        return halt, resumes, halt is not None and halt.for_another_day and self.snapshot.done

    def _when(self, resumes: _dt.datetime | None) -> str:
        return when_text(resumes, self.clock().date(), self.language) if resumes is not None else ""

    def _render(self) -> None:
        s = self.snapshot
        en = self.language.english
        halt, resumes, closed = self._hours_shown = self.hours()
        # NOW CALLING (or, the day over, that it is and when we open again)
        calling = s.newest is not None and not closed
        for w in (self.now_number, self.now_arrow, self.now_window):
            w.setVisible(calling)
        self.now_idle.setVisible(not calling)
        self.closed_title.setVisible(closed)
        self.now_tag.setText(self.tr("今日已停止取号") if closed else self.tr("正在叫号"))
        if closed:
            if self.flashing:
                self.stop_flash()
            self.closed_title.setText(self.tr("今日办理结束"))
            when = self._when(resumes)
            self.now_idle.setText(self.tr("下次开始办理：{when}").format(when=when) if when else "")
            self.window_name.setText("")
            self.recall_tag.setVisible(False)
            self.now_card.setAccessibleName("，".join(x for x in (self.now_tag.text(), self.closed_title.text(),
                                                                  self.now_idle.text()) if x))
        elif not calling and halt == Halt.BEFORE_HOURS and resumes is not None:
            self.now_idle.setText(self.tr("{when} 开始叫号，请留意屏幕和语音").format(when=self._when(resumes)))
        elif not calling:
            self.now_idle.setText(self.tr("暂未叫号，请留意屏幕和语音"))
        if calling:
            ticket, window = s.newest.ticket, s.newest.window
            self.now_number.setText(ticket.number)
            self.now_window.setText(self.window_text(window))
            self.window_name.setText(self._window_name(window))
            self.recall_tag.setVisible(ticket.calls > 1 and ticket.status == "called")
            self.recall_tag.setText(self.tr("第 {n} 次叫号").format(n=ticket.calls))
            self.now_card.setAccessibleName(self.tr("正在叫号：{number} 号请到 {window} 号窗口")
                                            .format(number=ticket.number, window=window))
        elif not closed:
            self.now_number.setText("")
            self.now_window.setText("")
            self.window_name.setText("")
            self.recall_tag.setVisible(False)
            self.now_card.setAccessibleName(self.tr("正在叫号：暂无"))
        others = () if closed else s.others
        self.others_title.setVisible(bool(others))
        shown = others[:OTHERS]
        for i, lab in enumerate(self.other_labels):
            if i < len(shown):
                lab.setText(f"{shown[i].ticket.number} → {self.window_text(shown[i].window)}")
                lab.setAccessibleName(self.tr("正在叫号：{number} 号请到 {window} 号窗口").format(
                    number=shown[i].ticket.number, window=shown[i].window))
            lab.setVisible(i < len(shown))
        if len(others) > OTHERS:
            self.others_title.setText(self.tr("其他正在叫号（另有 {n} 个）").format(n=len(others) - OTHERS))
        else:
            self.others_title.setText(self.tr("其他正在叫号"))

        # recently called
        for i, (number, window, at) in enumerate(self.recent_rows):
            if i < len(s.recent):
                row = s.recent[i]
                number.setText(row.ticket.number)
                window.setText(self.window_text(row.window))
                at.setText(_dt.datetime.fromtimestamp(row.at).strftime("%H:%M"))
                # a screen reader reading the list meets the number first: it says the whole row
                number.setAccessibleName(self.tr("{number}，{window}，{time} 叫号").format(
                    number=row.ticket.number, window=window.text(), time=at.text()))
            for lab in (number, window, at):
                lab.setVisible(i < len(s.recent))
        self.recent_empty.setVisible(not s.recent)
        for lab in self.recent_head:
            lab.setVisible(bool(s.recent))

        # waiting per category
        for cat in self.hall.categories:
            name, count = self.waiting_labels[cat.code]
            name.setText(f"{cat.prefix}  {cat.name_en if en else cat.name}")
            count.setText(str(s.waiting.get(cat.code, 0)))
            count.setAccessibleName(self.tr("{category}：{n} 人等候").format(
                category=cat.name_en if en else cat.name, n=count.text()))

        # paused windows
        items = list(s.paused.items())
        for i, lab in enumerate(self.paused_labels[:PAUSED]):
            if i < len(items):
                number, reason = items[i]
                lab.setText(self.paused_text(number, reason))
            lab.setVisible(i < len(items))
        more = self.paused_labels[PAUSED]
        more.setVisible(len(items) > PAUSED)
        if len(items) > PAUSED:
            more.setText(self.tr("另有 {n} 个窗口暂停服务：{windows}").format(
                n=len(items) - PAUSED, windows=(", " if en else "、").join(str(n) for n, _ in items[PAUSED:])))
        self._show_caption()
        self._show_clock()

    def paused_text(self, window: int, reason: PauseReason) -> str:
        return self.tr("{n} 号窗口暂停：{reason}").format(n=window, reason=pause_reason_text(reason, self.language))

    def _show_caption(self, text: str | None = None) -> None:
        text = self.announcer.caption if text is None else text
        if text:
            self.caption_text.setText(text)
            classed(self.caption_text, "board-caption-text")
            self.caption_tag.setText(self.tr("字幕（声音已关）") if self.announcer.muted else self.tr("语音播报"))
        elif not self.bridge.online:  # the hall's database is away: what shows may be out of date
            self.caption_text.setText(self.tr("叫号信息暂时无法更新，正在重新连接，请留意窗口叫号"))
            classed(self.caption_text, "board-caption-idle")
            self.caption_tag.setText(self.tr("系统提示"))
        else:
            halt, _resumes, closed = self._hours_shown
            if closed:
                hint = self.tr("请在办公时间前来取号办理")
            elif halt is not None and halt.for_another_day:  # the last tickets of the day
                hint = self.tr("今日已停止取号，已取号的请留意叫号")
            else:
                hint = self.tr("过号了？请到服务台说明，可重新排队")
            self.caption_text.setText(hint)
            classed(self.caption_text, "board-caption-idle")
            self.caption_tag.setText(self.tr("温馨提示"))
        restyle(self.caption_text)
        self.caption_text.updateGeometry()
        self.caption_box.setAccessibleName(self.caption_tag.text())

    def _show_muted(self, muted: bool) -> None:
        if self.mute.isChecked() != muted:
            self.mute.setChecked(muted)
        # the name holds the label (what a voice-control user says) and what a press does
        if muted:
            set_text(self.mute, self.tr("播报声音：关"), self.tr("播报声音：关，按下打开"))
        else:
            set_text(self.mute, self.tr("播报声音：开"), self.tr("播报声音：开，按下关闭"))
        self._show_caption()

    def _show_clock(self) -> None:
        now = self.clock()
        if self.snapshot.day and now.date().isoformat() != self.snapshot.day:
            self.bridge.refresh()  # past midnight: a new day's numbers (the render shows the clock too)
            return
        if self.hours() != self._hours_shown:  # closing time (or opening) came without a change
            self._render()
            return
        if self.language.english:
            locale, fmt = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "ddd d MMM yyyy  HH:mm"
        else:
            locale, fmt = QLocale(QLocale.Language.Chinese, QLocale.Country.China), "yyyy年M月d日 dddd  HH:mm"
        self.clock_label.setText(locale.toString(now, fmt))

    def retranslate(self) -> None:
        en = self.language.english
        self.announcer.retranslate()  # its caption follows the board's language
        self.hall_name.setText(self.hall.name_en if en else self.hall.name)
        self.board_title.setText(self.tr("叫号信息"))
        self.waiting_title.setText(self.tr("等候人数"))
        self.waiting_card.setAccessibleName(self.waiting_title.text())
        self.recent_title.setText(self.tr("最近叫号"))
        self.recent_card.setAccessibleName(self.recent_title.text())
        for lab, text in zip(self.recent_head, (self.tr("号码"), self.tr("窗口"), self.tr("时间"))):
            lab.setText(text)
        self.recent_empty.setText(self.tr("今天还没有叫号"))
        hours = "  ·  ".join(f"{h.days_en if en else h.days} {h.time}" for h in self.hall.hours)
        self.hours_line.setText(self.tr("办公时间：{hours}").format(hours=hours))
        self.promise_line.setText(self.tr("“五个零”服务承诺：零材料 · 零距离 · 零等待 · 零差别 · 零障碍"))
        special = "、".join(str(w.number) for w in self.hall.windows_for("cannot_do"))
        self.special_line.setText(self.tr("办不成事？请到 {windows} 号专窗").format(windows=special))
        self._show_muted(self.announcer.muted)
        self._render()
