-- understanding module: possible safeguarding disclosures, for an organiser to review. Restricted to admins.
CREATE TABLE safeguarding_flags (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id      text        REFERENCES participants (id),
    inbound_message_id  bigint,
    language            text        NOT NULL,
    question_id         text,
    text                text        NOT NULL,
    category            text        NOT NULL,
    detector            text        NOT NULL CHECK (detector IN ('keyword', 'embedding', 'model')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    reviewed_at         timestamptz,
    reviewed_by         text,
    review_note         text
);
CREATE INDEX safeguarding_flags_open ON safeguarding_flags (created_at) WHERE reviewed_at IS NULL;
CREATE INDEX safeguarding_flags_participant ON safeguarding_flags (participant_id);
