"""Who an entity is beyond the article: countries, places, dictionary actors and their codes."""
