"""Widgets and looks shared by every room: Markdown pane, question widgets, theme."""
