"""ofsted-tui: explore the Ofsted inspection history of councils' children's services.

This package is the interface (the explorer and the command line); what it shows
comes from the headless core, ``ofsted_core``.
"""

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    # One source of the version: the core reads it from the package metadata when first asked.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import ofsted_core

    return ofsted_core.__version__
