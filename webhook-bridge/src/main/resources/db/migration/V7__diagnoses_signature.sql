-- Novelty: when a failure signature was last diagnosed (SqlSignatureHistory), one indexed lookup.
CREATE INDEX diagnoses_signature ON diagnoses (signature, created_at);
