"""``quizdesk`` checks the X11 libraries Qt's xcb platform needs before Qt can abort over one.

Unit tests fake the environment, the loader and /etc/os-release; the
subprocess tests hide real libraries from a real start (a bind mount of
/dev/null over the library file, in a private mount namespace) and show that
Qt itself would have aborted there.
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizdesk import qt_preflight
from quizdesk.cli import main
from quizdesk.qt_preflight import (
    EXIT_MISSING_LIBRARIES,
    XCB_LIBRARIES,
    check,
    install_command,
    missing_libraries,
    package_manager,
    uses_xcb,
)

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
ROCKY = 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'
THE_THREE = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]  # what a fresh Debian lacked (issue 21)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: Qt's xcb platform")


def loader_without(*missing: str):
    return lambda name: name not in missing


# -- which platform Qt will take ------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),  # Qt's default on Linux
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),  # with plugin options
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", True),  # no compositor: Qt falls back to xcb
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),  # Wayland session
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_an_xcb_start_on_linux_is_checked(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert uses_xcb(environ, platform) is expected


def test_nothing_is_loaded_when_xcb_is_not_used() -> None:
    def load(name: str) -> bool:
        raise AssertionError(f"looked for {name}")

    assert check({"QT_QPA_PLATFORM": "offscreen"}, platform="linux", load=load) is None
    assert check({}, platform="win32", load=load) is None


# -- what is missing, and the one command that installs it ----------------------------------


def test_every_missing_library_is_named() -> None:
    assert missing_libraries(load=loader_without(*THE_THREE)) == THE_THREE
    assert missing_libraries(load=loader_without()) == []


@pytest.mark.parametrize(
    ("os_release", "manager"),
    [(DEBIAN, "apt-get"), (UBUNTU, "apt-get"), (MINT, "apt-get"), (FEDORA, "dnf"), (ROCKY, "dnf"), (ARCH, None), ("", None)],
)
def test_the_package_manager_comes_from_os_release(os_release: str, manager: str | None) -> None:
    assert package_manager(os_release) == manager


def test_one_command_installs_them_on_debian_and_on_fedora() -> None:
    assert install_command(THE_THREE, "apt-get", as_root=False) == "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    assert install_command(THE_THREE, "dnf", as_root=True) == "dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"
    # One package for several libraries, named once.
    assert install_command(["libxcb-shm.so.0", "libxcb-xkb.so.1"], "dnf", as_root=False) == "sudo dnf install libxcb"


def test_the_message_names_them_all_and_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    message = check({"QT_QPA_PLATFORM": "xcb"}, platform="linux", load=loader_without(*THE_THREE), os_release=UBUNTU)
    assert message == (
        "quizdesk: the window cannot open: Qt's X11 (xcb) platform needs these system libraries, which are not installed:\n"
        "  libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1\n"
        "Install them with:\n"
        "  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n"
        "then start quizdesk again."
    )


def test_an_unknown_distribution_gets_both_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    message = check({}, platform="linux", load=loader_without("libxcb-cursor.so.0"), os_release=ARCH)
    assert message is not None
    assert "  Debian/Ubuntu: apt-get install libxcb-cursor0\n" in message and "  Fedora:        dnf install xcb-util-cursor\n" in message


@linux_only
def test_quizdesk_stops_before_qt_with_the_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``quizdesk`` (no command: the GUI) prints the message and exits; the application is never made."""
    import quizdesk.ui.app.launch

    def no_gui(*args: object) -> int:
        raise AssertionError("the GUI was started")

    monkeypatch.setattr(quizdesk.ui.app.launch, "run_gui", no_gui)
    monkeypatch.setattr(qt_preflight, "can_load", loader_without("libxcb-icccm.so.4"))
    monkeypatch.setattr(qt_preflight, "_os_release", lambda: FEDORA)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert main([]) == EXIT_MISSING_LIBRARIES
    err = capsys.readouterr().err
    assert "  libxcb-icccm.so.4\n" in err and "dnf install xcb-util-wm\n" in err


# -- the list against the PySide6 installed -------------------------------------------------


def _needed(path: Path) -> list[str]:
    """DT_NEEDED entries of a 64-bit little-endian ELF file (what ``readelf -d`` lists as NEEDED)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        pytest.skip(f"{path.name}: not a 64-bit little-endian ELF file")
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]][4]
    names = []
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strings + value
            names.append(data[start : data.index(b"\0", start)].decode())
    return names


@linux_only
def test_the_list_covers_every_system_library_the_xcb_plugin_and_qt_gui_link_to() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    binaries = [qt / "plugins" / "platforms" / "libqxcb.so", *(qt / "lib").glob("libQt6XcbQpa.so.6"), *(qt / "lib").glob("libQt6Gui.so.6"),
                *(qt / "lib").glob("libQt6DBus.so.6")]
    if not binaries[0].is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    # Qt's own libraries come with the wheel; the C and C++ runtimes, zlib and zstd come with any system.
    base = ("libQt6", "libicu", "libc.so", "libm.so", "libstdc++", "libgcc_s", "ld-linux", "libz.so", "libzstd", "libpthread", "libdl.so", "librt.so")
    needed = {name for binary in binaries for name in _needed(binary) if not name.startswith(base)}
    assert needed - set(XCB_LIBRARIES) == set()
    assert set(THE_THREE) <= needed


@linux_only
def test_the_check_is_cheap_and_loads_no_ctypes() -> None:
    """A few milliseconds at start-up, and only on xcb: the C loader, not ctypes (~10 ms to import)."""
    code = (
        "import sys, time\n"
        "from quizdesk import qt_preflight\n"
        "start = time.perf_counter()\n"
        "found = qt_preflight.missing_libraries()\n"
        "print(round((time.perf_counter() - start) * 1000, 1), 'ctypes' in sys.modules, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    milliseconds, ctypes_loaded, qt_loaded = result.stdout.split()
    assert ctypes_loaded == "False" and qt_loaded == "False"
    assert float(milliseconds) < 200  # ~2 ms here; generous for a loaded CI machine


# -- the real thing, in a subprocess --------------------------------------------------------


def _library_file(soname: str) -> Path | None:
    """The file the dynamic loader opens for ``soname`` (None when it is not installed)."""
    code = (
        "import _ctypes, os, sys\n"
        f"_ctypes.dlopen({soname!r}, os.RTLD_LAZY)\n"
        f"print(next(l.split()[-1] for l in open('/proc/self/maps') if {soname.split('.so')[0] + '.so'!r} in l))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def _hidden(libraries: list[Path]) -> list[str]:
    """A command prefix that runs its command with these library files emptied (a private mount namespace)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    prefix = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    mounts = " && ".join(f"mount --bind /dev/null '{path}'" for path in libraries)
    probe = subprocess.run([*prefix, "sh", "-c", f"{mounts} && true"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {probe.stderr.strip()}")
    return [*prefix, "sh", "-c", f'{mounts} && exec "$@"', "hide"]


@linux_only
@pytest.mark.slow
def test_a_real_start_without_three_libraries_prints_the_command_instead_of_aborting(tmp_path: Path) -> None:
    files = [_library_file(name) for name in THE_THREE]
    if None in files:
        pytest.skip("the xcb libraries are not installed here")
    hide = _hidden([f for f in files if f is not None])
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":9999"}
    env.pop("WAYLAND_DISPLAY", None)

    started = time.perf_counter()
    result = subprocess.run([*hide, sys.executable, "-m", "quizdesk", "--data-dir", str(tmp_path / "data")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == EXIT_MISSING_LIBRARIES, result.stderr
    assert "  libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1\n" in result.stderr
    if package_manager(Path("/etc/os-release").read_text(encoding="utf-8") if Path("/etc/os-release").exists() else "") == "apt-get":
        assert "apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in result.stderr
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # stopped before touching the data folder
    assert time.perf_counter() - started < 60

    # What the check saves the user from: Qt itself aborts, naming one library.
    bare = subprocess.run([*hide, sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert bare.returncode in (-signal.SIGABRT, 128 + signal.SIGABRT), bare.stderr
    assert "xcb" in bare.stderr


@linux_only
@pytest.mark.slow
def test_a_real_start_with_the_libraries_opens_the_window_on_x11(tmp_path: Path) -> None:
    """On a real X server (Xvfb) the check lets the start through and the window paints."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    display = f":{200 + os.getpid() % 500}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
        if not socket.exists():
            pytest.skip("Xvfb did not start")
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "QUIZDESK_STARTUP_PROBE": "1"}
        result = subprocess.run([sys.executable, "-m", "quizdesk", "--data-dir", str(tmp_path / "data")],
                                env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("first-paint "), result.stdout + result.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
