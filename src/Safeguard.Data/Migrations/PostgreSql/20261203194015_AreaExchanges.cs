using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AreaExchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AreaExchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActedInAreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromAreaName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ToAreaName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Shared = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceEpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcePlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentById = table.Column<Guid>(type: "uuid", nullable: false),
                    SentByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SentByAgency = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChildGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildFamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Package = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    AcknowledgedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivingEpisodeId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaExchanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_AreaId_SentAt",
                table: "AreaExchanges",
                columns: new[] { "AreaId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_Reference",
                table: "AreaExchanges",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_ToAreaId_SentAt",
                table: "AreaExchanges",
                columns: new[] { "ToAreaId", "SentAt" });

            migrationBuilder.Sql("""
                ALTER TABLE "AreaExchanges" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "AreaExchanges" FORCE ROW LEVEL SECURITY;
                CREATE POLICY exchange_isolation ON "AreaExchanges" FOR SELECT
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid
                        OR "ToAreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                CREATE POLICY exchange_send ON "AreaExchanges" FOR INSERT
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid
                        AND "ActedInAreaId" = "AreaId");
                CREATE POLICY exchange_receive ON "AreaExchanges" FOR UPDATE
                    USING ("ToAreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("ToAreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid
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
                CREATE TRIGGER exchange_as_sent BEFORE UPDATE ON "AreaExchanges"
                    FOR EACH ROW EXECUTE FUNCTION safeguard_exchange_as_sent();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS exchange_as_sent ON "AreaExchanges";
                DROP FUNCTION IF EXISTS safeguard_exchange_as_sent();
                DROP POLICY IF EXISTS exchange_receive ON "AreaExchanges";
                DROP POLICY IF EXISTS exchange_send ON "AreaExchanges";
                DROP POLICY IF EXISTS exchange_isolation ON "AreaExchanges";
                ALTER TABLE "AreaExchanges" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "AreaExchanges" DISABLE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropTable(
                name: "AreaExchanges");
        }
    }
}
