using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RecordEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordKind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordEvents_AreaId_ChildId_OccurredOn",
                table: "RecordEvents",
                columns: new[] { "AreaId", "ChildId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordEvents_AreaId_RecordKind_RecordId_Sequence",
                table: "RecordEvents",
                columns: new[] { "AreaId", "RecordKind", "RecordId", "Sequence" },
                unique: true);

            // A record's history is append-only, as the audit trail is, and kept inside its area.
            migrationBuilder.Sql("""
                ALTER TABLE "RecordEvents" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "RecordEvents" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "RecordEvents"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS record_events_no_truncate ON "RecordEvents";
                DROP TRIGGER IF EXISTS record_events_append_only ON "RecordEvents";
                DROP FUNCTION IF EXISTS safeguard_record_events_append_only();
                DROP POLICY IF EXISTS area_isolation ON "RecordEvents";
                ALTER TABLE "RecordEvents" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "RecordEvents" DISABLE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropTable(
                name: "RecordEvents");
        }
    }
}
