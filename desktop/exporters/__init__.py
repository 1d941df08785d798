"""Blog exporters: learn a blog's conventions, compose a post, write it with its photos."""
