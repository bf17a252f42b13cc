"""Views of an Article for people: markdown and an annotated HTML page."""
