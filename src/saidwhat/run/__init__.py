"""Corpus runs: the same per-article extraction in one process, a local pool or on Dask."""
