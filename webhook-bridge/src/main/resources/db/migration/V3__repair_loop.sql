-- The repair loop: one repair per failed job attempt (claimed before the platform is called, so a
-- delivery processed twice never repairs twice), and what is needed to settle it when the retried
-- job finishes and to feed the outcome to learning.
CREATE UNIQUE INDEX repair_attempts_one_per_job ON repair_attempts (job_id);
ALTER TABLE repair_attempts ADD COLUMN platform VARCHAR(16);
ALTER TABLE repair_attempts ADD COLUMN match_key VARCHAR(1100);
ALTER TABLE repair_attempts ADD COLUMN job_key VARCHAR(512);
ALTER TABLE repair_attempts ADD COLUMN pipeline VARCHAR(512);
ALTER TABLE repair_attempts ADD COLUMN job_name VARCHAR(512);
ALTER TABLE repair_attempts ADD COLUMN commit_sha VARCHAR(64);
CREATE INDEX repair_attempts_match ON repair_attempts (match_key, state);
