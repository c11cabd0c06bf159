using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CarersAndDisabilityAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CarersAndDisabilityAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ForWhom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssessedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SupportDecided = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CombinedWith = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sensitivity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarersAndDisabilityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarersAndDisabilityAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarersAndDisabilityAssessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarersAndDisabilityAssessments_AreaId_EpisodeId",
                table: "CarersAndDisabilityAssessments",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_CarersAndDisabilityAssessments_ChildId",
                table: "CarersAndDisabilityAssessments",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CarersAndDisabilityAssessments_EpisodeId",
                table: "CarersAndDisabilityAssessments",
                column: "EpisodeId");

            // The new table keeps its rows inside their area, as every area-owned table does (the policy text is frozen here).
            migrationBuilder.Sql("""
                ALTER TABLE "CarersAndDisabilityAssessments" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "CarersAndDisabilityAssessments" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "CarersAndDisabilityAssessments"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "CarersAndDisabilityAssessments";
                ALTER TABLE "CarersAndDisabilityAssessments" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "CarersAndDisabilityAssessments" DISABLE ROW LEVEL SECURITY;
                """);
            migrationBuilder.DropTable(
                name: "CarersAndDisabilityAssessments");
        }
    }
}
