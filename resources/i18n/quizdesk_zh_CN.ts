<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>Offline study cards and timed mock exams for AI / algorithm-engineer interviews. No account and no network: everything stays on this computer.</source>
        <translation>面向 AI / 算法工程师面试的离线学习卡片与限时模拟考试。无需账号、无需联网：所有数据都留在这台电脑上。</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>基于 MIT 许可证的自由软件。</translation>
    </message>
    <message>
        <source>Show licence</source>
        <translation>显示许可证</translation>
    </message>
    <message>
        <source>The licence text was not installed with this copy.</source>
        <translation>此副本未附带许可证文本。</translation>
    </message>
    <message>
        <source>Your data (database, backups, imported images) is kept in:</source>
        <translation>你的数据（数据库、备份、导入的图片）保存在：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Hide licence</source>
        <translation>隐藏许可证</translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is created when QuizDesk first saves something.</source>
        <translation>该文件夹尚不存在；QuizDesk 首次保存数据时会创建它。</translation>
    </message>
    <message>
        <source>No file manager could be opened. Copy the path above to find the folder.</source>
        <translation>无法打开文件管理器。请复制上面的路径找到该文件夹。</translation>
    </message>
</context>
<context>
    <name>AnkiExportDialog</name>
    <message>
        <source>Save the Anki deck</source>
        <translation>保存 Anki 牌组</translation>
    </message>
    <message>
        <source>Anki deck (*.apkg)</source>
        <translation>Anki 牌组 (*.apkg)</translation>
    </message>
    <message>
        <source>Export an Anki deck</source>
        <translation>导出 Anki 牌组</translation>
    </message>
    <message>
        <source>Writes the questions as one Anki deck (.apkg) for Anki, AnkiDroid or AnkiMobile. Exporting again updates the same notes in Anki instead of adding copies.</source>
        <translation>把题目写成一个 Anki 牌组（.apkg），可在 Anki、AnkiDroid 或 AnkiMobile 中打开。再次导出会更新 Anki 中的同一批笔记，而不会重复添加。</translation>
    </message>
    <message>
        <source>Include my progress (FSRS schedule)</source>
        <translation>包含我的学习进度（FSRS 排程）</translation>
    </message>
    <message>
        <source>Each card keeps its memory state, due date and answers, so Anki continues the schedule.</source>
        <translation>每张卡片带上记忆状态、到期日和作答记录，Anki 会接着排程。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>All questions (%1)</source>
        <translation>全部题目（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n note(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条笔记写入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deck(s), %1 images.</source>
        <translation>
            <numerusform>%n 个牌组，%1 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) carry their schedule.</source>
        <translation>
            <numerusform>%n 张卡片带有排程。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be found and stay as written.</source>
        <translation>
            <numerusform>%n 张图片未找到，保留原样。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
</context>
<context>
    <name>AnkiImport</name>
    <message>
        <source>Import Anki decks and Markdown files separately.</source>
        <translation>请分别导入 Anki 牌组和 Markdown 文件。</translation>
    </message>
    <message>
        <source>Nothing was imported. Choose either Anki packages (.apkg, .colpkg) or Markdown files.</source>
        <translation>未导入任何内容。请只选择 Anki 包（.apkg、.colpkg）或只选择 Markdown 文件。</translation>
    </message>
</context>
<context>
    <name>AnkiImportFlow</name>
    <message>
        <source>Importing an Anki deck</source>
        <translation>正在导入 Anki 牌组</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>正在写入数据库…</translation>
    </message>
    <message>
        <source>Copying images…</source>
        <translation>正在复制图片…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Checking how the cards display…</source>
        <translation>正在检查卡片显示…</translation>
    </message>
    <message>
        <source>This file cannot be imported as an Anki deck; nothing was changed.</source>
        <translation>此文件无法作为 Anki 牌组导入，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>AnkiImportSummaryDialog</name>
    <message>
        <source>Anki import finished</source>
        <translation>Anki 导入完成</translation>
    </message>
    <message>
        <source>%1: %2 notes, %3 skipped. %4 reviews added (%5 imported before), %6 schedules carried over, %7 images copied.</source>
        <translation>%1：%2 条笔记，跳过 %3 条。新增 %4 条复习记录（%5 条此前已导入），沿用 %6 个排程，复制 %7 张图片。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Another QuizDesk is using the data folder %1. Close it, then start QuizDesk again.</source>
        <translation>另一个 QuizDesk 正在使用数据文件夹 %1。请先关闭它，再重新启动 QuizDesk。</translation>
    </message>
    <message>
        <source>Could not write the daily backup: %1</source>
        <extracomment>What the first write needs (a grade, an exam): loaded by _preload_orm after the first answer.</extracomment>
        <translation>无法写入每日备份：%1</translation>
    </message>
    <message>
        <source>%n problem(s) in the question bank; run &apos;quizdesk lint content/&apos;</source>
        <translation>题库中有 %n 个问题；请运行 &apos;quizdesk lint content/&apos; 查看</translation>
    </message>
</context>
<context>
    <name>CountdownCard</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>The interview day has come</source>
        <translation>面试就在今天</translation>
    </message>
    <message>
        <source>Ready on the day: %1 if you stop now, %2 if you follow the plan</source>
        <translation>面试当天的掌握度：现在停下 %1，按计划学习 %2</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>进度正常</translation>
    </message>
    <message numerus="yes">
        <source>Behind by %n card(s)</source>
        <translation>
            <numerusform>落后 %n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(needs %n min/day)</source>
        <translation>
            <numerusform>（需要每天 %n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <source>(too few evenings left to see every question twice)</source>
        <translation>（剩下的晚上不够把每道题看两遍）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Per topic: ready on the day if you stop now → if you follow the plan</source>
        <translation>各主题面试当天的掌握度：现在停下 → 按计划学习</translation>
    </message>
    <message>
        <source>Start tonight&apos;s session</source>
        <translation>开始今晚的学习</translation>
    </message>
    <message>
        <source>Start the planned mock exam</source>
        <translation>开始计划中的模拟考试</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>No evenings left to plan: good luck!</source>
        <translation>已没有可安排的晚上：祝你面试顺利！</translation>
    </message>
    <message numerus="yes">
        <source>Tonight: %n due</source>
        <translation>
            <numerusform>今晚：%n 张到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 张新卡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extra review(s)</source>
        <translation>
            <numerusform>%n 张额外复习</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>mock exam tonight: %1 questions, %2 min</source>
        <translation>今晚模拟考试：%1 题，%2 分钟</translation>
    </message>
    <message>
        <source>Following the plan</source>
        <translation>按计划学习</translation>
    </message>
    <message>
        <source>If you stop now</source>
        <translation>现在停下</translation>
    </message>
    <message>
        <source>Tonight: %1</source>
        <translation>今晚：%1</translation>
    </message>
</context>
<context>
    <name>CountdownPanel</name>
    <message>
        <source>Could not work out the interview plan: %1</source>
        <extracomment>What changes a plan: answers, exams, the bank, the interviews, a restored store. Study these question ids with this title (tonight&apos;s queue). Start tonight&apos;s planned mock exam: an ``ExamSpec`` (the main window creates it through ``ops.create_exam`` once no exam is on screen). New plans are on screen.</extracomment>
        <translation>无法计算面试计划：%1</translation>
    </message>
    <message>
        <source>Interview countdown</source>
        <translation>面试倒计时</translation>
    </message>
    <message>
        <source>Add interview…</source>
        <translation>添加面试…</translation>
    </message>
    <message>
        <source>Working out your interview plan…</source>
        <translation>正在计算面试计划…</translation>
    </message>
    <message>
        <source>Add the date of your interview and the topics it covers: you get a plan for each evening and a forecast of how ready you will be.</source>
        <translation>添加面试日期和考察的主题：你会得到每晚的学习计划，以及面试当天掌握程度的预测。</translation>
    </message>
</context>
<context>
    <name>DiscardConfirmation</name>
    <message>
        <source>Discard exam</source>
        <translation>放弃考试</translation>
    </message>
    <message>
        <source>Discard this unfinished exam?</source>
        <translation>放弃这场未完成的考试？</translation>
    </message>
    <message>
        <source>It cannot be resumed afterwards. The answers you gave stay in your history; unanswered questions do not count.</source>
        <translation>放弃后无法再继续。已作答的题目会留在历史记录中，未作答的不计入。</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>ExamPalette</name>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>已标记待查</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>第 %1 题</translation>
    </message>
    <message>
        <source>%1 of %2 answered · %3 flagged</source>
        <translation>已答 %1/%2 · 标记 %3</translation>
    </message>
</context>
<context>
    <name>ExamResultsView</name>
    <message>
        <source>Drill the wrong ones</source>
        <translation>练习错题</translation>
    </message>
    <message>
        <source>Back to library</source>
        <extracomment>Study these question ids (the wrong ones).</extracomment>
        <translation>返回题库</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>按主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>答对</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>time used %1 of %2</source>
        <translation>用时 %1 / %2</translation>
    </message>
    <message>
        <source>time used %1 (no limit)</source>
        <translation>用时 %1（不限时）</translation>
    </message>
    <message>
        <source>%1 of %2 correct</source>
        <translation>答对 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n open question(s) still wait for your grade; they count as 0 until graded.</source>
        <translation>
            <numerusform>还有 %n 道问答题等待你评分；评分前按 0 分计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores count each question equally; open questions by the share of key points covered.</source>
        <translation>每题权重相同；问答题按覆盖要点的比例计分。</translation>
    </message>
    <message>
        <source>Drill the wrong ones (%1)</source>
        <translation>练习错题（%1）</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Score (%)</source>
        <translation>得分（%）</translation>
    </message>
    <message>
        <source>Score by topic</source>
        <translation>各主题得分</translation>
    </message>
    <message>
        <source>Key points</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>Covered %1 of %2:</source>
        <translation>覆盖了 %1/%2 个要点：</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>遗漏</translation>
    </message>
</context>
<context>
    <name>ExamRunner</name>
    <message>
        <source>Your answers are kept here and will be saved as soon as possible.</source>
        <translation>你的答案仍保留在这里，会尽快保存。</translation>
    </message>
    <message>
        <source>Not saved: another program is using the database.</source>
        <translation>未保存：另一个程序正在使用数据库。</translation>
    </message>
    <message>
        <source>Not saved: the disk is full. Free some space.</source>
        <translation>未保存：磁盘已满，请释放一些空间。</translation>
    </message>
    <message>
        <source>Not saved: the data folder is read-only.</source>
        <translation>未保存：数据文件夹是只读的。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Pick a choice (multiple choice: toggle)</source>
        <translation>选择选项（多选题：切换选中）</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>First / last question</source>
        <translation>第一题 / 最后一题</translation>
    </message>
    <message>
        <source>Go to question number…</source>
        <translation>跳到指定题号…</translation>
    </message>
    <message>
        <source>Flag / unflag for review</source>
        <translation>标记 / 取消标记待查</translation>
    </message>
    <message>
        <source>Pause / resume (exams without a time limit)</source>
        <translation>暂停 / 继续（仅限不限时的考试）</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Leave the notes field (letters pick choices again)</source>
        <translation>离开作答框（字母键重新用于选择）</translation>
    </message>
    <message>
        <source>Your answer (notes, saved as you type; you grade yourself after submitting):</source>
        <extracomment>The exam was submitted (by the user or by the deadline); its id. An answer was committed: question id, the stored value (list, str or None). A flag was committed: question id, flagged. The clock was saved on its own (periodic tick, pause). The exam itself: answers, flags, clock, the writes and their retries (no widget in it).</extracomment>
        <translation>你的回答（边写边保存；交卷后自行评分）：</translation>
    </message>
    <message>
        <source>Write down the points you would make in the interview…</source>
        <translation>写下你在面试中会讲的要点…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>First question</source>
        <translation>第一题</translation>
    </message>
    <message>
        <source>Last question</source>
        <translation>最后一题</translation>
    </message>
    <message>
        <source>Go to question…</source>
        <translation>跳到题目…</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>标记待查</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>暂停 / 继续</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Leave the notes field</source>
        <translation>离开作答框</translation>
    </message>
    <message>
        <source>True</source>
        <translation>对</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Pick %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Go to question</source>
        <translation>跳到题目</translation>
    </message>
    <message>
        <source>Question number:</source>
        <translation>题号：</translation>
    </message>
    <message>
        <source>Time used (no time limit)</source>
        <translation>已用时间（不限时）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>已标记待查</translation>
    </message>
    <message>
        <source>Alt+← / Alt+→ move between questions while typing · Ctrl+M flags</source>
        <translation>输入时用 Alt+← / Alt+→ 切换题目 · Ctrl+M 标记</translation>
    </message>
    <message>
        <source>T / F to answer · ← → to move · Ctrl+M flags</source>
        <translation>T / F 作答 · ← → 切换 · Ctrl+M 标记</translation>
    </message>
    <message>
        <source>%1–%2 or 1–%3 to pick · ← → to move · Ctrl+M flags</source>
        <translation>%1–%2 或 1–%3 选择 · ← → 切换 · Ctrl+M 标记</translation>
    </message>
</context>
<context>
    <name>ExamSetupDialog</name>
    <message>
        <source>New mock exam</source>
        <translation>新建模拟考试</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source> questions</source>
        <translation> 道题</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>限时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Weakest first</source>
        <translation>薄弱优先</translation>
    </message>
    <message>
        <source>Due first</source>
        <translation>到期优先</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed and settings give the same exam again</source>
        <translation>相同的种子和设置会生成相同的试卷</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>题量：</translation>
    </message>
    <message>
        <source>Question types:</source>
        <translation>题型：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>顺序：</translation>
    </message>
    <message>
        <source>Seed (optional):</source>
        <translation>随机种子（可选）：</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Start exam</source>
        <translation>开始考试</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) match; the exam will have %1.</source>
        <translation>
            <numerusform>%n 道题目符合条件；本次考试将出 %1 道。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick at least one topic.</source>
        <translation>请至少选择一个主题。</translation>
    </message>
    <message>
        <source>Pick at least one question type.</source>
        <translation>请至少选择一种题型。</translation>
    </message>
    <message>
        <source>No question of the chosen types is in the chosen topics. Add topics or question types.</source>
        <translation>所选主题中没有所选题型的题目。请添加主题或题型。</translation>
    </message>
</context>
<context>
    <name>ExamTopBar</name>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation>模拟考试</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Submit the exam (Ctrl+Enter)</source>
        <translation>交卷（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Nothing was exported: something is in the way.</source>
        <translation>没有导出任何内容：目标位置被占用。</translation>
    </message>
    <message>
        <source>Nothing was exported: QuizDesk may not write to this folder.</source>
        <translation>没有导出任何内容：QuizDesk 无权写入这个文件夹。</translation>
    </message>
    <message>
        <source>Nothing was exported: the disk is full.</source>
        <translation>没有导出任何内容：磁盘已满。</translation>
    </message>
    <message>
        <source>Nothing was exported: the folder does not exist.</source>
        <translation>没有导出任何内容：文件夹不存在。</translation>
    </message>
    <message>
        <source>Nothing was exported: QuizDesk could not read its database.</source>
        <translation>没有导出任何内容：QuizDesk 无法读取它的数据库。</translation>
    </message>
    <message>
        <source>In the way: %1
Move or rename it, or choose another folder.</source>
        <translation>占用位置的是：%1
请把它移走或改名，或者选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Folder: %1
Choose a folder you can write to, for example one in your Documents.</source>
        <translation>文件夹：%1
请选择一个你有权写入的文件夹，例如“文档”里的文件夹。</translation>
    </message>
    <message>
        <source>Folder: %1
Free some space, or choose a folder on another disk.</source>
        <translation>文件夹：%1
请腾出一些空间，或者选择另一块磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>Folder: %1
Create it, or choose another folder.</source>
        <translation>文件夹：%1
请先创建它，或者选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Database: %1
Try again; if it keeps failing, restart QuizDesk.</source>
        <translation>数据库：%1
请重试；如果一直失败，请重新启动 QuizDesk。</translation>
    </message>
    <message>
        <source>Folder: %1
Try again, or choose another folder.</source>
        <translation>文件夹：%1
请重试，或者选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Export progress as CSV</source>
        <translation>导出学习进度（CSV）</translation>
    </message>
    <message>
        <source>Writes attempts.csv, questions.csv and topics.csv: your answers and your progress per question and topic, for Excel or any spreadsheet (Chinese included). Files of the same names in the folder are replaced.</source>
        <translation>写出 attempts.csv、questions.csv 和 topics.csv：你的作答记录，以及每道题、每个主题的进度，可用 Excel 或任何电子表格打开（中文正常显示）。文件夹中同名的文件会被替换。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Only attempts since</source>
        <translation>只导出此日期以来的作答</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>The export finished (its result) or failed / was cancelled (None); the dialog stays open to say so.</extracomment>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1:</source>
        <translation>
            <numerusform>已写出 %n 个文件到 %1：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n row(s)</source>
        <translation>
            <numerusform>%1 — %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>没有导出任何内容。</translation>
    </message>
</context>
<context>
    <name>HistoryChartView</name>
    <message numerus="yes">
        <source>Last %1 days: %n review(s)</source>
        <translation>
            <numerusform>最近 %1 天：复习 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Daily reviews</source>
        <translation>每日复习</translation>
    </message>
    <message>
        <source>Last %1 days: no reviews yet</source>
        <translation>最近 %1 天：还没有复习</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>复习次数</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Exam history</source>
        <extracomment>Show the results of this exam. Continue this unfinished exam (answering or self-grading).</extracomment>
        <translation>考试记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>waiting for self-grading</source>
        <translation>待自评</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>No mock exams yet. Start one with New mock exam (Ctrl+N).</source>
        <translation>还没有模拟考试。用“新建模拟考试”（Ctrl+N）开始一场。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>查看结果</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import questions</source>
        <translation>导入题目</translation>
    </message>
    <message>
        <source>Markdown or Anki (*.md *.markdown *.txt *.apkg *.colpkg);;Markdown (*.md *.markdown *.txt);;Anki deck (*.apkg *.colpkg);;All files (*)</source>
        <translation>Markdown 或 Anki (*.md *.markdown *.txt *.apkg *.colpkg);;Markdown (*.md *.markdown *.txt);;Anki 牌组 (*.apkg *.colpkg);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>正在取消…不会做任何更改。</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>正在写入数据库…</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed.</source>
        <translation>导入失败，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <extracomment>Don&apos;t flash a progress dialog for an import that finishes at once.</extracomment>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 skipped, %5 retired (%6 files read).</source>
        <translation>新增 %1，更新 %2，未变 %3，跳过 %4，停用 %5（读取了 %6 个文件）。</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Warnings (%1):</source>
        <translation>警告（%1）：</translation>
    </message>
    <message>
        <source>1 card will not display fully (a formula or an image):</source>
        <translation>1 张卡片无法完整显示（公式或图片）：</translation>
    </message>
    <message>
        <source>%1 cards will not display fully (a formula or an image):</source>
        <translation>%1 张卡片无法完整显示（公式或图片）：</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <source>Interview: %1</source>
        <translation>面试：%1</translation>
    </message>
    <message>
        <source>e.g. ACME, ML engineer</source>
        <translation>例如：某公司，机器学习工程师</translation>
    </message>
    <message>
        <source> min/day</source>
        <translation> 分钟/天</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Daily time:</source>
        <translation>每天时间：</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>考察范围：</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Give the interview a name.</source>
        <translation>请给面试起个名字。</translation>
    </message>
    <message>
        <source>An interview is already called “%1”: pick another name, or edit that one.</source>
        <translation>已有名为“%1”的面试：请换个名字，或编辑那个面试。</translation>
    </message>
    <message>
        <source>Tick at least one module or topic the interview covers.</source>
        <translation>请至少勾选一个面试考察的模块或主题。</translation>
    </message>
    <message>
        <source>Delete interview</source>
        <translation>删除面试</translation>
    </message>
    <message>
        <source>Delete the interview “%1”? Your answers and cards stay.</source>
        <translation>删除面试“%1”？你的答题记录和卡片都会保留。</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>All topics</source>
        <extracomment>Study these questions (Enter / double-click on a question): ids, a title. A topic was picked while a search was shown: the owner clears its search box. The topic tree&apos;s mastery dots are up to date with the database.</extracomment>
        <translation>全部主题</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n 道题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search: %n result(s)</source>
        <translation>
            <numerusform>搜索：%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source>*Pick a question to read its answer.*</source>
        <translation>*选择一道题查看答案。*</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Key points (要点)</source>
        <translation>要点</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Study: one question</source>
        <translation>学习：单题</translation>
    </message>
    <message>
        <source>Search questions and answers (Ctrl+F)</source>
        <translation>搜索题目和答案（Ctrl+F）</translation>
    </message>
    <message>
        <source>New mock exam…</source>
        <translation>新建模拟考试…</translation>
    </message>
    <message>
        <source>Study due cards</source>
        <translation>学习到期卡片</translation>
    </message>
    <message>
        <source>Weak areas…</source>
        <translation>薄弱环节…</translation>
    </message>
    <message>
        <source>Interview countdown…</source>
        <translation>面试倒计时…</translation>
    </message>
    <message>
        <source>Plan your interview: readiness forecast and tonight&apos;s study</source>
        <translation>规划你的面试：掌握度预测和今晚的学习</translation>
    </message>
    <message>
        <source>Exam history…</source>
        <translation>考试记录…</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Go to topics</source>
        <translation>转到主题</translation>
    </message>
    <message>
        <source>Go to questions</source>
        <translation>转到题目列表</translation>
    </message>
    <message>
        <source>Go to answer</source>
        <translation>转到答案</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) in the bank</source>
        <translation>
            <numerusform>题库共 %n 道题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n 张到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due and there are no new cards here.</source>
        <translation>这里没有到期卡片，也没有新卡片。</translation>
    </message>
    <message>
        <source>all topics</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>Study the due cards of all topics, then new ones</source>
        <translation>复习所有主题的到期卡片，再学新卡片</translation>
    </message>
    <message>
        <source>Study selected topic</source>
        <translation>学习所选主题</translation>
    </message>
    <message>
        <source>Study the selected topic: its due cards, then new ones</source>
        <translation>学习所选主题：先复习其到期卡片，再学新卡片</translation>
    </message>
    <message>
        <source>Progress as CSV…</source>
        <translation>学习进度（CSV）…</translation>
    </message>
    <message>
        <source>Export your progress as CSV files</source>
        <translation>把学习进度导出为 CSV 文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Anki deck…</source>
        <translation>Anki 牌组…</translation>
    </message>
    <message>
        <source>Export questions as an Anki deck</source>
        <translation>把题目导出为 Anki 牌组</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Nothing is due and there are no new cards.</source>
        <translation>没有到期的卡片，也没有新卡片。</translation>
    </message>
    <message>
        <source>Due cards</source>
        <translation>到期复习</translation>
    </message>
    <message>
        <source>Select a topic in the tree first.</source>
        <translation>请先在主题树中选择一个主题。</translation>
    </message>
    <message>
        <source>Study: %1</source>
        <translation>学习：%1</translation>
    </message>
    <message>
        <source>Time is up: the exam was submitted.</source>
        <translation>时间到，已自动交卷。</translation>
    </message>
    <message>
        <source>Grade the open questions later from Exam history (Ctrl+H).</source>
        <translation>稍后可在“考试记录”（Ctrl+H）中为问答题评分。</translation>
    </message>
    <message>
        <source>Drill: wrong answers</source>
        <translation>练习：错题</translation>
    </message>
    <message>
        <source>The unfinished exam was discarded; its answers stay in the history.</source>
        <translation>未完成的考试已放弃；已作答的内容保留在记录中。</translation>
    </message>
    <message>
        <source>The unfinished exam waits in Exam history (Ctrl+H).</source>
        <translation>未完成的考试保留在“考试记录”（Ctrl+H）中。</translation>
    </message>
    <message>
        <source>Finish the exam first; then drill your weak areas.</source>
        <translation>请先完成考试，再练习薄弱环节。</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2.</source>
        <translation>无法恢复 %1：%2。</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>Study the selected question (in the question list)</source>
        <translation>学习所选题目（在题目列表中）</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation>模拟考试</translation>
    </message>
    <message>
        <source>Grading your open answers</source>
        <translation>为问答题自评</translation>
    </message>
    <message>
        <source>Exam results</source>
        <translation>考试结果</translation>
    </message>
    <message>
        <source>Answers not saved</source>
        <translation>答案未保存</translation>
    </message>
    <message>
        <source>Some answers of this exam could not be saved, so quitting now would lose them.</source>
        <translation>本场考试的部分答案未能保存，现在退出会丢失它们。</translation>
    </message>
    <message>
        <source>Keep the exam open</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Quit and lose them</source>
        <translation>退出并丢弃</translation>
    </message>
</context>
<context>
    <name>MasteryChartView</name>
    <message>
        <source>Mastery by module</source>
        <extracomment>The chart now shows this module&apos;s topics (its id), or the modules (None). What each bar stands for, top to bottom (topic ids), as drawn.</extracomment>
        <translation>各模块掌握度</translation>
    </message>
    <message>
        <source>%1: mastery by topic</source>
        <translation>%1：各主题掌握度</translation>
    </message>
    <message>
        <source>nothing practised yet</source>
        <translation>尚未练习</translation>
    </message>
    <message>
        <source>Weak (below %1)</source>
        <translation>薄弱（低于 %1）</translation>
    </message>
    <message>
        <source>Fair (%1–%2)</source>
        <translation>一般（%1–%2）</translation>
    </message>
    <message>
        <source>Strong (%1 and up)</source>
        <translation>扎实（%1 及以上）</translation>
    </message>
    <message>
        <source>Not practised</source>
        <translation>未练习</translation>
    </message>
    <message>
        <source>Mastery (0–100)</source>
        <translation>掌握度（0–100）</translation>
    </message>
    <message>
        <source>Click for its topics</source>
        <translation>点击查看其主题</translation>
    </message>
</context>
<context>
    <name>MasteryIndicator</name>
    <message>
        <source>low</source>
        <extracomment>Fill opacity for no evidence and for full confidence; never invisible.</extracomment>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Not practised yet · questions: %1</source>
        <translation>尚未练习 · 题目数：%1</translation>
    </message>
    <message>
        <source>Mastery %1 · confidence %2 · %3 of %4 questions tried</source>
        <translation>掌握度 %1 · 置信度 %2 · 已练 %3/%4 道题</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not saved: another program is using the database. Try again in a moment.</source>
        <translation>未保存：另一个程序正在使用数据库。请稍后再试。</translation>
    </message>
    <message>
        <source>Not saved: the disk is full. Free some space and try again.</source>
        <translation>未保存：磁盘已满。请释放一些空间后再试。</translation>
    </message>
    <message>
        <source>Not saved: the data folder is read-only.</source>
        <translation>未保存：数据文件夹是只读的。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>%1 of the planned questions are no longer in the question bank; the exam has the other %2.</source>
        <translation>计划中的 %1 道题已不在题库中，本次考试包含其余 %2 道。</translation>
    </message>
</context>
<context>
    <name>PausedPage</name>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>The clock is stopped and the questions are hidden.</source>
        <translation>计时已停止，题目已隐藏。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Open</source>
        <extracomment>While a search is shown: the matched terms&apos; (start, end) in the title. While a search is shown: the :class:`Snippet` of why the question matched (or None).</extracomment>
        <translation>问答</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multi</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>T/F</source>
        <translation>判断</translation>
    </message>
</context>
<context>
    <name>QuestionType</name>
    <message>
        <source>Open question</source>
        <translation>问答题</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>判断题</translation>
    </message>
</context>
<context>
    <name>QuitDuringExamBox</name>
    <message>
        <source>Quit QuizDesk</source>
        <translation>退出 QuizDesk</translation>
    </message>
    <message>
        <source>Your exam answers are saved.</source>
        <translation>考试答案已保存。</translation>
    </message>
    <message>
        <source>Next time you start QuizDesk you can finish grading them.</source>
        <translation>下次启动 QuizDesk 时可以继续评分。</translation>
    </message>
    <message>
        <source>The exam is saved; you can continue it next time you start QuizDesk.</source>
        <translation>考试已保存，下次启动可继续。</translation>
    </message>
    <message>
        <source>The clock stops while QuizDesk is closed: %1 will be left.</source>
        <translation>QuizDesk 关闭期间计时暂停：将剩余 %1。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The QuizDesk database is damaged.</source>
        <translation>QuizDesk 的数据库已损坏。</translation>
    </message>
    <message>
        <source>The file that should hold your progress is not a QuizDesk database.</source>
        <translation>保存学习进度的文件不是 QuizDesk 数据库。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of QuizDesk.</source>
        <translation>此数据库由更新版本的 QuizDesk 写入。</translation>
    </message>
    <message>
        <source>QuizDesk cannot write to its data folder.</source>
        <translation>QuizDesk 无法写入数据文件夹。</translation>
    </message>
    <message>
        <source>Another program is using the QuizDesk database.</source>
        <translation>另一个程序正在使用 QuizDesk 数据库。</translation>
    </message>
    <message>
        <source>QuizDesk cannot open its database.</source>
        <translation>QuizDesk 无法打开数据库。</translation>
    </message>
    <message>
        <source>Restore the newest good backup, or start with an empty history.</source>
        <translation>可以恢复最近一份完好的备份，或从空白记录重新开始。</translation>
    </message>
    <message>
        <source>Update QuizDesk to open it, or restore a backup made by this version.</source>
        <translation>请升级 QuizDesk 后再打开，或恢复一份由当前版本生成的备份。</translation>
    </message>
    <message>
        <source>Make the folder writable (or start QuizDesk with --data-dir on a writable folder), then start again.</source>
        <translation>请让该文件夹可写（或用 --data-dir 指定一个可写的文件夹启动 QuizDesk），然后重新启动。</translation>
    </message>
    <message>
        <source>Close the other program (is QuizDesk already running?), then start again.</source>
        <translation>请关闭那个程序（QuizDesk 是否已在运行？），然后重新启动。</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Restore backup of %1</source>
        <translation>恢复 %1 的备份</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Your current file is never deleted: it is kept beside the database with &apos;.damaged-&apos; in its name, or in the backups folder.</source>
        <translation>当前文件绝不会被删除：它会以带 “.damaged-” 的文件名保存在数据库旁边，或保存在备份文件夹中。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>它不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>it is not a QuizDesk database</source>
        <translation>它不是 QuizDesk 数据库</translation>
    </message>
    <message>
        <source>it was written by a newer QuizDesk</source>
        <translation>它由更新版本的 QuizDesk 写入</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>它已损坏</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Pick the state to go back to. Your current data is saved as a backup first, so you can come back to it the same way.</source>
        <translation>选择要回到的状态。当前数据会先保存为备份，之后可以用同样的方式恢复回来。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>否：%1</translation>
    </message>
    <message>
        <source>There are no backups yet. Use Back up now first, or pick a file.</source>
        <translation>还没有备份。请先“立即备份”，或选择一个文件。</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>QuizDesk database (*.db);;All files (*)</source>
        <translation>QuizDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2.</source>
        <translation>无法恢复 %1：%2。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Unfinished mock exam</source>
        <translation>未完成的模拟考试</translation>
    </message>
    <message>
        <source>The mock exam you started on %1 was submitted, but some open questions still wait for your grade.</source>
        <translation>你在 %1 开始的模拟考试已交卷，但还有问答题等待你评分。</translation>
    </message>
    <message>
        <source>Grade them now to see the results?</source>
        <translation>现在评分并查看结果吗？</translation>
    </message>
    <message>
        <source>Grade now</source>
        <translation>现在评分</translation>
    </message>
    <message>
        <source>The mock exam you started on %1 was not finished: %2 of %3 questions answered.</source>
        <translation>你在 %1 开始的模拟考试尚未完成：已答 %2/%3 题。</translation>
    </message>
    <message>
        <source>%1 left. The clock did not run while QuizDesk was closed: you get exactly the time that was left at the last save.</source>
        <translation>剩余 %1。QuizDesk 关闭期间不计时：你将获得上次保存时剩余的全部时间。</translation>
    </message>
    <message>
        <source>This exam has no time limit.</source>
        <translation>本场考试不限时。</translation>
    </message>
    <message>
        <source>Resume it now?</source>
        <translation>现在继续吗？</translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Discard exam</source>
        <translation>放弃考试</translation>
    </message>
</context>
<context>
    <name>SelfGradeView</name>
    <message>
        <source>Tick / untick key point n</source>
        <translation>勾选 / 取消勾选第 n 个要点</translation>
    </message>
    <message>
        <source>Record the ticked key points</source>
        <translation>记录已勾选的要点</translation>
    </message>
    <message>
        <source>Again / Hard / Good / Easy (questions without key points)</source>
        <translation>重来 / 困难 / 良好 / 简单（没有要点的题目）</translation>
    </message>
    <message>
        <source>Grade later</source>
        <extracomment>Every open question is graded; the exam is finished. Its id. The user chose to grade later (the exam stays resumable). One grade was committed: question id. The grading itself: the open answers left, the grades given (no widget in it).</extracomment>
        <translation>稍后评分</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>你的作答</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>Key points (要点): tick the ones your notes covered</source>
        <translation>要点：勾选你的作答覆盖到的</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Grade your open answers: %1 of %2</source>
        <translation>为问答题评分：第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>Record: %1 of %2 covered</source>
        <translation>记录：覆盖 %1/%2 个要点</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>1–9 tick the key points your notes covered, Enter records</source>
        <translation>1–9 勾选你覆盖到的要点，Enter 记录</translation>
    </message>
    <message>
        <source>How good was your answer? 1 Again · 2 Hard · 3 Good · 4 Easy</source>
        <translation>你答得怎么样？1 重来 · 2 困难 · 3 良好 · 4 简单</translation>
    </message>
    <message>
        <source>Could not save this grade (%1). Try again.</source>
        <translation>无法保存这次评分（%1），请重试。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Exam-setup keys that remember the last exam; cleared when the defaults change so the next exam starts from the new defaults.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Study and exams</source>
        <translation>学习与考试</translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation>数据与备份</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Answer text size:</source>
        <translation>答案字号：</translation>
    </message>
    <message>
        <source>Questions per exam:</source>
        <translation>每场考试题量：</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时间限制：</translation>
    </message>
    <message>
        <source>Desired retention:</source>
        <translation>目标记忆保持率：</translation>
    </message>
    <message>
        <source>Question content stays in the language it was written in.</source>
        <translation>题目内容保持其原本的语言。</translation>
    </message>
    <message>
        <source> questions</source>
        <translation> 道题</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The chance you still remember a card when it comes due. Higher means more reviews at shorter intervals; 90% is a good balance. Applies to every review from now on.</source>
        <translation>卡片到期时你仍记得它的概率。越高复习越频繁、间隔越短；90% 是较好的平衡。从现在起的每次复习都会采用。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>保留备份数：</translation>
    </message>
    <message>
        <source>A backup is made every day you start QuizDesk and before every import or restore; the oldest beyond this number are removed then.</source>
        <translation>每天首次启动 QuizDesk 时以及每次导入或恢复前都会自动备份；超过此数量的最旧备份会在那时删除。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Go back to the data of %1?</source>
        <translation>恢复到 %1 的数据吗？</translation>
    </message>
    <message>
        <source>Everything done since then is replaced. Your current data is first saved as a backup, so you can restore it again.</source>
        <translation>此后的所有记录都会被替换。当前数据会先保存为备份，之后仍可恢复。</translation>
    </message>
    <message>
        <source>The exam in progress is saved and closed.</source>
        <translation>进行中的考试会先保存再关闭。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>未恢复任何内容：%1</translation>
    </message>
    <message>
        <source>Restored. Your data from before is kept in %1</source>
        <translation>已恢复。恢复前的数据保存在 %1</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>StudyView</name>
    <message>
        <source>Show the answer; after a choice was checked: next card</source>
        <translation>显示答案；选择题核对后：下一张</translation>
    </message>
    <message>
        <source>Again / Hard / Good / Easy (open questions without key points)</source>
        <translation>重来 / 困难 / 良好 / 简单（没有要点的问答题）</translation>
    </message>
    <message>
        <source>Tick / untick key point n (open questions with 要点); pick choice n</source>
        <translation>勾选 / 取消第 n 个要点（有要点的问答题）；选择第 n 个选项</translation>
    </message>
    <message>
        <source>Pick a choice (multiple choice: toggle)</source>
        <translation>选择选项（多选题：切换选中）</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Check the choice · record the ticked key points · next card</source>
        <translation>核对选择 · 记录勾选的要点 · 下一张</translation>
    </message>
    <message>
        <source>End the session (grades given so far are kept)</source>
        <translation>结束学习（已评分的记录会保留）</translation>
    </message>
    <message>
        <source>Study</source>
        <extracomment>A grade was committed: question id, score 0..1. The round itself: the card shown, its phase, the grades (no widget in it).</extracomment>
        <translation>学习</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束学习</translation>
    </message>
    <message>
        <source>End the session (Esc)</source>
        <translation>结束学习（Esc）</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>本轮学习完成</translation>
    </message>
    <message>
        <source>Back to library</source>
        <translation>返回题库</translation>
    </message>
    <message>
        <source>Show answer / next card</source>
        <translation>显示答案 / 下一张</translation>
    </message>
    <message>
        <source>Check / done / next</source>
        <translation>核对 / 完成 / 下一张</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>结束学习</translation>
    </message>
    <message>
        <source>Pick or tick item %1</source>
        <translation>选择或勾选第 %1 项</translation>
    </message>
    <message>
        <source>Pick choice %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>True (or choice T)</source>
        <translation>对（或选项 T）</translation>
    </message>
    <message>
        <source>False (or choice F)</source>
        <translation>错（或选项 F）</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Key points (要点): tick the ones you recalled</source>
        <translation>要点：勾选你回想起来的</translation>
    </message>
    <message>
        <source>Card %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Done: %1 of %2 recalled</source>
        <translation>完成：想起 %1/%2 个</translation>
    </message>
    <message>
        <source>Recall the answer, then press Space</source>
        <translation>先回想答案，再按空格</translation>
    </message>
    <message>
        <source>T / F to answer, Enter to check</source>
        <translation>T / F 作答，Enter 核对</translation>
    </message>
    <message>
        <source>A–D or 1–4 to pick, Enter to check</source>
        <translation>A–D 或 1–4 选择，Enter 核对</translation>
    </message>
    <message>
        <source>1–9 tick the key points you recalled, Enter when done</source>
        <translation>1–9 勾选想起的要点，完成后按 Enter</translation>
    </message>
    <message>
        <source>How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy</source>
        <translation>掌握得怎么样？1 重来 · 2 困难 · 3 良好 · 4 简单</translation>
    </message>
    <message>
        <source>Space or Enter for the next card</source>
        <translation>按空格或 Enter 进入下一张</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Not quite: the right answer is marked in green</source>
        <translation>不太对：正确答案已用绿色标出</translation>
    </message>
    <message>
        <source>Could not save this grade (%1). Try again.</source>
        <translation>无法保存这次评分（%1），请重试。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) graded · average score %1</source>
        <translation>
            <numerusform>已评 %n 张卡片 · 平均得分 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to study here right now.</source>
        <translation>这里暂时没有要学习的内容。</translation>
    </message>
</context>
<context>
    <name>SubmitConfirmBox</name>
    <message>
        <source>Submit the exam?</source>
        <translation>交卷？</translation>
    </message>
    <message>
        <source>Submit the exam now? Answers cannot be changed afterwards.</source>
        <translation>现在交卷吗？交卷后不能再修改答案。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) unanswered.</source>
        <translation>
            <numerusform>%n 道题未作答。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) flagged for review.</source>
        <translation>
            <numerusform>%n 道题已标记待查。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续作答</translation>
    </message>
</context>
<context>
    <name>TopicTreeWidget</name>
    <message>
        <source>Topic</source>
        <extracomment>Emitted when the set of checked topics changes (checkable mode only).</extracomment>
        <translation>主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>Mastery: %1</source>
        <translation>掌握度：%1</translation>
    </message>
    <message>
        <source>Not studied yet</source>
        <translation>尚未学习</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>QuizDesk ran into an unexpected problem, and what you just did may not have finished. Answers and grades already saved are kept.</source>
        <translation>QuizDesk 遇到了意外问题，刚才的操作可能没有完成。已经保存的答案和评分不会丢失。</translation>
    </message>
    <message>
        <source>The details were written to the log file %1. Please include it when you report the problem.</source>
        <translation>详细信息已写入日志文件 %1。报告问题时请附上该文件。</translation>
    </message>
</context>
<context>
    <name>WeakAreas</name>
    <message>
        <source>Never practised</source>
        <translation>从未练习</translation>
    </message>
    <message>
        <source>Low accuracy: %1</source>
        <translation>正确率低：%1</translation>
    </message>
    <message>
        <source>Fading: recall chance %1</source>
        <translation>正在遗忘：回想概率 %1</translation>
    </message>
    <message>
        <source>Only %1 of the questions tried</source>
        <translation>只练过 %1 的题目</translation>
    </message>
    <message>
        <source>Not reviewed for %1 days</source>
        <translation>已 %1 天未复习</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>到期 %1 题</translation>
    </message>
    <message>
        <source>Too little evidence yet (answers: %1)</source>
        <translation>证据还太少（作答 %1 次）</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>扎实</translation>
    </message>
    <message>
        <source>Low accuracy</source>
        <translation>正确率低</translation>
    </message>
    <message>
        <source>Fading from memory</source>
        <translation>正在遗忘</translation>
    </message>
    <message>
        <source>Not reviewed for a while</source>
        <translation>很久没复习</translation>
    </message>
    <message>
        <source>Few questions tried</source>
        <translation>练习题目太少</translation>
    </message>
    <message>
        <source>Questions due</source>
        <translation>有题目到期</translation>
    </message>
    <message>
        <source>Too little evidence yet</source>
        <translation>证据还太少</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
</context>
<context>
    <name>WeakAreasDialog</name>
    <message>
        <source>Weak areas</source>
        <extracomment>Study these question ids, with a title (the main window&apos;s ``start_study``). Start a mock exam on these topic keys now, weakest questions first. Start the interview plan&apos;s mock exam: an ``ExamSpec`` (ui/weak_areas/countdown_panel.py). New figures from the database are on screen. Reading the figures failed (database gone, locked past the timeout…): the message.</extracomment>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <source>Start a mock exam on these topics now, weakest questions first, with your usual exam settings</source>
        <translation>立即按你常用的考试设置，针对这些主题开始模拟考试（最薄弱的题目优先）</translation>
    </message>
    <message>
        <source>Flashcards of these topics: due cards, new ones, then the rest</source>
        <translation>这些主题的卡片：先到期卡片，再新卡片，然后其余</translation>
    </message>
    <message>
        <source>‹ All modules</source>
        <translation>‹ 全部模块</translation>
    </message>
    <message>
        <source>Double-click a topic to study it</source>
        <translation>双击主题开始学习</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Could not read your progress: %1</source>
        <translation>无法读取学习进度：%1</translation>
    </message>
    <message>
        <source>Working out your weak areas…</source>
        <translation>正在分析你的薄弱环节…</translation>
    </message>
    <message>
        <source>No questions yet</source>
        <translation>还没有题目</translation>
    </message>
    <message>
        <source>Import a question bank (File → Import, Ctrl+I) to see your weak areas here.</source>
        <translation>导入题库（文件 → 导入，Ctrl+I）后，这里会显示你的薄弱环节。</translation>
    </message>
    <message>
        <source>Tonight: start with these topics</source>
        <translation>今晚：从这些主题开始</translation>
    </message>
    <message>
        <source>Tonight: study these topics</source>
        <translation>今晚：学习这些主题</translation>
    </message>
    <message>
        <source>Nothing is weak right now: keep these fresh</source>
        <translation>目前没有薄弱环节：保持这些主题的熟练度</translation>
    </message>
    <message>
        <source>You have not practised yet. Study a few cards (Ctrl+D) or take a short mock exam (Ctrl+N): this page then shows where you are weak and why.</source>
        <translation>你还没有练习过。先学几张卡片（Ctrl+D）或做一场短的模拟考试（Ctrl+N），这里就会显示你哪里薄弱、为什么薄弱。</translation>
    </message>
    <message numerus="yes">
        <source>Mock exam on these %n topic(s)</source>
        <translation>
            <numerusform>用这 %n 个主题模拟考试</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Study these %n topic(s)</source>
        <translation>
            <numerusform>学习这 %n 个主题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) due now</source>
        <translation>
            <numerusform>现有 %n 道题到期</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 topics never practised</source>
        <translation>%2 个主题中有 %1 个从未练习</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) in the last %1 days</source>
        <translation>
            <numerusform>最近 %1 天复习 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>练习：%1</translation>
    </message>
    <message>
        <source>Click a module&apos;s bar to see its topics.</source>
        <translation>点击模块的条形查看其主题。</translation>
    </message>
    <message>
        <source>Topics of one module.</source>
        <translation>单个模块的主题。</translation>
    </message>
</context>
<context>
    <name>WeakAreasModel</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>上次练习</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
</TS>
