-- A slug is unique among the papers one person can read, checked by PaperService: a platform-wide
-- UNIQUE constraint would tell anyone trying an address that a paper they cannot read holds it
-- (security review, finding 7). The index keeps look-ups by slug fast.

ALTER TABLE paper DROP CONSTRAINT paper_slug_key;

CREATE INDEX paper_slug_idx ON paper (slug);
