-- Schema version 20: IP allow-lists. A token made with `--allow-ip` may be
-- used only from those CIDR blocks (space-separated, canonical); an empty
-- list, as every earlier token has, lets it be used from anywhere.

ALTER TABLE tokens ADD COLUMN allowed_ips TEXT NOT NULL DEFAULT '';
