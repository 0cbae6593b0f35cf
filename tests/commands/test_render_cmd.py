"""``quizdesk render``: HTML and PNG output, problems on stderr, unreadable files."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from quizdesk.cli import main

ANSWER = "# 标题\n\n公式 $E=mc^2$ 与坏公式 $\\frac{a}{b$。\n\n$$\\sum_i x_i$$\n\n```python\nprint(1)\n```\n"
LINKS = "# Links\n\n" + "\n\n".join(["[" + "参考链接 reference " * 6 + "](https://example.com/a)"] * 6) + "\n"


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.md"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def test_html_output_stands_alone(answer_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "answer.html"
    assert main(["render", str(answer_file), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "标题" in page
    assert page.count("data:image/svg+xml;base64,") == 2 and 'src="math/' not in page
    svg = base64.b64decode(page.split("data:image/svg+xml;base64,")[1].split('"')[0])
    assert svg.startswith(b"<svg")
    err = capsys.readouterr().err
    assert "math: unbalanced braces" in err and r"$\frac{a}{b$" in err


def test_html_to_stdout_without_outputs(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(answer_file)]) == 0
    assert "<!DOCTYPE html>" in capsys.readouterr().out


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_png_output_via_the_answer_view(answer_file: Path, tmp_path: Path, theme: str, qapp) -> None:
    out = tmp_path / f"{theme}.png"
    assert main(["render", str(answer_file), "--png", str(out), "--width", "640", "--theme", theme]) == 0
    image = QImage(str(out))
    assert image.width() == 640 and image.height() > 150
    corner = image.pixelColor(image.width() // 2, image.height() - 3)
    assert (corner.lightness() < 80) == (theme == "dark")


def test_links_take_the_theme_colour(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QColor

    from quizdesk.commands.render import LINK_COLOR

    source = tmp_path / "links.md"
    source.write_text(LINKS, encoding="utf-8")
    before = qapp.palette().color(qapp.palette().ColorRole.Link)
    for theme in ("light", "dark"):
        out = tmp_path / f"links-{theme}.png"
        assert main(["render", str(source), "--png", str(out), "--theme", theme]) == 0
        image = QImage(str(out))
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
        link = QColor(LINK_COLOR[theme])
        assert any(abs(QColor(c).red() - link.red()) + abs(QColor(c).green() - link.green()) + abs(QColor(c).blue() - link.blue()) < 12 for c in colours), theme
        assert "#0000ff" not in colours  # Qt's default link blue, unreadable on the dark background
        html_out = tmp_path / f"links-{theme}.html"
        assert main(["render", str(source), "--html", str(html_out), "--theme", theme]) == 0
        assert f"a {{ color: {LINK_COLOR[theme]}; }}" in html_out.read_text(encoding="utf-8")
    assert qapp.palette().color(qapp.palette().ColorRole.Link) == before  # the caller's palette is left alone


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--font-px", "0", "outside 6–96"),
    ("--font-px", "-3", "outside 6–96"),
    ("--font-px", "nan", "outside 6–96"),
    ("--font-px", "big", "not a number"),
    ("--width", "0", "outside 200–8000"),
    ("--width", "-5", "outside 200–8000"),
    ("--width", "12.5", "not a whole number"),
])
def test_sizes_out_of_range_are_refused_before_any_work(answer_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str) -> None:
    out = tmp_path / "never.png"
    with pytest.raises(SystemExit) as info:
        main(["render", str(answer_file), "--png", str(out), flag, value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_unreadable_inputs_exit_1_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "missing.md")]) == 1
    assert "no such file" in capsys.readouterr().err
    binary = tmp_path / "blob.md"
    binary.write_bytes(b"\x00\x01\x02binary")
    assert main(["render", str(binary)]) == 1
    assert "cannot read as UTF-8" in capsys.readouterr().err
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes("中文".encode("gbk"))
    assert main(["render", str(gbk)]) == 1
    assert main(["render", str(tmp_path)]) == 1


def test_end_to_end_as_a_user_runs_it(answer_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "render", str(answer_file), "--png", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
    assert "unbalanced braces" in result.stderr and "Traceback" not in result.stderr


def test_png_inside_a_process_without_widgets_is_refused_with_a_message(answer_file: Path, tmp_path: Path) -> None:
    # A process that already runs a QCoreApplication cannot make widgets; the render
    # used to call .palette() on it and die with an AttributeError traceback.
    out = tmp_path / "shot.png"
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from quizdesk.cli import main\n"
        f"sys.exit(main(['render', {str(answer_file)!r}, '--png', {str(out)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "QCoreApplication" in result.stderr and "needs a QApplication" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
