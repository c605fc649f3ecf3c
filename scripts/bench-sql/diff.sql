-- The reference for `clc diff OLD.sqlite NEW.sqlite`: per stage old and new counts, the
-- added / removed / moved counts and the moves per (from, to).
--   sqlite3 NEW.sqlite "ATTACH 'OLD.sqlite' AS old" < scripts/bench-sql/diff.sql
--   (or: sqlite3 NEW.sqlite -cmd "ATTACH 'OLD.sqlite' AS old" < scripts/bench-sql/diff.sql)
SELECT s.id, (SELECT count(*) FROM old.customers WHERE stage = s.id) AS old,
       (SELECT count(*) FROM main.customers WHERE stage = s.id) AS new
FROM (SELECT id FROM main.stages UNION SELECT id FROM old.stages) s;
SELECT (SELECT count(*) FROM main.customers n WHERE NOT EXISTS (SELECT 1 FROM old.customers o WHERE o.id = n.id)) AS added,
       (SELECT count(*) FROM old.customers o WHERE NOT EXISTS (SELECT 1 FROM main.customers n WHERE n.id = o.id)) AS removed,
       (SELECT count(*) FROM old.customers o JOIN main.customers n ON n.id = o.id WHERE o.stage <> n.stage) AS moved;
SELECT o.stage AS "from", n.stage AS "to", count(*) AS count
FROM old.customers o JOIN main.customers n ON n.id = o.id WHERE o.stage <> n.stage GROUP BY 1, 2;
