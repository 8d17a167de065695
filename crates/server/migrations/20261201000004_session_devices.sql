-- The browser and system a session was opened with ("Firefox, Android"), so that the family can
-- recognise its sessions; never the full User-Agent nor an address.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
