using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilyHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EpisodeId",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EpisodeId",
                table: "ClockRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Chronology",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Corrects = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chronology", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpeningReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Support = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IsReferralNoFurtherAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeadPractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureReasonCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ClosureSummary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Allocations = table.Column<string>(type: "TEXT", nullable: true),
                    FamilyAgreement = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Episodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Episodes_Referrals_OpeningReferralId",
                        column: x => x.OpeningReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadPractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DevelopmentalNeeds = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ParentingCapacity = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    FamilyAndEnvironment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ChildsWishesAndFeelings = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    WhyViewsNotObtained = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ChildSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeenAlone = table.Column<bool>(type: "INTEGER", nullable: true),
                    WhyNotSeenAlone = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    FamilyViews = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Factors = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ConclusionReasons = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedWith = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpectationsOfParents = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    VisitEveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcomes = table.Column<string>(type: "TEXT", nullable: true),
                    Reviews = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhyNot = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ChildsWords = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AreaId_EpisodeId",
                table: "Assessments",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AreaId_Status",
                table: "Assessments",
                columns: new[] { "AreaId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId",
                table: "Assessments",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Chronology_AreaId_ChildId_OccurredOn",
                table: "Chronology",
                columns: new[] { "AreaId", "ChildId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_AreaId_ChildId_ClosedOn",
                table: "Episodes",
                columns: new[] { "AreaId", "ChildId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_AreaId_LeadPractitionerId_ClosedOn",
                table: "Episodes",
                columns: new[] { "AreaId", "LeadPractitionerId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ChildId",
                table: "Episodes",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_OpeningReferralId",
                table: "Episodes",
                column: "OpeningReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AreaId_ChildId_EndedOn",
                table: "Plans",
                columns: new[] { "AreaId", "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AreaId_EpisodeId",
                table: "Plans",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_EpisodeId",
                table: "Plans",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_AreaId_ChildId_VisitedOn",
                table: "Visits",
                columns: new[] { "AreaId", "ChildId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_AreaId_EpisodeId",
                table: "Visits",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_EpisodeId",
                table: "Visits",
                column: "EpisodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Chronology");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropColumn(
                name: "EpisodeId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "EpisodeId",
                table: "ClockRecords");
        }
    }
}
