-- A verification link carries the signup that sent it (its password hash and details, JSON of
-- server::signup_details), applied when the link is used; NULL for other links. Against
-- pre-hijacking: a first signup with someone else's address decides nothing.
ALTER TABLE email_links ADD COLUMN signup TEXT;
