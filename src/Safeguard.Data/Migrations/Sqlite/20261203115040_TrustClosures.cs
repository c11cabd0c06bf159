using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "StrategyDiscussions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Section47Enquiries",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_DateOfBirth",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_FamilyName",
                table: "Referrals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_GivenName",
                table: "Referrals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedBy",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Referrals",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "PreProceedings",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Plans",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "LookedAfterPeriods",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "InformationSharing",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoWorkers",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Episodes",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_DateOfBirth",
                table: "EncompassNotifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildAsSent_ExpectedDateOfBirth",
                table: "EncompassNotifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_FamilyName",
                table: "EncompassNotifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildAsSent_GivenName",
                table: "EncompassNotifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PossiblyHeldChildId",
                table: "EncompassNotifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "EmergencyActions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityCheck",
                table: "DataProtectionRequests",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IdentityCheckedBy",
                table: "DataProtectionRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IdentityCheckedOn",
                table: "DataProtectionRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ConferenceMeetings",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ChildProtectionPlans",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "ChildProtectionConferences",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Assessments",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingApproval",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorOptional",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", nullable: false),
                    NewAccount = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LinkExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Misses = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBecause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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

            // Who sent each referral made before senders were kept: the account of the practitioner who referred.
            migrationBuilder.Sql("""
                UPDATE "Referrals" SET "RecordedBy" = "Referrer_PractitionerId" WHERE "RecordedBy" IS NULL AND "Referrer_PractitionerId" IS NOT NULL;
                """);

            // The demo area's accounts keep signing in with the demo password alone.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "TwoFactorOptional" = 1 WHERE "AreaId" IN (SELECT "Id" FROM "Areas" WHERE "LaNumber" = '999');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
