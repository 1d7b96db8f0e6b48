"""The window's rating pad (评价器)."""
