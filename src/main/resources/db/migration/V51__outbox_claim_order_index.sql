-- The outbox claim takes replies before reminders, then the oldest first. Without an index in that order PostgreSQL
-- read every queued message of the channel and sorted them for each claim of 20: with a campaign's 1,500 reminders
-- queued, 50 ms a claim, and two instances sent 40 messages a second (bench/campaign-dispatch.sh). Walking this index
-- stops after the first 20 that may go: 1-2 ms a claim, 250 messages a second in the same run.
CREATE INDEX outbound_messages_claim_order ON outbound_messages (channel, (CASE kind WHEN 'reminder' THEN 1 ELSE 0 END), id)
    WHERE status = 'queued';
