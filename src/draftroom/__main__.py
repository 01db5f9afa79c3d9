from draftroom.app import main

raise SystemExit(main())
