"""The questionnaires on the kiosk itself (SEQ after a task, SUS and UMUX-Lite after a condition
block): one item a page over the whole kiosk, in the kiosk's language and mode, large enough for
长辈版 (each answer a ``check`` button: 84 px, 104 px in 长辈版).

Nothing is chosen when a page opens; the chosen answer shows ✓ as well as its colour. 下一题 on a
page without an answer says so at the answers and stays; 上一题 returns with the answer kept; the
last page's 完成 hands every answer over at once (``answered``). There is no close: a
questionnaire is not left by accident. While it is open the kiosk's idle timeout is paused (the
watcher is switched off and started afresh afterwards): a participant who thinks for a minute
does not lose the answers, and the kiosk's visit is ended by the controller afterwards anyway.
By keys: Tab moves through the answers and the two buttons, Space or Enter presses, a digit chooses
that answer.

While it is open, what it covers (the kiosk's header and screen) is hidden, not only covered: a
screen reader reads and acts on what is shown, covered or not — it would list the screen
underneath before the question and could press that screen's 首页 or 返回 through the page.
Closed, exactly what it hid is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.shared.accessible import announce
from kiosk.ui.shared.i18n import Retranslating
from kiosk.ui.shared.widgets import button, label, set_text
from kiosk.usability.questionnaires import Question


class Questionnaire(Retranslating, QFrame):
    """Over ``kiosk`` (a KioskWindow: its language, speaker and idle watcher)."""

    answered = Signal(list)  # [(Question, value)], in page order

    def __init__(self, kiosk: QWidget):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.language = kiosk.language
        self.setObjectName("study_questionnaire")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.pages: tuple[Question, ...] = ()
        self.answers: list[int | None] = []
        self.page = 0
        self._was_enabled = True
        self._covered: list[QWidget] = []  # the kiosk's widgets hidden while a questionnaire is open
        lay = QVBoxLayout(self)
        lay.setContentsMargins(64, 56, 64, 56)
        lay.setSpacing(18)
        self.progress = label(cls="muted")
        self.progress.setObjectName("questionnaire_progress")
        self.question = label(cls="h1")
        self.question.setObjectName("questionnaire_question")
        self.question.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # read first by a screen reader, Tab starts here
        self.intro = label(cls="lead")
        self.intro.setObjectName("questionnaire_intro")
        lay.addWidget(self.progress)
        lay.addWidget(self.question)
        lay.addWidget(self.intro)
        lay.addSpacing(8)
        self.choice_box = QVBoxLayout()
        self.choice_box.setSpacing(12)
        lay.addLayout(self.choice_box)
        self.choices: list[QPushButton] = []
        for value in range(1, 8):
            b = button(f"questionnaire_choice_{value}", "check", checkable=True)
            b.marked = True  # ✓ on the chosen one
            b.clicked.connect(lambda _=False, v=value: self.choose(v))
            self.choice_box.addWidget(b)
            self.choices.append(b)
        self.hint = label(cls="error")
        self.hint.setObjectName("questionnaire_hint")
        lay.addWidget(self.hint)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.back = button("questionnaire_back")
        self.back.clicked.connect(self.previous)
        self.next = button("questionnaire_next", "primary")
        self.next.clicked.connect(self.forward)
        for b in (self.back, self.next):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row.addWidget(self.back, 1)
        row.addWidget(self.next, 2)
        lay.addLayout(row)
        kiosk.installEventFilter(self)  # follows the kiosk's size
        self.hide()

    # --- the controller's --------------------------------------------------------------------------

    def ask(self, pages: tuple[Question, ...]) -> None:
        """Open on the first of ``pages`` (none answered), over the whole kiosk."""
        self.pages, self.answers, self.page = tuple(pages), [None] * len(pages), 0
        idle = getattr(self.kiosk, "idle", None)
        if idle is not None:
            self._was_enabled = idle.enabled
            idle.enabled = False  # paused: thinking is not leaving
            idle.touch()
        overlay = getattr(self.kiosk, "overlay", None)
        if overlay is not None:
            overlay.hide()  # an idle warning shown when the task ended
        self.setGeometry(self.kiosk.rect())
        self.raise_()
        self.show()
        self._cover()
        self._show_page()

    def close_now(self) -> None:
        """Closed without answers (the participant's session ended meanwhile)."""
        self._done()

    @property
    def open(self) -> bool:
        return self.isVisible()

    # --- the participant's -------------------------------------------------------------------------

    def choose(self, value: int) -> None:
        self.answers[self.page] = value
        self.hint.setText("")
        self._show_choices()

    def previous(self) -> None:
        if self.page > 0:
            self.page -= 1
            self._show_page()

    def forward(self) -> None:
        if self.answers[self.page] is None:
            self.hint.setText(self.tr("请先选一个答案"))
            self._say(self.hint.text())
            announce(self.hint, self.hint.text(), assertive=True)  # a screen reader's user is told too
            return
        if self.page + 1 < len(self.pages):
            self.page += 1
            self._show_page()
            return
        answers = [(q, int(v)) for q, v in zip(self.pages, self.answers) if v is not None]
        self._done()
        self.answered.emit(answers)

    # --- drawing -------------------------------------------------------------------------------------

    def _cover(self) -> None:
        """Hide the kiosk's other widgets (header, screens, notes) from sight and from screen readers."""
        if not self._covered:
            self._covered = [w for w in self.kiosk.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                             if w is not self and not w.isWindow() and w.isVisible()]
        for w in self._covered:
            w.hide()

    def _uncover(self) -> None:
        covered, self._covered = self._covered, []
        for w in covered:
            w.show()

    def _done(self) -> None:
        self._uncover()
        self.hide()
        self.pages, self.answers = (), []
        idle = getattr(self.kiosk, "idle", None)
        if idle is not None:
            idle.enabled = self._was_enabled
            idle.touch()  # a fresh idle period from now

    def _show_page(self) -> None:
        self.hint.setText("")
        self.retranslate()
        self.question.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(f"{self.question.text()}\n{self.intro.text()}")

    def _show_choices(self) -> None:
        if not self.pages:
            return
        q = self.pages[self.page]
        chosen = self.answers[self.page]
        english = self.language.english
        for value, b in enumerate(self.choices, start=1):
            b.setVisible(value <= q.instrument.points)
            anchor = q.instrument.anchor(value, english)
            set_text(b, f"{value}   {anchor}" if anchor else str(value), f"{value} {anchor}".strip())
            b.setChecked(chosen == value)

    def _say(self, text: str) -> None:
        speaker = getattr(self.kiosk, "speaker", None)
        if speaker is not None and speaker.enabled:
            speaker.say(text)

    def retranslate(self) -> None:
        set_text(self.back, self.tr("‹ 上一题"), self.tr("上一题"))
        if not self.pages:
            return
        q = self.pages[self.page]
        english = self.language.english
        self.progress.setText(self.tr("{title} · 第 {n} 题，共 {total} 题").format(
            title=q.instrument.title(english), n=self.page + 1, total=len(self.pages)))
        self.question.setText(q.instrument.item(q.item, english))
        self.question.setAccessibleName(self.question.text())
        self.intro.setText(q.instrument.lead(english))
        last = self.page + 1 == len(self.pages)
        set_text(self.next, self.tr("完成") if last else self.tr("下一题 ›"), self.tr("完成") if last else self.tr("下一题"))
        self.back.setEnabled(self.page > 0)
        self._show_choices()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Keys no control took: a digit chooses that answer, Enter goes on; nothing reaches the
        screen underneath (a typed key would land in its field, Escape would step it back)."""
        text = event.text()
        if self.pages and text.isdigit() and 1 <= int(text) <= self.pages[self.page].instrument.points:
            self.choose(int(text))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.forward()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.kiosk and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.kiosk.rect())
        return False
