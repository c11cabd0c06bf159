using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CrossAreaAgencyId",
                table: "Agencies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AreaMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaMemberships_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaMemberships_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrossAreaAgencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Reach = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrossAreaAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntegratedCareBoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoliceForceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partnerships_CrossAreaAgencies_IntegratedCareBoardId",
                        column: x => x.IntegratedCareBoardId,
                        principalTable: "CrossAreaAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Partnerships_CrossAreaAgencies_PoliceForceId",
                        column: x => x.PoliceForceId,
                        principalTable: "CrossAreaAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipAreas",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipAreas", x => new { x.PartnershipId, x.AreaId });
                    table.ForeignKey(
                        name: "FK_PartnershipAreas_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipAreas_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipArrangements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedInAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipArrangements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipArrangements_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_CrossAreaAgencyId",
                table: "Agencies",
                column: "CrossAreaAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaMemberships_AreaId_AccountId",
                table: "AreaMemberships",
                columns: new[] { "AreaId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaMemberships_PractitionerId",
                table: "AreaMemberships",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_CrossAreaAgencies_Name",
                table: "CrossAreaAgencies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAreas_AreaId",
                table: "PartnershipAreas",
                column: "AreaId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipArrangements_PartnershipId_PublishedOn",
                table: "PartnershipArrangements",
                columns: new[] { "PartnershipId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_IntegratedCareBoardId",
                table: "Partnerships",
                column: "IntegratedCareBoardId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_PoliceForceId",
                table: "Partnerships",
                column: "PoliceForceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Agencies_CrossAreaAgencies_CrossAreaAgencyId",
                table: "Agencies",
                column: "CrossAreaAgencyId",
                principalTable: "CrossAreaAgencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agencies_CrossAreaAgencies_CrossAreaAgencyId",
                table: "Agencies");

            migrationBuilder.DropTable(
                name: "AreaMemberships");

            migrationBuilder.DropTable(
                name: "PartnershipAreas");

            migrationBuilder.DropTable(
                name: "PartnershipArrangements");

            migrationBuilder.DropTable(
                name: "Partnerships");

            migrationBuilder.DropTable(
                name: "CrossAreaAgencies");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_CrossAreaAgencyId",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "CrossAreaAgencyId",
                table: "Agencies");
        }
    }
}
