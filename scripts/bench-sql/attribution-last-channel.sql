-- The reference for `clc attribution FILE --stage purchase --model last --by channel`
-- (lookback 90 days): the same rows, in the same order, from sqlite3 alone. The stage and the
-- lookback are the parameters in `params`.
--   sqlite3 FILE < scripts/bench-sql/attribution-last-channel.sql
-- Times are compared as julianday (canonical UTC text, as every writer writes).
WITH params AS (SELECT 'purchase' AS stage, 90 AS lookback_days),
undone AS (               -- an undo and the transition it reverts (same customer) count nowhere
  SELECT u.id FROM transitions u JOIN transitions r ON r.id = u.reverts AND r.customer_id = u.customer_id AND r.id <> u.id
  UNION
  SELECT r.id FROM transitions u JOIN transitions r ON r.id = u.reverts AND r.customer_id = u.customer_id AND r.id <> u.id
),
entered AS (              -- first entry: the earliest transition into the stage
  SELECT customer_id, min(at) AS at FROM transitions
  WHERE to_stage = (SELECT stage FROM params) AND id NOT IN undone GROUP BY customer_id
),
conversions AS (          -- else stage_entered_at of a customer now in the stage
  SELECT c.id AS customer_id, COALESCE(e.at, CASE WHEN c.stage = (SELECT stage FROM params) THEN c.stage_entered_at END) AS at
  FROM customers c LEFT JOIN entered e ON e.customer_id = c.id
  WHERE e.at IS NOT NULL OR (c.stage = (SELECT stage FROM params) AND c.stage_entered_at IS NOT NULL)
),
windows AS (              -- entry − lookback ≤ at ≤ entry, numbered from the last by (at, id)
  SELECT v.customer_id, t.channel AS key,
         row_number() OVER (PARTITION BY v.customer_id ORDER BY t.at DESC, t.id DESC) AS from_last
  FROM conversions v JOIN touchpoints t ON t.customer_id = v.customer_id
  WHERE julianday(t.at) BETWEEN julianday(v.at) - (SELECT lookback_days FROM params) AND julianday(v.at)
),
revenue AS (              -- purchases at or after the entry
  SELECT v.customer_id, total(t.value) AS amount
  FROM conversions v JOIN touchpoints t ON t.customer_id = v.customer_id
  WHERE t.type = 'purchase' AND julianday(t.at) >= julianday(v.at) GROUP BY v.customer_id
),
credited AS (             -- last touch; (none) for an empty window
  SELECT v.customer_id, COALESCE(w.key, '(none)') AS key
  FROM conversions v LEFT JOIN windows w ON w.customer_id = v.customer_id AND w.from_last = 1
),
credit AS (
  SELECT c.key, count(*) AS credit, total(r.amount) AS revenue
  FROM credited c LEFT JOIN revenue r ON r.customer_id = c.customer_id GROUP BY c.key
),
counts AS (
  SELECT key, count(*) AS touchpoints, count(DISTINCT customer_id) AS customers FROM windows GROUP BY key
)
SELECT k.key, COALESCE(cr.credit, 0) AS credit,
       round(COALESCE(cr.credit, 0) * 1.0 / (SELECT count(*) FROM conversions), 6) AS share,
       COALESCE(n.touchpoints, 0) AS touchpoints, COALESCE(n.customers, 0) AS customers,
       round(COALESCE(cr.revenue, 0), 6) AS revenue
FROM (SELECT key FROM credit UNION SELECT key FROM counts) k
LEFT JOIN credit cr ON cr.key = k.key LEFT JOIN counts n ON n.key = k.key
ORDER BY credit DESC, k.key;
