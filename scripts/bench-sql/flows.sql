-- The reference for `clc flows FILE` (all transitions; for a period add
-- `WHERE at >= :since AND at < :until` in `cells`): the same rows, in the same order.
--   sqlite3 FILE < scripts/bench-sql/flows.sql
WITH undone AS (
  SELECT u.id FROM transitions u JOIN transitions r ON r.id = u.reverts AND r.customer_id = u.customer_id AND r.id <> u.id
  UNION
  SELECT r.id FROM transitions u JOIN transitions r ON r.id = u.reverts AND r.customer_id = u.customer_id AND r.id <> u.id
),
funnel AS (SELECT id, row_number() OVER (ORDER BY position) AS k FROM stages),
cells AS (                -- days since the customer's previous transition (time order, ties by id)
  SELECT from_stage, to_stage, at,
         julianday(at) - julianday(lag(at) OVER (PARTITION BY customer_id ORDER BY at, id)) AS days
  FROM transitions WHERE id NOT IN undone
),
ranked AS (
  SELECT from_stage, to_stage, days,
         row_number() OVER (PARTITION BY from_stage, to_stage ORDER BY days) AS r,
         count(*) OVER (PARTITION BY from_stage, to_stage) AS n
  FROM cells WHERE from_stage IS NOT NULL AND days IS NOT NULL
),
medians AS (
  SELECT from_stage, to_stage, avg(days) AS median FROM ranked WHERE r IN ((n + 1) / 2, (n + 2) / 2) GROUP BY 1, 2
),
counted AS (SELECT from_stage, to_stage, count(*) AS count FROM cells GROUP BY 1, 2)
SELECT c.from_stage AS "from", c.to_stage AS "to", c.count,
       CASE WHEN c.from_stage IS NULL THEN 'entry' WHEN t.k = f.k THEN 'same' WHEN t.k = f.k + 1 THEN 'forward'
            WHEN t.k > f.k THEN 'skip' ELSE 'backward' END AS kind,
       round(m.median, 6) AS median_days
FROM counted c JOIN funnel t ON t.id = c.to_stage LEFT JOIN funnel f ON f.id = c.from_stage
LEFT JOIN medians m ON m.from_stage IS c.from_stage AND m.to_stage = c.to_stage
ORDER BY f.k NULLS FIRST, t.k;
