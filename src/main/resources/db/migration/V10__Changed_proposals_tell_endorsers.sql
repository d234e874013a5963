-- Endorsements (org.plenary.endorsement): the people whose current stance on a proposal was given
-- on the revision a new one replaces are told it changed (ENDORSED_PROPOSAL_CHANGED), once: later
-- revisions find their stance older still.
--
-- The telling rides on the event that records the new revision (section.saved,
-- section.revision-restored, section.merged: a section event whose payload carries the new
-- revision's number and sha256), so the notification points at that event; plenary_notify then
-- fans it out. The revision feature does not know endorsements exist.
CREATE FUNCTION plenary_revision_event_tells_endorsers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    endorsers jsonb;
BEGIN
    SELECT jsonb_agg(e.account_id) INTO endorsers
    FROM endorsement e
    WHERE e.section_id = NEW.object_id AND e.revision = (NEW.payload ->> 'revision')::int - 1
      AND e.ended_at IS NULL;
    IF endorsers IS NOT NULL THEN
        NEW.payload := NEW.payload || jsonb_build_object('notify',
            coalesce(NEW.payload -> 'notify', '[]'::jsonb)
            || jsonb_build_array(plenary_notify_entry('ENDORSED_PROPOSAL_CHANGED', endorsers)));
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER revision_event_tells_endorsers BEFORE INSERT ON event
    FOR EACH ROW WHEN (NEW.object_type = 'section' AND NEW.payload ? 'sha256'
                       AND NEW.payload ? 'revision')
    EXECUTE FUNCTION plenary_revision_event_tells_endorsers();
