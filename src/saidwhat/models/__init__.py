"""Small trained model files (JSON), shipped with the package and read via importlib.resources;
each is reproduced by a script in scripts/ (quote_scorer.json: scripts/train_quote_scorer.py)."""
