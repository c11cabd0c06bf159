using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LookedAfterAndPreProceedings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LookedAfterPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    EndNotes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    EndedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePlans = table.Column<string>(type: "TEXT", nullable: true),
                    LegalStatuses = table.Column<string>(type: "TEXT", nullable: true),
                    Notifications = table.Column<string>(type: "TEXT", nullable: true),
                    Placements = table.Column<string>(type: "TEXT", nullable: true),
                    ReturnHomeApproval = table.Column<string>(type: "TEXT", nullable: true),
                    ReturnHomeAssessment = table.Column<string>(type: "TEXT", nullable: true),
                    ReunificationPlans = table.Column<string>(type: "TEXT", nullable: true),
                    ReunificationReviews = table.Column<string>(type: "TEXT", nullable: true),
                    Reviews = table.Column<string>(type: "TEXT", nullable: true),
                    UnplannedReturn = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Started = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    AgencyViews = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    OutcomeReasons = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyGroupOffers = table.Column<string>(type: "TEXT", nullable: true),
                    KeyDiscussions = table.Column<string>(type: "TEXT", nullable: true),
                    Letter = table.Column<string>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LookedAfterPeriods");

            migrationBuilder.DropTable(
                name: "PreProceedings");
        }
    }
}
