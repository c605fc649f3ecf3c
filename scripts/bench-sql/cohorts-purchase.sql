-- The reference for `clc cohorts FILE --metric purchase` (for `active` drop `WHERE type =
-- 'purchase'` in `hits`), as long rows (cohort, customers, k, share) without the zero cells.
-- Needs `as_of` in meta (the generated bench files have it).
--   sqlite3 FILE < scripts/bench-sql/cohorts-purchase.sql
WITH last AS (SELECT substr(value, 1, 7) AS month FROM meta WHERE key = 'as_of'),
first_transition AS (SELECT customer_id, min(at) AS at FROM transitions GROUP BY customer_id),
first_touch AS (SELECT customer_id, min(at) AS at FROM touchpoints GROUP BY customer_id),
cohort AS (               -- created_at, else first transition, else first touchpoint (UTC month)
  SELECT c.id, substr(COALESCE(c.created_at, ft.at, fp.at), 1, 7) AS month
  FROM customers c LEFT JOIN first_transition ft ON ft.customer_id = c.id LEFT JOIN first_touch fp ON fp.customer_id = c.id
  WHERE COALESCE(c.created_at, ft.at, fp.at) IS NOT NULL
),
sizes AS (SELECT month, count(*) AS customers FROM cohort GROUP BY month),
hits AS (SELECT DISTINCT customer_id, substr(at, 1, 7) AS month FROM touchpoints WHERE type = 'purchase'),
cells AS (
  SELECT co.month AS cohort,
         (CAST(substr(h.month, 1, 4) AS INTEGER) * 12 + CAST(substr(h.month, 6, 2) AS INTEGER))
       - (CAST(substr(co.month, 1, 4) AS INTEGER) * 12 + CAST(substr(co.month, 6, 2) AS INTEGER)) AS k,
         count(*) AS n
  FROM cohort co JOIN hits h ON h.customer_id = co.id
  WHERE h.month >= co.month AND h.month <= (SELECT month FROM last)
  GROUP BY 1, 2
)
SELECT s.month AS cohort, s.customers, c.k, round(c.n * 1.0 / s.customers, 6) AS share
FROM sizes s LEFT JOIN cells c ON c.cohort = s.month
ORDER BY s.month, c.k;
