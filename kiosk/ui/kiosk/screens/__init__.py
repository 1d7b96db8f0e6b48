"""The kiosk's screens. They never import each other: each emits intent signals."""
