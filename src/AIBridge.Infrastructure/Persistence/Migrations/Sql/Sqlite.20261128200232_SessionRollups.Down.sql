DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_inserted
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_completed
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_changed
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_deleted
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_inserted
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_updated
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_deleted
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_sessions_inserted
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_sessions_deleted
