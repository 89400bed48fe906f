-- Whether an answer gives an example or facts is a label too; question 1's agreement may be mixed.
ALTER TABLE annotations DROP CONSTRAINT annotations_kind_check;
ALTER TABLE annotations ADD CONSTRAINT annotations_kind_check
    CHECK (kind IN ('principle', 'theme', 'sentiment', 'evidence'));
-- The labelling queue asks which answers a model has not labelled yet.
CREATE INDEX annotations_by_model ON annotations (model, model_version, contribution_id) WHERE model IS NOT NULL;
