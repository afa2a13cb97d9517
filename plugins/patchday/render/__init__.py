"""Catalog -> pages. Pure: every function takes the catalog, a language and the time.

``views`` builds typed view-models, ``html`` renders them with Jinja into the
content area of a page, ``pages`` lists every page the site has. Nothing here
imports MkDocs; the plugin glue in :mod:`patchday.mkdocs_plugin` does that.
"""
