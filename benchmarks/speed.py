"""Start-up time and time per page of ``saidwhat extract`` / ``analyze``.

    python benchmarks/speed.py [PAGE ...] [--repeat 3]

With no PAGE, times the bundled example and, when ../shared is there, the fixture page and
seed text. Start-up is measured in fresh processes (CLI ``--version``, ``import saidwhat``,
loading the spaCy model); per-page times in one warm process (model loaded once), as the
median over ``--repeat`` runs. Peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _fresh(code: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(code, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    pages = list(args.pages)
    if not pages:
        pages = [REPO / "examples" / "harbor-bridge.html"]
        fixture = REPO.parent / "shared" / "fixtures" / "un-xinjiang-report"
        if fixture.is_dir():
            pages += [fixture / "page.html", fixture / "seed.txt"]

    exe = str(Path(sys.executable).with_name("saidwhat"))
    py = sys.executable
    print(f"start-up (fresh process, median of {args.repeat})")
    print(f"  saidwhat --version          {_fresh([exe, '--version'], args.repeat) * 1000:8.0f} ms")
    import_s = _fresh([py, "-c", "import saidwhat"], args.repeat)
    print(f"  python -c 'import saidwhat' {import_s * 1000:8.0f} ms")
    load = "from saidwhat.analysis.nlp import get_nlp; get_nlp()"
    print(f"  import + load spaCy model   {_fresh([py, '-c', load], args.repeat) * 1000:8.0f} ms")

    import saidwhat
    from saidwhat.analysis.nlp import get_nlp

    get_nlp()
    saidwhat.analyze(str(pages[0]))  # warm every lazy part once
    print(f"\nper page (warm process, median of {args.repeat})")
    print(f"  {'page':40} {'chars':>7} {'extract ms':>11} {'analyze ms':>11} {'quotes':>7}")
    for page in pages:
        ext, ana = [], []
        result = None
        for _ in range(args.repeat):
            t = time.perf_counter()
            art = saidwhat.extract(str(page))
            ext.append(time.perf_counter() - t)
            t = time.perf_counter()
            result = saidwhat.analyze_article(art)
            ana.append(time.perf_counter() - t)
        assert result is not None
        print(f"  {page.name[:40]:40} {len(result.text):7d} {statistics.median(ext) * 1000:11.1f} "
              f"{statistics.median(ana) * 1000:11.1f} {len(result.quotes):7d}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
