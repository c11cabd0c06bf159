using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InformationSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InformationSharing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WhatWasShared = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedByAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedWithAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ConsentSought = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: true),
                    WhyNoConsent = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InformationSharing");
        }
    }
}
