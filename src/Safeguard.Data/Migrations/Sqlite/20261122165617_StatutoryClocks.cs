using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatutoryClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LateReason",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClockRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReasonRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleRole = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ResponsibleTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsiblePractitionerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_DueOn_ResponsibleRole",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "DueOn", "ResponsibleRole" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_ResponsiblePractitionerId_DueOn",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "ResponsiblePractitionerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_ResponsibleTeamId_DueOn",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "ResponsibleTeamId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_SubjectId",
                table: "ClockRecords",
                columns: new[] { "AreaId", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClockRecords");

            migrationBuilder.DropColumn(
                name: "LateReason",
                table: "Referrals");
        }
    }
}
