-- understanding module: the embedding of each answer's redacted text, kept so that rerunning theme analysis embeds
-- only answers that are new or changed. The hash says which text the vector is of: an answer whose text changed
-- (a new version, or redacted on erasure) no longer matches and is embedded again, replacing the row.
CREATE TABLE answer_embeddings (
    contribution_id bigint      PRIMARY KEY REFERENCES contributions (id) ON DELETE CASCADE,
    model           text        NOT NULL,
    text_sha256     bytea       NOT NULL,
    vector          bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
