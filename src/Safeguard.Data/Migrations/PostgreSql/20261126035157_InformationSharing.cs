using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InformationSharing : Migration
    {
        private static readonly string[] AreaTables = ["InformationSharing"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InformationSharing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    WhatWasShared = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SharedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SharedByAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    SharedWith = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SharedWithAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ConsentSought = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "boolean", nullable: true),
                    WhyNoConsent = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationSharing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationSharing_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSharing_AreaId_ChildId_SharedOn",
                table: "InformationSharing",
                columns: new[] { "AreaId", "ChildId", "SharedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSharing_ChildId",
                table: "InformationSharing",
                column: "ChildId");

            migrationBuilder.Sql(DatabaseGuards.PostgreSqlAreaPolicies(AreaTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseGuards.PostgreSqlDropAreaPolicies(AreaTables));

            migrationBuilder.DropTable(
                name: "InformationSharing");
        }
    }
}
