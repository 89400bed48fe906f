-- The answers a channel may show as buttons with a reply (Telegram's inline keyboard).
ALTER TABLE outbound_messages ADD COLUMN options jsonb;
