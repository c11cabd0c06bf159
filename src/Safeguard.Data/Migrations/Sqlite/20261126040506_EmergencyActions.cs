using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergencyActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Power = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActingAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ChildSeenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OtherChildrenConsidered = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    LegalAdviceTaken = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhyNoLegalAdvice = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ResponsibleAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyActions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyActions_AreaId_EpisodeId",
                table: "EmergencyActions",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyActions_EpisodeId",
                table: "EmergencyActions",
                column: "EpisodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyActions");
        }
    }
}
