"""Executors: the same per-page work run locally (processes) or on a Ray cluster."""
