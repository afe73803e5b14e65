-- Wrong PIN guesses, per client (an address, or a signed-in user) and outlet, shared by every server
-- and kept across restarts: the PIN lockout counts here. A guess is reserved (a pin_failure row)
-- before the PIN is checked and the reservation is deleted again when the PIN was right, so
-- parallel guesses cannot all be evaluated and a correct PIN never resets the count. The lockout
-- is a sliding window: at most N rows of a client and outlet lie within the window.
-- Times are epoch milliseconds (BIGINT) so the arithmetic is the same SQL on H2 and PostgreSQL.

CREATE TABLE pin_client (
    client      VARCHAR(120) NOT NULL,
    outlet_id   BIGINT NOT NULL,
    touched_ms  BIGINT NOT NULL,
    locked      BOOLEAN NOT NULL,
    PRIMARY KEY (client, outlet_id)
);

CREATE TABLE pin_failure (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    client      VARCHAR(120) NOT NULL,
    outlet_id   BIGINT NOT NULL,
    at_ms       BIGINT NOT NULL
);

CREATE INDEX pin_failure_client ON pin_failure (client, outlet_id, at_ms);
CREATE INDEX pin_client_touched ON pin_client (outlet_id, touched_ms);
