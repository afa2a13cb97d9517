"""MkDocs glue: the only package that imports MkDocs (or ProperDocs, its maintained fork).

The glue imports ``mkdocs.*``. ProperDocs keeps that name working for plugins
(``properdocs.replacement`` maps ``mkdocs.*`` to its own modules) and its
command line turns that on first. When ProperDocs is driven from Python
instead, it is already imported but MkDocs is not: turn the mapping on here,
so the plugin subclasses the running engine's classes, not the other one's.
"""

import sys

if "properdocs" in sys.modules and "mkdocs" not in sys.modules:
    import properdocs.replacement  # noqa: F401
