-- Per-pipeline repair settings given at registration (POST /api/pipelines): whether the pipeline
-- deploys, and the rollback the planner may trigger (a workflow file, a ref, a definition id or a
-- job path, per platform).
ALTER TABLE pipelines ADD COLUMN rollback_target VARCHAR(512);
ALTER TABLE pipelines ADD COLUMN deploys BOOLEAN DEFAULT FALSE NOT NULL;
