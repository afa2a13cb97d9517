"""Release engineering: preflight checks for a monthly release and reproducible release artifacts."""
