"""Integrations with corpus-processing frameworks, each an optional extra.

* :mod:`declutter.integrations.datatrove`: ``DeclutterFormatter``, a datatrove pipeline
  step (``pip install 'declutter-text[datatrove]'``).

Nothing here is imported by ``import declutter``; import the submodule you need, e.g.
``from declutter.integrations.datatrove import DeclutterFormatter``.
"""
