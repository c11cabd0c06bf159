using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TrustClosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_AreaId_SubmissionKey",
                table: "Referrals");

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Visits",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "StrategyDiscussions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Section47Enquiries",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_DateOfBirth",
                table: "Referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "Referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_FamilyName",
                table: "Referrals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_GivenName",
                table: "Referrals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedBy",
                table: "Referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Referrals",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "PreProceedings",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Plans",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "LookedAfterPeriods",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "InformationSharing",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoWorkers",
                table: "Episodes",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Episodes",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_DateOfBirth",
                table: "EncompassNotifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "EncompassNotifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_FamilyName",
                table: "EncompassNotifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_GivenName",
                table: "EncompassNotifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PossiblyHeldChildId",
                table: "EncompassNotifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "EmergencyActions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityCheck",
                table: "DataProtectionRequests",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IdentityCheckedBy",
                table: "DataProtectionRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IdentityCheckedOn",
                table: "DataProtectionRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ConferenceMeetings",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ChildProtectionPlans",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ChildProtectionConferences",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Assessments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingApproval",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorOptional",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "text", nullable: true),
                    RecordType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Roles = table.Column<int[]>(type: "integer[]", nullable: false),
                    NewAccount = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LinkExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleGrants_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleGrants_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SearchAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Misses = table.Column<int>(type: "integer", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBecause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_RecordedBy_SubmissionKey",
                table: "Referrals",
                columns: new[] { "AreaId", "RecordedBy", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_AreaId_PossiblyHeldChildId",
                table: "EncompassNotifications",
                columns: new[] { "AreaId", "PossiblyHeldChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_AreaId_Caller_Key",
                table: "IdempotentRequests",
                columns: new[] { "AreaId", "Caller", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_AgencyId",
                table: "RoleGrants",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_AreaId_AgencyId_Status",
                table: "RoleGrants",
                columns: new[] { "AreaId", "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_AreaId_PractitionerId",
                table: "RoleGrants",
                columns: new[] { "AreaId", "PractitionerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_PractitionerId",
                table: "RoleGrants",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_AreaId_ReviewedAt",
                table: "SearchAlerts",
                columns: new[] { "AreaId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_AreaId_UserId_RaisedAt",
                table: "SearchAlerts",
                columns: new[] { "AreaId", "UserId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_AreaId_UserId_EndedAt",
                table: "SignInSessions",
                columns: new[] { "AreaId", "UserId", "EndedAt" });

            // Who sent each referral made before senders were kept: the account of the practitioner who referred (the owner, not
            // forced by the area policy for this one statement, reaches every area's referrals).
            migrationBuilder.Sql("""
                ALTER TABLE "Referrals" NO FORCE ROW LEVEL SECURITY;
                UPDATE "Referrals" SET "RecordedBy" = "Referrer_PractitionerId" WHERE "RecordedBy" IS NULL AND "Referrer_PractitionerId" IS NOT NULL;
                ALTER TABLE "Referrals" FORCE ROW LEVEL SECURITY;
                """);

            // The demo area's accounts keep signing in with the demo password alone.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "TwoFactorOptional" = TRUE WHERE "AreaId" IN (SELECT "Id" FROM "Areas" WHERE "LaNumber" = '999');
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "RoleGrants" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "RoleGrants" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "RoleGrants"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "SignInSessions" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "SignInSessions" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "SignInSessions"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "SearchAlerts" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "SearchAlerts" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "SearchAlerts"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "IdempotentRequests" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "IdempotentRequests" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "IdempotentRequests"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);

            // Last, so that the grants cover every table made above: the service's role has data privileges only.
            migrationBuilder.Sql(FrozenSql.PostgreSqlServiceRole.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FrozenSql.PostgreSqlServiceRole.Down);

            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "RoleGrants";
                ALTER TABLE "RoleGrants" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "RoleGrants" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "SignInSessions";
                ALTER TABLE "SignInSessions" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "SignInSessions" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "SearchAlerts";
                ALTER TABLE "SearchAlerts" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "SearchAlerts" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "IdempotentRequests";
                ALTER TABLE "IdempotentRequests" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "IdempotentRequests" DISABLE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "RoleGrants");

            migrationBuilder.DropTable(
                name: "SearchAlerts");

            migrationBuilder.DropTable(
                name: "SignInSessions");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_AreaId_RecordedBy_SubmissionKey",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_EncompassNotifications_AreaId_PossiblyHeldChildId",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Section47Enquiries");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_DateOfBirth",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_FamilyName",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_GivenName",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "PreProceedings");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "LookedAfterPeriods");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "InformationSharing");

            migrationBuilder.DropColumn(
                name: "CoWorkers",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_DateOfBirth",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_FamilyName",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "ChildAsSent_GivenName",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "PossiblyHeldChildId",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "EmergencyActions");

            migrationBuilder.DropColumn(
                name: "IdentityCheck",
                table: "DataProtectionRequests");

            migrationBuilder.DropColumn(
                name: "IdentityCheckedBy",
                table: "DataProtectionRequests");

            migrationBuilder.DropColumn(
                name: "IdentityCheckedOn",
                table: "DataProtectionRequests");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "ConferenceMeetings");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "AwaitingApproval",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TwoFactorOptional",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_SubmissionKey",
                table: "Referrals",
                columns: new[] { "AreaId", "SubmissionKey" },
                unique: true);
        }
    }
}
