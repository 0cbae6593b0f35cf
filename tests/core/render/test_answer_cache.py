"""Rendered answers kept on disk (core/render/answer_cache.py): the same answer back,
and never a stale or incomplete one."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizdesk.core.render import MathCache, render_markdown
from quizdesk.core.render.answer_cache import AnswerCache, answer_key, render_answer
from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.code_style import DARK_CODE_STYLE, LIGHT_CODE_STYLE

ANSWER = "Softmax 的梯度：$\\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - p_j)$。\n\n```python\nimport numpy as np\n```\n"
METRICS = TextMetrics.estimate(16.0)


def _options(**changes: object) -> dict[str, object]:
    return {"base_dir": None, "metrics": METRICS, "color": "#1f2328", "code_style": LIGHT_CODE_STYLE, **changes}


def test_an_answer_comes_back_as_rendered(tmp_path: Path) -> None:
    math = MathCache(tmp_path / "math")
    answers = AnswerCache(tmp_path / "answers")
    drawn = render_answer(ANSWER, answers=answers, cache=math, **_options())  # type: ignore[arg-type]
    assert answers.misses == 1 and drawn.images and not drawn.problems
    again = render_answer(ANSWER, answers=AnswerCache(tmp_path / "answers"), cache=math, **_options())  # type: ignore[arg-type]
    assert (again.html, again.images) == (drawn.html, drawn.images)
    expected = render_markdown(ANSWER, cache=math, font_px=16.0, metrics=METRICS)
    assert (again.html, again.images) == (expected.html, expected.images)


@pytest.mark.parametrize("change", [
    {"color": "#dfe1e5"},
    {"code_style": DARK_CODE_STYLE},
    {"metrics": TextMetrics.estimate(18.0)},
    {"base_dir": Path("/somewhere/else")},
])
def test_every_option_is_part_of_the_key(change: dict[str, object]) -> None:
    assert answer_key(ANSWER, **_options(**change)) != answer_key(ANSWER, **_options())  # type: ignore[arg-type]
    assert answer_key(ANSWER + " ", **_options()) != answer_key(ANSWER, **_options())  # type: ignore[arg-type]


def test_incomplete_answers_are_not_kept(tmp_path: Path) -> None:
    answers = AnswerCache(tmp_path / "answers")
    broken = render_markdown("$\\frac{1$ 与 ![图](missing.png)", cache=MathCache(tmp_path / "math"))
    assert broken.problems and not answers.put("k1", broken)
    pending = render_markdown("$x^{23}_{q}$", cache=MathCache(), draw=False)
    assert pending.pending and not answers.put("k2", pending)
    assert not any((tmp_path / "answers").rglob("*.json.z"))


def test_an_answer_whose_image_went_away_is_rendered_again(tmp_path: Path) -> None:
    (tmp_path / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    answers = AnswerCache(tmp_path / "answers")
    options = _options(base_dir=tmp_path)
    shown = render_answer("看图：![图](figure.png)", answers=answers, cache=MathCache(), **options)  # type: ignore[arg-type]
    assert "file://" in shown.html and not shown.problems
    key = answer_key("看图：![图](figure.png)", **options)  # type: ignore[arg-type]
    assert answers.get(key) is not None
    (tmp_path / "figure.png").unlink()
    assert answers.get(key) is None
    again = render_answer("看图：![图](figure.png)", answers=answers, cache=MathCache(), **options)  # type: ignore[arg-type]
    assert again.problems  # the missing image is reported, as on a first render


def test_a_damaged_file_is_a_miss_and_an_unwritable_folder_only_costs_speed(tmp_path: Path) -> None:
    answers = AnswerCache(tmp_path / "answers")
    key = answer_key(ANSWER, **_options())  # type: ignore[arg-type]
    render_answer(ANSWER, answers=answers, cache=MathCache(), **_options())  # type: ignore[arg-type]
    (path,) = (tmp_path / "answers").rglob("*.json.z")
    path.write_bytes(b"not zlib")
    assert answers.get(key) is None
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    unwritable = AnswerCache(blocked)
    answer = render_answer(ANSWER, answers=unwritable, cache=MathCache(), **_options())  # type: ignore[arg-type]
    assert answer.html and unwritable.get(key) is None


def test_nothing_is_kept_without_a_folder() -> None:
    answers = AnswerCache()
    answer = render_answer(ANSWER, answers=answers, cache=MathCache(), **_options())  # type: ignore[arg-type]
    assert not answers.put("k", answer) and answers.get("k") is None


def test_the_key_follows_the_renderer_code_and_a_rebuilt_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import sys

    from quizdesk.core.render import answer_cache

    def stamp() -> str:
        answer_cache.pipeline_version.cache_clear()
        return answer_cache.pipeline_version()

    try:
        from_source = stamp()
        # A frozen bundle: no module files beside the code, the executable's stat instead.
        real_listdir = os.listdir
        render_folder = str(Path(answer_cache.__file__).parent)
        monkeypatch.setattr(os, "listdir", lambda folder: [] if str(folder) == render_folder else real_listdir(folder))
        executable = tmp_path / "quizdesk"
        executable.write_bytes(b"build 1")
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(executable))
        first_build = stamp()
        assert stamp() == first_build != from_source
        executable.write_bytes(b"build 2, a little longer")
        assert stamp() != first_build
    finally:
        monkeypatch.undo()
        answer_cache.pipeline_version.cache_clear()
