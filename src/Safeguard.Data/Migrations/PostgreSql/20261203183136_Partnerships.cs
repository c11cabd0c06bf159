using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AreaMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reach = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrossAreaAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IntegratedCareBoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoliceForceId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedInAreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            // Memberships stay inside their area; the partnership's records inside the partnership set on the connection.
            migrationBuilder.Sql("""
                ALTER TABLE "AreaMemberships" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "AreaMemberships" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "AreaMemberships"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "PartnershipArrangements" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "PartnershipArrangements" FORCE ROW LEVEL SECURITY;
                CREATE POLICY partnership_isolation ON "PartnershipArrangements"
                    USING ("PartnershipId" = NULLIF(current_setting('safeguard.partnership', true), '')::uuid)
                    WITH CHECK ("PartnershipId" = NULLIF(current_setting('safeguard.partnership', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS partnership_isolation ON "PartnershipArrangements";
                ALTER TABLE "PartnershipArrangements" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "PartnershipArrangements" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "AreaMemberships";
                ALTER TABLE "AreaMemberships" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "AreaMemberships" DISABLE ROW LEVEL SECURITY;
                """);

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
