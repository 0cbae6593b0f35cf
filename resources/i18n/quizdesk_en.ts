<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <source>Offline study cards and timed mock exams for AI / algorithm-engineer interviews. No account and no network: everything stays on this computer.</source>
        <translation>Offline study cards and timed mock exams for AI / algorithm-engineer interviews. No account and no network: everything stays on this computer.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Free software under the MIT licence.</translation>
    </message>
    <message>
        <source>Show licence</source>
        <translation>Show licence</translation>
    </message>
    <message>
        <source>The licence text was not installed with this copy.</source>
        <translation>The licence text was not installed with this copy.</translation>
    </message>
    <message>
        <source>Your data (database, backups, imported images) is kept in:</source>
        <translation>Your data (database, backups, imported images) is kept in:</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Hide licence</source>
        <translation>Hide licence</translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is created when QuizDesk first saves something.</source>
        <translation>The folder does not exist yet; it is created when QuizDesk first saves something.</translation>
    </message>
    <message>
        <source>No file manager could be opened. Copy the path above to find the folder.</source>
        <translation>No file manager could be opened. Copy the path above to find the folder.</translation>
    </message>
</context>
<context>
    <name>AnkiExportDialog</name>
    <message>
        <source>Save the Anki deck</source>
        <translation>Save the Anki deck</translation>
    </message>
    <message>
        <source>Anki deck (*.apkg)</source>
        <translation>Anki deck (*.apkg)</translation>
    </message>
    <message>
        <source>Export an Anki deck</source>
        <translation>Export an Anki deck</translation>
    </message>
    <message>
        <source>Writes the questions as one Anki deck (.apkg) for Anki, AnkiDroid or AnkiMobile. Exporting again updates the same notes in Anki instead of adding copies.</source>
        <translation>Writes the questions as one Anki deck (.apkg) for Anki, AnkiDroid or AnkiMobile. Exporting again updates the same notes in Anki instead of adding copies.</translation>
    </message>
    <message>
        <source>Include my progress (FSRS schedule)</source>
        <translation>Include my progress (FSRS schedule)</translation>
    </message>
    <message>
        <source>Each card keeps its memory state, due date and answers, so Anki continues the schedule.</source>
        <translation>Each card keeps its memory state, due date and answers, so Anki continues the schedule.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>Questions:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Show folder</translation>
    </message>
    <message>
        <source>All questions (%1)</source>
        <translation>All questions (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n note(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n note to %1.</numerusform>
            <numerusform>Wrote %n notes to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deck(s), %1 images.</source>
        <translation>
            <numerusform>%n deck, %1 images.</numerusform>
            <numerusform>%n decks, %1 images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) carry their schedule.</source>
        <translation>
            <numerusform>%n card carries its schedule.</numerusform>
            <numerusform>%n cards carry their schedule.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be found and stay as written.</source>
        <translation>
            <numerusform>%n image could not be found and stays as written.</numerusform>
            <numerusform>%n images could not be found and stay as written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nothing was exported: %1</translation>
    </message>
</context>
<context>
    <name>AnkiImport</name>
    <message>
        <source>Import Anki decks and Markdown files separately.</source>
        <translation>Import Anki decks and Markdown files separately.</translation>
    </message>
    <message>
        <source>Nothing was imported. Choose either Anki packages (.apkg, .colpkg) or Markdown files.</source>
        <translation>Nothing was imported. Choose either Anki packages (.apkg, .colpkg) or Markdown files.</translation>
    </message>
</context>
<context>
    <name>AnkiImportFlow</name>
    <message>
        <source>Importing an Anki deck</source>
        <translation>Importing an Anki deck</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Writing to the database…</translation>
    </message>
    <message>
        <source>Copying images…</source>
        <translation>Copying images…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Checking how the cards display…</source>
        <translation>Checking how the cards display…</translation>
    </message>
    <message>
        <source>This file cannot be imported as an Anki deck; nothing was changed.</source>
        <translation>This file cannot be imported as an Anki deck; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>AnkiImportSummaryDialog</name>
    <message>
        <source>Anki import finished</source>
        <translation>Anki import finished</translation>
    </message>
    <message>
        <source>%1: %2 notes, %3 skipped. %4 reviews added (%5 imported before), %6 schedules carried over, %7 images copied.</source>
        <translation>%1: %2 notes, %3 skipped. %4 reviews added (%5 imported before), %6 schedules carried over, %7 images copied.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Another QuizDesk is using the data folder %1. Close it, then start QuizDesk again.</source>
        <translation>Another QuizDesk is using the data folder %1. Close it, then start QuizDesk again.</translation>
    </message>
    <message>
        <source>Could not write the daily backup: %1</source>
        <extracomment>What the first write needs (a grade, an exam): loaded by _preload_orm after the first answer.</extracomment>
        <translation>Could not write the daily backup: %1</translation>
    </message>
    <message>
        <source>%n problem(s) in the question bank; run &apos;quizdesk lint content/&apos;</source>
        <translation>%n problem(s) in the question bank; run &apos;quizdesk lint content/&apos;</translation>
    </message>
</context>
<context>
    <name>CountdownCard</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>The interview day has come</source>
        <translation>The interview day has come</translation>
    </message>
    <message>
        <source>Ready on the day: %1 if you stop now, %2 if you follow the plan</source>
        <translation>Ready on the day: %1 if you stop now, %2 if you follow the plan</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message numerus="yes">
        <source>Behind by %n card(s)</source>
        <translation>
            <numerusform>Behind by %n card</numerusform>
            <numerusform>Behind by %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(needs %n min/day)</source>
        <translation>
            <numerusform>(needs %n min/day)</numerusform>
            <numerusform>(needs %n min/day)</numerusform>
        </translation>
    </message>
    <message>
        <source>(too few evenings left to see every question twice)</source>
        <translation>(too few evenings left to see every question twice)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Per topic: ready on the day if you stop now → if you follow the plan</source>
        <translation>Per topic: ready on the day if you stop now → if you follow the plan</translation>
    </message>
    <message>
        <source>Start tonight&apos;s session</source>
        <translation>Start tonight&apos;s session</translation>
    </message>
    <message>
        <source>Start the planned mock exam</source>
        <translation>Start the planned mock exam</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>No evenings left to plan: good luck!</source>
        <translation>No evenings left to plan: good luck!</translation>
    </message>
    <message numerus="yes">
        <source>Tonight: %n due</source>
        <translation>
            <numerusform>Tonight: %n due</numerusform>
            <numerusform>Tonight: %n due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extra review(s)</source>
        <translation>
            <numerusform>%n extra review</numerusform>
            <numerusform>%n extra reviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>about %n min</numerusform>
            <numerusform>about %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>mock exam tonight: %1 questions, %2 min</source>
        <translation>mock exam tonight: %1 questions, %2 min</translation>
    </message>
    <message>
        <source>Following the plan</source>
        <translation>Following the plan</translation>
    </message>
    <message>
        <source>If you stop now</source>
        <translation>If you stop now</translation>
    </message>
    <message>
        <source>Tonight: %1</source>
        <translation>Tonight: %1</translation>
    </message>
</context>
<context>
    <name>CountdownPanel</name>
    <message>
        <source>Could not work out the interview plan: %1</source>
        <extracomment>What changes a plan: answers, exams, the bank, the interviews, a restored store. Study these question ids with this title (tonight&apos;s queue). Start tonight&apos;s planned mock exam: an ``ExamSpec`` (the main window creates it through ``ops.create_exam`` once no exam is on screen). New plans are on screen.</extracomment>
        <translation>Could not work out the interview plan: %1</translation>
    </message>
    <message>
        <source>Interview countdown</source>
        <translation>Interview countdown</translation>
    </message>
    <message>
        <source>Add interview…</source>
        <translation>Add interview…</translation>
    </message>
    <message>
        <source>Working out your interview plan…</source>
        <translation>Working out your interview plan…</translation>
    </message>
    <message>
        <source>Add the date of your interview and the topics it covers: you get a plan for each evening and a forecast of how ready you will be.</source>
        <translation>Add the date of your interview and the topics it covers: you get a plan for each evening and a forecast of how ready you will be.</translation>
    </message>
</context>
<context>
    <name>DiscardConfirmation</name>
    <message>
        <source>Discard exam</source>
        <translation>Discard exam</translation>
    </message>
    <message>
        <source>Discard this unfinished exam?</source>
        <translation>Discard this unfinished exam?</translation>
    </message>
    <message>
        <source>It cannot be resumed afterwards. The answers you gave stay in your history; unanswered questions do not count.</source>
        <translation>It cannot be resumed afterwards. The answers you gave stay in your history; unanswered questions do not count.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>ExamPalette</name>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Flagged for review</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>flagged</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>%1 of %2 answered · %3 flagged</source>
        <translation>%1 of %2 answered · %3 flagged</translation>
    </message>
</context>
<context>
    <name>ExamResultsView</name>
    <message>
        <source>Drill the wrong ones</source>
        <translation>Drill the wrong ones</translation>
    </message>
    <message>
        <source>Back to library</source>
        <extracomment>Study these question ids (the wrong ones).</extracomment>
        <translation>Back to library</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>By topic</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>Right answer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>time used %1 of %2</source>
        <translation>time used %1 of %2</translation>
    </message>
    <message>
        <source>time used %1 (no limit)</source>
        <translation>time used %1 (no limit)</translation>
    </message>
    <message>
        <source>%1 of %2 correct</source>
        <translation>%1 of %2 correct</translation>
    </message>
    <message numerus="yes">
        <source>%n open question(s) still wait for your grade; they count as 0 until graded.</source>
        <translation>
            <numerusform>%n open question still waits for your grade; it counts as 0 until graded.</numerusform>
            <numerusform>%n open questions still wait for your grade; they count as 0 until graded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores count each question equally; open questions by the share of key points covered.</source>
        <translation>Scores count each question equally; open questions by the share of key points covered.</translation>
    </message>
    <message>
        <source>Drill the wrong ones (%1)</source>
        <translation>Drill the wrong ones (%1)</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message>
        <source>Score (%)</source>
        <translation>Score (%)</translation>
    </message>
    <message>
        <source>Score by topic</source>
        <translation>Score by topic</translation>
    </message>
    <message>
        <source>Key points</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Reference answer</translation>
    </message>
    <message>
        <source>Covered %1 of %2:</source>
        <translation>Covered %1 of %2:</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>covered</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
</context>
<context>
    <name>ExamRunner</name>
    <message>
        <source>Your answers are kept here and will be saved as soon as possible.</source>
        <translation>Your answers are kept here and will be saved as soon as possible.</translation>
    </message>
    <message>
        <source>Not saved: another program is using the database.</source>
        <translation>Not saved: another program is using the database.</translation>
    </message>
    <message>
        <source>Not saved: the disk is full. Free some space.</source>
        <translation>Not saved: the disk is full. Free some space.</translation>
    </message>
    <message>
        <source>Not saved: the data folder is read-only.</source>
        <translation>Not saved: the data folder is read-only.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Pick a choice (multiple choice: toggle)</source>
        <translation>Pick a choice (multiple choice: toggle)</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>True / false</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Next question</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Previous question</translation>
    </message>
    <message>
        <source>First / last question</source>
        <translation>First / last question</translation>
    </message>
    <message>
        <source>Go to question number…</source>
        <translation>Go to question number…</translation>
    </message>
    <message>
        <source>Flag / unflag for review</source>
        <translation>Flag / unflag for review</translation>
    </message>
    <message>
        <source>Pause / resume (exams without a time limit)</source>
        <translation>Pause / resume (exams without a time limit)</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>Submit the exam</translation>
    </message>
    <message>
        <source>Leave the notes field (letters pick choices again)</source>
        <translation>Leave the notes field (letters pick choices again)</translation>
    </message>
    <message>
        <source>Your answer (notes, saved as you type; you grade yourself after submitting):</source>
        <extracomment>The exam was submitted (by the user or by the deadline); its id. An answer was committed: question id, the stored value (list, str or None). A flag was committed: question id, flagged. The clock was saved on its own (periodic tick, pause). The exam itself: answers, flags, clock, the writes and their retries (no widget in it).</extracomment>
        <translation>Your answer (notes, saved as you type; you grade yourself after submitting):</translation>
    </message>
    <message>
        <source>Write down the points you would make in the interview…</source>
        <translation>Write down the points you would make in the interview…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>First question</source>
        <translation>First question</translation>
    </message>
    <message>
        <source>Last question</source>
        <translation>Last question</translation>
    </message>
    <message>
        <source>Go to question…</source>
        <translation>Go to question…</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>Flag for review</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Pause / resume</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Leave the notes field</source>
        <translation>Leave the notes field</translation>
    </message>
    <message>
        <source>True</source>
        <translation>True</translation>
    </message>
    <message>
        <source>False</source>
        <translation>False</translation>
    </message>
    <message>
        <source>Pick %1</source>
        <translation>Pick %1</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Go to question</source>
        <translation>Go to question</translation>
    </message>
    <message>
        <source>Question number:</source>
        <translation>Question number:</translation>
    </message>
    <message>
        <source>Time used (no time limit)</source>
        <translation>Time used (no time limit)</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Flagged for review</translation>
    </message>
    <message>
        <source>Alt+← / Alt+→ move between questions while typing · Ctrl+M flags</source>
        <translation>Alt+← / Alt+→ move between questions while typing · Ctrl+M flags</translation>
    </message>
    <message>
        <source>T / F to answer · ← → to move · Ctrl+M flags</source>
        <translation>T / F to answer · ← → to move · Ctrl+M flags</translation>
    </message>
    <message>
        <source>%1–%2 or 1–%3 to pick · ← → to move · Ctrl+M flags</source>
        <translation>%1–%2 or 1–%3 to pick · ← → to move · Ctrl+M flags</translation>
    </message>
</context>
<context>
    <name>ExamSetupDialog</name>
    <message>
        <source>New mock exam</source>
        <translation>New mock exam</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source> questions</source>
        <translation> questions</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <source>Weakest first</source>
        <translation>Weakest first</translation>
    </message>
    <message>
        <source>Due first</source>
        <translation>Due first</translation>
    </message>
    <message>
        <source>random</source>
        <translation>random</translation>
    </message>
    <message>
        <source>The same seed and settings give the same exam again</source>
        <translation>The same seed and settings give the same exam again</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Question types:</source>
        <translation>Question types:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Order:</translation>
    </message>
    <message>
        <source>Seed (optional):</source>
        <translation>Seed (optional):</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Exam</translation>
    </message>
    <message>
        <source>Start exam</source>
        <translation>Start exam</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) match; the exam will have %1.</source>
        <translation>
            <numerusform>%n question matches; the exam will have %1.</numerusform>
            <numerusform>%n questions match; the exam will have %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick at least one topic.</source>
        <translation>Pick at least one topic.</translation>
    </message>
    <message>
        <source>Pick at least one question type.</source>
        <translation>Pick at least one question type.</translation>
    </message>
    <message>
        <source>No question of the chosen types is in the chosen topics. Add topics or question types.</source>
        <translation>No question of the chosen types is in the chosen topics. Add topics or question types.</translation>
    </message>
</context>
<context>
    <name>ExamTopBar</name>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation>Mock exam</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Submit the exam (Ctrl+Enter)</source>
        <translation>Submit the exam (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to folder</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <source>Nothing was exported: something is in the way.</source>
        <translation>Nothing was exported: something is in the way.</translation>
    </message>
    <message>
        <source>Nothing was exported: QuizDesk may not write to this folder.</source>
        <translation>Nothing was exported: QuizDesk may not write to this folder.</translation>
    </message>
    <message>
        <source>Nothing was exported: the disk is full.</source>
        <translation>Nothing was exported: the disk is full.</translation>
    </message>
    <message>
        <source>Nothing was exported: the folder does not exist.</source>
        <translation>Nothing was exported: the folder does not exist.</translation>
    </message>
    <message>
        <source>Nothing was exported: QuizDesk could not read its database.</source>
        <translation>Nothing was exported: QuizDesk could not read its database.</translation>
    </message>
    <message>
        <source>In the way: %1
Move or rename it, or choose another folder.</source>
        <translation>In the way: %1
Move or rename it, or choose another folder.</translation>
    </message>
    <message>
        <source>Folder: %1
Choose a folder you can write to, for example one in your Documents.</source>
        <translation>Folder: %1
Choose a folder you can write to, for example one in your Documents.</translation>
    </message>
    <message>
        <source>Folder: %1
Free some space, or choose a folder on another disk.</source>
        <translation>Folder: %1
Free some space, or choose a folder on another disk.</translation>
    </message>
    <message>
        <source>Folder: %1
Create it, or choose another folder.</source>
        <translation>Folder: %1
Create it, or choose another folder.</translation>
    </message>
    <message>
        <source>Database: %1
Try again; if it keeps failing, restart QuizDesk.</source>
        <translation>Database: %1
Try again; if it keeps failing, restart QuizDesk.</translation>
    </message>
    <message>
        <source>Folder: %1
Try again, or choose another folder.</source>
        <translation>Folder: %1
Try again, or choose another folder.</translation>
    </message>
    <message>
        <source>Export progress as CSV</source>
        <translation>Export progress as CSV</translation>
    </message>
    <message>
        <source>Writes attempts.csv, questions.csv and topics.csv: your answers and your progress per question and topic, for Excel or any spreadsheet (Chinese included). Files of the same names in the folder are replaced.</source>
        <translation>Writes attempts.csv, questions.csv and topics.csv: your answers and your progress per question and topic, for Excel or any spreadsheet (Chinese included). Files of the same names in the folder are replaced.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Only attempts since</source>
        <translation>Only attempts since</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>The export finished (its result) or failed / was cancelled (None); the dialog stays open to say so.</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1:</source>
        <translation>
            <numerusform>Wrote %n file to %1:</numerusform>
            <numerusform>Wrote %n files to %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n row(s)</source>
        <translation>
            <numerusform>%1 — %n row</numerusform>
            <numerusform>%1 — %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Nothing was exported.</translation>
    </message>
</context>
<context>
    <name>HistoryChartView</name>
    <message numerus="yes">
        <source>Last %1 days: %n review(s)</source>
        <translation>
            <numerusform>Last %1 days: %n review</numerusform>
            <numerusform>Last %1 days: %n reviews</numerusform>
        </translation>
    </message>
    <message>
        <source>Daily reviews</source>
        <translation>Daily reviews</translation>
    </message>
    <message>
        <source>Last %1 days: no reviews yet</source>
        <translation>Last %1 days: no reviews yet</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Exam history</source>
        <extracomment>Show the results of this exam. Continue this unfinished exam (answering or self-grading).</extracomment>
        <translation>Exam history</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>unfinished</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>waiting for self-grading</source>
        <translation>waiting for self-grading</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>discarded</translation>
    </message>
    <message>
        <source>No mock exams yet. Start one with New mock exam (Ctrl+N).</source>
        <translation>No mock exams yet. Start one with New mock exam (Ctrl+N).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>Open results</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import questions</source>
        <translation>Import questions</translation>
    </message>
    <message>
        <source>Markdown or Anki (*.md *.markdown *.txt *.apkg *.colpkg);;Markdown (*.md *.markdown *.txt);;Anki deck (*.apkg *.colpkg);;All files (*)</source>
        <translation>Markdown or Anki (*.md *.markdown *.txt *.apkg *.colpkg);;Markdown (*.md *.markdown *.txt);;Anki deck (*.apkg *.colpkg);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Reading files…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>Cancelling… nothing will be changed.</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Writing to the database…</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed.</source>
        <translation>The import failed; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <extracomment>Don&apos;t flash a progress dialog for an import that finishes at once.</extracomment>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 skipped, %5 retired (%6 files read).</source>
        <translation>%1 new, %2 updated, %3 unchanged, %4 skipped, %5 retired (%6 files read).</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Warnings (%1):</source>
        <translation>Warnings (%1):</translation>
    </message>
    <message>
        <source>1 card will not display fully (a formula or an image):</source>
        <translation>1 card will not display fully (a formula or an image):</translation>
    </message>
    <message>
        <source>%1 cards will not display fully (a formula or an image):</source>
        <translation>%1 cards will not display fully (a formula or an image):</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>formula</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Interview: %1</source>
        <translation>Interview: %1</translation>
    </message>
    <message>
        <source>e.g. ACME, ML engineer</source>
        <translation>e.g. ACME, ML engineer</translation>
    </message>
    <message>
        <source> min/day</source>
        <translation> min/day</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Daily time:</source>
        <translation>Daily time:</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>Covers:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Give the interview a name.</source>
        <translation>Give the interview a name.</translation>
    </message>
    <message>
        <source>An interview is already called “%1”: pick another name, or edit that one.</source>
        <translation>An interview is already called “%1”: pick another name, or edit that one.</translation>
    </message>
    <message>
        <source>Tick at least one module or topic the interview covers.</source>
        <translation>Tick at least one module or topic the interview covers.</translation>
    </message>
    <message>
        <source>Delete interview</source>
        <translation>Delete interview</translation>
    </message>
    <message>
        <source>Delete the interview “%1”? Your answers and cards stay.</source>
        <translation>Delete the interview “%1”? Your answers and cards stay.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>All topics</source>
        <extracomment>Study these questions (Enter / double-click on a question): ids, a title. A topic was picked while a search was shown: the owner clears its search box. The topic tree&apos;s mastery dots are up to date with the database.</extracomment>
        <translation>All topics</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search: %n result(s)</source>
        <translation>
            <numerusform>Search: %n result</numerusform>
            <numerusform>Search: %n results</numerusform>
        </translation>
    </message>
    <message>
        <source>*Pick a question to read its answer.*</source>
        <translation>*Pick a question to read its answer.*</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Key points (要点)</source>
        <translation>Key points (要点)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Study: one question</source>
        <translation>Study: one question</translation>
    </message>
    <message>
        <source>Search questions and answers (Ctrl+F)</source>
        <translation>Search questions and answers (Ctrl+F)</translation>
    </message>
    <message>
        <source>New mock exam…</source>
        <translation>New mock exam…</translation>
    </message>
    <message>
        <source>Study due cards</source>
        <translation>Study due cards</translation>
    </message>
    <message>
        <source>Weak areas…</source>
        <translation>Weak areas…</translation>
    </message>
    <message>
        <source>Interview countdown…</source>
        <translation>Interview countdown…</translation>
    </message>
    <message>
        <source>Plan your interview: readiness forecast and tonight&apos;s study</source>
        <translation>Plan your interview: readiness forecast and tonight&apos;s study</translation>
    </message>
    <message>
        <source>Exam history…</source>
        <translation>Exam history…</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Go to topics</source>
        <translation>Go to topics</translation>
    </message>
    <message>
        <source>Go to questions</source>
        <translation>Go to questions</translation>
    </message>
    <message>
        <source>Go to answer</source>
        <translation>Go to answer</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Study</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) in the bank</source>
        <translation>
            <numerusform>%n question in the bank</numerusform>
            <numerusform>%n questions in the bank</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n due</numerusform>
            <numerusform>%n due</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due and there are no new cards here.</source>
        <translation>Nothing is due and there are no new cards here.</translation>
    </message>
    <message>
        <source>all topics</source>
        <translation>all topics</translation>
    </message>
    <message>
        <source>Study the due cards of all topics, then new ones</source>
        <translation>Study the due cards of all topics, then new ones</translation>
    </message>
    <message>
        <source>Study selected topic</source>
        <translation>Study selected topic</translation>
    </message>
    <message>
        <source>Study the selected topic: its due cards, then new ones</source>
        <translation>Study the selected topic: its due cards, then new ones</translation>
    </message>
    <message>
        <source>Progress as CSV…</source>
        <translation>Progress as CSV…</translation>
    </message>
    <message>
        <source>Export your progress as CSV files</source>
        <translation>Export your progress as CSV files</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Anki deck…</source>
        <translation>Anki deck…</translation>
    </message>
    <message>
        <source>Export questions as an Anki deck</source>
        <translation>Export questions as an Anki deck</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Nothing is due and there are no new cards.</source>
        <translation>Nothing is due and there are no new cards.</translation>
    </message>
    <message>
        <source>Due cards</source>
        <translation>Due cards</translation>
    </message>
    <message>
        <source>Select a topic in the tree first.</source>
        <translation>Select a topic in the tree first.</translation>
    </message>
    <message>
        <source>Study: %1</source>
        <translation>Study: %1</translation>
    </message>
    <message>
        <source>Time is up: the exam was submitted.</source>
        <translation>Time is up: the exam was submitted.</translation>
    </message>
    <message>
        <source>Grade the open questions later from Exam history (Ctrl+H).</source>
        <translation>Grade the open questions later from Exam history (Ctrl+H).</translation>
    </message>
    <message>
        <source>Drill: wrong answers</source>
        <translation>Drill: wrong answers</translation>
    </message>
    <message>
        <source>The unfinished exam was discarded; its answers stay in the history.</source>
        <translation>The unfinished exam was discarded; its answers stay in the history.</translation>
    </message>
    <message>
        <source>The unfinished exam waits in Exam history (Ctrl+H).</source>
        <translation>The unfinished exam waits in Exam history (Ctrl+H).</translation>
    </message>
    <message>
        <source>Finish the exam first; then drill your weak areas.</source>
        <translation>Finish the exam first; then drill your weak areas.</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2.</source>
        <translation>%1 cannot be restored: %2.</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>The backup was restored.</translation>
    </message>
    <message>
        <source>Study the selected question (in the question list)</source>
        <translation>Study the selected question (in the question list)</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Main window</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation>Mock exam</translation>
    </message>
    <message>
        <source>Grading your open answers</source>
        <translation>Grading your open answers</translation>
    </message>
    <message>
        <source>Exam results</source>
        <translation>Exam results</translation>
    </message>
    <message>
        <source>Answers not saved</source>
        <translation>Answers not saved</translation>
    </message>
    <message>
        <source>Some answers of this exam could not be saved, so quitting now would lose them.</source>
        <translation>Some answers of this exam could not be saved, so quitting now would lose them.</translation>
    </message>
    <message>
        <source>Keep the exam open</source>
        <translation>Keep the exam open</translation>
    </message>
    <message>
        <source>Quit and lose them</source>
        <translation>Quit and lose them</translation>
    </message>
</context>
<context>
    <name>MasteryChartView</name>
    <message>
        <source>Mastery by module</source>
        <extracomment>The chart now shows this module&apos;s topics (its id), or the modules (None). What each bar stands for, top to bottom (topic ids), as drawn.</extracomment>
        <translation>Mastery by module</translation>
    </message>
    <message>
        <source>%1: mastery by topic</source>
        <translation>%1: mastery by topic</translation>
    </message>
    <message>
        <source>nothing practised yet</source>
        <translation>nothing practised yet</translation>
    </message>
    <message>
        <source>Weak (below %1)</source>
        <translation>Weak (below %1)</translation>
    </message>
    <message>
        <source>Fair (%1–%2)</source>
        <translation>Fair (%1–%2)</translation>
    </message>
    <message>
        <source>Strong (%1 and up)</source>
        <translation>Strong (%1 and up)</translation>
    </message>
    <message>
        <source>Not practised</source>
        <translation>Not practised</translation>
    </message>
    <message>
        <source>Mastery (0–100)</source>
        <translation>Mastery (0–100)</translation>
    </message>
    <message>
        <source>Click for its topics</source>
        <translation>Click for its topics</translation>
    </message>
</context>
<context>
    <name>MasteryIndicator</name>
    <message>
        <source>low</source>
        <extracomment>Fill opacity for no evidence and for full confidence; never invisible.</extracomment>
        <translation>low</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Not practised yet · questions: %1</source>
        <translation>Not practised yet · questions: %1</translation>
    </message>
    <message>
        <source>Mastery %1 · confidence %2 · %3 of %4 questions tried</source>
        <translation>Mastery %1 · confidence %2 · %3 of %4 questions tried</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not saved: another program is using the database. Try again in a moment.</source>
        <translation>Not saved: another program is using the database. Try again in a moment.</translation>
    </message>
    <message>
        <source>Not saved: the disk is full. Free some space and try again.</source>
        <translation>Not saved: the disk is full. Free some space and try again.</translation>
    </message>
    <message>
        <source>Not saved: the data folder is read-only.</source>
        <translation>Not saved: the data folder is read-only.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>%1 of the planned questions are no longer in the question bank; the exam has the other %2.</source>
        <translation>%1 of the planned questions are no longer in the question bank; the exam has the other %2.</translation>
    </message>
</context>
<context>
    <name>PausedPage</name>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>The clock is stopped and the questions are hidden.</source>
        <translation>The clock is stopped and the questions are hidden.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Open</source>
        <extracomment>While a search is shown: the matched terms&apos; (start, end) in the title. While a search is shown: the :class:`Snippet` of why the question matched (or None).</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>Multi</source>
        <translation>Multi</translation>
    </message>
    <message>
        <source>T/F</source>
        <translation>T/F</translation>
    </message>
</context>
<context>
    <name>QuestionType</name>
    <message>
        <source>Open question</source>
        <translation>Open question</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>True / false</translation>
    </message>
</context>
<context>
    <name>QuitDuringExamBox</name>
    <message>
        <source>Quit QuizDesk</source>
        <translation>Quit QuizDesk</translation>
    </message>
    <message>
        <source>Your exam answers are saved.</source>
        <translation>Your exam answers are saved.</translation>
    </message>
    <message>
        <source>Next time you start QuizDesk you can finish grading them.</source>
        <translation>Next time you start QuizDesk you can finish grading them.</translation>
    </message>
    <message>
        <source>The exam is saved; you can continue it next time you start QuizDesk.</source>
        <translation>The exam is saved; you can continue it next time you start QuizDesk.</translation>
    </message>
    <message>
        <source>The clock stops while QuizDesk is closed: %1 will be left.</source>
        <translation>The clock stops while QuizDesk is closed: %1 will be left.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The QuizDesk database is damaged.</source>
        <translation>The QuizDesk database is damaged.</translation>
    </message>
    <message>
        <source>The file that should hold your progress is not a QuizDesk database.</source>
        <translation>The file that should hold your progress is not a QuizDesk database.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of QuizDesk.</source>
        <translation>This database was written by a newer version of QuizDesk.</translation>
    </message>
    <message>
        <source>QuizDesk cannot write to its data folder.</source>
        <translation>QuizDesk cannot write to its data folder.</translation>
    </message>
    <message>
        <source>Another program is using the QuizDesk database.</source>
        <translation>Another program is using the QuizDesk database.</translation>
    </message>
    <message>
        <source>QuizDesk cannot open its database.</source>
        <translation>QuizDesk cannot open its database.</translation>
    </message>
    <message>
        <source>Restore the newest good backup, or start with an empty history.</source>
        <translation>Restore the newest good backup, or start with an empty history.</translation>
    </message>
    <message>
        <source>Update QuizDesk to open it, or restore a backup made by this version.</source>
        <translation>Update QuizDesk to open it, or restore a backup made by this version.</translation>
    </message>
    <message>
        <source>Make the folder writable (or start QuizDesk with --data-dir on a writable folder), then start again.</source>
        <translation>Make the folder writable (or start QuizDesk with --data-dir on a writable folder), then start again.</translation>
    </message>
    <message>
        <source>Close the other program (is QuizDesk already running?), then start again.</source>
        <translation>Close the other program (is QuizDesk already running?), then start again.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Restore backup of %1</source>
        <translation>Restore backup of %1</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>Start fresh</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Your current file is never deleted: it is kept beside the database with &apos;.damaged-&apos; in its name, or in the backups folder.</source>
        <translation>Your current file is never deleted: it is kept beside the database with &apos;.damaged-&apos; in its name, or in the backups folder.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>before an update</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>it is not an SQLite database</translation>
    </message>
    <message>
        <source>it is not a QuizDesk database</source>
        <translation>it is not a QuizDesk database</translation>
    </message>
    <message>
        <source>it was written by a newer QuizDesk</source>
        <translation>it was written by a newer QuizDesk</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>it is damaged</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>it cannot be read</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Pick the state to go back to. Your current data is saved as a backup first, so you can come back to it the same way.</source>
        <translation>Pick the state to go back to. Your current data is saved as a backup first, so you can come back to it the same way.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>Usable</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>no: %1</translation>
    </message>
    <message>
        <source>There are no backups yet. Use Back up now first, or pick a file.</source>
        <translation>There are no backups yet. Use Back up now first, or pick a file.</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Restore from a file</translation>
    </message>
    <message>
        <source>QuizDesk database (*.db);;All files (*)</source>
        <translation>QuizDesk database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2.</source>
        <translation>%1 cannot be restored: %2.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Unfinished mock exam</source>
        <translation>Unfinished mock exam</translation>
    </message>
    <message>
        <source>The mock exam you started on %1 was submitted, but some open questions still wait for your grade.</source>
        <translation>The mock exam you started on %1 was submitted, but some open questions still wait for your grade.</translation>
    </message>
    <message>
        <source>Grade them now to see the results?</source>
        <translation>Grade them now to see the results?</translation>
    </message>
    <message>
        <source>Grade now</source>
        <translation>Grade now</translation>
    </message>
    <message>
        <source>The mock exam you started on %1 was not finished: %2 of %3 questions answered.</source>
        <translation>The mock exam you started on %1 was not finished: %2 of %3 questions answered.</translation>
    </message>
    <message>
        <source>%1 left. The clock did not run while QuizDesk was closed: you get exactly the time that was left at the last save.</source>
        <translation>%1 left. The clock did not run while QuizDesk was closed: you get exactly the time that was left at the last save.</translation>
    </message>
    <message>
        <source>This exam has no time limit.</source>
        <translation>This exam has no time limit.</translation>
    </message>
    <message>
        <source>Resume it now?</source>
        <translation>Resume it now?</translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation>Resume exam</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Discard exam</source>
        <translation>Discard exam</translation>
    </message>
</context>
<context>
    <name>SelfGradeView</name>
    <message>
        <source>Tick / untick key point n</source>
        <translation>Tick / untick key point n</translation>
    </message>
    <message>
        <source>Record the ticked key points</source>
        <translation>Record the ticked key points</translation>
    </message>
    <message>
        <source>Again / Hard / Good / Easy (questions without key points)</source>
        <translation>Again / Hard / Good / Easy (questions without key points)</translation>
    </message>
    <message>
        <source>Grade later</source>
        <extracomment>Every open question is graded; the exam is finished. Its id. The user chose to grade later (the exam stays resumable). One grade was committed: question id. The grading itself: the open answers left, the grades given (no widget in it).</extracomment>
        <translation>Grade later</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Your notes</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Reference answer</translation>
    </message>
    <message>
        <source>Key points (要点): tick the ones your notes covered</source>
        <translation>Key points (要点): tick the ones your notes covered</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Hard</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Easy</translation>
    </message>
    <message>
        <source>Grade your open answers: %1 of %2</source>
        <translation>Grade your open answers: %1 of %2</translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation>(no notes)</translation>
    </message>
    <message>
        <source>Record: %1 of %2 covered</source>
        <translation>Record: %1 of %2 covered</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>1–9 tick the key points your notes covered, Enter records</source>
        <translation>1–9 tick the key points your notes covered, Enter records</translation>
    </message>
    <message>
        <source>How good was your answer? 1 Again · 2 Hard · 3 Good · 4 Easy</source>
        <translation>How good was your answer? 1 Again · 2 Hard · 3 Good · 4 Easy</translation>
    </message>
    <message>
        <source>Could not save this grade (%1). Try again.</source>
        <translation>Could not save this grade (%1). Try again.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Exam-setup keys that remember the last exam; cleared when the defaults change so the next exam starts from the new defaults.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Study and exams</source>
        <translation>Study and exams</translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation>Data and backups</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Answer text size:</source>
        <translation>Answer text size:</translation>
    </message>
    <message>
        <source>Questions per exam:</source>
        <translation>Questions per exam:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Time limit:</translation>
    </message>
    <message>
        <source>Desired retention:</source>
        <translation>Desired retention:</translation>
    </message>
    <message>
        <source>Question content stays in the language it was written in.</source>
        <translation>Question content stays in the language it was written in.</translation>
    </message>
    <message>
        <source> questions</source>
        <translation> questions</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The chance you still remember a card when it comes due. Higher means more reviews at shorter intervals; 90% is a good balance. Applies to every review from now on.</source>
        <translation>The chance you still remember a card when it comes due. Higher means more reviews at shorter intervals; 90% is a good balance. Applies to every review from now on.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Backups to keep:</translation>
    </message>
    <message>
        <source>A backup is made every day you start QuizDesk and before every import or restore; the oldest beyond this number are removed then.</source>
        <translation>A backup is made every day you start QuizDesk and before every import or restore; the oldest beyond this number are removed then.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>The backup failed: %1</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Go back to the data of %1?</source>
        <translation>Go back to the data of %1?</translation>
    </message>
    <message>
        <source>Everything done since then is replaced. Your current data is first saved as a backup, so you can restore it again.</source>
        <translation>Everything done since then is replaced. Your current data is first saved as a backup, so you can restore it again.</translation>
    </message>
    <message>
        <source>The exam in progress is saved and closed.</source>
        <translation>The exam in progress is saved and closed.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Nothing was restored: %1</translation>
    </message>
    <message>
        <source>Restored. Your data from before is kept in %1</source>
        <translation>Restored. Your data from before is kept in %1</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restored.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StudyView</name>
    <message>
        <source>Show the answer; after a choice was checked: next card</source>
        <translation>Show the answer; after a choice was checked: next card</translation>
    </message>
    <message>
        <source>Again / Hard / Good / Easy (open questions without key points)</source>
        <translation>Again / Hard / Good / Easy (open questions without key points)</translation>
    </message>
    <message>
        <source>Tick / untick key point n (open questions with 要点); pick choice n</source>
        <translation>Tick / untick key point n (open questions with 要点); pick choice n</translation>
    </message>
    <message>
        <source>Pick a choice (multiple choice: toggle)</source>
        <translation>Pick a choice (multiple choice: toggle)</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>True / false</translation>
    </message>
    <message>
        <source>Check the choice · record the ticked key points · next card</source>
        <translation>Check the choice · record the ticked key points · next card</translation>
    </message>
    <message>
        <source>End the session (grades given so far are kept)</source>
        <translation>End the session (grades given so far are kept)</translation>
    </message>
    <message>
        <source>Study</source>
        <extracomment>A grade was committed: question id, score 0..1. The round itself: the card shown, its phase, the grades (no widget in it).</extracomment>
        <translation>Study</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <source>End the session (Esc)</source>
        <translation>End the session (Esc)</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>Show answer</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Hard</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Easy</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>Session complete</translation>
    </message>
    <message>
        <source>Back to library</source>
        <translation>Back to library</translation>
    </message>
    <message>
        <source>Show answer / next card</source>
        <translation>Show answer / next card</translation>
    </message>
    <message>
        <source>Check / done / next</source>
        <translation>Check / done / next</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>End the session</translation>
    </message>
    <message>
        <source>Pick or tick item %1</source>
        <translation>Pick or tick item %1</translation>
    </message>
    <message>
        <source>Pick choice %1</source>
        <translation>Pick choice %1</translation>
    </message>
    <message>
        <source>True (or choice T)</source>
        <translation>True (or choice T)</translation>
    </message>
    <message>
        <source>False (or choice F)</source>
        <translation>False (or choice F)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Key points (要点): tick the ones you recalled</source>
        <translation>Key points (要点): tick the ones you recalled</translation>
    </message>
    <message>
        <source>Card %1 of %2</source>
        <translation>Card %1 of %2</translation>
    </message>
    <message>
        <source>Done: %1 of %2 recalled</source>
        <translation>Done: %1 of %2 recalled</translation>
    </message>
    <message>
        <source>Recall the answer, then press Space</source>
        <translation>Recall the answer, then press Space</translation>
    </message>
    <message>
        <source>T / F to answer, Enter to check</source>
        <translation>T / F to answer, Enter to check</translation>
    </message>
    <message>
        <source>A–D or 1–4 to pick, Enter to check</source>
        <translation>A–D or 1–4 to pick, Enter to check</translation>
    </message>
    <message>
        <source>1–9 tick the key points you recalled, Enter when done</source>
        <translation>1–9 tick the key points you recalled, Enter when done</translation>
    </message>
    <message>
        <source>How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy</source>
        <translation>How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy</translation>
    </message>
    <message>
        <source>Space or Enter for the next card</source>
        <translation>Space or Enter for the next card</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Not quite: the right answer is marked in green</source>
        <translation>Not quite: the right answer is marked in green</translation>
    </message>
    <message>
        <source>Could not save this grade (%1). Try again.</source>
        <translation>Could not save this grade (%1). Try again.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) graded · average score %1</source>
        <translation>
            <numerusform>%n card graded · average score %1</numerusform>
            <numerusform>%n cards graded · average score %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to study here right now.</source>
        <translation>Nothing to study here right now.</translation>
    </message>
</context>
<context>
    <name>SubmitConfirmBox</name>
    <message>
        <source>Submit the exam?</source>
        <translation>Submit the exam?</translation>
    </message>
    <message>
        <source>Submit the exam now? Answers cannot be changed afterwards.</source>
        <translation>Submit the exam now? Answers cannot be changed afterwards.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) unanswered.</source>
        <translation>
            <numerusform>%n question unanswered.</numerusform>
            <numerusform>%n questions unanswered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) flagged for review.</source>
        <translation>
            <numerusform>%n question flagged for review.</numerusform>
            <numerusform>%n questions flagged for review.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Keep working</translation>
    </message>
</context>
<context>
    <name>TopicTreeWidget</name>
    <message>
        <source>Topic</source>
        <extracomment>Emitted when the set of checked topics changes (checkable mode only).</extracomment>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>Mastery</translation>
    </message>
    <message>
        <source>Mastery: %1</source>
        <translation>Mastery: %1</translation>
    </message>
    <message>
        <source>Not studied yet</source>
        <translation>Not studied yet</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>QuizDesk ran into an unexpected problem, and what you just did may not have finished. Answers and grades already saved are kept.</source>
        <translation>QuizDesk ran into an unexpected problem, and what you just did may not have finished. Answers and grades already saved are kept.</translation>
    </message>
    <message>
        <source>The details were written to the log file %1. Please include it when you report the problem.</source>
        <translation>The details were written to the log file %1. Please include it when you report the problem.</translation>
    </message>
</context>
<context>
    <name>WeakAreas</name>
    <message>
        <source>Never practised</source>
        <translation>Never practised</translation>
    </message>
    <message>
        <source>Low accuracy: %1</source>
        <translation>Low accuracy: %1</translation>
    </message>
    <message>
        <source>Fading: recall chance %1</source>
        <translation>Fading: recall chance %1</translation>
    </message>
    <message>
        <source>Only %1 of the questions tried</source>
        <translation>Only %1 of the questions tried</translation>
    </message>
    <message>
        <source>Not reviewed for %1 days</source>
        <translation>Not reviewed for %1 days</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>Too little evidence yet (answers: %1)</source>
        <translation>Too little evidence yet (answers: %1)</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Low accuracy</source>
        <translation>Low accuracy</translation>
    </message>
    <message>
        <source>Fading from memory</source>
        <translation>Fading from memory</translation>
    </message>
    <message>
        <source>Not reviewed for a while</source>
        <translation>Not reviewed for a while</translation>
    </message>
    <message>
        <source>Few questions tried</source>
        <translation>Few questions tried</translation>
    </message>
    <message>
        <source>Questions due</source>
        <translation>Questions due</translation>
    </message>
    <message>
        <source>Too little evidence yet</source>
        <translation>Too little evidence yet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
</context>
<context>
    <name>WeakAreasDialog</name>
    <message>
        <source>Weak areas</source>
        <extracomment>Study these question ids, with a title (the main window&apos;s ``start_study``). Start a mock exam on these topic keys now, weakest questions first. Start the interview plan&apos;s mock exam: an ``ExamSpec`` (ui/weak_areas/countdown_panel.py). New figures from the database are on screen. Reading the figures failed (database gone, locked past the timeout…): the message.</extracomment>
        <translation>Weak areas</translation>
    </message>
    <message>
        <source>Start a mock exam on these topics now, weakest questions first, with your usual exam settings</source>
        <translation>Start a mock exam on these topics now, weakest questions first, with your usual exam settings</translation>
    </message>
    <message>
        <source>Flashcards of these topics: due cards, new ones, then the rest</source>
        <translation>Flashcards of these topics: due cards, new ones, then the rest</translation>
    </message>
    <message>
        <source>‹ All modules</source>
        <translation>‹ All modules</translation>
    </message>
    <message>
        <source>Double-click a topic to study it</source>
        <translation>Double-click a topic to study it</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Could not read your progress: %1</source>
        <translation>Could not read your progress: %1</translation>
    </message>
    <message>
        <source>Working out your weak areas…</source>
        <translation>Working out your weak areas…</translation>
    </message>
    <message>
        <source>No questions yet</source>
        <translation>No questions yet</translation>
    </message>
    <message>
        <source>Import a question bank (File → Import, Ctrl+I) to see your weak areas here.</source>
        <translation>Import a question bank (File → Import, Ctrl+I) to see your weak areas here.</translation>
    </message>
    <message>
        <source>Tonight: start with these topics</source>
        <translation>Tonight: start with these topics</translation>
    </message>
    <message>
        <source>Tonight: study these topics</source>
        <translation>Tonight: study these topics</translation>
    </message>
    <message>
        <source>Nothing is weak right now: keep these fresh</source>
        <translation>Nothing is weak right now: keep these fresh</translation>
    </message>
    <message>
        <source>You have not practised yet. Study a few cards (Ctrl+D) or take a short mock exam (Ctrl+N): this page then shows where you are weak and why.</source>
        <translation>You have not practised yet. Study a few cards (Ctrl+D) or take a short mock exam (Ctrl+N): this page then shows where you are weak and why.</translation>
    </message>
    <message numerus="yes">
        <source>Mock exam on these %n topic(s)</source>
        <translation>
            <numerusform>Mock exam on these %n topic</numerusform>
            <numerusform>Mock exam on these %n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Study these %n topic(s)</source>
        <translation>
            <numerusform>Study these %n topic</numerusform>
            <numerusform>Study these %n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) due now</source>
        <translation>
            <numerusform>%n question due now</numerusform>
            <numerusform>%n questions due now</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 topics never practised</source>
        <translation>%1 of %2 topics never practised</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) in the last %1 days</source>
        <translation>
            <numerusform>%n review in the last %1 days</numerusform>
            <numerusform>%n reviews in the last %1 days</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>Drill: %1</translation>
    </message>
    <message>
        <source>Click a module&apos;s bar to see its topics.</source>
        <translation>Click a module&apos;s bar to see its topics.</translation>
    </message>
    <message>
        <source>Topics of one module.</source>
        <translation>Topics of one module.</translation>
    </message>
</context>
<context>
    <name>WeakAreasModel</name>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>Mastery</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
</TS>
