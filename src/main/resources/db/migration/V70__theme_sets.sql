-- understanding module: theme analysis. One row per run and question; the newest current row is what the console
-- shows. Each answer's theme is an annotation of kind 'theme' (model = the method), so the record can be filtered by
-- it; this row keeps the theme set itself: labels, terms, quotes (redacted), weighted counts and breakdowns.
CREATE TABLE theme_sets (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id     text        NOT NULL,
    method          text        NOT NULL,
    model_version   text        NOT NULL,
    answers         integer     NOT NULL,
    represented     integer     NOT NULL,
    min_theme_size  integer     NOT NULL,
    themes          jsonb       NOT NULL,
    labelled_by     text,
    duration_ms     bigint      NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    superseded_at   timestamptz
);
CREATE INDEX theme_sets_current ON theme_sets (question_id) WHERE superseded_at IS NULL;
