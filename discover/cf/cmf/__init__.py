"""Conservative matrix fields: definitions and the library (:mod:`.field`, :mod:`.library`), walks
along trajectories (:mod:`.trajectory`), the search engine (:mod:`.engine`), the f/fbar fit
(:mod:`.fit`) and locating PCFs in CMFs (:mod:`.locate`). Nothing heavy is imported here."""
