"""Refresh the English translation: extract every tr() string, then compile the .qm.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` scans kiosk/**/*.py into assets/i18n/kiosk_en_US.ts (source language
   zh_CN, target en_US). Existing translations are kept; strings no longer in the code are dropped
   (-no-obsolete); new or changed strings come in as "unfinished".
2. ``pyside6-lrelease`` compiles the .ts into assets/i18n/kiosk_en_US.qm, which kiosk/ui/shared/i18n.py
   loads when the citizen switches to English.

Translate new strings in the .ts (with pyside6-linguist, or in a text editor: fill in
<translation> and remove type="unfinished"), then run this script again. It prints how many
messages there are and how many are unfinished, and exits 1 if any is unfinished or a translation
lost a {placeholder}, so it doubles as a check (CI, pre-commit).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "kiosk"
I18N = ROOT / "assets" / "i18n"
TS = I18N / "kiosk_en_US.ts"
QM = I18N / "kiosk_en_US.qm"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def tool(name: str) -> str:
    """``name`` next to the running interpreter (the venv's bin/Scripts), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"error: {name} not found next to {sys.executable} or on PATH (pip install pyside6)")
    return found


def run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        sys.exit(f"error: {Path(cmd[0]).name} failed ({proc.returncode}):\n{output}")
    for line in output.splitlines():
        if "warning" in line.lower() or "error" in line.lower():
            print(f"  {Path(cmd[0]).name}: {line.strip()}")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def check(root: ET.Element) -> tuple[int, list[str], list[str]]:
    """(message count, unfinished sources, placeholder problems) of a parsed .ts."""
    count, unfinished, problems = 0, [], []
    for ctx in root.iter("context"):
        cname = ctx.findtext("name") or "(no context)"
        for msg in ctx.iter("message"):
            count += 1
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                unfinished.append(f"{cname}: {source}")
                continue
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(tr.text or "")):
                problems.append(f"{cname}: {source!r} -> {tr.text!r} (placeholders differ)")
    return count, unfinished, problems


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    files = sources()
    print(f"lupdate: {len(files)} files under kiosk/ -> {TS.relative_to(ROOT)}")
    run([tool("pyside6-lupdate"), *files, "-source-language", "zh_CN", "-target-language", "en_US",
         "-no-obsolete", "-silent", "-ts", str(TS.relative_to(ROOT))])

    count, unfinished, problems = check(ET.parse(TS).getroot())
    run([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)])
    print(f"lrelease: {QM.relative_to(ROOT)} ({QM.stat().st_size} bytes)")

    print(f"{count} messages, {count - len(unfinished)} finished, {len(unfinished)} unfinished")
    for line in unfinished:
        print(f"  unfinished  {line}")
    for line in problems:
        print(f"  problem     {line}")
    return 1 if unfinished or problems else 0


if __name__ == "__main__":
    sys.exit(main())
