DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_inserted ON aibridge_interceptions
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_interceptions_inserted()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_completed ON aibridge_interceptions
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_interceptions_completed()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_changed ON aibridge_interceptions
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_interceptions_changed()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_interceptions_deleted ON aibridge_interceptions
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_interceptions_deleted()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_inserted ON aibridge_user_prompts
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_prompts_inserted()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_updated ON aibridge_user_prompts
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_prompts_updated()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_prompts_deleted ON aibridge_user_prompts
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_prompts_deleted()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_sessions_inserted ON aibridge_session_rollups
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_sessions_inserted()
-- statement --
DROP TRIGGER IF EXISTS aibridge_rollups_sessions_deleted ON aibridge_session_rollups
-- statement --
DROP FUNCTION IF EXISTS aibridge_rollups_sessions_deleted()
