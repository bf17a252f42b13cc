"""Events: who did what to whom, when and where, coded in PLOVER 2.0.

`triggers.py` finds the words that report an event and codes its type, mode
and CAMEO code; the rest of the package gives each trigger its actors,
recipients, date, place and modality, and `find.py` assembles the events.
"""
