using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StrategyDiscussionsAndSection47 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    InformationShared = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PoliceDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PoliceReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Section47 = table.Column<bool>(type: "boolean", nullable: false),
                    Section47Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    LegalActionNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    WhatToShareWithFamily = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    WhyAttendanceShort = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Actions = table.Column<string>(type: "jsonb", nullable: true),
                    Attendees = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    StrategyDiscussionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyHelpLeadPractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildSeenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: true),
                    WhyNotSeenAlone = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ChildsWishesAndFeelings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ParentsInterviewed = table.Column<bool>(type: "boolean", nullable: true),
                    JointWithPolice = table.Column<bool>(type: "boolean", nullable: true),
                    SpecialistAssessments = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SuspectedSexualAbuse = table.Column<bool>(type: "boolean", nullable: false),
                    HealthRepresentative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonsShared = table.Column<bool>(type: "boolean", nullable: true),
                    OngoingSupport = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_AreaId_EpisodeId",
                table: "Section47Enquiries",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_EpisodeId",
                table: "Section47Enquiries",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_AreaId_EpisodeId",
                table: "StrategyDiscussions",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_EpisodeId",
                table: "StrategyDiscussions",
                column: "EpisodeId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(["StrategyDiscussions", "Section47Enquiries"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(["StrategyDiscussions", "Section47Enquiries"]));

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");
        }
    }
}
