"""CSAF 2.0: advisory documents (document.py), the provider tree (provider.py) and ROLIE (rolie.py)."""
