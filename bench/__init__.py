"""Benchmarks: fixed data sizes, printed figures, no assertions on wall time."""
