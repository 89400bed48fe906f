-- The outbox and campaign recipients are queues: every message is updated two or three times within seconds, and
-- each claim walks the claim-order index past the entries its earlier rows left behind. With PostgreSQL's defaults
-- (vacuum after 20% of a table has changed) a 50,000-person campaign slowed down as it went. Vacuum them sooner.
ALTER TABLE outbound_messages SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
ALTER TABLE campaign_recipients SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
