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
-- statement --
CREATE FUNCTION aibridge_rollups_interceptions_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF EXISTS (SELECT 1 FROM new_rows WHERE ended_at IS NOT NULL) THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, +COUNT(*), 0
FROM new_rows AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM new_rows AS i
  WHERE i.ended_at IS NOT NULL AND (1 = 1)) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_inserted AFTER INSERT ON aibridge_interceptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_interceptions_inserted()
-- statement --
CREATE FUNCTION aibridge_rollups_interceptions_completed() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF EXISTS (SELECT 1 FROM new_rows WHERE ended_at IS NOT NULL) THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, +COUNT(*), 0
FROM (SELECT n.* FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NULL) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM (SELECT n.* FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NULL) AS i
  WHERE i.ended_at IS NOT NULL AND (1 = 1)) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_completed AFTER UPDATE ON aibridge_interceptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_interceptions_completed()
-- statement --
CREATE FUNCTION aibridge_rollups_interceptions_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF EXISTS (SELECT 1 FROM old_rows WHERE ended_at IS NOT NULL) THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, -COUNT(*), 0
FROM (SELECT o.* FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND ((o.initiator_id, o.provider, o.model, o.client) IS DISTINCT FROM (n.initiator_id, n.provider, n.model, n.client) OR n.ended_at IS NULL)) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, +COUNT(*), 0
FROM (SELECT n.* FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.initiator_id, o.provider, o.model, o.client) IS DISTINCT FROM (n.initiator_id, n.provider, n.model, n.client)) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT o.session_id, o.initiator_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT o.session_id, o.initiator_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT n.session_id, n.initiator_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT n.session_id, n.initiator_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_changed AFTER UPDATE ON aibridge_interceptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_interceptions_changed()
-- statement --
CREATE FUNCTION aibridge_rollups_interceptions_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF EXISTS (SELECT 1 FROM old_rows WHERE ended_at IS NOT NULL) THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, -COUNT(*), 0
FROM old_rows AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT r.session_id, r.initiator_id FROM old_rows AS r WHERE r.ended_at IS NOT NULL);
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT r.session_id, r.initiator_id FROM old_rows AS r WHERE r.ended_at IS NOT NULL))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_deleted AFTER DELETE ON aibridge_interceptions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_interceptions_deleted()
-- statement --
CREATE FUNCTION aibridge_rollups_prompts_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF TRUE THEN
UPDATE aibridge_session_rollups SET
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, x.at),
  last_active_at = GREATEST(aibridge_session_rollups.prompted_at, x.at)
FROM (
  SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END AS slice, MAX(np.created_at) AS at
  FROM new_prompts AS np
  JOIN aibridge_interceptions AS i ON i.id = np.interception_id
  CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
  WHERE i.ended_at IS NOT NULL
  GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END) AS x
WHERE aibridge_session_rollups.session_id = x.session_id AND aibridge_session_rollups.initiator_id = x.initiator_id AND aibridge_session_rollups.slice = x.slice;
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_inserted AFTER INSERT ON aibridge_user_prompts REFERENCING NEW TABLE AS new_prompts FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_prompts_inserted()
-- statement --
CREATE FUNCTION aibridge_rollups_prompts_updated() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF TRUE THEN
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM old_prompts));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM old_prompts)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM new_prompts));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM new_prompts)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_updated AFTER UPDATE ON aibridge_user_prompts REFERENCING OLD TABLE AS old_prompts NEW TABLE AS new_prompts FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_prompts_updated()
-- statement --
CREATE FUNCTION aibridge_rollups_prompts_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF TRUE THEN
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM old_prompts));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM old_prompts)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = LEAST(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = GREATEST(aibridge_session_rollups.ended_at, excluded.ended_at),
  prompted_at = GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at),
  last_active_at = COALESCE(GREATEST(aibridge_session_rollups.prompted_at, excluded.prompted_at), LEAST(aibridge_session_rollups.started_at, excluded.started_at));
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_deleted AFTER DELETE ON aibridge_user_prompts REFERENCING OLD TABLE AS old_prompts FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_prompts_deleted()
-- statement --
CREATE FUNCTION aibridge_rollups_sessions_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF TRUE THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT r.initiator_id, r.slice, 0, +COUNT(*)
FROM new_rollups AS r
GROUP BY r.initiator_id, r.slice
ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = aibridge_rollup_counts.sessions + excluded.sessions;
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_sessions_inserted AFTER INSERT ON aibridge_session_rollups REFERENCING NEW TABLE AS new_rollups FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_sessions_inserted()
-- statement --
CREATE FUNCTION aibridge_rollups_sessions_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
IF TRUE THEN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT r.initiator_id, r.slice, 0, -COUNT(*)
FROM old_rollups AS r
GROUP BY r.initiator_id, r.slice
ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = aibridge_rollup_counts.sessions + excluded.sessions;
END IF;
RETURN NULL;
END
$body$
-- statement --
CREATE TRIGGER aibridge_rollups_sessions_deleted AFTER DELETE ON aibridge_session_rollups REFERENCING OLD TABLE AS old_rollups FOR EACH STATEMENT EXECUTE FUNCTION aibridge_rollups_sessions_deleted()
