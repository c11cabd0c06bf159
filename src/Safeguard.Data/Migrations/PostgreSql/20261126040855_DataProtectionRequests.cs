using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DataProtectionRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    WhatChanged = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    PersonsStatement = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    FirstExportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataProtectionRequests_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataProtectionRequests_AreaId_DecidedOn_ReceivedOn",
                table: "DataProtectionRequests",
                columns: new[] { "AreaId", "DecidedOn", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DataProtectionRequests_ChildId",
                table: "DataProtectionRequests",
                column: "ChildId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(["DataProtectionRequests"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(["DataProtectionRequests"]));

            migrationBuilder.DropTable(
                name: "DataProtectionRequests");
        }
    }
}
