DELETE FROM aibridge_usage_hours
-- statement --
INSERT INTO aibridge_usage_hours (hour, initiator_id, provider, provider_name, model, client, interceptions, prompts, tool_calls,
  injected_tool_calls, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros,
  unpriced_usage_count, reserved_micros, ttfb_le_50, ttfb_le_75, ttfb_le_100, ttfb_le_150, ttfb_le_200, ttfb_le_300, ttfb_le_500, ttfb_le_750, ttfb_le_1000, ttfb_le_1500, ttfb_le_2000, ttfb_le_3000, ttfb_le_5000, ttfb_le_7500, ttfb_le_10000, ttfb_le_15000, ttfb_le_20000, ttfb_le_30000, ttfb_le_45000, ttfb_le_60000, ttfb_le_120000, ttfb_le_180000, ttfb_le_300000, ttfb_over_300000)
SELECT (CAST(strftime('%s', i.started_at) AS INTEGER) / 3600), i.initiator_id, i.provider, i.provider_name, i.model, COALESCE(i.client, 'Unknown'),
  COUNT(*), COALESCE(SUM(p.prompts), 0), COALESCE(SUM(c.client_calls), 0), COALESCE(SUM(c.injected_calls), 0),
  COALESCE(SUM(t.input_tokens), 0), COALESCE(SUM(t.output_tokens), 0), COALESCE(SUM(t.cache_read), 0), COALESCE(SUM(t.cache_write), 0),
  SUM(t.cost_micros), COALESCE(SUM(t.unpriced), 0), 0,
  SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms <= 50 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 50 AND i.ttfb_ms <= 75 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 75 AND i.ttfb_ms <= 100 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 100 AND i.ttfb_ms <= 150 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 150 AND i.ttfb_ms <= 200 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 200 AND i.ttfb_ms <= 300 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 300 AND i.ttfb_ms <= 500 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 500 AND i.ttfb_ms <= 750 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 750 AND i.ttfb_ms <= 1000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 1000 AND i.ttfb_ms <= 1500 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 1500 AND i.ttfb_ms <= 2000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 2000 AND i.ttfb_ms <= 3000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 3000 AND i.ttfb_ms <= 5000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 5000 AND i.ttfb_ms <= 7500 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 7500 AND i.ttfb_ms <= 10000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 10000 AND i.ttfb_ms <= 15000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 15000 AND i.ttfb_ms <= 20000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 20000 AND i.ttfb_ms <= 30000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 30000 AND i.ttfb_ms <= 45000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 45000 AND i.ttfb_ms <= 60000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 60000 AND i.ttfb_ms <= 120000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 120000 AND i.ttfb_ms <= 180000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 180000 AND i.ttfb_ms <= 300000 THEN 1 ELSE 0 END), SUM(CASE WHEN i.ttfb_ms IS NOT NULL AND i.ttfb_ms > 300000 THEN 1 ELSE 0 END)
FROM aibridge_interceptions AS i
LEFT JOIN (SELECT interception_id, COUNT(*) AS prompts FROM aibridge_user_prompts GROUP BY interception_id) AS p
  ON p.interception_id = i.id
LEFT JOIN (SELECT interception_id, SUM(CASE WHEN injected = 1 THEN 0 ELSE 1 END) AS client_calls,
    SUM(CASE WHEN injected = 1 THEN 1 ELSE 0 END) AS injected_calls
  FROM aibridge_tool_usages GROUP BY interception_id) AS c
  ON c.interception_id = i.id
LEFT JOIN (SELECT interception_id, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
    SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_input_tokens) AS cache_write, SUM(cost_micros) AS cost_micros,
    SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE 0 END) AS unpriced
  FROM aibridge_token_usages GROUP BY interception_id) AS t
  ON t.interception_id = i.id
GROUP BY (CAST(strftime('%s', i.started_at) AS INTEGER) / 3600), i.initiator_id, i.provider, i.provider_name, i.model, COALESCE(i.client, 'Unknown')
