"""The headless core of ofsted-tui: the store, the timeline, search, import and export.

It draws nothing: the explorer and the command line (``ofsted_tui``) use it, and
import-linter (``pyproject.toml``) keeps textual, rich and the interface out of it.
"""

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    # The version is read from the installed package's metadata when first asked
    # for: importing importlib.metadata cost every start of the explorer ~20 ms.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("ofsted-tui")
    except PackageNotFoundError:  # running from a checkout that was never installed
        value = "0+unknown"
    globals()["__version__"] = value
    return value
