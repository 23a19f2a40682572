"""Benchmarks: run each with ``python -m bench.<name>``; results go to bench/results/ (not committed)."""
