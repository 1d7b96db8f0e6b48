"""Thin Qt models over plain rows. Ranking and filtering live in the domain."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultRow:
    key: str  # item or bundle code
    title: str
    title_spans: tuple[tuple[int, int], ...]
    detail: str
    via: str = ""  # the other text that matched (alias, English name ...)
    via_spans: tuple[tuple[int, int], ...] = ()


class ResultModel(QAbstractListModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[ResultRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.detail
        if role == self.KeyRole:
            return row.key
        if role == self.RowRole:
            return row
        return None
