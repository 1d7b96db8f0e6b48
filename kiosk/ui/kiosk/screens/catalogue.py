"""事项查询: browse by theme / department / audience, or search with the on-screen keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.catalogue import AUDIENCES, Catalogue
from kiosk.domain.search import SearchIndex
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.models import ResultModel, ResultRow
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import (
    ChipRow,
    OnScreenKeyboard,
    button,
    clear_layout,
    label,
    named,
    scroll,
    set_text,
    touch_scrolling,
)

ALL, THEME, DEPT, AUDIENCE = "all", "theme", "department", "audience"
MAX_ROWS = 200  # a list longer than this helps nobody at a kiosk: the citizen types one more letter


class ResultDelegate(QStyledItemDelegate):
    """A row: the name with the matched part highlighted — wrapped onto as many lines as it
    needs, never cut — then the details, and the alias / other-language text that matched
    (wrapped too: an English department name and the handling facts can be longer than a line)."""

    def __init__(self, size: Callable[[str], int], parent=None):
        super().__init__(parent)
        self.size = size
        self._heights: dict[tuple[str, str, str, int, int, int], int] = {}

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        return max(100, width - 48 - 40)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setPixelSize(self.size("big") - 4)
        detail = QFont(option.font)
        detail.setPixelSize(self.size("body"))
        return title, detail

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        title, detail = self._fonts(option)
        row: ResultRow | None = index.data(ResultModel.RowRole)
        width = self._text_width(option)
        key = (row.title if row else "", row.detail if row else "", row.via if row else "", width,
               title.pixelSize(), detail.pixelSize())
        if key not in self._heights:
            via = _title_layout(detail, key[2], (), width)[1] if key[2] else QFontMetrics(detail).height()
            self._heights[key] = (_title_layout(title, key[0], (), width)[1] + 4
                                  + _title_layout(detail, key[1], (), width)[1] + via)
        return QSize(option.rect.width(), max(self._heights[key] + 30, self.size("target")))

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row: ResultRow = index.data(ResultModel.RowRole)
        if row is None:
            return
        p.save()
        r = option.rect
        pressed = bool(option.state & QStyle.StateFlag.State_Selected)
        p.fillRect(r, QColor("#e8f0fc") if pressed else QColor("white"))
        p.setPen(QColor("#d5deeb"))
        p.drawLine(r.bottomLeft(), r.bottomRight())
        title_font, detail_font = self._fonts(option)
        x, y, w = r.x() + 24, r.y() + 14, r.width() - 48 - 40
        layout, height = _title_layout(title_font, row.title, row.title_spans, w)
        p.setPen(QColor("#0d2f66"))
        layout.draw(p, QPointF(x, y))
        y += height + 4
        p.setPen(QColor("#3d4552"))
        layout, height = _title_layout(detail_font, row.detail, (), w)
        layout.draw(p, QPointF(x, y))
        y += height
        if row.via:
            _title_layout(detail_font, row.via, row.via_spans, w)[0].draw(p, QPointF(x, y))
        p.setPen(QColor("#0c4393"))
        p.setFont(title_font)
        p.drawText(QRect(r.right() - 60, r.y(), 40, r.height()), Qt.AlignmentFlag.AlignCenter, "›")
        p.restore()


def _title_layout(font: QFont, text: str, spans, width: int) -> tuple[QTextLayout, int]:
    """``text`` laid out in lines of ``width`` pixels, ``spans`` bold on a yellow mark; and its height."""
    layout = QTextLayout(text, font)
    formats = []
    for s, e in spans:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length = s, max(0, min(e, len(text)) - s)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setBackground(QColor("#ffe27a"))
        fr.format = fmt
        formats.append(fr)
    layout.setFormats(formats)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, int(y + 0.999)


class CatalogueScreen(Page, QWidget):
    """Emits ``item_chosen(code)`` or ``bundle_chosen(code)``; the kiosk decides what follows."""

    item_chosen = Signal(str)
    bundle_chosen = Signal(str)
    desk_chosen = Signal(str)

    def __init__(self, catalogue: Catalogue, index: Callable[[], SearchIndex], language: Language,
                 size: Callable[[str], int]):
        super().__init__()
        self.catalogue, self.index, self.language = catalogue, index, language
        self.setObjectName("screen_catalogue")
        self.query = ""
        self.mode = ALL
        self.filter: str | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)

        row = QHBoxLayout()
        self.field = named(QLineEdit(), "search_field")
        self.field.setReadOnly(True)  # typed into by the on-screen keyboard or by typed_key()
        self.field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        row.addWidget(self.field, 1)
        root.addLayout(row)

        modes = QHBoxLayout()
        modes.setSpacing(12)
        self.mode_buttons = {}
        for m in (ALL, THEME, DEPT, AUDIENCE):
            b = button(f"browse_{m}", "chip", checkable=True)
            b.clicked.connect(lambda _=False, mm=m: self._choose_mode(mm))
            modes.addWidget(b)
            self.mode_buttons[m] = b
        root.addLayout(modes)

        self.summary = label(cls="muted")  # wraps: a long English summary must never widen the kiosk
        root.addWidget(self.summary)

        self.pages = QStackedWidget()
        self.model = ResultModel(self)
        self.view = named(QListView(), "search_results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(size, self.view))
        self.view.setUniformItemSizes(False)  # a long name wraps: its row is taller
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # arrows move, Enter opens
        touch_scrolling(self.view)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)  # Enter, or a screen reader's activate
        self.view.installEventFilter(self)  # letters typed on the list go to the search, not type-ahead
        self.pages.addWidget(self.view)

        # the empty result: never a dead end
        self.empty = QWidget()
        el = QVBoxLayout(self.empty)
        el.setSpacing(18)
        # the items nearest to what was typed (a wrong character, a homophone), then three ways on
        self.closest_title = label(cls="lead")
        self.closest_box = QVBoxLayout()
        self.closest_box.setSpacing(10)
        self.closest_buttons: list = []
        self.empty_text = label(cls="h2")
        self.empty_consult = button("empty_consult", "primary", wrap=True)
        self.empty_consult.clicked.connect(lambda: self.desk_chosen.emit("consult"))
        self.empty_assist = button("empty_assist", wrap=True)
        self.empty_assist.clicked.connect(lambda: self.desk_chosen.emit("assist"))
        self.empty_cannot = button("empty_cannot_do", "danger", wrap=True)
        self.empty_cannot.clicked.connect(lambda: self.desk_chosen.emit("cannot_do"))
        el.addWidget(self.closest_title)
        el.addLayout(self.closest_box)
        for w in (self.empty_text, self.empty_consult, self.empty_assist, self.empty_cannot):
            el.addWidget(w)
        el.addStretch(1)
        self.pages.addWidget(scroll(self.empty))

        self.chips = ChipRow("filter", 3)
        self.chips.chosen.connect(self._choose_filter)
        self.pages.addWidget(scroll(self.chips))
        root.addWidget(self.pages, 1)

        self.keyboard = OnScreenKeyboard(language)
        self.keyboard.typed.connect(self._typed)
        self.keyboard.backspace.connect(lambda: self.set_query(self.query[:-1]))
        self.keyboard.cleared.connect(lambda: self.set_query(""))
        root.addWidget(self.keyboard)
        self._details: dict[tuple[str, bool], str] = {}
        self.language.changed.connect(self._language_changed)  # the list and its rows
        self.retranslate()  # the fixed texts
        self.refresh()

    # --- state ------------------------------------------------------------------------------

    def _language_changed(self, _lang: str) -> None:
        self._details.clear()
        self.refresh()

    def reset(self) -> None:
        self.query, self.mode, self.filter = "", ALL, None
        self.refresh()

    def spoken(self) -> str:
        """What the voice reads here: how many were found (or the hint to choose), the first three."""
        rows = self.model.rows()[:3] if self.pages.currentIndex() == 0 else []
        return "\n".join([self.summary.text(), *(r.title for r in rows)])

    def enter(self) -> None:
        place = self.view.verticalScrollBar().value()
        self.refresh()
        self.view.verticalScrollBar().setValue(place)  # back from a guidance page: where they were

    def set_query(self, text: str) -> None:
        self.query = text.lstrip()
        self.refresh()

    def _typed(self, ch: str) -> None:
        if len(self.query) < 40:
            self.set_query(self.query + ch)

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard types into the search, wherever the focus is on this screen."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self.set_query(self.query[:-1])
            return True
        text = event.text()
        if text and text.isprintable() and (text.strip() or self.query):
            self._typed(text.lower())
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.typed_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.typed_key(event):
                return True
        return super().eventFilter(watched, event)

    def _choose_mode(self, mode: str) -> None:
        self.mode, self.filter = mode, None
        self.refresh()

    def _choose_filter(self, key) -> None:
        self.filter = key
        self.refresh()

    # --- rendering --------------------------------------------------------------------------

    def retranslate(self) -> None:
        labels = {ALL: self.tr("全部"), THEME: self.tr("按主题"), DEPT: self.tr("按部门"), AUDIENCE: self.tr("按对象")}
        for m, b in self.mode_buttons.items():
            set_text(b, labels[m])
        self.field.setPlaceholderText(self.tr("输入拼音首字母或全拼，如 yyzz、shebao"))
        self.field.setAccessibleName(self.tr("搜索框"))
        self.empty_text.setText(self.tr("没找到？换个词试试，或按主题查找；也可以取号，请工作人员帮您办。"))
        self.closest_title.setText(self.tr("没有完全相符的事项。您要找的是不是："))
        set_text(self.empty_consult, self.tr("取号：综合咨询"))
        set_text(self.empty_assist, self.tr("取号：帮办代办"))
        set_text(self.empty_cannot, self.tr("取号：办不成事反映"))

    def _filter_chips(self) -> list[tuple[str, str]]:
        en = self.language.english
        if self.mode == THEME:
            return [(t.code, t.name_en if en else t.name) for t in self.catalogue.themes]
        if self.mode == DEPT:
            return [(d.code, d.name_en if en else d.name) for d in self.catalogue.departments]
        if self.mode == AUDIENCE:  # two choices: each says how many services it holds
            return [(a, (self.tr("个人办事") if a == "个人" else self.tr("企业办事")) + "\n"
                     + self.tr("{n} 个事项").format(n=len(self.catalogue.items_where(audience=a))))
                    for a in AUDIENCES]
        return []

    def refresh(self) -> None:
        en = self.language.english
        self.field.setText(self.query)
        for m, b in self.mode_buttons.items():
            b.setChecked(m == self.mode and not self.query.strip())  # a search looks through everything
        if self.query.strip():
            rows, total = self._search_rows(en)
            if total > len(rows):
                self.summary.setText(self.tr("找到 {n} 项，先列出最相关的 {m} 项，请继续输入").format(n=total, m=len(rows)))
            else:
                self.summary.setText(self.tr("找到 {n} 项").format(n=total))
        elif self.mode != ALL and self.filter is None:
            self.chips.columns = (3 if self.mode == THEME else 2) - (1 if en else 0)
            self.chips.set_chips(self._filter_chips())
            self.summary.setText(self.tr("请选择一类"))
            self.pages.setCurrentIndex(2)
            return
        else:
            items = self.catalogue.items_where(
                theme=self.filter if self.mode == THEME else None,
                department=self.filter if self.mode == DEPT else None,
                audience=self.filter if self.mode == AUDIENCE else None)
            rows = ([self._bundle_row(b.code, en) for b in self.catalogue.bundles] if self.mode == ALL else [])
            rows += [self._item_row(i.code, en) for i in items]
            if self.mode == ALL:  # the same count as home's: 381 services, and the packages beside them
                self.summary.setText(self.tr("共 {n} 个事项、{m} 个一件事").format(
                    n=len(items), m=len(self.catalogue.bundles)))
            else:
                name = dict(self._filter_chips()).get(self.filter, "").split("\n")[0]
                self.summary.setText(self.tr("{what}：共 {n} 项").format(what=name, n=len(rows)))
        self.model.set_rows(rows)
        self.view.scrollToTop()
        if not rows:
            self._show_closest(en)
        self.pages.setCurrentIndex(0 if rows else 1)

    def _show_closest(self, en: bool) -> None:
        """Nothing matched: the nearest items (a typo, a homophone) as buttons, before the tickets."""
        clear_layout(self.closest_box)
        self.closest_buttons = []
        hits = self.index().closest(self.query) if self.query.strip() else []
        for hit in hits:
            obj = self.catalogue.by_code.get(hit.key) or self.catalogue.bundle_by_code.get(hit.key)
            if obj is None:
                continue
            b = button(f"closest_{hit.key}", "check", wrap=True)
            set_text(b, obj.name_en if en else obj.name)
            chosen = self.item_chosen if hit.key in self.catalogue.by_code else self.bundle_chosen
            b.clicked.connect(lambda _=False, k=hit.key, signal=chosen: signal.emit(k))
            self.closest_box.addWidget(b)
            self.closest_buttons.append(b)
        self.closest_title.setVisible(bool(self.closest_buttons))

    def _detail(self, code: str, en: bool) -> str:
        """The grey line under a result; cached per language (it is asked for on every keystroke)."""
        key = (code, en)
        if key not in self._details:
            self._details[key] = self._make_detail(code, en)
        return self._details[key]

    def _make_detail(self, code: str, en: bool) -> str:
        item = self.catalogue.by_code.get(code)
        if item is None:
            b = self.catalogue.bundle_by_code[code]
            return self.tr("一件事 · 含 {n} 个事项").format(n=len(b.items))
        dept = self.catalogue.department_by_code[item.department]
        kind = self.tr("即办件") if item.kind == "即办件" else self.tr("承诺件")
        visits = self.tr("零跑动") if item.visits == 0 else self.tr("最多跑一次")
        return f"{dept.name_en if en else dept.name} · {kind} · {visits}"

    def _item_row(self, code: str, en: bool) -> ResultRow:
        item = self.catalogue.by_code[code]
        return ResultRow(code, item.name_en if en else item.name, (), self._detail(code, en))

    def _bundle_row(self, code: str, en: bool) -> ResultRow:
        b = self.catalogue.bundle_by_code[code]
        return ResultRow(code, b.name_en if en else b.name, (), self._detail(code, en))

    def _search_rows(self, en: bool) -> tuple[list[ResultRow], int]:
        """Rows for the best MAX_ROWS hits, and how many hits there were."""
        hits = self.index().search(self.query)
        rows = []
        title_field = "name_en" if en else "name"
        query = " ".join(self.query.lower().split())
        prefix = self.tr("匹配：")
        for hit in hits[:MAX_ROWS]:
            obj = self.catalogue.by_code.get(hit.key) or self.catalogue.bundle_by_code[hit.key]
            title = obj.name_en if en else obj.name
            pos = title.lower().find(query)
            if en and not (hit.via or hit.text).isascii():  # English: no Chinese "match" line under the title
                rows.append(ResultRow(hit.key, title, (), self._detail(hit.key, en)))
            elif hit.via:  # found through an everyday word (synonyms.yaml): say which, mark the term it stands for
                spans = hit.spans if hit.field == title_field else ()
                n = len(prefix)
                rows.append(ResultRow(hit.key, title, spans, self._detail(hit.key, en), prefix + hit.via,
                                      ((n, n + len(hit.via)),)))
            elif hit.field == title_field:
                rows.append(ResultRow(hit.key, title, hit.spans, self._detail(hit.key, en)))
            elif pos >= 0:  # matched elsewhere, but the words are in the title too: mark them there
                rows.append(ResultRow(hit.key, title, ((pos, pos + len(query)),), self._detail(hit.key, en)))
            else:  # say what matched: the alias, the other language's name, the code
                n = len(prefix)
                rows.append(ResultRow(hit.key, title, (), self._detail(hit.key, en), prefix + hit.text,
                                      tuple((s + n, e + n) for s, e in hit.spans)))
        return rows, len(hits)

    def _open(self, index: QModelIndex) -> None:
        key = index.data(ResultModel.KeyRole)
        if key in self.catalogue.by_code:
            self.item_chosen.emit(key)
        elif key in self.catalogue.bundle_by_code:
            self.bundle_chosen.emit(key)
