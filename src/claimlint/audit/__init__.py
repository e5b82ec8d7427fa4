"""claimlint audit: lint whole sites (live URLs, sitemaps, folders) and web archives (WARC).

The main process plans the pages, fetches live ones politely and writes result shards; an
engine (a local process pool or a Dask cluster) lints shards and returns only rows.
"""
