using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LookedAfterAndPreProceedings : Migration
    {
        private static readonly string[] AreaTables = ["LookedAfterPeriods", "PreProceedings"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LookedAfterPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    EndNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    EndedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CarePlans = table.Column<string>(type: "jsonb", nullable: true),
                    LegalStatuses = table.Column<string>(type: "jsonb", nullable: true),
                    Notifications = table.Column<string>(type: "jsonb", nullable: true),
                    Placements = table.Column<string>(type: "jsonb", nullable: true),
                    ReturnHomeApproval = table.Column<string>(type: "jsonb", nullable: true),
                    ReturnHomeAssessment = table.Column<string>(type: "jsonb", nullable: true),
                    ReunificationPlans = table.Column<string>(type: "jsonb", nullable: true),
                    ReunificationReviews = table.Column<string>(type: "jsonb", nullable: true),
                    Reviews = table.Column<string>(type: "jsonb", nullable: true),
                    UnplannedReturn = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterPeriods_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Started = table.Column<bool>(type: "boolean", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AgencyViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OutcomeReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyGroupOffers = table.Column<string>(type: "jsonb", nullable: true),
                    KeyDiscussions = table.Column<string>(type: "jsonb", nullable: true),
                    Letter = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreProceedings_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterPeriods_AreaId_ChildId_EndedOn",
                table: "LookedAfterPeriods",
                columns: new[] { "AreaId", "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterPeriods_AreaId_EpisodeId",
                table: "LookedAfterPeriods",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterPeriods_EpisodeId",
                table: "LookedAfterPeriods",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_AreaId_EpisodeId",
                table: "PreProceedings",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_EpisodeId",
                table: "PreProceedings",
                column: "EpisodeId");

            // Both tables belong to an area: the database keeps areas apart, not only the application.
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(AreaTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(AreaTables));

            migrationBuilder.DropTable(
                name: "LookedAfterPeriods");

            migrationBuilder.DropTable(
                name: "PreProceedings");
        }
    }
}
