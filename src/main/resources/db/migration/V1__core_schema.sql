-- Covenant Voices core schema: participants, the message journal, conversation sessions and the consultation record.

-- participant module ---------------------------------------------------------------------------------------------
-- A participant is pseudonymous: the id is random and the channel address is only kept as a keyed hash here.
CREATE TABLE participants (
    id              text PRIMARY KEY,
    address_hash    bytea UNIQUE,
    channel         text        NOT NULL,
    language        text,
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'erased')),
    updates_opt_in  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    stopped_at      timestamptz,
    erased_at       timestamptz
);

-- Phone numbers and chat ids, encrypted, kept apart from the record. Deleted on erasure.
CREATE TABLE contact_addresses (
    participant_id  text PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    ciphertext      bytea       NOT NULL,
    key_id          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Who agreed to what, when, on which channel, having been shown exactly which words.
CREATE TABLE consent_records (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id  text        NOT NULL REFERENCES participants (id),
    purpose         text        NOT NULL CHECK (purpose IN ('consultation', 'updates')),
    decision        text        NOT NULL CHECK (decision IN ('given', 'declined', 'withdrawn')),
    channel         text        NOT NULL,
    language        text        NOT NULL,
    script_version  text,
    wording         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_records_participant ON consent_records (participant_id, created_at);

-- conversation module --------------------------------------------------------------------------------------------
-- The durable inbox: a webhook acknowledges only after its message is here. One row per provider message.
CREATE TABLE inbound_messages (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel             text        NOT NULL,
    provider_message_id text        NOT NULL,
    participant_id      text        NOT NULL REFERENCES participants (id),
    body                text        NOT NULL,
    received_at         timestamptz NOT NULL DEFAULT now(),
    processed_at        timestamptz,
    attempts            integer     NOT NULL DEFAULT 0,
    last_error          text,
    CONSTRAINT inbound_messages_provider_id UNIQUE (channel, provider_message_id)
);
CREATE INDEX inbound_messages_pending ON inbound_messages (participant_id, id) WHERE processed_at IS NULL;
CREATE INDEX inbound_messages_pending_age ON inbound_messages (received_at) WHERE processed_at IS NULL;

-- The outbox: every reply is queued here in the same transaction that advanced the conversation.
CREATE TABLE outbound_messages (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id      text        NOT NULL REFERENCES participants (id),
    channel             text        NOT NULL,
    in_reply_to         bigint      REFERENCES inbound_messages (id) ON DELETE SET NULL,
    kind                text        NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'reminder', 'notice')),
    body                text        NOT NULL,
    status              text        NOT NULL DEFAULT 'queued'
                            CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'undeliverable')),
    provider_message_id text,
    error_code          text,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_messages_queued ON outbound_messages (channel, next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbound_messages_reply ON outbound_messages (in_reply_to);
CREATE INDEX outbound_messages_participant ON outbound_messages (participant_id);

-- Every script version ever used, so a conversation can finish on the version it started on.
CREATE TABLE conversation_scripts (
    script      text        NOT NULL,
    language    text        NOT NULL,
    version     text        NOT NULL,
    sha256      text        NOT NULL,
    content     text        NOT NULL,
    source      text        NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (script, language, version)
);

-- The durable copy of each session (Redis holds the working copy). seq guards against lost updates.
CREATE TABLE conversation_sessions (
    participant_id   text        PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    seq              bigint      NOT NULL,
    script_version   text        NOT NULL,
    language         text        NOT NULL,
    step             text        NOT NULL,
    state            jsonb       NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);
CREATE INDEX conversation_sessions_activity ON conversation_sessions (last_activity_at) WHERE completed_at IS NULL;

-- record module --------------------------------------------------------------------------------------------------
-- One consultation record for every source. Rows are never overwritten: a changed answer supersedes the old one.
CREATE TABLE contributions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id      text        REFERENCES participants (id),
    source              text        NOT NULL CHECK (source IN ('sms', 'whatsapp', 'telegram', 'simulator',
                                        'roundtable_note', 'event_minutes', 'online_form', 'other')),
    question_id         text        NOT NULL CHECK (question_id IN ('Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'OTHER', 'GENERAL')),
    choice              text,
    text                text,
    language            text        NOT NULL,
    answering_as        text        CHECK (answering_as IN ('individual', 'group', 'organisation')),
    group_size          integer     CHECK (group_size > 0),
    organisation_type   text,
    nation              text,
    area                text,
    represented_count   integer     NOT NULL DEFAULT 1 CHECK (represented_count > 0),
    event_code          text,
    script_version      text,
    step_id             text,
    inbound_message_id  bigint,
    version             integer     NOT NULL DEFAULT 1,
    supersedes          bigint      REFERENCES contributions (id),
    superseded_at       timestamptz,
    anonymised_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);
-- At most one current answer per participant and question, whatever races happen.
CREATE UNIQUE INDEX contributions_current ON contributions (participant_id, question_id)
    WHERE superseded_at IS NULL AND participant_id IS NOT NULL;
CREATE INDEX contributions_created ON contributions (created_at, id);
CREATE INDEX contributions_question ON contributions (question_id, created_at);
CREATE INDEX contributions_source ON contributions (source, created_at);

-- console module -------------------------------------------------------------------------------------------------
CREATE TABLE console_users (
    username        text PRIMARY KEY,
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('ADMIN', 'ORGANISER', 'ANALYST')),
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);
