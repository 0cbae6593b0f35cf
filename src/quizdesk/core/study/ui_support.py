"""Moved to :mod:`quizdesk.core.queries` (issue 17); kept while the study and exam
screens still import from here. New code imports from ``core.queries``."""

from __future__ import annotations

from quizdesk.core.clock import db_time as db_timestamp  # noqa: F401
from quizdesk.core.queries.counts import has_resumable_exam  # noqa: F401
from quizdesk.core.queries.questions import QuestionDetail, question_base_dir, question_detail, question_details  # noqa: F401
