using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChildProtectionIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ChildLookedAfter",
                table: "StrategyDiscussions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "AcknowledgedBy",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcknowledgedHow",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "KeyedAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommunicationMethod",
                table: "FamilyMembers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstLanguage",
                table: "FamilyMembers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "FamilyMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShareBy",
                table: "EncompassNotifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommunicationMethod",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfDeath",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeftUkEvidence",
                table: "Children",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftUkOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStepAtEighteen",
                table: "Children",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStepNotes",
                table: "Children",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NextStepRecordedBy",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "ChildProtectionPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyReports",
                table: "ChildProtectionConferences",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "ChildProtectionConferences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhyChildsViewsNotObtained",
                table: "ChildProtectionConferences",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFamilyHelp",
                table: "Assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LocalProtocolChangedAt",
                table: "Areas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LocalProtocolChangedBy",
                table: "Areas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocalProtocolVersion",
                table: "Areas",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Section17Leads",
                table: "Areas",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "SocialWorkers");

            migrationBuilder.AddColumn<int>(
                name: "StrategyDiscussionTargetWorkingDays",
                table: "Areas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "Departures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Sensitivity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departures_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tellings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ToldBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tellings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tellings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_AreaId_PlanId",
                table: "ChildProtectionConferences",
                columns: new[] { "AreaId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Departures_AreaId_ChildId",
                table: "Departures",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Departures_AreaId_On",
                table: "Departures",
                columns: new[] { "AreaId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Departures_AreaId_SourceType_SourceId",
                table: "Departures",
                columns: new[] { "AreaId", "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Departures_ChildId",
                table: "Departures",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Tellings_AreaId_ChildId",
                table: "Tellings",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tellings_AreaId_SourceType_SourceId_ToldOn",
                table: "Tellings",
                columns: new[] { "AreaId", "SourceType", "SourceId", "ToldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tellings_ChildId",
                table: "Tellings",
                column: "ChildId");

            // Plans made before their history was kept start with an empty one; their outline's actions and core group members,
            // saved without ids, get one each so the core group can pick them.
            migrationBuilder.Sql("""
                UPDATE "ChildProtectionPlans" SET "Changes" = '[]' WHERE "Changes" IS NULL;
                UPDATE "ChildProtectionPlans" SET "Actions" = (
                    SELECT json_group_array(CASE WHEN json_extract(j.value, '$.Id') IS NULL
                        THEN json_set(j.value, '$.Id', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) ELSE json(j.value) END)
                    FROM json_each("ChildProtectionPlans"."Actions") AS j)
                WHERE json_valid("Actions") AND json_array_length("Actions") > 0;
                UPDATE "ChildProtectionPlans" SET "CoreGroup" = (
                    SELECT json_group_array(CASE WHEN json_extract(j.value, '$.Id') IS NULL
                        THEN json_set(j.value, '$.Id', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) ELSE json(j.value) END)
                    FROM json_each("ChildProtectionPlans"."CoreGroup") AS j)
                WHERE json_valid("CoreGroup") AND json_array_length("CoreGroup") > 0;
                UPDATE "Plans" SET "Changes" = '[]' WHERE "Changes" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropTable(
                name: "Departures");

            migrationBuilder.DropTable(
                name: "Tellings");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionConferences_AreaId_PlanId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "ChildLookedAfter",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AcknowledgedHow",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "KeyedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "CommunicationMethod",
                table: "FamilyMembers");

            migrationBuilder.DropColumn(
                name: "FirstLanguage",
                table: "FamilyMembers");

            migrationBuilder.DropColumn(
                name: "InterpreterNeeded",
                table: "FamilyMembers");

            migrationBuilder.DropColumn(
                name: "ShareBy",
                table: "EncompassNotifications");

            migrationBuilder.DropColumn(
                name: "CommunicationMethod",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "DateOfDeath",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "InterpreterNeeded",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "LeftUkEvidence",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "LeftUkOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "NextStepAtEighteen",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "NextStepNotes",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "NextStepRecordedBy",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "AgencyReports",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "WhyChildsViewsNotObtained",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "IsFamilyHelp",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "LocalProtocolChangedAt",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "LocalProtocolChangedBy",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "LocalProtocolVersion",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "Section17Leads",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "StrategyDiscussionTargetWorkingDays",
                table: "Areas");
        }
    }
}
