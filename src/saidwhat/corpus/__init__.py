"""The corpus: many documents into the store.

``sources`` reads folders, WARC files, feeds, JSON Lines and URLs into documents; ``ingest`` runs
the analysis over them (``saidwhat.runner``: in this process, local worker processes, or Dask)
and writes each article into the store from the driver alone (the store finds copies and
near-duplicates with ``saidwhat.store.dedup``). Nothing is imported here.
"""
