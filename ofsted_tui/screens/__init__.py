"""Screens of the explorer; a screen mediates between its widgets."""
