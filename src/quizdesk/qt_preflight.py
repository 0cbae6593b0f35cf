"""Before the window opens on Linux/X11: are the system libraries Qt's xcb platform needs there?

When one is missing, Qt prints "could not load the Qt platform plugin xcb",
names at best one of the libraries, and aborts the process — an abort no
Python code can catch. So ``quizdesk`` looks for them first (only on Linux,
only when Qt is going to use xcb, before anything loads Qt) and, if any is
missing, names every one and prints the one command that installs them.

The list is what ``libqxcb.so`` and ``libQt6XcbQpa.so.6`` in the PySide6
wheel link to (``readelf -d``), plus the few system libraries Qt Gui itself
needs; ``tests/test_qt_preflight.py`` checks it against the installed PySide6.
A library counts as present when the dynamic loader can load it, exactly as Qt
will: it is loaded by the C ``dlopen`` that ctypes uses (without importing
ctypes, whose import alone takes ~10 ms) and stays loaded for Qt. A few
milliseconds, only on xcb, and mostly work Qt would do a moment later.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping

#: soname → (Debian / Ubuntu package, Fedora package)
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    # The X11 helper libraries a desktop install often lacks (Qt 6.5+ needs xcb-cursor).
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    # libxcb's own extension libraries.
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    # Qt Gui and the xcb plugin also link to these.
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}

#: The group above that a desktop install often lacks: the README lists their packages.
OFTEN_MISSING = tuple(XCB_LIBRARIES)[:7]

EXIT_MISSING_LIBRARIES = 3

Loader = Callable[[str], bool]


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its xcb (X11) platform plugin in this environment.

    ``QT_QPA_PLATFORM`` names the platform, or several separated by ``;`` that
    Qt tries in turn; unset, Qt takes xcb, or Wayland first in a Wayland session.
    A Wayland entry is taken when a compositor is there (``WAYLAND_DISPLAY``);
    any other platform (offscreen, vnc, eglfs, …) never loads xcb.
    """
    if not platform.startswith("linux"):
        return False
    requested = [p.split(":", 1)[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if not requested:
        requested = ["wayland", "xcb"] if environ.get("XDG_SESSION_TYPE") == "wayland" else ["xcb"]
    for name in requested:
        if name == "xcb":
            return True
        if name.startswith("wayland"):
            if environ.get("WAYLAND_DISPLAY"):
                return False
            continue  # no compositor: Qt goes on to the next entry
        return False
    return False


def _bundle_dirs() -> list[str]:
    """Where a PyInstaller bundle keeps the libraries it carries."""
    base = getattr(sys, "_MEIPASS", None)
    return [base] if getattr(sys, "frozen", False) and base else []


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds and loads ``soname``.

    A library found stays loaded: Qt loads it next anyway, so the check costs
    the start-up next to nothing once the plugin loads.
    """
    from _ctypes import dlopen  # ctypes' own loader; importing ctypes takes ~10 ms

    for candidate in (soname, *(os.path.join(folder, soname) for folder in _bundle_dirs())):
        try:
            dlopen(candidate, os.RTLD_LAZY)
        except OSError:
            continue
        return True
    return False


def missing_libraries(names: Iterable[str] = XCB_LIBRARIES, load: Loader | None = None) -> list[str]:
    load = load or can_load
    return [name for name in names if not load(name)]


def _os_release(path: str = "/etc/os-release") -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return ""


def package_manager(os_release: str) -> str | None:
    """"apt-get" (Debian, Ubuntu and their derivatives), "dnf" (Fedora, RHEL and theirs) or None."""
    fields: dict[str, str] = {}
    for line in os_release.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            fields[key.strip()] = value.strip().strip("'\"").lower()
    family = {fields.get("ID", ""), *fields.get("ID_LIKE", "").split()}
    if family & {"debian", "ubuntu"}:
        return "apt-get"
    if family & {"fedora", "rhel", "centos"}:
        return "dnf"
    return None


def install_command(missing: Iterable[str], manager: str, as_root: bool) -> str:
    column = 0 if manager == "apt-get" else 1
    packages = list(dict.fromkeys(XCB_LIBRARIES[name][column] for name in missing if name in XCB_LIBRARIES))
    return f"{'' if as_root else 'sudo '}{manager} install {' '.join(packages)}"


def report(missing: list[str], os_release: str, as_root: bool) -> str:
    """What to tell the user: the missing libraries and how to install them."""
    lines = [
        "quizdesk: the window cannot open: Qt's X11 (xcb) platform needs these system libraries, "
        "which are not installed:",
        "  " + ", ".join(missing),
    ]
    manager = package_manager(os_release)
    if manager is not None:
        lines += ["Install them with:", "  " + install_command(missing, manager, as_root)]
    else:
        lines += [
            "Install the packages that provide them, e.g.:",
            "  Debian/Ubuntu: " + install_command(missing, "apt-get", as_root),
            "  Fedora:        " + install_command(missing, "dnf", as_root),
        ]
    lines.append("then start quizdesk again.")
    return "\n".join(lines)


def check(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    load: Loader | None = None,
    os_release: str | None = None,
) -> str | None:
    """None when the window can open as far as system libraries go; else the message to print."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(load=load)
    if not missing:
        return None
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return report(missing, _os_release() if os_release is None else os_release, as_root)
