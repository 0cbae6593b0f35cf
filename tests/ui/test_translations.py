"""The translation files are complete and current.

* every UI string in ``src/quizdesk/ui`` has a finished, non-empty Chinese
  translation with the same placeholders (``%1``, ``%n``, ``{name}``);
* lupdate sees every string the code passes to ``tr()`` / ``translate()``
  (it silently skips some call shapes, e.g. a count that is an expression);
* the committed ``.qm`` files are what ``lrelease`` makes of the ``.ts``;
* English plural forms exist, so "1 question" and "2 questions" read right.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "src" / "quizdesk" / "ui"
I18N = REPO / "resources" / "i18n"
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_]*\}")


def _build_tool():
    spec = importlib.util.spec_from_file_location("build_translations", REPO / "packaging" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def current_ts(tmp_path_factory) -> dict[str, Path]:
    """The committed .ts files, updated by lupdate from the code as it is now (in a temp folder)."""
    tool = _build_tool()
    folder = tmp_path_factory.mktemp("ts")
    paths = {}
    for language in tool.LANGUAGES:
        target = folder / f"quizdesk_{language}.ts"
        shutil.copyfile(tool.ts_path(language), target)
        tool.run_lupdate([target])
        paths[language] = target
    return paths


def test_every_ui_string_has_a_chinese_translation(current_ts) -> None:
    problems = []
    for (context, source), message in _messages(current_ts["zh_CN"]).items():
        translation = message.find("translation")
        forms = _translations(message)
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} has no finished translation")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{context}: {source!r} → {form!r}: placeholders {wanted} differ")
    assert not problems, "run packaging/build_translations.py, then translate in resources/i18n/quizdesk_zh_CN.ts:\n" + "\n".join(problems)


def test_the_committed_ts_files_are_up_to_date_with_the_code(current_ts) -> None:
    for language, updated in current_ts.items():
        committed = set(_messages(I18N / f"quizdesk_{language}.ts"))
        now = set(_messages(updated))
        assert now - committed == set(), f"new UI strings missing from quizdesk_{language}.ts: run packaging/build_translations.py"
        assert committed - now == set(), f"quizdesk_{language}.ts keeps strings the code no longer has: run packaging/build_translations.py"


def _string(node: ast.AST) -> str | None:
    """The value of a literal string, implicit concatenation included."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _code_strings() -> set[tuple[str, str]]:
    """(context, text) of every literal passed to self.tr (context: the class) or
    QCoreApplication.translate (context: its first argument) in the UI code."""
    found = set()

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                if child.func.attr == "tr" and child.args and _string(child.args[0]) is not None:
                    found.add((cls, _string(child.args[0])))
                elif child.func.attr == "translate" and len(child.args) >= 2 and _string(child.args[1]) is not None:
                    found.add((_string(child.args[0]) or "?", _string(child.args[1])))
            visit(child, cls)

    for path in UI.rglob("*.py"):
        visit(ast.parse(path.read_text(encoding="utf-8")), "?")
    return found  # type: ignore[return-value]


def test_lupdate_sees_every_string_the_code_translates(current_ts) -> None:
    extracted = set(_messages(current_ts["zh_CN"]))
    missed = sorted(f"{context}: {text!r}" for context, text in _code_strings() - extracted)
    assert not missed, (
        "lupdate did not extract these (write tr()/translate() with literal strings and a plain name as the count):\n"
        + "\n".join(missed)
    )


def test_english_plurals_have_two_forms() -> None:
    for (context, source), message in _messages(I18N / "quizdesk_en.ts").items():
        if message.get("numerus") == "yes":
            forms = _translations(message)
            assert len(forms) == 2 and all("%n" in f for f in forms), f"{context}: {source!r} needs singular and plural"


def test_the_compiled_qm_files_match_the_sources(tmp_path: Path) -> None:
    tool = _build_tool()
    sources = [*(tool.ts_path(language) for language in tool.LANGUAGES), *tool.qt_fixes_sources()]
    assert I18N / "qtbase_fixes_zh_CN.ts" in sources
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        tool.run_lrelease(ts, fresh)
        committed = ts.with_suffix(".qm")
        assert committed.exists(), f"{committed.name} is missing: run packaging/build_translations.py --compile"
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run packaging/build_translations.py --compile"
