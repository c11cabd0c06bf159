using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ConferencesAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Section47EnquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildsViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    FamilyParticipation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PlanNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConferenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialCategory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    LatestCategory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    LeadSocialWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EndNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Actions = table.Column<string>(type: "jsonb", nullable: true),
                    CoreGroup = table.Column<string>(type: "jsonb", nullable: true),
                    CoreGroupMeetings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_AreaId_EpisodeId",
                table: "ChildProtectionConferences",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_AreaId_ChildId_EndedOn",
                table: "ChildProtectionPlans",
                columns: new[] { "AreaId", "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ConferenceId",
                table: "ChildProtectionPlans",
                column: "ConferenceId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(["ChildProtectionConferences", "ChildProtectionPlans"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(["ChildProtectionConferences", "ChildProtectionPlans"]));

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");
        }
    }
}
