"""Images in imported answers: local ones copied into the data folder, remote ones never fetched."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import markdown
import pytest

from quizdesk.core.content.importer import plan_import
from quizdesk.core.content.importer.images import media_folder

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    (root / "ch1" / "img").mkdir(parents=True)
    (root / "ch1" / "img" / "a.png").write_bytes(PNG)
    (root / "ch1" / "img" / "my pic.png").write_bytes(PNG)
    (root / "shared").mkdir()
    (root / "shared" / "b.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(PNG)
    return root


def _answer(bank: Path, body: str, media: Path) -> tuple[str, list[str], list[tuple[Path, Path]]]:
    (bank / "ch1" / "q.md").write_text(f"## 什么是 A？\n\n{body}\n", encoding="utf-8")
    plan = plan_import([bank], media_root=media)
    (question,) = plan.questions
    return question.answer_md, [f"{p.line}: {p.message}" for p in plan.problems], [(c.source, c.target) for c in plan.media]


def test_relative_markdown_and_html_images_are_planned_and_rewritten(bank: Path, tmp_path: Path) -> None:
    media = tmp_path / "data" / "media"
    answer, problems, copies = _answer(bank, '![图 1](img/a.png "标题")\n\n<img src="../shared/b.svg" width="200">', media)
    target_dir = media_folder(media, bank.resolve())
    assert answer == (
        f'![图 1]({(target_dir / "ch1/img/a.png").as_posix()} "标题")\n\n'
        f'<img src="{(target_dir / "shared/b.svg").as_posix()}" width="200">'
    )
    assert problems == []
    assert sorted(copies) == sorted(
        [((bank / "ch1/img/a.png").resolve(), target_dir / "ch1/img/a.png"), ((bank / "shared/b.svg").resolve(), target_dir / "shared/b.svg")]
    )


def test_paths_with_spaces_and_percent_escapes_render(bank: Path, tmp_path: Path) -> None:
    media = tmp_path / "da ta" / "media"
    answer, problems, copies = _answer(bank, "![p](img/my%20pic.png)\n![q](<img/my pic.png>)", media)
    assert problems == [] and len(copies) == 1
    html = markdown.markdown(answer)
    target = (media_folder(media, bank.resolve()) / "ch1/img/my pic.png").as_posix()
    assert html.count(f'src="{target}"') == 2


def test_paths_leaving_the_folder_are_refused_with_a_warning(bank: Path, tmp_path: Path) -> None:
    body = f"![泄露](../../outside.png)\n<img src='{tmp_path / 'outside.png'}' alt='绝对'>\n![](file://{tmp_path / 'outside.png'})"
    answer, problems, copies = _answer(bank, body, tmp_path / "media")
    assert answer == "泄露\n绝对\noutside.png"
    assert problems == [
        "3: image '../../outside.png' is outside the imported folder; not imported",
        f"4: image '{tmp_path / 'outside.png'}' is outside the imported folder; not imported",
        f"5: image 'file://{tmp_path / 'outside.png'}' is outside the imported folder; not imported",
    ]
    assert copies == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_image_pointing_outside_is_refused(bank: Path, tmp_path: Path) -> None:
    os.symlink(tmp_path / "outside.png", bank / "ch1" / "img" / "link.png")
    answer, problems, copies = _answer(bank, "![x](img/link.png)", tmp_path / "media")
    assert answer == "x" and "outside the imported folder" in problems[0] and copies == []


def test_remote_and_inline_images_are_left_alone_and_never_fetched(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the importer touched the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    body = "![r](https://example.com/a.png)\n<img src=\"http://example.com/b.png\">\n![c](//cdn.example.com/c.png)\n![d](data:image/png;base64,AAAA)"
    answer, problems, copies = _answer(bank, body, tmp_path / "media")
    assert answer == body and problems == [] and copies == []


def test_images_in_code_are_not_touched(bank: Path, tmp_path: Path) -> None:
    body = "`![a](img/a.png)`\n\n```markdown\n![a](img/a.png)\n<img src=\"img/a.png\">\n```"
    answer, problems, copies = _answer(bank, body, tmp_path / "media")
    assert answer == body and copies == [] and problems == []


def test_missing_and_non_image_files_warn_and_stay(bank: Path, tmp_path: Path) -> None:
    (bank / "ch1" / "notes.pdf").write_bytes(b"%PDF")
    answer, problems, copies = _answer(bank, "![m](img/missing.png)\n![p](notes.pdf)", tmp_path / "media")
    assert answer == "![m](img/missing.png)\n![p](notes.pdf)" and copies == []
    assert problems == ["3: image 'img/missing.png' not found", "4: 'notes.pdf' is not an image file; left as it is"]


def test_without_a_media_folder_references_stay_but_escapes_are_still_refused(bank: Path, tmp_path: Path) -> None:
    (bank / "ch1" / "q.md").write_text("## 什么是 A？\n\n![a](img/a.png)\n![b](../../outside.png)\n", encoding="utf-8")
    plan = plan_import([bank])
    assert plan.questions[0].answer_md == "![a](img/a.png)\nb" and plan.media == []
    assert [p.message for p in plan.problems] == ["image '../../outside.png' is outside the imported folder; not imported"]
