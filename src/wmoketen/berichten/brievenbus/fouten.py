"""What goes wrong in the file mailbox: a file refused, a mailbox busy, a folder unsafe."""


class Geweigerd(Exception):
    """A file that cannot be taken in; ``ingelezen``: members stored before it went wrong."""

    def __init__(self, reden: str, ingelezen: tuple[str, ...] = ()):
        super().__init__(reden)
        self.ingelezen = ingelezen


class Bezet(Exception):
    """Another run works on this mailbox now."""


class Onveilig(Exception):
    """A folder or file of the mailbox that is a link or not what it should be: not used."""
