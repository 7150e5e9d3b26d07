"""The corpus: many documents into the store.

``sources`` reads folders, WARC files, feeds, JSON Lines and URLs into documents; ``ingest`` runs
the analysis over them (``saidwhat.runner``: in this process, local worker processes, or Dask) and writes
each article into the store from the driver alone; ``dedup`` finds copies and near-duplicates.
(Nothing is imported here: the store imports ``dedup``, and ``ingest`` imports the store.)
"""
