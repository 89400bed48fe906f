-- The consultation record grows up: formal events with join codes, imports, annotations, and the audit log.

-- audit module ---------------------------------------------------------------------------------------------------
-- Who did what, when. Rows can be added, never changed or removed: the database refuses it, whoever asks.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    details     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_recent ON audit_log (id DESC);
CREATE INDEX audit_log_action ON audit_log (action, id DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- participant module ---------------------------------------------------------------------------------------------
-- Set when the retention date passed and the person's contact details were deleted.
ALTER TABLE participants ADD COLUMN contact_deleted_at timestamptz;

-- record module --------------------------------------------------------------------------------------------------
-- Roundtables, events and online sessions. The join code is stored in capitals; people may type it in any case.
CREATE TABLE events (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    join_code               text        NOT NULL UNIQUE CHECK (join_code ~ '^[A-HJKMNP-Z2-9]{6}$'),
    kind                    text        NOT NULL CHECK (kind IN ('roundtable', 'event', 'online_session', 'other')),
    title                   text        NOT NULL,
    event_date              date        NOT NULL,
    host_organisation       text        NOT NULL,
    nation                  text        CHECK (nation IN ('england', 'scotland', 'wales', 'northern_ireland', 'uk')),
    place                   text,
    status                  text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome_summary         text,
    attendee_count          integer     CHECK (attendee_count >= 0),
    organisations_attended  text[]      NOT NULL DEFAULT '{}',
    closed_at               timestamptz,
    created_by              text        NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_date ON events (event_date, id);

-- One row per imported file.
CREATE TABLE imports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name       text,
    file_sha256     text        NOT NULL,
    rows_read       integer     NOT NULL,
    added           integer     NOT NULL,
    updated         integer     NOT NULL,
    unchanged       integer     NOT NULL,
    imported_by     text        NOT NULL,
    imported_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE contributions
    ADD COLUMN granularity              text CHECK (granularity IN ('person', 'group', 'event_note')),
    ADD COLUMN may_publish_anonymously  boolean,
    ADD COLUMN may_be_contacted         boolean,
    ADD COLUMN given_at                 timestamptz,
    ADD COLUMN external_id              text,
    ADD COLUMN content_hash             bytea,
    ADD COLUMN import_id                bigint REFERENCES imports (id),
    -- The first version of this answer; null where this row is the first. Keeps export ids stable across versions.
    ADD COLUMN root_id                  bigint;

UPDATE contributions SET granularity = CASE
        WHEN source IN ('roundtable_note', 'event_minutes') THEN 'event_note'
        WHEN answering_as = 'group' THEN 'group'
        ELSE 'person' END,
    given_at = created_at,
    event_code = upper(event_code);
WITH RECURSIVE chain AS (
    SELECT id, id AS root FROM contributions WHERE supersedes IS NULL
    UNION ALL
    SELECT c.id, chain.root FROM contributions c JOIN chain ON c.supersedes = chain.id
)
UPDATE contributions c SET root_id = chain.root FROM chain WHERE c.id = chain.id AND chain.root <> c.id;

ALTER TABLE contributions
    ALTER COLUMN granularity SET NOT NULL,
    ALTER COLUMN granularity SET DEFAULT 'person',
    ALTER COLUMN given_at SET NOT NULL,
    ALTER COLUMN given_at SET DEFAULT now();

-- Re-importing a row with the same external id (per source and event), or the same content, adds nothing.
CREATE UNIQUE INDEX contributions_external_id ON contributions (source, coalesce(event_code, ''), external_id)
    WHERE external_id IS NOT NULL AND superseded_at IS NULL;
CREATE UNIQUE INDEX contributions_content ON contributions (content_hash)
    WHERE content_hash IS NOT NULL AND external_id IS NULL AND superseded_at IS NULL;
CREATE INDEX contributions_event ON contributions (event_code, question_id) WHERE event_code IS NOT NULL;
CREATE INDEX contributions_participant ON contributions (participant_id, id) WHERE participant_id IS NOT NULL;
-- The next version of an answer; also keeps the foreign key check cheap.
CREATE INDEX contributions_supersedes ON contributions (supersedes);
CREATE INDEX contributions_import ON contributions (import_id) WHERE import_id IS NOT NULL;

-- Principles, themes and sentiment, kept apart from the answers. Rows are never changed: a confirmation or a
-- correction is a new row that supersedes the one before, so the history of every label is kept.
CREATE TABLE annotations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contribution_id bigint      NOT NULL REFERENCES contributions (id),
    kind            text        NOT NULL CHECK (kind IN ('principle', 'theme', 'sentiment')),
    value           text        NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    action          text        NOT NULL CHECK (action IN ('assigned', 'confirmed', 'corrected', 'removed')),
    model           text,
    model_version   text,
    organiser       text,
    supersedes      bigint      REFERENCES annotations (id),
    superseded_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT annotations_assigned_by CHECK ((model IS NOT NULL AND model_version IS NOT NULL AND organiser IS NULL)
        OR (model IS NULL AND model_version IS NULL AND organiser IS NOT NULL))
);
CREATE INDEX annotations_current ON annotations (contribution_id) WHERE superseded_at IS NULL;
-- A label's history is a line, never a fork: two people correcting it at once cannot both win.
CREATE UNIQUE INDEX annotations_successor ON annotations (supersedes) WHERE supersedes IS NOT NULL;
