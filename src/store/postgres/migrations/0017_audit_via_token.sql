-- Schema version 17: the token behind an act. An entry made by a request
-- that a token authenticated (its secret, or an access token exchanged
-- from it) names that token: its ID and its hint at the time, since a
-- regenerated token gets another. `audit --token ID` finds what a token
-- did as well as what was done to it, from this index and
-- audit_by_token_in_order.

ALTER TABLE audit ADD COLUMN via_token_id BIGINT;
ALTER TABLE audit ADD COLUMN via_token_hint TEXT;
CREATE INDEX audit_by_via_token ON audit (via_token_id, id);
