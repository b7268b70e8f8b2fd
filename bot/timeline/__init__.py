"""`/timeline`: the agreements as a picture, one row per kind of partner, over time.

`plan` lays the marks out (no plotting library), `drawing` draws them with matplotlib (imported
only there), `pictures` makes and caches them off the event loop, `handlers` answers Telegram.
"""
