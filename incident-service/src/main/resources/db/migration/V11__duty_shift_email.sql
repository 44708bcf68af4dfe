-- The e-mail that reaches the person on duty (notification-service tells them a shift starts, and sends them what
-- cannot wait); shifts are announced on incident.duty from now on.
alter table duty_shift add column email text;
