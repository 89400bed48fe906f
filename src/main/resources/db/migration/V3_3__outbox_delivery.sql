-- Delivery through real channels: the sent-guard, segment counts, reasons and provider statuses.

-- handed_at is the sent-guard: set once, just before a message is handed to the provider, and cleared only when the
-- provider certainly did not take it. A message left 'sending' with handed_at set is never handed again.
ALTER TABLE outbound_messages ADD COLUMN handed_at timestamptz;
-- SMS segments billed (1 for other channels), for rate limits and cost figures.
ALTER TABLE outbound_messages ADD COLUMN segments integer;
-- Why a message was not sent, in words: a skipped WhatsApp free-form send, a provider's refusal.
ALTER TABLE outbound_messages ADD COLUMN last_error text;

ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undeliverable'));

-- Status callbacks find their message by the provider's id.
CREATE INDEX outbound_messages_provider_id ON outbound_messages (provider_message_id)
    WHERE provider_message_id IS NOT NULL;
-- Messages stuck in 'sending' after a crash.
CREATE INDEX outbound_messages_sending ON outbound_messages (updated_at) WHERE status = 'sending';
-- The WhatsApp 24-hour window looks up a person's latest message on a channel.
CREATE INDEX inbound_messages_latest ON inbound_messages (participant_id, channel, received_at);
