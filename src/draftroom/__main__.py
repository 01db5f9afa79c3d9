from draftroom.cli.main import main

raise SystemExit(main())
