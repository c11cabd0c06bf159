using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
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

            // A record's history is append-only, as the audit trail is.
            migrationBuilder.Sql("""
                CREATE TRIGGER record_events_no_update BEFORE UPDATE ON "RecordEvents"
                BEGIN SELECT RAISE(ABORT, 'A record''s history is append-only: UPDATE is not allowed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER record_events_no_delete BEFORE DELETE ON "RecordEvents"
                BEGIN SELECT RAISE(ABORT, 'A record''s history is append-only: DELETE is not allowed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS record_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS record_events_no_delete;");

            migrationBuilder.DropTable(
                name: "RecordEvents");
        }
    }
}
