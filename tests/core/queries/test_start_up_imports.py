"""What the first answer of a start loads: reading an imported question's image folder
must not load the Markdown importer (its title rules, headings, regexes) nor urllib.request."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_imported_questions_base_folder_loads_no_importer() -> None:
    out = _run(
        """
        import sys
        from pathlib import Path
        from quizdesk.core.queries.questions import question_base_dir

        base = question_base_dir("import:/banks/notes", "ml/svm.md", Path("/bundle"), Path("/data"))
        print(base.parent, sorted(m for m in ("quizdesk.core.content.importer.run", "urllib.request") if m in sys.modules))
        """
    )
    assert out == "/data/media []"


def test_the_importer_package_still_exports_its_names() -> None:
    out = _run(
        """
        import quizdesk.core.content.importer as importer
        from quizdesk.core.content.importer import ImportReport, run_import, split_text

        for name in importer.__all__:
            value = getattr(importer, name)
            assert value.__name__ == name, name
        print(run_import.__module__, ImportReport.__module__, split_text.__module__)
        try:
            importer.no_such_name
        except AttributeError as exc:
            print("AttributeError", "no_such_name" in str(exc))
        """
    )
    assert out.splitlines() == [
        "quizdesk.core.content.importer.run quizdesk.core.content.importer.report quizdesk.core.content.importer.split",
        "AttributeError True",
    ]
