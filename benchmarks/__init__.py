"""Benchmarks of ofsted-tui: a generated national corpus, import, start-up, interaction.

Scripts, not tests: each prints its figures and the command that reproduces
them. ``run_all.sh`` runs them all. Nothing here asserts on timings.
"""
