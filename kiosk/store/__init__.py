"""Persistence: the one module that owns SQL. Never imports Qt."""
