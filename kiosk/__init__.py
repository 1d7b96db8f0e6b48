"""一窗通办 citizen-service hall kiosk."""

from pathlib import Path

__version__ = "0.1.0"

#: Repository-level assets (catalogue, hall, fonts, translations).
ASSETS = Path(__file__).resolve().parent.parent / "assets"
