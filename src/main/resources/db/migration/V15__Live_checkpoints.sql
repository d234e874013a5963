-- Checkpoints of a live document into revisions (issue 15): a checkpoint is an ordinary revision
-- written by the save, with every person whose updates it holds. Owned by `revision`.
CREATE TABLE revision_coauthor (
    revision_id bigint  NOT NULL REFERENCES revision (id),
    account_id  bigint  NOT NULL REFERENCES account (id),
    -- the order of each co-author's first update in the checkpoint
    position    integer NOT NULL,
    PRIMARY KEY (revision_id, account_id)
);

CREATE INDEX revision_coauthor_account ON revision_coauthor (account_id);

-- Owned by `coedit`: the last update whose text is in a revision (a checkpoint, or a save, merge
-- or restore applied into the document). Updates after it are typing not yet checkpointed.
ALTER TABLE live_document ADD COLUMN checkpointed_seq bigint NOT NULL DEFAULT 0;

-- The pause job looks for documents with typing not yet checkpointed.
CREATE INDEX live_document_unsaved ON live_document (updated_at) WHERE last_seq > checkpointed_seq;
