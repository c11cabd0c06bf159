using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ChronologySensitivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MarkedBy",
                table: "Chronology",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sensitivity",
                table: "Chronology",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MarkedBy",
                table: "Chronology");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Chronology");
        }
    }
}
