"""File → Export to Blog…: the dialog (`dialog.py`) and its parts — the post form, the blog's
profile (read off the GUI thread, shown in a form) and the preview of the post."""
