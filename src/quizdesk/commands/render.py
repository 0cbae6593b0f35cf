"""``quizdesk render FILE.md``: render a Markdown file exactly as the app shows it.

Writes HTML (``--html``; formulas inlined as SVG data so the file stands
alone; standard output when no output is given) and/or a PNG made by the
app's answer view offscreen (``--png``). Problems (bad formulas, refused
images) go to standard error with their source; they do not change the exit
status, which is 1 only when the file cannot be read or an output not written.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import sys
from pathlib import Path
from typing import Any

THEMES = ("light", "dark")
MIN_WIDTH, MAX_WIDTH = 200, 8000
MIN_FONT_PX, MAX_FONT_PX = 6.0, 96.0
# Link colours of the app's palettes (ui/widgets/theme.py), for the standalone HTML.
LINK_COLOR = {"light": "#2f6fde", "dark": "#6ea1ff"}


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of pixels") from None
    if not MIN_WIDTH <= value <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(f"{value} is outside {MIN_WIDTH}–{MAX_WIDTH} pixels")
    return value


def _font_px(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of pixels") from None
    if not MIN_FONT_PX <= value <= MAX_FONT_PX:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is outside {MIN_FONT_PX:g}–{MAX_FONT_PX:g} pixels")
    return value


def add_parser(subparsers: Any, common: argparse.ArgumentParser | None = None) -> None:
    parser = subparsers.add_parser(
        "render",
        parents=[common] if common is not None else [],
        help="render a Markdown answer to HTML or PNG, as the app shows it",
        description="Render a Markdown file (formulas, code, tables, images) to HTML and/or PNG.",
    )
    parser.add_argument("file", type=Path, help="Markdown file")
    parser.add_argument("--html", type=Path, metavar="OUT", help="write a standalone HTML file")
    parser.add_argument("--png", type=Path, metavar="OUT", help="write a PNG screenshot of the answer view")
    parser.add_argument("--width", type=_width, default=900, help=f"PNG width in pixels, {MIN_WIDTH}–{MAX_WIDTH} (default 900)")
    parser.add_argument("--theme", choices=THEMES, default="light", help="colour theme (default light)")
    parser.add_argument("--font-px", type=_font_px, default=16.0, help=f"text size in pixels, {MIN_FONT_PX:g}–{MAX_FONT_PX:g} (default 16)")
    parser.set_defaults(func=run)


def read_markdown(path: Path) -> str:
    """The file's text; raises OSError or UnicodeDecodeError with the reason."""
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        raise UnicodeDecodeError("utf-8", data[:1], 0, 1, "binary file, not Markdown text")
    return data.decode("utf-8-sig")


def run(args: argparse.Namespace) -> int:
    try:
        text = read_markdown(args.file)
    except FileNotFoundError:
        print(f"{args.file}: no such file", file=sys.stderr)
        return 1
    except IsADirectoryError:
        print(f"{args.file}: is a folder, not a Markdown file", file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"{args.file}: cannot read as UTF-8 text ({exc.reason})", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.file}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 1
    base_dir = args.file.resolve().parent
    problems: list[Any] = []
    status = 0
    if args.html or not args.png:
        answer, document = _html_document(text, base_dir, args.theme, args.font_px, args.file.name)
        problems = list(answer.problems)
        if args.html:
            status |= _write(args.html, document.encode("utf-8"))
        else:
            sys.stdout.write(document)
    if args.png:
        try:
            problems = _png(text, base_dir, args.theme, args.font_px, args.width, args.png)
        except OSError as exc:
            print(f"{args.png}: cannot write ({exc})", file=sys.stderr)
            status = 1
        except NoWidgetApplication as exc:
            print(f"{args.png}: {exc}", file=sys.stderr)
            status = 1
    for problem in problems:
        print(f"{args.file}: {problem.kind}: {problem.message}: {problem.source}", file=sys.stderr)
    return status


def _write(path: Path, data: bytes) -> int:
    try:
        path.write_bytes(data)
    except OSError as exc:
        print(f"{path}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 1
    return 0


def _html_document(text: str, base_dir: Path, theme: str, font_px: float, title: str) -> tuple[Any, str]:
    from quizdesk.core.render import DARK_CODE_STYLE, LIGHT_CODE_STYLE, render_markdown

    dark = theme == "dark"
    color, background = ("#dfe1e5", "#1b1c1f") if dark else ("#1f2328", "#ffffff")
    answer = render_markdown(
        text, base_dir=base_dir, font_px=font_px, color=color, code_style=DARK_CODE_STYLE if dark else LIGHT_CODE_STYLE
    )
    body = answer.html
    for name, svg in answer.images.items():
        body = body.replace(f'src="{name}"', f'src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"')
    document = (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>a {{ color: {LINK_COLOR[theme]}; }}</style></head>\n"
        f'<body style="color: {color}; background-color: {background}; font-size: {font_px:g}px;">\n{body}\n</body></html>\n'
    )
    return answer, document


class NoWidgetApplication(RuntimeError):
    """The process already has a Qt application that cannot show widgets."""


def _png(text: str, base_dir: Path, theme: str, font_px: float, width: int, out: Path) -> list[Any]:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from quizdesk.ui.widgets.answer_view import AnswerView
    from quizdesk.ui.widgets.theme import apply_theme

    existing = QApplication.instance()
    if existing is None:
        app = QApplication([sys.argv[0]])
    elif isinstance(existing, QApplication):
        app = existing
    else:
        # A caller's QCoreApplication/QGuiApplication cannot host widgets, and Qt
        # allows one application per process: say so instead of crashing.
        raise NoWidgetApplication(
            f"cannot draw a PNG: this process already runs a {type(existing).__name__}, and the answer view needs a QApplication"
        )
    palette = app.palette()
    apply_theme(app, theme)  # links and selection take their colours from the app's palette
    try:
        return _grab_answer(app, text, base_dir, theme, font_px, width, out)
    finally:
        app.setPalette(palette)  # a caller's app (the test suite) keeps its own looks


def _grab_answer(app: Any, text: str, base_dir: Path, theme: str, font_px: float, width: int, out: Path) -> list[Any]:
    from quizdesk.ui.widgets.answer_view import AnswerView

    view = AnswerView()
    view.set_dark(theme == "dark")
    view.set_font_px(font_px)
    view.resize(width, 400)
    view.set_markdown(text, base_dir)
    frame = 2 * view.frameWidth()
    view.document().setTextWidth(width - frame)
    height = int(view.document().size().height()) + frame + 1
    view.resize(width, min(max(height, 50), 30_000))
    app.processEvents()
    image = view.grab()
    if not image.save(str(out), "PNG"):
        raise OSError(f"Qt could not save {out}")
    problems = list(view.problems())
    view.deleteLater()
    return problems

