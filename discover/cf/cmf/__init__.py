"""Conservative matrix fields.

Shared: the definition and the library (:mod:`.field`, :mod:`.library`), rational functions on lines
(:mod:`.ratfunc`), walks along trajectories (:mod:`.trajectory`) and the PCF of a 2x2 trajectory
(:mod:`.unification`). Engines, each ``engine.py`` + ``verify.py`` + kernels: :mod:`.search` (``cf.cmf``:
walks of given or all primitive trajectories), :mod:`.locate` (``cf.cmf.locate``: where a PCF lies,
kernel ``matching``), :mod:`.fit` (``cf.cmf.fit``: the f, fbar ansatz, kernel ``ansatz``). Nothing
heavy is imported here."""
