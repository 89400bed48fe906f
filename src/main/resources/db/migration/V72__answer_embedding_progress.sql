-- understanding module: how far the background embedding of answers has got (answers are append-only versions, so a
-- new or changed answer always has a higher id). One row; the instance that locks it works the queue.
CREATE TABLE answer_embedding_progress (
    id              integer PRIMARY KEY CHECK (id = 1),
    embedded_up_to  bigint  NOT NULL
);
INSERT INTO answer_embedding_progress (id, embedded_up_to) VALUES (1, 0);
