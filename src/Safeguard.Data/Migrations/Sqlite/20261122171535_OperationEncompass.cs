using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SeenBy = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "IX_EncompassNotifications_AreaId_SettingAgencyId_SeenAt_IncidentAt",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EncompassNotifications");
        }
    }
}
