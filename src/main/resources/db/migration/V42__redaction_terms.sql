-- Names a model found in an answer: taken out of the text wherever it is redacted (exports, API reads, erasure).
ALTER TABLE contributions ADD COLUMN redaction_terms text[];
-- Set when the retention date passed and the original wording was replaced by its redacted form.
ALTER TABLE contributions ADD COLUMN original_text_removed_at timestamptz;
