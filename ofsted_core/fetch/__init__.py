"""Fetching Ofsted's reports for councils, politely, into the user's library folder.

Headless: no textual or rich here (the command line draws the progress bar).
The only module that talks to the network is ``client``; ``listing`` reads
provider pages and the national CSV, ``library`` keeps the files and the record
of fetches, ``run`` puts them together.
"""
