"""Page to article: HTML and whole-page text dumps into titled, blocked text."""
