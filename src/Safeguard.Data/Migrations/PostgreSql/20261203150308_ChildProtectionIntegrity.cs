using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "AcknowledgedBy",
                table: "Referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcknowledgedHow",
                table: "Referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "KeyedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "Plans",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommunicationMethod",
                table: "FamilyMembers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstLanguage",
                table: "FamilyMembers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "FamilyMembers",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ShareBy",
                table: "EncompassNotifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommunicationMethod",
                table: "Children",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfDeath",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "Children",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeftUkEvidence",
                table: "Children",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftUkOn",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStepAtEighteen",
                table: "Children",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStepNotes",
                table: "Children",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NextStepRecordedBy",
                table: "Children",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "ChildProtectionPlans",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyReports",
                table: "ChildProtectionConferences",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "ChildProtectionConferences",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhyChildsViewsNotObtained",
                table: "ChildProtectionConferences",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFamilyHelp",
                table: "Assessments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LocalProtocolChangedAt",
                table: "Areas",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LocalProtocolChangedBy",
                table: "Areas",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocalProtocolVersion",
                table: "Areas",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Section17Leads",
                table: "Areas",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "SocialWorkers");

            migrationBuilder.AddColumn<int>(
                name: "StrategyDiscussionTargetWorkingDays",
                table: "Areas",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "Departures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sensitivity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    What = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ToldBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
            // saved without ids, get one each so the core group can pick them. The owner, not forced by the area policy for
            // these statements, reaches every area's plans.
            migrationBuilder.Sql("""
                ALTER TABLE "ChildProtectionPlans" NO FORCE ROW LEVEL SECURITY;
                UPDATE "ChildProtectionPlans" SET "Changes" = '[]'::jsonb WHERE "Changes" IS NULL;
                UPDATE "ChildProtectionPlans" SET "Actions" = (
                    SELECT jsonb_agg(CASE WHEN x.e ? 'Id' THEN x.e ELSE x.e || jsonb_build_object('Id', gen_random_uuid()) END ORDER BY x.o)
                    FROM jsonb_array_elements("Actions") WITH ORDINALITY AS x(e, o))
                WHERE jsonb_typeof("Actions") = 'array' AND jsonb_array_length("Actions") > 0;
                UPDATE "ChildProtectionPlans" SET "CoreGroup" = (
                    SELECT jsonb_agg(CASE WHEN x.e ? 'Id' THEN x.e ELSE x.e || jsonb_build_object('Id', gen_random_uuid()) END ORDER BY x.o)
                    FROM jsonb_array_elements("CoreGroup") WITH ORDINALITY AS x(e, o))
                WHERE jsonb_typeof("CoreGroup") = 'array' AND jsonb_array_length("CoreGroup") > 0;
                ALTER TABLE "ChildProtectionPlans" FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Plans" NO FORCE ROW LEVEL SECURITY;
                UPDATE "Plans" SET "Changes" = '[]'::jsonb WHERE "Changes" IS NULL;
                ALTER TABLE "Plans" FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "Tellings" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Tellings" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Tellings"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Departures" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Departures" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Departures"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "Tellings";
                ALTER TABLE "Tellings" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Tellings" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Departures";
                ALTER TABLE "Departures" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Departures" DISABLE ROW LEVEL SECURITY;
                """);


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
