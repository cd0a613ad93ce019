"""``cf.eval``: one PCF evaluated exactly and identified: :mod:`.engine` (spec, one shard) and
:mod:`.verify` (evaluation, identification, the record). Nothing heavy is imported here."""
