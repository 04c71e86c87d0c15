"""The hostile input corpus and its generator (see make_corpus.py)."""
