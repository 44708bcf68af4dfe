-- Requests to match an asset again are no longer left for its next event only, which may come a month later: the
-- AssetRematching job takes them within seconds, a batch at a time, locking the assets' rows with "skip locked" (an
-- asset a batch holds is left to that batch). A list's withdrawal no longer asks: it hands its hits that another
-- active list names over to that list itself. The comment on the table says who writes and who deletes its rows.
comment on table asset_rematch is
    'Assets to be matched again whatever their digest says, because something beside them changed (an advisory '
    'withdrawn or revised while a KEV entry is about one of its CVEs). Inserted by those only; deleted by the asset '
    'batch that applies the asset or by the AssetRematching job, whichever matches it first.';
