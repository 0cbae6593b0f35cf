"""``named(widget, "objectName")``: a Qt object with its object name set, keeping its type.

PySide6 accepts any Qt property as a constructor keyword (``QLabel(text,
objectName="x")``), but its type stubs list only each class's own properties, so
mypy rejects the inherited ``objectName=`` on every widget. Object names are how
tests and style sheets find widgets, so they are set here, typed, instead.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Q = TypeVar("Q", bound=QObject)


def named(obj: Q, name: str) -> Q:
    obj.setObjectName(name)
    return obj
