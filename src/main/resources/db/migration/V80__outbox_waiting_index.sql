-- The outbox claim skips a message while an earlier one to the same person is queued or being sent (NOT EXISTS over
-- outbound_messages). Without this index PostgreSQL answered that with a range scan of the primary key for every
-- candidate: with 6,400 messages queued (bench/inbound-load.sh) one claim took 9.9 s and the outbox sent 2 a second;
-- with it, 0.13 s and 27 a second on the same overloaded machine.
CREATE INDEX outbound_messages_waiting ON outbound_messages (participant_id, channel, id)
    WHERE status IN ('queued', 'sending');
