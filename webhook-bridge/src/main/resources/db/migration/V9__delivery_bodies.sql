-- Delivery bodies move out of the delivery rows into a table of their own, written once at intake
-- and never updated. The rows the workers update (status, attempts, processed_at) and the counts
-- the metrics scan (GROUP BY platform, status) then no longer carry the bodies, so the embedded H2
-- can keep small bodies inside their rows (MAX_LENGTH_INPLACE_LOB on its URL) instead of writing
-- each one through its LOB store. ${blob} is BYTEA on PostgreSQL and BLOB on H2.
CREATE TABLE delivery_bodies (
  delivery_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES deliveries (id),
  body         ${blob} NOT NULL
);
INSERT INTO delivery_bodies (delivery_id, body) SELECT id, body FROM deliveries;
ALTER TABLE deliveries DROP COLUMN body;
