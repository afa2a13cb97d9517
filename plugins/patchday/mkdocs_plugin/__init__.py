"""MkDocs glue: the only package that imports MkDocs."""
