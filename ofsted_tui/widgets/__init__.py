"""Widgets of the explorer; each sends messages up and takes data down."""
