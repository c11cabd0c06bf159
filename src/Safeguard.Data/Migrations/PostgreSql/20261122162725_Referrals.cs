using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Referrer_PractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Referrer_AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Referrer_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referrer_Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referrer_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Referrer_Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    HarmTypes = table.Column<int[]>(type: "integer[]", nullable: false),
                    HarmContexts = table.Column<int>(type: "integer", nullable: false),
                    ChildsViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FamilyKnows = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyAgrees = table.Column<bool>(type: "boolean", nullable: true),
                    WhyFamilyNotToldOrAgreed = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsReReferral = table.Column<bool>(type: "boolean", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SuggestedServices = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmissionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Escalations = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_ChildId_ReceivedOn",
                table: "Referrals",
                columns: new[] { "AreaId", "ChildId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_DecidedAt_ReceivedAt",
                table: "Referrals",
                columns: new[] { "AreaId", "DecidedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_SubmissionKey",
                table: "Referrals",
                columns: new[] { "AreaId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId",
                table: "Referrals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Referrer_PractitionerId",
                table: "Referrals",
                column: "Referrer_PractitionerId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(["Referrals"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(["Referrals"]));

            migrationBuilder.DropTable(
                name: "Referrals");
        }
    }
}
