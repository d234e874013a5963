-- Notification (org.plenary.notification): the reasons someone can be told about an event.
--
-- This table is the catalogue: a notification names one of these reasons (the foreign key below),
-- so a trigger or service that spells a reason wrongly fails at once instead of storing a row the
-- application cannot read. org.plenary.notification.Reason lists the same names for the Java side
-- and NotificationApiTest checks that the two lists are equal.
CREATE TABLE notification_reason (
    name  text PRIMARY KEY
);

INSERT INTO notification_reason (name) VALUES
    ('MENTION'),
    ('REPLY'),
    ('DRAFT_MERGED'),
    ('DRAFT_REJECTED'),
    ('DRAFT_OUTDATED'),
    ('ENDORSED_PROPOSAL_CHANGED'),
    ('COMMENT_FLAGGED');

ALTER TABLE notification
    ADD CONSTRAINT notification_reason_fk FOREIGN KEY (reason) REFERENCES notification_reason (name);

-- One entry of an event payload's "notify" list (see plenary_notify): tell the accounts in
-- recipients (a JSON array of ids) for this reason. The SQL twin of org.plenary.notification.Notify.
CREATE FUNCTION plenary_notify_entry(reason text, recipients jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('reason', reason, 'to', recipients)
$$;
