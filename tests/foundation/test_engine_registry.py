"""Every engine the store may name can be loaded, by its current reference or, for runs stored before a
module moved, by its name."""

import pytest

from discover.runner.engine import ENGINE_REFS, load_engine


@pytest.mark.parametrize("name, ref", sorted(ENGINE_REFS.items()))
def test_every_registered_engine_imports_and_names_itself(name, ref):
    engine = load_engine(ref)
    assert engine.name == name
    assert engine.ref == ref


def test_an_old_reference_resolves_by_name():
    name, ref = next(iter(sorted(ENGINE_REFS.items())))
    assert load_engine("discover.no_such_module:ENGINE", name).name == name
    with pytest.raises(ImportError):
        load_engine("discover.no_such_module:ENGINE", "no.such.engine")
