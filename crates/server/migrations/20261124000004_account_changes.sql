-- Changing the e-mail address: the new address waits in its verification link until the link is
-- used, so the old address stays in force until then (and nothing else holds the pending one).
-- NULL for every other kind of link.
ALTER TABLE email_links ADD COLUMN new_email TEXT;
