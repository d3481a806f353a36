import pytest


@pytest.fixture
def collega(gemeente):
    """A second user of the same gemeente: notifications are per user, not per organisation."""
    from wmoketen.accounts.constants import Rol
    from wmoketen.factories import GebruikerFactory

    return GebruikerFactory(username="collega", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)
