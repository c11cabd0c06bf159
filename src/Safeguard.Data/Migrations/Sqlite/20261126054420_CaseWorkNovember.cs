using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseWorkNovember : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                table: "ChildProtectionConferences");

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveAbandonedOn",
                table: "ChildProtectionPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveNotifiedOn",
                table: "ChildProtectionPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovingTo",
                table: "ChildProtectionPlans",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferInConferenceOn",
                table: "ChildProtectionPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferInOutcome",
                table: "ChildProtectionPlans",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Section47EnquiryId",
                table: "ChildProtectionConferences",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "FromAuthority",
                table: "ChildProtectionConferences",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChildProtectionConferences",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Initial");

            migrationBuilder.AddColumn<bool>(
                name: "PreBirth",
                table: "ChildProtectionConferences",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DaysRequested = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecideBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRequests_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreBirth = table.Column<bool>(type: "INTEGER", nullable: false),
                    Section47EnquiryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConvenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FamilyToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdvocacyOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    ChildPreparation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    LeadReport = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    LeadReportSharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WhyReportNotShared = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConferenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Invitations = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceMeetings_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_AccessRequests_AreaId_DecidedAt",
                table: "AccessRequests",
                columns: new[] { "AreaId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_AreaId_RequestedBy_ChildId_Until",
                table: "AccessRequests",
                columns: new[] { "AreaId", "RequestedBy", "ChildId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_ChildId",
                table: "AccessRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMeetings_AreaId_EpisodeId",
                table: "ConferenceMeetings",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMeetings_EpisodeId",
                table: "ConferenceMeetings",
                column: "EpisodeId");

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

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId",
                principalTable: "Section47Enquiries",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "AccessRequests");

            migrationBuilder.DropTable(
                name: "ConferenceMeetings");

            migrationBuilder.DropTable(
                name: "LookedAfterPeriods");

            migrationBuilder.DropTable(
                name: "PreProceedings");

            migrationBuilder.DropColumn(
                name: "MoveAbandonedOn",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "MoveNotifiedOn",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "MovingTo",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "TransferInConferenceOn",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "TransferInOutcome",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "FromAuthority",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "PreBirth",
                table: "ChildProtectionConferences");

            migrationBuilder.AlterColumn<Guid>(
                name: "Section47EnquiryId",
                table: "ChildProtectionConferences",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId",
                principalTable: "Section47Enquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
