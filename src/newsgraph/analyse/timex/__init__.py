"""Time expressions: finding them and resolving them against the publication date."""
