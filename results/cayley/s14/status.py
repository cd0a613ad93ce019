"""Where the LRX S_14 run stands: its checkpoint's layers against CayleyPy's published ones, the rate, an ETA.

    .venv/bin/python results/cayley/s14/status.py [CHECKPOINT_DIR]   (default /work/s14ckpt/lrx-14)

Reads only ``meta.json`` of the checkpoint (discover.cayley.layer_files) and published_lrx14.json beside
this file; exits 1 if any layer found differs from the published one.
"""

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
meta = json.loads((Path(sys.argv[1] if len(sys.argv) > 1 else "/work/s14ckpt/lrx-14") / "meta.json").read_text())
published = json.loads((HERE / "published_lrx14.json").read_text())["layer_sizes"]
sizes, seconds = meta["sizes"], meta.get("seconds", [])
bad = [k for k, x in enumerate(sizes) if k >= len(published) or x != published[k]]
done = sum(sizes)
print(f"layers 0..{len(sizes) - 1} of 0..{len(published) - 1}; {done:,} of {math.factorial(14):,} states "
      f"({100 * done / math.factorial(14):.2f}%); complete: {meta.get('complete')}")
print("every layer equals CayleyPy's" if not bad else f"DIFFERENT from CayleyPy at layers {bad}")
big = [(x, t) for x, t in zip(sizes, seconds) if x >= 10**7 and t > 0]
if big:
    states, secs = sum(x for x, _ in big[-5:]), sum(t for _, t in big[-5:])
    rate = states / secs
    left = math.factorial(14) - done
    print(f"last layers: {rate / 1e6:.1f} M states/s of wall time; the {left:,} states left at that rate: "
          f"{left / rate / 3600:.1f} h")
for k in range(max(0, len(sizes) - 5), len(sizes)):
    print(f"  layer {k}: {sizes[k]:,} states, {seconds[k] if k < len(seconds) else '?'} s")
sys.exit(1 if bad else 0)
