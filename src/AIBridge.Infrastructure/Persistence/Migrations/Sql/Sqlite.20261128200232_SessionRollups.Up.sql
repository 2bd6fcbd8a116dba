CREATE TRIGGER aibridge_rollups_interceptions_inserted AFTER INSERT ON aibridge_interceptions FOR EACH ROW WHEN NEW.ended_at IS NOT NULL
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions) VALUES (NEW.initiator_id, 'all', 1, 0), (NEW.initiator_id, 'provider:' || NEW.provider, 1, 0), (NEW.initiator_id, 'model:' || NEW.model, 1, 0), (NEW.initiator_id, 'client:' || COALESCE(NEW.client, 'Unknown'), 1, 0)
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + 1;
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
VALUES (NEW.session_id, NEW.initiator_id, 'all', 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'provider:' || NEW.provider, 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'model:' || NEW.model, 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'client:' || COALESCE(NEW.client, 'Unknown'), 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at))
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_completed AFTER UPDATE ON aibridge_interceptions FOR EACH ROW WHEN OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions) VALUES (NEW.initiator_id, 'all', 1, 0), (NEW.initiator_id, 'provider:' || NEW.provider, 1, 0), (NEW.initiator_id, 'model:' || NEW.model, 1, 0), (NEW.initiator_id, 'client:' || COALESCE(NEW.client, 'Unknown'), 1, 0)
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + 1;
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
VALUES (NEW.session_id, NEW.initiator_id, 'all', 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'provider:' || NEW.provider, 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'model:' || NEW.model, 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at)), (NEW.session_id, NEW.initiator_id, 'client:' || COALESCE(NEW.client, 'Unknown'), 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), COALESCE((SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id), NEW.started_at))
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_changed AFTER UPDATE ON aibridge_interceptions FOR EACH ROW WHEN OLD.ended_at IS NOT NULL
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, -COUNT(*), 0
FROM (SELECT o.* FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND ((o.initiator_id, o.provider, o.model, o.client) IS DISTINCT FROM (n.initiator_id, n.provider, n.model, n.client) OR n.ended_at IS NULL)) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, +COUNT(*), 0
FROM (SELECT n.* FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.initiator_id, o.provider, o.model, o.client) IS DISTINCT FROM (n.initiator_id, n.provider, n.model, n.client)) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT o.session_id, o.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT o.session_id, o.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT n.session_id, n.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT n.session_id, n.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS o JOIN (SELECT NEW.id AS id, NEW.session_id AS session_id, NEW.initiator_id AS initiator_id, NEW.provider AS provider, NEW.model AS model, NEW.client AS client, NEW.thread_root_id AS thread_root_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at) AS n ON n.id = o.id WHERE o.ended_at IS NOT NULL AND (o.session_id, o.initiator_id, o.provider, o.model, o.client, o.thread_root_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.session_id, n.initiator_id, n.provider, n.model, n.client, n.thread_root_id, n.started_at, n.ended_at)))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_interceptions_deleted AFTER DELETE ON aibridge_interceptions FOR EACH ROW WHEN OLD.ended_at IS NOT NULL
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, -COUNT(*), 0
FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions;
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT r.session_id, r.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS r WHERE r.ended_at IS NOT NULL);
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT r.session_id, r.initiator_id FROM (SELECT OLD.id AS id, OLD.session_id AS session_id, OLD.initiator_id AS initiator_id, OLD.provider AS provider, OLD.model AS model, OLD.client AS client, OLD.thread_root_id AS thread_root_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at) AS r WHERE r.ended_at IS NOT NULL))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_inserted AFTER INSERT ON aibridge_user_prompts FOR EACH ROW WHEN 1 = 1
BEGIN
UPDATE aibridge_session_rollups SET
  prompted_at = max(coalesce(prompted_at, NEW.created_at), coalesce(NEW.created_at, prompted_at)),
  last_active_at = max(coalesce(prompted_at, NEW.created_at), coalesce(NEW.created_at, prompted_at))
WHERE (session_id, initiator_id) = (SELECT i.session_id, i.initiator_id FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id AND i.ended_at IS NOT NULL)
  AND slice IN (SELECT 'all' FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id UNION ALL SELECT 'provider:' || i.provider FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id UNION ALL SELECT 'model:' || i.model FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id UNION ALL SELECT 'client:' || COALESCE(i.client, 'Unknown') FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id);
END
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_updated AFTER UPDATE ON aibridge_user_prompts FOR EACH ROW WHEN 1 = 1
BEGIN
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT OLD.interception_id AS interception_id, OLD.created_at AS created_at)));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT OLD.interception_id AS interception_id, OLD.created_at AS created_at))))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT NEW.interception_id AS interception_id, NEW.created_at AS created_at)));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT NEW.interception_id AS interception_id, NEW.created_at AS created_at))))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_prompts_deleted AFTER DELETE ON aibridge_user_prompts FOR EACH ROW WHEN 1 = 1
BEGIN
DELETE FROM aibridge_session_rollups WHERE (session_id, initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT OLD.interception_id AS interception_id, OLD.created_at AS created_at)));
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND ((i.session_id, i.initiator_id) IN (SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM (SELECT OLD.interception_id AS interception_id, OLD.created_at AS created_at))))) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at));
END
-- statement --
CREATE TRIGGER aibridge_rollups_sessions_inserted AFTER INSERT ON aibridge_session_rollups FOR EACH ROW WHEN 1 = 1
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions) VALUES (NEW.initiator_id, NEW.slice, 0, 1)
ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = aibridge_rollup_counts.sessions + excluded.sessions;
END
-- statement --
CREATE TRIGGER aibridge_rollups_sessions_deleted AFTER DELETE ON aibridge_session_rollups FOR EACH ROW WHEN 1 = 1
BEGIN
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions) VALUES (OLD.initiator_id, OLD.slice, 0, -1)
ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = aibridge_rollup_counts.sessions + excluded.sessions;
END
-- statement --
DELETE FROM aibridge_rollup_counts
-- statement --
DELETE FROM aibridge_session_rollups
-- statement --
INSERT INTO aibridge_session_rollups (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
SELECT i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END,
  COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
  MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
FROM (
  SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
  FROM aibridge_interceptions AS i
  WHERE i.ended_at IS NOT NULL AND (1 = 1)) AS i
CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
GROUP BY i.session_id, i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
  interceptions = aibridge_session_rollups.interceptions + excluded.interceptions,
  threads = aibridge_session_rollups.threads + excluded.threads,
  started_at = min(aibridge_session_rollups.started_at, excluded.started_at),
  ended_at = max(coalesce(aibridge_session_rollups.ended_at, excluded.ended_at), coalesce(excluded.ended_at, aibridge_session_rollups.ended_at)),
  prompted_at = max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)),
  last_active_at = COALESCE(max(coalesce(aibridge_session_rollups.prompted_at, excluded.prompted_at), coalesce(excluded.prompted_at, aibridge_session_rollups.prompted_at)), min(aibridge_session_rollups.started_at, excluded.started_at))
-- statement --
INSERT INTO aibridge_rollup_counts (initiator_id, slice, interceptions, sessions)
SELECT i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END, +COUNT(*), 0
FROM aibridge_interceptions AS i CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d
WHERE i.ended_at IS NOT NULL
GROUP BY i.initiator_id, CASE d.n WHEN 1 THEN 'all' WHEN 2 THEN 'provider:' || i.provider WHEN 3 THEN 'model:' || i.model ELSE 'client:' || COALESCE(i.client, 'Unknown') END
ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = aibridge_rollup_counts.interceptions + excluded.interceptions
