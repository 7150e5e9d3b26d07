"""Build sources.jsonl from labels.txt and second_sources.jsonl from labels_second.txt, with the
builder of the first development gold (``../actor-identity-train/build.py``: same label format).

    python3 tests/data/actor-identity-train2/build.py [--shared DIR]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "actor-identity-train"))

import build  # noqa: E402  (the first gold's builder)
import validate  # noqa: E402

if __name__ == "__main__":
    build.HERE = HERE
    if len(sys.argv) > 2 and sys.argv[1] == "--shared":
        validate.DATA = os.path.join(sys.argv[2], "data", "polnear", "train")
    print(build.build("labels.txt", "sources.jsonl"), "rows;",
          build.build("labels_second.txt", "second_sources.jsonl"), "second-pass rows")
