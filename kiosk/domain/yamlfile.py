"""YAML loading that remembers line numbers, and the Problem record every validator reports.

Mappings load as :class:`LineDict` and sequences as :class:`LineList`; both know the line of
each key / element, so a validator can say ``file:line: field: message`` for every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

if hasattr(yaml, "CSafeLoader"):  # libyaml's parser when the wheel has it; the pure-Python one otherwise
    _Base = yaml.CSafeLoader
else:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader  # type: ignore[misc,assignment]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ValidationError(Exception):
    """Raised with every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LineDict(dict[Any, Any]):
    line: int = 0
    lines: dict[Any, int]
    duplicates: list[Any]

    def line_of(self, key: Any) -> int:
        return int(self.lines.get(key, self.line))


class LineList(list[Any]):
    line: int = 0
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(_Base):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    d = LineDict()
    d.line = node.start_mark.line + 1
    d.lines = {}
    d.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            d.duplicates.append((repr(key)[:40], line, "a key must be a plain value"))
            continue
        if key in d:
            d.duplicates.append((str(key), line, f"duplicate key (first at line {d.lines[key]})"))
        d[key] = loader.construct_object(value_node, deep=True)
        d.lines[key] = line
    return d


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file. Returns (data or None, problems); never raises for bad content."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 0, "(file)", "file not found")]
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 0, "(file)", f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [Problem(name, 0, "(file)", f"cannot read: {exc.strerror or exc}")]
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        return None, [Problem(name, line, "(yaml)", f"{exc.problem or exc}".strip())]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 0, "(yaml)", str(exc).strip())]
    problems: list[Problem] = []
    _collect_duplicates(data, name, problems)
    return data, problems


def _collect_duplicates(data: Any, name: str, problems: list[Problem], path: str = "") -> None:
    if isinstance(data, LineDict):
        for key, line, msg in data.duplicates:
            problems.append(Problem(name, line, f"{path}{key}", msg))
        for key, value in data.items():
            _collect_duplicates(value, name, problems, f"{path}{key}.")
    elif isinstance(data, LineList):
        for i, value in enumerate(data):
            _collect_duplicates(value, name, problems, f"{path}{i}.")
