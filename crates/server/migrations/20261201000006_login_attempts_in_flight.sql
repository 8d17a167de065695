-- A reserved login attempt whose password is still being checked (login_limits): until this
-- time it is in flight, then (or once settled, NULL) a failure. A limit reached only by
-- attempts in flight asks to retry in a moment, not in a quarter of an hour.
ALTER TABLE login_failures ADD COLUMN in_flight_until BIGINT;
