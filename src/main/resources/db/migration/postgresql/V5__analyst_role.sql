-- The analysts' read-only role. A group role: give it to people with
--   CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE campaign_analyst;
-- Roles are cluster-wide, so another database of the cluster may have created it already.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_analyst') THEN
        CREATE ROLE campaign_analyst NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO campaign_analyst', current_schema());
END
$$;

-- Snapshot tables, operations tables without personal data, and the masking views. Not hazard,
-- rejected_row, staged_row or validated_row, which hold phone numbers and names in clear.
GRANT SELECT ON snapshot, township_stats, village_stats, township_ranking, lagging_village,
    upload_file, hazard_history, category, region_township, region_village,
    analyst_hazard, analyst_rejected_row TO campaign_analyst;
