-- What the published documents need beyond the text: the initiative the paper belongs to, its
-- keywords and signatories (the cover letter's), and each proposal's one-paragraph summary (its
-- body is the rationale).
ALTER TABLE paper ADD COLUMN initiative text;
ALTER TABLE paper ADD COLUMN keywords jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE paper ADD COLUMN signatories jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE section ADD COLUMN proposal_summary text;
