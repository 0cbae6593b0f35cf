"""Images in imported answers: local ones copied into the data folder, remote ones never fetched."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import markdown  # type: ignore[import-untyped]
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
    # Stored relative to the root's media folder, which the app passes to the renderer as the base.
    assert answer == '![图 1](ch1/img/a.png "标题")\n\n<img src="shared/b.svg" width="200">'
    assert problems == []
    assert sorted(copies) == sorted(
        [((bank / "ch1/img/a.png").resolve(), target_dir / "ch1/img/a.png"), ((bank / "shared/b.svg").resolve(), target_dir / "shared/b.svg")]
    )


def test_paths_with_spaces_and_percent_escapes_render(bank: Path, tmp_path: Path) -> None:
    media = tmp_path / "da ta" / "media"
    answer, problems, copies = _answer(bank, "![p](img/my%20pic.png)\n![q](<img/my pic.png>)\n![r](img/my pic.png)", media)
    assert problems == [] and len(copies) == 1
    html = markdown.markdown(answer)
    assert html.count('src="ch1/img/my pic.png"') == 3


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


# --- every spelling of a file that exists in the tree (issue 15) --------------


@pytest.fixture
def windows_bank(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "ch14" / "img").mkdir(parents=True)
    (root / "ch14" / "img" / "lstm.png").write_bytes(PNG)
    (root / "ch14" / "img" / "my figure (1).png").write_bytes(PNG)
    (root / "img").mkdir()
    (root / "img" / "lstm.png").write_bytes(PNG + b"other")  # same name, another folder
    (root / "img" / "gan.jpg").write_bytes(PNG)
    return root


def _plan_one(root: Path, folder: str, body: str, media: Path) -> tuple[str, list[str], dict[str, Path]]:
    (root / folder).mkdir(parents=True, exist_ok=True)
    (root / folder / "q.md").write_text(f"## 什么是 LSTM？\n\n{body}\n", encoding="utf-8")
    plan = plan_import([root], media_root=media)
    (question,) = plan.questions
    return question.answer_md, [p.message for p in plan.problems], {c.target.relative_to(media_folder(media, root.resolve())).as_posix(): c.source for c in plan.media}


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("img\\lstm.png", "ch14/img/lstm.png"),  # backslashes
        (".\\img\\lstm.png", "ch14/img/lstm.png"),
        ("D:\\笔记\\repo\\ch14\\img\\lstm.png", "ch14/img/lstm.png"),  # the author's machine: the file name exists
        ("C:/Users/me/repo/img/gan.jpg", "img/gan.jpg"),
        ("/Users/me/Desktop/repo/img/lstm.png", "img/lstm.png"),  # the trailing folders that match best win
        ("D:\\repo\\ch14\\img\\lstm.png", "ch14/img/lstm.png"),
        ("/ch14/img/lstm.png", "ch14/img/lstm.png"),  # docsify: from the repository root
        ("../img/gan.jpg", "img/gan.jpg"),
        ("images/gan.jpg", "img/gan.jpg"),  # the folder was renamed: the file name is still in the tree
        ("img/my figure (1).png", "ch14/img/my figure (1).png"),
        ("img/my%20figure%20(1).png", "ch14/img/my figure (1).png"),
    ],
)
def test_every_spelling_of_an_image_in_the_tree_is_copied(windows_bank: Path, tmp_path: Path, written: str, stored: str) -> None:
    answer, problems, copies = _plan_one(windows_bank, "ch14", f"![图]({written})\n<img src=\"{written}\" alt=\"图\">", tmp_path / "media")
    assert problems == []
    assert list(copies) == [stored] and copies[stored] == (windows_bank / stored).resolve()
    reference = f"<{stored}>" if " " in stored else stored
    assert answer == f'![图]({reference})\n<img src="{stored}" alt="图">'


def test_the_nearest_of_two_equally_named_images_is_taken(windows_bank: Path, tmp_path: Path) -> None:
    answer, _problems, _copies = _plan_one(windows_bank, "ch14", "![a](D:\\x\\lstm.png)", tmp_path / "media")
    assert answer == "![a](ch14/img/lstm.png)"
    (windows_bank / "ch14" / "q.md").unlink()
    answer, _problems, _copies = _plan_one(windows_bank, "notes", "![a](D:\\x\\lstm.png)", tmp_path / "media2")
    assert answer == "![a](img/lstm.png)"


def test_a_name_found_in_the_tree_never_reads_a_symlink_out(windows_bank: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(PNG)
    os.symlink(tmp_path / "secret.png", windows_bank / "img" / "secret.png")
    answer, problems, copies = _plan_one(windows_bank, "ch14", "![s](D:\\secret.png)", tmp_path / "media")
    assert copies == {} and answer == "![s](D:\\secret.png)"
    assert problems == ["image 'D:\\secret.png' not found"]


def test_imported_images_render_from_the_media_folder_after_the_source_is_gone(windows_bank: Path, tmp_path: Path) -> None:
    import shutil

    from quizdesk.core.content.importer import run_import
    from quizdesk.core.content.importer.images import media_base
    from quizdesk.core.db.store import open_store
    from quizdesk.core.render import MathCache, render_markdown

    data = tmp_path / "data"
    body = "![a](img\\lstm.png)\n\n![b](D:\\repo\\img\\gan.jpg)\n\n![c](img/my figure (1).png)"
    (windows_bank / "ch14" / "q.md").write_text(f"## 什么是 LSTM？\n\n{body}\n", encoding="utf-8")
    store = open_store(data)
    try:
        report = run_import([windows_bank], session_factory=store.session_factory, data_dir=data)
    finally:
        store.close()
    assert report.images == 3
    plan = plan_import([windows_bank], media_root=data / "media")
    shutil.rmtree(windows_bank)
    base = media_base(data, plan.roots[0].origin)
    rendered = render_markdown(plan.questions[0].answer_md, base_dir=base, cache=MathCache())
    assert rendered.problems == ()
    assert rendered.html.count('src="file://') == 3


def test_the_renderer_takes_an_absolute_path_only_inside_its_base(tmp_path: Path) -> None:
    from quizdesk.core.render import MathCache, render_markdown

    base = tmp_path / "media" / "abc"
    base.mkdir(parents=True)
    (base / "a.png").write_bytes(PNG)
    (tmp_path / "b.png").write_bytes(PNG)
    # What imports before issue 15 stored: an absolute path into the media folder.
    inside = render_markdown(f"![a]({(base / 'a.png').as_posix()})", base_dir=base, cache=MathCache())
    assert inside.problems == () and 'src="file://' in inside.html
    outside = render_markdown(f"![b]({(tmp_path / 'b.png').as_posix()})", base_dir=base, cache=MathCache())
    assert [p.kind for p in outside.problems] == ["image"] and "file://" not in outside.html


def test_the_app_resolves_an_imported_question_against_its_media_folder(tmp_path: Path) -> None:
    from quizdesk.core.content.importer.images import media_base
    from quizdesk.core.queries.questions import question_base_dir

    origin = f"import:{tmp_path / 'repo'}"
    data = tmp_path / "data"
    assert question_base_dir(origin, "ch1/q.md", tmp_path / "content", data) == media_folder(data / "media", tmp_path / "repo")
    assert media_base(data, origin) == media_folder(data / "media", tmp_path / "repo")
    # The bundled bank keeps its images beside its files.
    assert question_base_dir("bank", "01/a.md", tmp_path / "content", data) == tmp_path / "content" / "01"


@pytest.mark.parametrize(
    "address",
    [
        "https://raw.githubusercontent.com/someone/interview/master/img/gan.jpg",
        "https://github.com/someone/interview/blob/main/img/gan.jpg?raw=true",
        "https://gitee.com/someone/interview/raw/master/img/gan.jpg",
    ],
)
def test_an_address_of_the_repositorys_own_file_is_read_from_the_tree(
    windows_bank: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the importer touched the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    answer, problems, copies = _plan_one(windows_bank, "ch14", f"![GAN]({address})", tmp_path / "media")
    assert answer == "![GAN](img/gan.jpg)" and list(copies) == ["img/gan.jpg"] and problems == []


def test_an_address_of_a_file_not_in_the_tree_stays_a_link(windows_bank: Path, tmp_path: Path) -> None:
    body = "![x](https://raw.githubusercontent.com/someone/interview/master/img/elsewhere.png)"
    answer, problems, copies = _plan_one(windows_bank, "ch14", body, tmp_path / "media")
    assert answer == body and copies == {} and problems == []
