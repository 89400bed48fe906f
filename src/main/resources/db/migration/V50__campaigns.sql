-- campaign module: reminder campaigns, one row per recipient (the exactly-once key), and invitation lists.

CREATE TABLE campaigns (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text        NOT NULL,
    status            text        NOT NULL DEFAULT 'draft'
                          CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'cancelled', 'finished')),
    audience          jsonb       NOT NULL,
    messages          jsonb       NOT NULL,
    start_at          timestamptz,
    spread_seconds    integer     NOT NULL DEFAULT 0 CHECK (spread_seconds >= 0),
    send_from         time,
    send_until        time,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    confirmed_by      text,
    confirmed_at      timestamptz,
    -- When sending started, by the campaign clock: spreading counts open sending time from here.
    started_at        timestamptz,
    targeted          integer     NOT NULL DEFAULT 0,
    finished_at       timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_active ON campaigns (status) WHERE status IN ('scheduled', 'running');

-- One row per person and campaign: the primary key is what makes a campaign reach a person at most once. A row goes
-- from pending to queued (in the same transaction as its outbox message) or skipped, claimed FOR UPDATE SKIP LOCKED.
CREATE TABLE campaign_recipients (
    campaign_id          bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    participant_id       text        NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    position             integer     NOT NULL,
    channel              text        NOT NULL,
    language             text        NOT NULL,
    invited              boolean     NOT NULL DEFAULT false,
    state                text        NOT NULL DEFAULT 'pending'
                             CHECK (state IN ('pending', 'queued', 'skipped', 'cancelled')),
    reason               text,
    outbound_message_id  bigint,
    queued_at            timestamptz,
    PRIMARY KEY (campaign_id, participant_id)
);
CREATE INDEX campaign_recipients_pending ON campaign_recipients (campaign_id, position) WHERE state = 'pending';
-- The frequency cap looks up whom any campaign reached lately.
CREATE INDEX campaign_recipients_reached ON campaign_recipients (participant_id, queued_at) WHERE state = 'queued';
CREATE INDEX campaign_recipients_message ON campaign_recipients (outbound_message_id);

-- Uploaded numbers: the number itself is kept only by the participant module (encrypted); here, the consent basis.
CREATE TABLE campaign_invitations (
    campaign_id        bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    participant_id     text        NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    language           text        NOT NULL,
    consent_given_by   text        NOT NULL,
    consent_given_at   date        NOT NULL,
    consent_how        text        NOT NULL,
    first_contact      boolean     NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, participant_id)
);
