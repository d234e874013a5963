-- A private draft stays private for good unless its author submits it: withdrawing a draft that
-- was never submitted used to make it (and its text) readable by every reader of the paper,
-- because privacy was read from the status DRAFT alone. `shared` records whether the author ever
-- submitted the draft (created with submit=true, or submitted later).
ALTER TABLE draft ADD COLUMN shared boolean NOT NULL DEFAULT false;

UPDATE draft d
   SET shared = true
 WHERE d.status <> 'DRAFT'
   AND (d.status <> 'WITHDRAWN'
        OR EXISTS (SELECT 1 FROM event e
                    WHERE e.object_type = 'draft' AND e.object_id = d.id
                      AND (e.type = 'draft.submitted'
                           OR (e.type = 'draft.created' AND e.payload ->> 'status' <> 'DRAFT'))));
