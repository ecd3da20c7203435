"""Inputs beyond single files: crawl archives (warc.py) and site snapshots (snapshot.py), each read as a stream
of `Document`s the engine audits as it audits any other."""
