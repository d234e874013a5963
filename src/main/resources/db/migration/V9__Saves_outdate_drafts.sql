-- Drafts (org.plenary.draft): a new revision outdates the drafts based on the one it replaces.
--
-- Every draft of the section whose current version is based on the replaced revision (the
-- revision's parent) is outdated from now on, except the draft this revision merges: it gets a
-- draft.outdated event, in the saving transaction, which tells its author (DRAFT_OUTDATED) and
-- live clients. The actor is whoever made the revision: its author, or for a merge the editor who
-- merged it. The revision feature does not know drafts exist; it only appends revisions.
CREATE FUNCTION plenary_revision_outdates_drafts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event (paper_id, actor_id, type, object_type, object_id, payload, created_at)
    SELECT d.paper_id, coalesce(NEW.merged_by, NEW.author_id), 'draft.outdated', 'draft', d.id,
           jsonb_build_object('authorId', d.author_id, 'groupId', d.group_id,
               'sectionId', d.section_id, 'sectionRevision', NEW.number,
               'notify', jsonb_build_array(
                   plenary_notify_entry('DRAFT_OUTDATED', jsonb_build_array(d.author_id)))),
           NEW.created_at
    FROM draft d
    JOIN draft_version v ON v.draft_id = d.id AND v.number = d.current_version
    WHERE d.section_id = NEW.section_id AND d.status IN ('DRAFT', 'OPEN')
      AND v.base_revision = NEW.parent_number AND d.id IS DISTINCT FROM NEW.draft_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER revision_outdates_drafts AFTER INSERT ON revision
    FOR EACH ROW WHEN (NEW.parent_number IS NOT NULL)
    EXECUTE FUNCTION plenary_revision_outdates_drafts();
