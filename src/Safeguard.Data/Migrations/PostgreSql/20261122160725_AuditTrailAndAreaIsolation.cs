using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditTrailAndAreaIsolation : Migration
    {
        private static readonly string[] AreaOwnedTables =
            ["Agencies", "Teams", "Practitioners", "Children", "FamilyMembers", "Relationships", "AuditEntries"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Origin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AreaId_ChildId_At",
                table: "AuditEntries",
                columns: new[] { "AreaId", "ChildId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AreaId_PractitionerId_At",
                table: "AuditEntries",
                columns: new[] { "AreaId", "PractitionerId", "At" });

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAuditAppendOnly);
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(AreaOwnedTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(AreaOwnedTables));
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAuditAppendOnly);

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
