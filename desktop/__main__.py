"""`python -m desktop` runs the same entry point as the `talknotes` command."""

from desktop.start import main

raise SystemExit(main())
