"""Attributed statements: cues, contents, speakers and their resolution, addressees, hedges."""
