"""en_US is complete: every tr() string in the code has a finished translation with its placeholders."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.ui.shared.i18n import I18N_DIR

ROOT = Path(__file__).resolve().parent.parent


def code_strings() -> set[str]:
    found = set()
    for path in (ROOT / "kiosk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.attr == "tr" and args:
                found.add(args[0])
            elif node.func.attr == "translate" and len(args) >= 2:
                found.add(args[1])
    return found


def test_every_ui_string_is_translated():
    root = ET.parse(I18N_DIR / "kiosk_en_US.ts").getroot()
    translated = {}
    for msg in root.iter("message"):
        tr = msg.find("translation")
        assert tr is not None and tr.get("type") != "unfinished" and (tr.text or "").strip(), msg.findtext("source")
        translated[msg.findtext("source")] = tr.text
    strings = code_strings()
    assert len(strings) > 100
    missing = sorted(strings - set(translated))
    assert not missing, f"run scripts/update_translations.py and translate: {missing}"
    for source, text in translated.items():
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), source
        assert not re.search(r"[\u4e00-\u9fff]", text), f"Chinese left in the English text: {text}"
    assert (I18N_DIR / "kiosk_en_US.qm").stat().st_mtime >= (I18N_DIR / "kiosk_en_US.ts").stat().st_mtime - 5
