"""PySide6 user interface. Thin: it calls the core, never SQL or parsing itself."""
