-- Live collaboration across instances (see org.plenary.live).
--
-- Every event about a paper tells every listening Plenary instance its id once the transaction
-- commits (NOTIFY is delivered only on commit, in commit order). The notification carries only
-- "<paper id>:<event id>"; each instance reads the event itself from the event table, which stays
-- the one record and the log a reconnecting client replays from.
CREATE FUNCTION plenary_event_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.paper_id IS NOT NULL AND NEW.type NOT LIKE 'security.%' THEN
        PERFORM pg_notify('plenary_events', NEW.paper_id || ':' || NEW.id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER event_live AFTER INSERT ON event
    FOR EACH ROW EXECUTE FUNCTION plenary_event_live();

-- A compile job's progress is passing news, not history: it is told to listening instances as it
-- changes and never logged as an event.
CREATE FUNCTION plenary_compile_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IS DISTINCT FROM OLD.state OR NEW.stage IS DISTINCT FROM OLD.stage
            OR NEW.percent IS DISTINCT FROM OLD.percent THEN
        PERFORM pg_notify('plenary_live', json_build_object(
            'kind', 'compile', 'paperId', NEW.paper_id, 'jobId', NEW.id, 'state', NEW.state,
            'stage', NEW.stage, 'percent', NEW.percent)::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER compile_job_live AFTER UPDATE ON compile_job
    FOR EACH ROW EXECUTE FUNCTION plenary_compile_live();

-- Who is looking at or editing which section of a paper, one row per browser tab ("client"),
-- kept alive by heartbeats and removed after a timeout. Shared by every instance; passing state,
-- so UNLOGGED (not written to the WAL, emptied after a crash) and without foreign keys.
CREATE UNLOGGED TABLE presence (
    paper_id   bigint      NOT NULL,
    account_id bigint      NOT NULL,
    client     text        NOT NULL CHECK (client ~ '^[A-Za-z0-9_-]{8,64}$'),
    section_id bigint,
    editing    boolean     NOT NULL DEFAULT false,
    since      timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL,
    PRIMARY KEY (paper_id, account_id, client)
);

CREATE INDEX presence_seen_idx ON presence (seen_at);
