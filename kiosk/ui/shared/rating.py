"""好差评 on screen, one module for the window's rating pad and the kiosk's 服务评价 screen.

:class:`ServiceCard` shows the service being rated (number, what it was for, the window) in the
terminal's language; :class:`RatingPanel` asks for it: the five levels (big buttons, the chosen one
marked ✓ as well as coloured), the level's tags (:func:`kiosk.domain.feedback.tags_for`, chips
marked ✓), a few words typed on :class:`LetterKeys` or a keyboard, and 提交评价. 不满意 and below need
a reason (a tag or words): the panel says so at the field, in words, before anything is stored.
The rules and the refusals are the domain's (:func:`kiosk.domain.feedback.check_rating` through
``Promises.rate``); this module words them. The panel keeps nothing once :meth:`RatingPanel.clear`
is called (a new service, the idle timeout, 首页).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.feedback import (
    CALL_DAYS,
    FIX_DAYS,
    PRAISE,
    PROBLEMS,
    REASON_LIMIT,
    Level,
    Rating,
    RatingCode,
    RatingError,
    Tag,
    tags_for,
)
from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import Code, HallError, Status, Ticket
from kiosk.domain.ports import StoreError
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, label, named, restyle, set_text
from kiosk.ui.shared.words import store_error_text

_CTX = "RatingPanel"
#: Before a problem said at a field (the message is red, and says it by this mark too).
WARNING = "⚠"
#: The longest text the reason field takes from a keyboard; past it keys are not taken (the
#: domain refuses anything over REASON_LIMIT anyway, with a message: nothing is cut silently).
TYPING_LIMIT = 1000

LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED, Level.FAIR, Level.DISSATISFIED, Level.VERY_DISSATISFIED)

LEVEL_TEXT = {
    Level.VERY_SATISFIED: QT_TRANSLATE_NOOP("RatingPanel", "非常满意"),
    Level.SATISFIED: QT_TRANSLATE_NOOP("RatingPanel", "满意"),
    Level.FAIR: QT_TRANSLATE_NOOP("RatingPanel", "基本满意"),
    Level.DISSATISFIED: QT_TRANSLATE_NOOP("RatingPanel", "不满意"),
    Level.VERY_DISSATISFIED: QT_TRANSLATE_NOOP("RatingPanel", "非常不满意"),
}
TAG_TEXT = {
    Tag.KIND: QT_TRANSLATE_NOOP("RatingPanel", "服务态度好"),
    Tag.FAST: QT_TRANSLATE_NOOP("RatingPanel", "办事效率高"),
    Tag.TOLD_ONCE: QT_TRANSLATE_NOOP("RatingPanel", "一次性告知清楚"),
    Tag.FACILITIES: QT_TRANSLATE_NOOP("RatingPanel", "环境设施好"),
    Tag.GUIDED: QT_TRANSLATE_NOOP("RatingPanel", "引导帮办到位"),
    Tag.RUDE: QT_TRANSLATE_NOOP("RatingPanel", "服务态度差"),
    Tag.SLOW: QT_TRANSLATE_NOOP("RatingPanel", "办事效率低"),
    Tag.NOT_TOLD: QT_TRANSLATE_NOOP("RatingPanel", "一次性告知不清楚"),
    Tag.TOO_MANY_MATERIALS: QT_TRANSLATE_NOOP("RatingPanel", "材料要求多"),
    Tag.LONG_WAIT: QT_TRANSLATE_NOOP("RatingPanel", "等候时间长"),
    Tag.FACILITIES_POOR: QT_TRANSLATE_NOOP("RatingPanel", "环境设施差"),
    Tag.NOT_DONE: QT_TRANSLATE_NOOP("RatingPanel", "事情没办成"),
}
TEXT_PROBLEM = {
    TextProblem.TOO_LONG: QT_TRANSLATE_NOOP("RatingPanel", "最多 {limit} 个字，现在 {n} 个字，请删短一些"),
    TextProblem.CONTROL: QT_TRANSLATE_NOOP("RatingPanel", "有无法显示的字符，请清空后重新输入"),
    TextProblem.SYMBOLS: QT_TRANSLATE_NOOP("RatingPanel", "请不要输入表情符号，用文字写"),
    TextProblem.EMPTY: QT_TRANSLATE_NOOP("RatingPanel", "请写几句"),
}


def level_text(level: Level | int, language: Language) -> str:
    return language.translate(_CTX, LEVEL_TEXT[Level(level)])


def tag_text(tag: Tag | str, language: Language) -> str:
    return language.translate(_CTX, TAG_TEXT[Tag(tag)])


def text_problem_text(problem: TextProblem, text: str, language: Language, limit: int = REASON_LIMIT) -> str:
    """Why a typed text cannot be kept, in the terminal's language (said at its field)."""
    return language.translate(_CTX, TEXT_PROBLEM[problem]).format(limit=limit, n=len(text.strip()))


def promise_text(language: Language) -> str:
    """The hall's 好差评 promise: every 差评 is called back and put right, by when."""
    return language.translate("RatingPanel", "每条差评都有回复：{call} 个工作日内回访，{fix} 个工作日内整改，"
                                     "再请您评价整改结果。").format(call=CALL_DAYS, fix=FIX_DAYS)


def refusal_text(exc: Exception, language: Language, number: str = "") -> str:
    """A refused rating (or a ticket that cannot be rated) in the terminal's language."""
    if isinstance(exc, StoreError):
        return store_error_text(exc, language)
    if isinstance(exc, HallError) and exc.code == Code.NO_SUCH_TICKET:
        return language.translate("RatingPanel", "没有找到这个号码，请核对小票上的号码")
    if isinstance(exc, RatingError):
        number = exc.number or number
        if exc.code == RatingCode.NO_SUCH_TICKET:
            return language.translate("RatingPanel", "没有找到这个号码，请核对小票上的号码")
        if exc.code == RatingCode.NOT_SERVED:
            return language.translate("RatingPanel", "{number} 还没有办结，办结后才能评价").format(number=number)
        if exc.code == RatingCode.ALREADY_RATED:
            return language.translate("RatingPanel", "{number} 已经评价过了，每次服务只评一次。谢谢您！").format(number=number)
        if exc.code == RatingCode.REASON_NEEDED:
            return language.translate("RatingPanel", "请选一个原因，或写几句，再提交")
        if exc.code == RatingCode.TEXT:
            return language.translate("RatingPanel", "写的话里有不能保存的内容，请修改后再提交")
    return language.translate("RatingPanel", "现在无法评价，请稍后再试")


def unrateable(ticket: Ticket, language: Language) -> str:
    """Why ``ticket`` cannot be rated now ("" when it can be): not served (yet), or not at all."""
    if ticket.status == Status.DONE:
        return ""
    if ticket.status in (Status.NO_SHOW, Status.CANCELLED):
        return language.translate("RatingPanel", "{number} 没有办理业务，无法评价").format(number=ticket.number)
    return language.translate("RatingPanel", "{number} 还没有办结，办结后才能评价").format(number=ticket.number)


def subject_text(ticket: Ticket, catalogue: Catalogue, hall: Hall, english: bool) -> str:
    """What the service was for, in the terminal's language (the item, the package or the desk)."""
    item = catalogue.by_code.get(ticket.item_code or "")
    if item is not None:
        return item.name_en if english else item.name
    bundle = catalogue.bundle_by_code.get(ticket.bundle_code or "")
    if bundle is not None:
        return bundle.name_en if english else bundle.name
    category = next((c for c in hall.categories if c.code == ticket.category), None)
    if category is None:
        return ticket.subject
    return category.name_en if english else (ticket.subject or category.name)


class ServiceCard(Retranslating, QFrame):
    """The service being rated: its number, what it was for, the window that served it."""

    def __init__(self, catalogue: Catalogue, hall: Hall, language: Language, prefix: str):
        super().__init__()
        self.catalogue, self.hall, self.language = catalogue, hall, language
        classed(self, "card")
        self.setObjectName(f"{prefix}_service")
        self.ticket: Ticket | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(28, 16, 28, 16)
        lay.setSpacing(24)
        self.number = label(cls="h1", wrap=False)
        self.number.setObjectName(f"{prefix}_number")
        lay.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
        right = QVBoxLayout()
        right.setSpacing(4)
        self.subject = label(cls="lead")
        self.subject.setObjectName(f"{prefix}_subject")
        self.window = label(cls="muted")
        self.window.setObjectName(f"{prefix}_window")
        for w in (self.subject, self.window):
            right.addWidget(w)
        lay.addLayout(right, 1)

    def show_ticket(self, ticket: Ticket | None) -> None:
        self.ticket = ticket
        self.retranslate()

    def retranslate(self) -> None:
        t = self.ticket
        if t is None:
            for w in (self.number, self.subject, self.window):
                w.setText("")
            return
        self.number.setText(t.number)
        self.subject.setText(subject_text(t, self.catalogue, self.hall, self.language.english))
        win = next((w for w in self.hall.windows if w.number == t.window), None)
        name = (win.name_en if self.language.english else win.name) if win is not None else ""
        self.window.setText(self.tr("{n} 号{name}办理").format(n=t.window, name=name) if t.window else "")
        self.window.setVisible(bool(t.window))


class LetterKeys(Retranslating, QWidget):
    """Letters, digits, space, ← 退格 and 清空 in seven columns: narrow enough for the 800 px rating
    pad with 长辈版's keys. Emits ``typed(str)``, ``backspace()``, ``cleared()``."""

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    COLUMNS = 7
    KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890"

    def __init__(self, language: Language, prefix: str):
        super().__init__()
        self.language = language
        self.setObjectName(f"{prefix}_keys")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys = {}
        for i, ch in enumerate(self.KEYS):
            b = button(f"{prefix}_key_{ch}", "key")
            set_text(b, ch)
            b.clicked.connect(lambda _=False, c=ch: self.typed.emit(c.lower()))
            grid.addWidget(b, i // self.COLUMNS, i % self.COLUMNS)
            self.keys[ch] = b
        row = len(self.KEYS) // self.COLUMNS + 1
        self.space = button(f"{prefix}_key_space", "key")
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        self.back = button(f"{prefix}_key_backspace", "key", wrap=True)
        self.back.clicked.connect(self.backspace)
        self.clear = button(f"{prefix}_key_clear", "key")
        self.clear.clicked.connect(self.cleared)
        grid.addWidget(self.space, row, 0, 1, 3)
        grid.addWidget(self.back, row - 1, len(self.KEYS) % self.COLUMNS, 1,
                       self.COLUMNS - len(self.KEYS) % self.COLUMNS)
        grid.addWidget(self.clear, row, 3, 1, self.COLUMNS - 3)
        for c in range(self.COLUMNS):
            grid.setColumnStretch(c, 1)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.space, self.tr("空格"))
        set_text(self.back, self.tr("← 退格"), self.tr("退格"))
        set_text(self.clear, self.tr("清空"))


class RatingPanel(Retranslating, QWidget):
    """The five levels, the chosen level's tags, the reason and 提交评价.

    ``rate(level, tags, text)`` is what stores the rating (``Promises.rate`` for the service shown);
    it raises RatingError / StoreError when refused. Signals: ``rated(Rating)`` once stored,
    ``refused(str)`` when the service cannot be rated at all (already rated, not served: the
    message, in the terminal's language), ``changed()`` on every choice (the host restarts its
    idle timer). :attr:`footer` holds the message and 提交评价: the host keeps it in view."""

    rated = Signal(object)
    refused = Signal(str)
    changed = Signal()

    def __init__(self, language: Language, prefix: str):
        super().__init__()
        self.language, self.prefix = language, prefix
        self.setObjectName(f"{prefix}_panel")
        self.rate: Callable[[Level, tuple[Tag, ...], str], Rating] | None = None
        self.number = ""
        self.level: Level | None = None
        self.tags: list[Tag] = []
        self.text = ""
        self.error = ""  # a refusal said at the reason field (a function of the language: see _show)
        self._error_args: tuple = ()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)

        # step 1: the five levels; step 2 (once one is chosen): the choice, its tags, the reason
        self.levels_box = QWidget()
        self.levels_box.setObjectName(f"{prefix}_levels")
        ll = QVBoxLayout(self.levels_box)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(12)
        self.question = label(cls="h2")
        self.question.setObjectName(f"{prefix}_question")
        ll.addWidget(self.question)
        self.level_buttons: dict[Level, QWidget] = {}
        for level in LEVELS:
            b = button(f"{prefix}_level_{int(level)}", "chip level", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, lv=level: self.choose(lv))
            ll.addWidget(b)
            self.level_buttons[level] = b
        lay.addWidget(self.levels_box)
        self.details_box = QWidget()
        self.details_box.setObjectName(f"{prefix}_details")
        lay.addWidget(self.details_box)
        lay = QVBoxLayout(self.details_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        chosen = QHBoxLayout()
        chosen.setSpacing(12)
        self.chosen = label(cls="h2")
        self.chosen.setObjectName(f"{prefix}_chosen")
        self.change = button(f"{prefix}_change_level", "", wrap=True)
        self.change.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.change.clicked.connect(self.change_level)
        chosen.addWidget(self.chosen, 1)
        chosen.addWidget(self.change)
        lay.addLayout(chosen)

        self.tags_title = label(cls="lead")
        self.tags_title.setObjectName(f"{prefix}_tags_title")
        lay.addWidget(self.tags_title)
        self.tag_buttons: dict[Tag, QWidget] = {}
        self.tag_boxes = {}
        for group in (PRAISE, PROBLEMS):
            box = QWidget()
            box.setObjectName(f"{prefix}_tags_{'praise' if group is PRAISE else 'problems'}")
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(10)
            for i, tag in enumerate(group):
                b = button(f"{prefix}_tag_{tag.value}", "chip", checkable=True, wrap=True)
                b.clicked.connect(lambda _=False, t=tag: self.toggle_tag(t))
                grid.addWidget(b, i // 2, i % 2)
                self.tag_buttons[tag] = b
            for c in range(2):
                grid.setColumnStretch(c, 1)
            lay.addWidget(box)
            self.tag_boxes[group] = box

        self.reason_title = label(cls="lead")
        self.reason_title.setObjectName(f"{prefix}_reason_title")
        lay.addWidget(self.reason_title)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.field = named(QLineEdit(), f"{prefix}_reason")
        self.field.setReadOnly(True)  # typed into by the keys below, or a keyboard (typed_key)
        self.field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.keys_button = button(f"{prefix}_keyboard", "", wrap=True)
        self.keys_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.keys_button.clicked.connect(self._toggle_keys)
        row.addWidget(self.field, 1)
        row.addWidget(self.keys_button)
        lay.addLayout(row)
        self.field_message = label(cls="muted")
        self.field_message.setObjectName(f"{prefix}_reason_message")
        lay.addWidget(self.field_message)
        self.keys = LetterKeys(language, prefix)
        self.keys.typed.connect(lambda ch: self._edit(lambda s: s + ch if len(s) < TYPING_LIMIT else s))
        self.keys.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keys.cleared.connect(lambda: self._edit(lambda s: ""))
        self.keys.hide()
        lay.addWidget(self.keys)
        outer = self.layout()
        outer.addStretch(1)

        # what the citizen must act on, kept in view by the host: the message and 提交评价
        self.footer = classed(QFrame(), "footer")
        self.footer.setObjectName(f"{prefix}_footer")
        fl = QVBoxLayout(self.footer)
        fl.setContentsMargins(32, 12, 32, 12)
        fl.setSpacing(8)
        self.message = label(cls="error")
        self.message.setObjectName(f"{prefix}_message")
        fl.addWidget(self.message)
        self.actions = QHBoxLayout()  # the host may add its own button beside 提交评价 (暂不评价 …)
        self.actions.setSpacing(12)
        self.submit = button(f"{prefix}_submit", "primary")
        self.submit.clicked.connect(self.send)
        self.actions.addWidget(self.submit, 2)
        fl.addLayout(self.actions)
        self.clear()

    # --- state ------------------------------------------------------------------------------

    def clear(self, number: str = "") -> None:
        """Forget every choice (a new service, the idle timeout, 首页)."""
        self.number = number
        self.level, self.tags, self.text = None, [], ""
        self.error, self._error_args = "", ()
        self.keys.hide()
        self.refresh()

    def choose(self, level: Level) -> None:
        level = Level(level)
        if self.level is not None and tags_for(self.level) != tags_for(level):
            self.tags = []  # praise and problems do not mix
        self.level = level
        self.error = ""
        self.refresh()
        self.changed.emit()

    def change_level(self) -> None:
        """Back to the five levels (the choice stays marked until another is made)."""
        self.levels_box.show()
        self.details_box.hide()
        self.retranslate()
        self.changed.emit()

    def toggle_tag(self, tag: Tag) -> None:
        if self.level is None or tag not in tags_for(self.level):
            return
        if tag in self.tags:
            self.tags.remove(tag)
        else:
            self.tags.append(tag)
        if self.error == "reason":
            self.error = ""
        self.refresh()
        self.changed.emit()

    def _edit(self, fn) -> None:
        self.text = fn(self.text)
        if self.error in ("reason", "text"):
            self.error = ""
        self.refresh()
        self.changed.emit()

    def _toggle_keys(self) -> None:
        self.keys.setVisible(not self.keys.isVisible())
        self.retranslate()
        self.changed.emit()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard (or a scanner) types into the reason once a level is chosen."""
        if self.level is None or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                      | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
            return False
        text = event.text()
        if text:
            self._edit(lambda s: (s + text)[:TYPING_LIMIT])
            return True
        return False

    def text_problem(self) -> TextProblem | None:
        return clean_text(self.text, REASON_LIMIT)[1]

    def send(self) -> None:
        """提交评价: the rating is stored, or why not is said where it applies."""
        if self.level is None or self.rate is None:
            return
        try:
            rating = self.rate(self.level, tuple(self.tags), self.text)
        except RatingError as exc:
            if exc.code in (RatingCode.REASON_NEEDED, RatingCode.TEXT, RatingCode.WRONG_TAG):
                self.error = "reason" if exc.code != RatingCode.TEXT else "text"
                self.refresh()
                self._reveal(self.field_message)
                return
            self.refused.emit(refusal_text(exc, self.language, self.number))
            return
        except (HallError, StoreError) as exc:
            self.error, self._error_args = "other", (exc,)
            self.refresh()
            return
        self.rated.emit(rating)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll the page (once laid out) so that ``widget`` and the field above it are in view: the
        citizen tapped 提交 and is told why not where it applies."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            QTimer.singleShot(0, area, lambda: area.ensureWidgetVisible(widget, 0, 160))

    # --- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        level = self.level
        for lv, b in self.level_buttons.items():
            b.setChecked(lv == level)
        bad = level is not None and level.bad
        for group, box in self.tag_boxes.items():
            box.setVisible(level is not None and tags_for(level) == group)
        for tag, b in self.tag_buttons.items():
            b.setChecked(tag in self.tags)
        self.levels_box.setVisible(level is None)
        self.details_box.setVisible(level is not None)
        if level is None:
            self.keys.hide()
        self.field.setText(" ".join(self.text.split()) if len(self.text) <= 80 else
                           " ".join(self.text[-80:].split()))  # the end, where typing goes
        self.field.setProperty("class", "invalid" if self.error in ("reason", "text") or
                               (self.text and self.text_problem()) else "active" if bad else "")
        restyle(self.field)
        self.submit.setVisible(level is not None)  # the levels are the step's action: 提交 comes after
        self.retranslate()

    def retranslate(self) -> None:
        level = self.level
        bad = level is not None and level.bad
        self.question.setText(self.tr("您对本次服务满意吗？"))
        for lv, b in self.level_buttons.items():
            set_text(b, level_text(lv, self.language))
        self.chosen.setText(self.tr("您的评价：{level}").format(level=level_text(level, self.language))
                            if level is not None else "")
        set_text(self.change, self.tr("改选"), self.tr("改选满意程度"))
        self.tags_title.setText(self.tr("不满意的地方（可多选）") if bad else
                                self.tr("哪些方面做得好？（可选，可多选）") if level is not None and
                                level >= Level.SATISFIED else self.tr("哪些方面还可以改进？（可选，可多选）"))
        for tag, b in self.tag_buttons.items():
            set_text(b, tag_text(tag, self.language))
        self.reason_title.setText(self.tr("差评请选原因或写几句（必填其一）") if bad else self.tr("想说的话（可选）"))
        self.field.setPlaceholderText(self.tr("点右边的键盘输入"))
        self.field.setAccessibleName(self.tr("想说的话"))
        set_text(self.keys_button, self.tr("收起键盘") if self.keys.isVisible() else self.tr("键盘"))
        problem = self.text_problem() if self.text else None
        if self.error == "reason":
            msg, error = self.tr("请选一个原因，或写几句，再提交"), True
        elif problem is not None:
            msg, error = text_problem_text(problem, self.text, self.language), True
        elif self.text:
            msg, error = self.tr("已写 {n} 个字，最多 {limit} 个字").format(n=len(self.text.strip()),
                                                                    limit=REASON_LIMIT), False
        else:
            msg, error = "", False
        self.field_message.setText(f"{WARNING} {msg}" if error else (msg or " "))
        self.field_message.setProperty("class", "error" if error else "muted")
        restyle(self.field_message)
        if self.error == "other" and self._error_args:
            self.message.setText(f"{WARNING} {refusal_text(self._error_args[0], self.language, self.number)}")
        elif self.error in ("reason", "text") or problem is not None:
            self.message.setText(f"{WARNING} {msg}")  # what the field says, in view whatever the scroll
        else:
            self.message.setText("")
        self.message.setProperty("class", "error" if self.message.text().startswith(WARNING) else "muted")
        restyle(self.message)
        self.message.setVisible(bool(self.message.text()))
        set_text(self.submit, self.tr("提交评价"))
