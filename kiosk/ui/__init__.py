"""Qt layer: theme, navigation, screens, widgets, terminals. The only layer importing PySide6."""
