"""Translation overlays: which fields are translatable, merging, and freshness."""
