"""Dialogs opened from the File and Help menus: import, export, about, shortcuts."""
