import sys
from pathlib import Path

# brute.py (plain-Python and networkx references) is shared by the test modules of this folder
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
