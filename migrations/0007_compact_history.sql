-- The cluster file, version 7: a compact history. A row's object may now be held three more ways than as its
-- whole JSON in `body` (main/engine/store/history/codec.ts has the numbers and what each means): as the current
-- `objects` row (an Event until it changes, so an Event is written once), deflated against a fixed dictionary,
-- or deflated against the text of an older version of the same object (`base`). The exact text of every
-- version is still there, byte for byte. Rows written before stay whole (encoding 0): adding columns rewrites
-- no row, so a file of any size migrates in one small transaction.
ALTER TABLE history ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;
-- The resource_version of the row a PATCH is deflated against; NULL for the other encodings.
ALTER TABLE history ADD COLUMN base INTEGER;
-- The deflated text of a FULL or PATCH row; NULL for the other encodings (whose `body` says it all).
ALTER TABLE history ADD COLUMN data BLOB;
