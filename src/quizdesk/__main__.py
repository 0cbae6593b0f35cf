from quizdesk.cli import main

raise SystemExit(main())
