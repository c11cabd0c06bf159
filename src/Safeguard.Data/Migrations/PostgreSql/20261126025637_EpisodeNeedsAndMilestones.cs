using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EpisodeNeedsAndMilestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExtraFamilialRisk",
                table: "Episodes",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Milestones",
                table: "Episodes",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpecificNeeds",
                table: "Episodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExtraFamilialRisk",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Milestones",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "SpecificNeeds",
                table: "Episodes");
        }
    }
}
