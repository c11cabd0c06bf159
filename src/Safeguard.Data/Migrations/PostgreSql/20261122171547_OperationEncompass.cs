using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OperationEncompass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EncompassNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SettingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncidentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildPresent = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeenBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EncompassNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EncompassNotifications_Agencies_SettingAgencyId",
                        column: x => x.SettingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EncompassNotifications_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_AreaId_SettingAgencyId_SeenAt_Incide~",
                table: "EncompassNotifications",
                columns: new[] { "AreaId", "SettingAgencyId", "SeenAt", "IncidentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_ChildId",
                table: "EncompassNotifications",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_SettingAgencyId",
                table: "EncompassNotifications",
                column: "SettingAgencyId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(["EncompassNotifications"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(["EncompassNotifications"]));

            migrationBuilder.DropTable(
                name: "EncompassNotifications");
        }
    }
}
