using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseWorkNovember : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
                table: "ChildProtectionConferences");

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveAbandonedOn",
                table: "ChildProtectionPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveNotifiedOn",
                table: "ChildProtectionPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovingTo",
                table: "ChildProtectionPlans",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferInConferenceOn",
                table: "ChildProtectionPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferInOutcome",
                table: "ChildProtectionPlans",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Section47EnquiryId",
                table: "ChildProtectionConferences",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "FromAuthority",
                table: "ChildProtectionConferences",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChildProtectionConferences",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Initial");

            migrationBuilder.AddColumn<bool>(
                name: "PreBirth",
                table: "ChildProtectionConferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DaysRequested = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecideBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreBirth = table.Column<bool>(type: "boolean", nullable: false),
                    Section47EnquiryId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    ScheduledFor = table.Column<DateOnly>(type: "date", nullable: false),
                    ConvenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FamilyToldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdvocacyOffered = table.Column<bool>(type: "boolean", nullable: true),
                    ChildPreparation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    LeadReport = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    LeadReportSharedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WhyReportNotShared = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConferenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Invitations = table.Column<string>(type: "jsonb", nullable: true)
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
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId",
                principalTable: "Section47Enquiries",
                principalColumn: "Id");

            migrationBuilder.Sql("""
                ALTER TABLE "AccessRequests" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "AccessRequests" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "AccessRequests"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "ConferenceMeetings" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "ConferenceMeetings" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "ConferenceMeetings"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "LookedAfterPeriods" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "LookedAfterPeriods" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "LookedAfterPeriods"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "PreProceedings" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "PreProceedings" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "PreProceedings"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "AccessRequests";
                ALTER TABLE "AccessRequests" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "AccessRequests" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "ConferenceMeetings";
                ALTER TABLE "ConferenceMeetings" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "ConferenceMeetings" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "LookedAfterPeriods";
                ALTER TABLE "LookedAfterPeriods" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "LookedAfterPeriods" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "PreProceedings";
                ALTER TABLE "PreProceedings" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "PreProceedings" DISABLE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId",
                principalTable: "Section47Enquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
