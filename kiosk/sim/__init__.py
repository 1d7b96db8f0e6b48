"""Demo simulation of a day in the hall (Qt-free)."""
