"""ofsted-tui: explore the Ofsted inspection history of councils' children's services."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ofsted-tui")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
