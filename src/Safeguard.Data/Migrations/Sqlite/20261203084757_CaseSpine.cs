using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSpine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries");

            migrationBuilder.DropIndex(
                name: "IX_PreProceedings_EpisodeId",
                table: "PreProceedings");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ChildId",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_EpisodeId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_ChildId",
                table: "AccessRequests");

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_AreaId_ChildId",
                table: "StrategyDiscussions",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_AreaId_ChildId",
                table: "Section47Enquiries",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "UX_Section47Enquiries_OnePerDiscussion",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_EpisodeId_ReceivedAt",
                table: "Referrals",
                columns: new[] { "AreaId", "EpisodeId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_AreaId_ChildId",
                table: "PreProceedings",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "UX_PreProceedings_OneOpenPerEpisode",
                table: "PreProceedings",
                column: "EpisodeId",
                unique: true,
                filter: "\"Started\" AND \"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Plans_OneOpenPerChild",
                table: "Plans",
                column: "ChildId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_LookedAfterPeriods_OneOpenPerChild",
                table: "LookedAfterPeriods",
                column: "ChildId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSharing_AreaId_SourceType_SourceId",
                table: "InformationSharing",
                columns: new[] { "AreaId", "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "UX_Episodes_OneOpenPerChild",
                table: "Episodes",
                column: "ChildId",
                unique: true,
                filter: "\"ClosedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_AreaId_RecordedBy",
                table: "EncompassNotifications",
                columns: new[] { "AreaId", "RecordedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMeetings_AreaId_ChildId_HeldOn",
                table: "ConferenceMeetings",
                columns: new[] { "AreaId", "ChildId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMeetings_AreaId_ConferenceId",
                table: "ConferenceMeetings",
                columns: new[] { "AreaId", "ConferenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMeetings_AreaId_PlanId_HeldOn",
                table: "ConferenceMeetings",
                columns: new[] { "AreaId", "PlanId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "UX_ConferenceMeetings_OneArrangedReviewPerPlan",
                table: "ConferenceMeetings",
                column: "PlanId",
                unique: true,
                filter: "\"PlanId\" IS NOT NULL AND \"HeldOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_ConferenceMeetings_OnePerEnquiry",
                table: "ConferenceMeetings",
                column: "Section47EnquiryId",
                unique: true,
                filter: "\"Section47EnquiryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_AreaId_ConferenceId",
                table: "ChildProtectionPlans",
                columns: new[] { "AreaId", "ConferenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_AreaId_EpisodeId",
                table: "ChildProtectionPlans",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "UX_ChildProtectionPlans_OneOpenPerChild",
                table: "ChildProtectionPlans",
                column: "ChildId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_AreaId_ChildId",
                table: "ChildProtectionConferences",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "UX_ChildProtectionConferences_OnePerEnquiry",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId",
                unique: true,
                filter: "\"Section47EnquiryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_ChildProtectionConferences_OneTransferInPerEpisode",
                table: "ChildProtectionConferences",
                column: "EpisodeId",
                unique: true,
                filter: "\"Kind\" = 'TransferIn'");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AreaId_ChildId",
                table: "Assessments",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "UX_Assessments_OneUnfinishedPerEpisode",
                table: "Assessments",
                column: "EpisodeId",
                unique: true,
                filter: "\"Status\" <> 'Authorised'");

            migrationBuilder.CreateIndex(
                name: "UX_AccessRequests_OneWaitingPerPractitionerAndChild",
                table: "AccessRequests",
                columns: new[] { "ChildId", "RequestedBy" },
                unique: true,
                filter: "\"DecidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_AreaId_ChildId",
                table: "Participants",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_AreaId_PractitionerId_Role_Until",
                table: "Participants",
                columns: new[] { "AreaId", "PractitionerId", "Role", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_AreaId_RecordKind_RecordId",
                table: "Participants",
                columns: new[] { "AreaId", "RecordKind", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_StrategyDiscussions_AreaId_ChildId",
                table: "StrategyDiscussions");

            migrationBuilder.DropIndex(
                name: "IX_Section47Enquiries_AreaId_ChildId",
                table: "Section47Enquiries");

            migrationBuilder.DropIndex(
                name: "UX_Section47Enquiries_OnePerDiscussion",
                table: "Section47Enquiries");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_AreaId_EpisodeId_ReceivedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_PreProceedings_AreaId_ChildId",
                table: "PreProceedings");

            migrationBuilder.DropIndex(
                name: "UX_PreProceedings_OneOpenPerEpisode",
                table: "PreProceedings");

            migrationBuilder.DropIndex(
                name: "UX_Plans_OneOpenPerChild",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "UX_LookedAfterPeriods_OneOpenPerChild",
                table: "LookedAfterPeriods");

            migrationBuilder.DropIndex(
                name: "IX_InformationSharing_AreaId_SourceType_SourceId",
                table: "InformationSharing");

            migrationBuilder.DropIndex(
                name: "UX_Episodes_OneOpenPerChild",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_EncompassNotifications_AreaId_RecordedBy",
                table: "EncompassNotifications");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceMeetings_AreaId_ChildId_HeldOn",
                table: "ConferenceMeetings");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceMeetings_AreaId_ConferenceId",
                table: "ConferenceMeetings");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceMeetings_AreaId_PlanId_HeldOn",
                table: "ConferenceMeetings");

            migrationBuilder.DropIndex(
                name: "UX_ConferenceMeetings_OneArrangedReviewPerPlan",
                table: "ConferenceMeetings");

            migrationBuilder.DropIndex(
                name: "UX_ConferenceMeetings_OnePerEnquiry",
                table: "ConferenceMeetings");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionPlans_AreaId_ConferenceId",
                table: "ChildProtectionPlans");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionPlans_AreaId_EpisodeId",
                table: "ChildProtectionPlans");

            migrationBuilder.DropIndex(
                name: "UX_ChildProtectionPlans_OneOpenPerChild",
                table: "ChildProtectionPlans");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionConferences_AreaId_ChildId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropIndex(
                name: "UX_ChildProtectionConferences_OnePerEnquiry",
                table: "ChildProtectionConferences");

            migrationBuilder.DropIndex(
                name: "UX_ChildProtectionConferences_OneTransferInPerEpisode",
                table: "ChildProtectionConferences");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_AreaId_ChildId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "UX_Assessments_OneUnfinishedPerEpisode",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "UX_AccessRequests_OneWaitingPerPractitionerAndChild",
                table: "AccessRequests");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_EpisodeId",
                table: "PreProceedings",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ChildId",
                table: "Episodes",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId",
                table: "Assessments",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_ChildId",
                table: "AccessRequests",
                column: "ChildId");
        }
    }
}
