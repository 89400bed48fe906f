-- console module: sign-in protection and user management.

-- Failed sign-ins lock an account for a while: failed_attempts counts those since last_failed_at's window began.
-- sessions_revoked_at ends every session signed in before it (set when a user is turned off or their password reset).
ALTER TABLE console_users
    ADD COLUMN failed_attempts      integer     NOT NULL DEFAULT 0,
    ADD COLUMN first_failed_at      timestamptz,
    ADD COLUMN locked_until         timestamptz,
    ADD COLUMN last_sign_in_at      timestamptz,
    ADD COLUMN sessions_revoked_at  timestamptz,
    ADD COLUMN password_changed_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN created_by           text;

-- People type their user name in any case; two users may not differ by case alone.
CREATE UNIQUE INDEX console_users_username_ci ON console_users (lower(username));
