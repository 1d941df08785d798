"""Use cases shared by the command line and the GUI: each is one call over core and store."""
