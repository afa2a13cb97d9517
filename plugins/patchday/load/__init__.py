"""Strict loading of record files into models, with positions kept for diagnostics."""
