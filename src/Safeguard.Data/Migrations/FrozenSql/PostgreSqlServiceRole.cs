namespace Safeguard.Data.Migrations.FrozenSql;

/// <summary>
/// Frozen SQL that a PostgreSQL migration runs: the service's own role and its privileges, row-level security on the
/// accounts (Identity) tables, and the two functions sign-in uses before it knows the area. This is text a landed
/// migration depends on: never edit it. A change is a new class of its own, called by a new migration.
/// <para>
/// Migrations run as the owner role (<c>ConnectionStrings:Migrations</c>), which owns every table, policy, trigger
/// and function. The service connects as a login role that is a member of the group role <c>safeguard_service</c>,
/// which holds only data privileges: it reads and writes rows, only adds to the audit trail, reads which migrations
/// ran, and can alter no table, policy, trigger or function (only an owner can).
/// </para>
/// </summary>
public static class PostgreSqlServiceRole
{
    public const string Up = """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'safeguard_service') THEN
                BEGIN
                    CREATE ROLE safeguard_service NOLOGIN;
                EXCEPTION
                    WHEN duplicate_object THEN NULL;
                    WHEN insufficient_privilege THEN
                        RAISE EXCEPTION 'The role safeguard_service does not exist and % may not create it', current_user
                            USING HINT = 'As a superuser: CREATE ROLE safeguard_service NOLOGIN; GRANT safeguard_service TO the service''s login role. Then migrate again.';
                END;
            END IF;
        END
        $$;

        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        GRANT USAGE ON SCHEMA public TO safeguard_service;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO safeguard_service;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO safeguard_service;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO safeguard_service;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO safeguard_service;
        REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntries" FROM safeguard_service;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM safeguard_service;

        ALTER TABLE "AspNetUsers" ENABLE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "AspNetUsers"
            USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
            WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
        ALTER TABLE "AspNetUserTokens" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserTokens" FORCE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "AspNetUserTokens"
            USING (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserTokens"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid))
            WITH CHECK (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserTokens"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid));
        ALTER TABLE "AspNetUserClaims" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserClaims" FORCE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "AspNetUserClaims"
            USING (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserClaims"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid))
            WITH CHECK (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserClaims"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid));
        ALTER TABLE "AspNetUserLogins" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserLogins" FORCE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "AspNetUserLogins"
            USING (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserLogins"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid))
            WITH CHECK (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserLogins"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid));
        ALTER TABLE "AspNetUserRoles" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserRoles" FORCE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "AspNetUserRoles"
            USING (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserRoles"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid))
            WITH CHECK (EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "AspNetUserRoles"."UserId"
                AND u."AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid));

        CREATE FUNCTION safeguard_area_of_account_named(normalized_name text) RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
            AS $$
                SELECT "AreaId" FROM public."AspNetUsers"
                WHERE "NormalizedUserName" = normalized_name OR "NormalizedEmail" = normalized_name
                ORDER BY "NormalizedUserName" = normalized_name DESC
                LIMIT 1
            $$;
        CREATE FUNCTION safeguard_area_of_account(account_id uuid) RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
            AS $$
                SELECT "AreaId" FROM public."AspNetUsers" WHERE "Id" = account_id
            $$;
        REVOKE ALL ON FUNCTION safeguard_area_of_account_named(text) FROM PUBLIC;
        REVOKE ALL ON FUNCTION safeguard_area_of_account(uuid) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION safeguard_area_of_account_named(text) TO safeguard_service;
        GRANT EXECUTE ON FUNCTION safeguard_area_of_account(uuid) TO safeguard_service;
        """;

    public const string Down = """
        DROP FUNCTION IF EXISTS safeguard_area_of_account(uuid);
        DROP FUNCTION IF EXISTS safeguard_area_of_account_named(text);
        DROP POLICY IF EXISTS area_isolation ON "AspNetUserRoles";
        ALTER TABLE "AspNetUserRoles" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserRoles" DISABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS area_isolation ON "AspNetUserLogins";
        ALTER TABLE "AspNetUserLogins" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserLogins" DISABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS area_isolation ON "AspNetUserClaims";
        ALTER TABLE "AspNetUserClaims" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserClaims" DISABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS area_isolation ON "AspNetUserTokens";
        ALTER TABLE "AspNetUserTokens" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "AspNetUserTokens" DISABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS area_isolation ON "AspNetUsers";
        ALTER TABLE "AspNetUsers" DISABLE ROW LEVEL SECURITY;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM safeguard_service;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM safeguard_service;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM safeguard_service;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM safeguard_service;
        REVOKE USAGE ON SCHEMA public FROM safeguard_service;
        """;
}
