"""Validate sources.jsonl and second_sources.jsonl against PolNeAR train, with the checks of the
first development gold (``../actor-identity-train/validate.py``). Exit status 1 on any error.

    python3 tests/data/actor-identity-train2/validate.py [--shared DIR]
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "validate_first", os.path.join(HERE, "..", "actor-identity-train", "validate.py"))
assert _spec is not None and _spec.loader is not None
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)

if __name__ == "__main__":
    first.HERE = HERE
    first.main()
