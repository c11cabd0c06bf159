using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AreaExchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AreaExchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActedInAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromAreaName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ToAreaName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Shared = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceEpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourcePlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentByAgency = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChildGivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildFamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Package = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    AcknowledgedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivingEpisodeId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaExchanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_AreaId_SentAt",
                table: "AreaExchanges",
                columns: new[] { "AreaId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_Reference",
                table: "AreaExchanges",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaExchanges_ToAreaId_SentAt",
                table: "AreaExchanges",
                columns: new[] { "ToAreaId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaExchanges");
        }
    }
}
