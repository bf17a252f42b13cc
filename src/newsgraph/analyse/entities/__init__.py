"""Named entities: finding them in the parse, correcting their types, the titles they carry."""
