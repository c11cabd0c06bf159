namespace Safeguard.Data;

/// <summary>
/// What the database itself enforces, whatever the application does: the audit trail is append-only (both
/// providers), and on PostgreSQL every area-owned table has a row-level security policy keeping rows inside the
/// area set on the connection (<see cref="AreaConnectionInterceptor"/>). FORCE applies the policies to the
/// tables' owner too; only a superuser or a role with BYPASSRLS escapes them, so the service must not run as one.
/// A migration holds the SQL as text, copied from here when it is written, and never calls this code: editing it later
/// cannot change what a landed migration does. A test checks that every table with an AreaId column has its policy
/// (and prints the SQL to freeze into the migration when one does not), and another that migrations call no live code.
/// </summary>
public static class DatabaseGuards
{
    public static string PostgreSqlAreaPolicies(IEnumerable<string> tables) => string.Join('\n', tables.Select(table => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY area_isolation ON "{table}"
            USING ("AreaId" = NULLIF(current_setting('{AreaConnectionInterceptor.Setting}', true), '')::uuid)
            WITH CHECK ("AreaId" = NULLIF(current_setting('{AreaConnectionInterceptor.Setting}', true), '')::uuid);
        """));

    public static string PostgreSqlDropAreaPolicies(IEnumerable<string> tables) => string.Join('\n', tables.Select(table => $"""
        DROP POLICY IF EXISTS area_isolation ON "{table}";
        ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
        """));

    /// <summary>
    /// The second shape: a partnership-owned table (its <c>PartnershipId</c>) is kept to the partnership set on the connection beside
    /// the area (<see cref="AreaConnectionInterceptor.PartnershipSetting"/>), so a member of the partnership reads its rows from any of
    /// its areas and no one else reads them, whatever the SQL. Forced, as the area policies are.
    /// </summary>
    public static string PostgreSqlPartnershipPolicies(IEnumerable<string> tables) => string.Join('\n', tables.Select(table => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY partnership_isolation ON "{table}"
            USING ("PartnershipId" = NULLIF(current_setting('{AreaConnectionInterceptor.PartnershipSetting}', true), '')::uuid)
            WITH CHECK ("PartnershipId" = NULLIF(current_setting('{AreaConnectionInterceptor.PartnershipSetting}', true), '')::uuid);
        """));

    public static string PostgreSqlDropPartnershipPolicies(IEnumerable<string> tables) => string.Join('\n', tables.Select(table => $"""
        DROP POLICY IF EXISTS partnership_isolation ON "{table}";
        ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
        """));

    /// <summary>
    /// The third shape, for exchanges between areas (docs/decisions/0011): the area that sent a row (<c>AreaId</c>) and the area it was
    /// sent to (<c>ToAreaId</c>) read it, and no one else; only the sender adds it, acting in its own area; only the receiver changes it,
    /// acting in its own area, and a trigger keeps what was sent as it was sent (the receiver writes its acknowledgement, the child it
    /// recorded and its episode, nothing else). No policy allows DELETE: an exchange is never taken back. Forced, as the area policies are.
    /// </summary>
    public static string PostgreSqlExchangePolicies(string table) => $$"""
        ALTER TABLE "{{table}}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{{table}}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY exchange_isolation ON "{{table}}" FOR SELECT
            USING ("AreaId" = NULLIF(current_setting('{{AreaConnectionInterceptor.Setting}}', true), '')::uuid
                OR "ToAreaId" = NULLIF(current_setting('{{AreaConnectionInterceptor.Setting}}', true), '')::uuid);
        CREATE POLICY exchange_send ON "{{table}}" FOR INSERT
            WITH CHECK ("AreaId" = NULLIF(current_setting('{{AreaConnectionInterceptor.Setting}}', true), '')::uuid
                AND "ActedInAreaId" = "AreaId");
        CREATE POLICY exchange_receive ON "{{table}}" FOR UPDATE
            USING ("ToAreaId" = NULLIF(current_setting('{{AreaConnectionInterceptor.Setting}}', true), '')::uuid)
            WITH CHECK ("ToAreaId" = NULLIF(current_setting('{{AreaConnectionInterceptor.Setting}}', true), '')::uuid
                AND "ActedInAreaId" = "ToAreaId");
        CREATE FUNCTION safeguard_exchange_as_sent() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
            receivers text[] := ARRAY['AcknowledgedById', 'AcknowledgedByName', 'AcknowledgedAt', 'RecordedChildId', 'RecordedByName',
                'RecordedAt', 'ReceivingEpisodeId', 'ActedInAreaId'];
        BEGIN
            IF (to_jsonb(NEW) - receivers) IS DISTINCT FROM (to_jsonb(OLD) - receivers)
                OR (OLD."AcknowledgedAt" IS NOT NULL AND NEW."AcknowledgedAt" IS DISTINCT FROM OLD."AcknowledgedAt")
                OR (OLD."RecordedChildId" IS NOT NULL AND NEW."RecordedChildId" IS DISTINCT FROM OLD."RecordedChildId")
                OR (OLD."ReceivingEpisodeId" IS NOT NULL AND NEW."ReceivingEpisodeId" IS DISTINCT FROM OLD."ReceivingEpisodeId") THEN
                RAISE EXCEPTION 'An exchange between areas stays as it was sent; the receiver only acknowledges it and records its own child, once';
            END IF;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER exchange_as_sent BEFORE UPDATE ON "{{table}}"
            FOR EACH ROW EXECUTE FUNCTION safeguard_exchange_as_sent();
        """;

    public static string PostgreSqlDropExchangePolicies(string table) => $$"""
        DROP TRIGGER IF EXISTS exchange_as_sent ON "{{table}}";
        DROP FUNCTION IF EXISTS safeguard_exchange_as_sent();
        DROP POLICY IF EXISTS exchange_receive ON "{{table}}";
        DROP POLICY IF EXISTS exchange_send ON "{{table}}";
        DROP POLICY IF EXISTS exchange_isolation ON "{{table}}";
        ALTER TABLE "{{table}}" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "{{table}}" DISABLE ROW LEVEL SECURITY;
        """;

    public const string PostgreSqlAuditAppendOnly = """
        CREATE FUNCTION safeguard_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP;
        END
        $$;
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION safeguard_audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION safeguard_audit_append_only();
        """;

    public const string PostgreSqlDropAuditAppendOnly = """
        DROP TRIGGER IF EXISTS audit_no_truncate ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_append_only ON "AuditEntries";
        DROP FUNCTION IF EXISTS safeguard_audit_append_only();
        """;

    public const string SqliteAuditAppendOnly = """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE is not allowed'); END;
        """;

    public const string SqliteDropAuditAppendOnly = """
        DROP TRIGGER IF EXISTS audit_no_update;
        DROP TRIGGER IF EXISTS audit_no_delete;
        """;

    /// <summary>
    /// A record's history is append-only, as the audit trail is (docs/decisions/0009): the service's role may only read and add rows,
    /// and a trigger refuses UPDATE, DELETE and TRUNCATE to anyone, the owner included.
    /// </summary>
    public const string PostgreSqlRecordEventsAppendOnly = """
        REVOKE UPDATE, DELETE, TRUNCATE ON "RecordEvents" FROM safeguard_service;
        CREATE FUNCTION safeguard_record_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'A record''s history is append-only: % is not allowed', TG_OP;
        END
        $$;
        CREATE TRIGGER record_events_append_only BEFORE UPDATE OR DELETE ON "RecordEvents"
            FOR EACH ROW EXECUTE FUNCTION safeguard_record_events_append_only();
        CREATE TRIGGER record_events_no_truncate BEFORE TRUNCATE ON "RecordEvents"
            FOR EACH STATEMENT EXECUTE FUNCTION safeguard_record_events_append_only();
        """;

    public const string PostgreSqlDropRecordEventsAppendOnly = """
        DROP TRIGGER IF EXISTS record_events_no_truncate ON "RecordEvents";
        DROP TRIGGER IF EXISTS record_events_append_only ON "RecordEvents";
        DROP FUNCTION IF EXISTS safeguard_record_events_append_only();
        """;

    public const string SqliteRecordEventsAppendOnly = """
        CREATE TRIGGER record_events_no_update BEFORE UPDATE ON "RecordEvents"
        BEGIN SELECT RAISE(ABORT, 'A record''s history is append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER record_events_no_delete BEFORE DELETE ON "RecordEvents"
        BEGIN SELECT RAISE(ABORT, 'A record''s history is append-only: DELETE is not allowed'); END;
        """;

    public const string SqliteDropRecordEventsAppendOnly = """
        DROP TRIGGER IF EXISTS record_events_no_update;
        DROP TRIGGER IF EXISTS record_events_no_delete;
        """;
}
