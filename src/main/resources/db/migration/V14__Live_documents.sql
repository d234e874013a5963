-- Live co-editing (issue 15): a section's shared Yjs document and the updates its writers sent.
-- The document is a snapshot (a Yjs update holding the whole state at `through_seq`) plus every
-- update appended after it; the server loads the snapshot, then applies the updates in `seq` order.
-- An update is inserted in the transaction that acknowledges it to the writer.
CREATE TABLE live_document (
    section_id   bigint      PRIMARY KEY REFERENCES section (id),
    state        bytea       NOT NULL,
    state_vector bytea       NOT NULL,
    -- the revision whose text seeded the document
    seeded_from  integer     NOT NULL,
    -- the last update folded into `state` (0: none, only the seed)
    through_seq  bigint      NOT NULL DEFAULT 0,
    -- the last update appended; the next one is last_seq + 1 (the row is locked to append)
    last_seq     bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE live_update (
    section_id  bigint      NOT NULL REFERENCES live_document (section_id),
    seq         bigint      NOT NULL,
    account_id  bigint      NOT NULL REFERENCES account (id),
    bytes       bytea       NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (section_id, seq)
);

CREATE INDEX live_update_account ON live_update (account_id);

-- Other instances hear of each update when it commits, on the channel presence and compile
-- progress use, and read it from live_update themselves.
CREATE FUNCTION plenary_live_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plenary_live', json_build_object(
        'kind', 'coedit', 'sectionId', NEW.section_id, 'seq', NEW.seq)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER live_update_live AFTER INSERT ON live_update
    FOR EACH ROW EXECUTE FUNCTION plenary_live_update();
