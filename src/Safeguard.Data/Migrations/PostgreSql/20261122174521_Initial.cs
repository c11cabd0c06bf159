using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LaNumber = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "ClockRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReasonRecorded = table.Column<bool>(type: "boolean", nullable: false),
                    ResponsibleRole = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ResponsibleTeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsiblePractitionerId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Children",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Gender = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EthnicityCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    DisabilityCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    FirstLanguage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Addresses = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Children", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Children_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EncompassNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SettingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncidentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildPresent = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeenBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EncompassNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EncompassNotifications_Agencies_SettingAgencyId",
                        column: x => x.SettingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EncompassNotifications_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Referrer_PractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Referrer_AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Referrer_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referrer_Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referrer_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Referrer_Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    HarmTypes = table.Column<int[]>(type: "integer[]", nullable: false),
                    HarmContexts = table.Column<int>(type: "integer", nullable: false),
                    ChildsViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FamilyKnows = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyAgrees = table.Column<bool>(type: "boolean", nullable: true),
                    WhyFamilyNotToldOrAgreed = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsReReferral = table.Column<bool>(type: "boolean", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SuggestedServices = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LateReason = table.Column<string>(type: "text", nullable: true),
                    SubmissionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Adults = table.Column<string>(type: "jsonb", nullable: true),
                    Escalations = table.Column<string>(type: "jsonb", nullable: true),
                    HouseholdChildren = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HasParentalResponsibility = table.Column<bool>(type: "boolean", nullable: false),
                    LivesWithChild = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Relationships_FamilyMembers_FamilyMemberId",
                        column: x => x.FamilyMemberId,
                        principalTable: "FamilyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Practitioners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Registration = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Roles = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Practitioners_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Practitioners_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_AreaId_Name",
                table: "Agencies",
                columns: new[] { "AreaId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Areas_LaNumber",
                table: "Areas",
                column: "LaNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AreaId_ChildId_At",
                table: "AuditEntries",
                columns: new[] { "AreaId", "ChildId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AreaId_PractitionerId_At",
                table: "AuditEntries",
                columns: new[] { "AreaId", "PractitionerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Children_AreaId_FamilyName_DateOfBirth",
                table: "Children",
                columns: new[] { "AreaId", "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Children_AreaId_NhsNumber",
                table: "Children",
                columns: new[] { "AreaId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_DueOn_ResponsibleRole",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "DueOn", "ResponsibleRole" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_ResponsiblePractitionerId_DueOn",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "ResponsiblePractitionerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_IsOpen_ResponsibleTeamId_DueOn",
                table: "ClockRecords",
                columns: new[] { "AreaId", "IsOpen", "ResponsibleTeamId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockRecords_AreaId_SubjectId",
                table: "ClockRecords",
                columns: new[] { "AreaId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_AreaId_SettingAgencyId_SeenAt_Incide~",
                table: "EncompassNotifications",
                columns: new[] { "AreaId", "SettingAgencyId", "SeenAt", "IncidentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_ChildId",
                table: "EncompassNotifications",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EncompassNotifications_SettingAgencyId",
                table: "EncompassNotifications",
                column: "SettingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_AreaId_FamilyName",
                table: "FamilyMembers",
                columns: new[] { "AreaId", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_Practitioners_AgencyId",
                table: "Practitioners",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Practitioners_AreaId_Email",
                table: "Practitioners",
                columns: new[] { "AreaId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Practitioners_TeamId",
                table: "Practitioners",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_ChildId_ReceivedOn",
                table: "Referrals",
                columns: new[] { "AreaId", "ChildId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_DecidedAt_ReceivedAt",
                table: "Referrals",
                columns: new[] { "AreaId", "DecidedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AreaId_SubmissionKey",
                table: "Referrals",
                columns: new[] { "AreaId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId",
                table: "Referrals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Referrer_PractitionerId",
                table: "Referrals",
                column: "Referrer_PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_AreaId_ChildId",
                table: "Relationships",
                columns: new[] { "AreaId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ChildId",
                table: "Relationships",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_FamilyMemberId",
                table: "Relationships",
                column: "FamilyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_AgencyId",
                table: "Teams",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_AreaId_AgencyId",
                table: "Teams",
                columns: new[] { "AreaId", "AgencyId" });

            migrationBuilder.Sql("""
                CREATE FUNCTION safeguard_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP;
                END
                $$;
                CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION safeguard_audit_append_only();
                CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION safeguard_audit_append_only();
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Agencies" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Agencies" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Agencies"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Teams" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Teams" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Teams"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Practitioners" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Practitioners" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Practitioners"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Children" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Children" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Children"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "FamilyMembers" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "FamilyMembers" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "FamilyMembers"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Relationships" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Relationships" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Relationships"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "AuditEntries" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "AuditEntries" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "AuditEntries"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Referrals" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Referrals" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Referrals"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "ClockRecords" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "ClockRecords" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "ClockRecords"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "EncompassNotifications" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "EncompassNotifications" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "EncompassNotifications"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "Agencies";
                ALTER TABLE "Agencies" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Agencies" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Teams";
                ALTER TABLE "Teams" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Teams" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Practitioners";
                ALTER TABLE "Practitioners" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Practitioners" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Children";
                ALTER TABLE "Children" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Children" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "FamilyMembers";
                ALTER TABLE "FamilyMembers" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "FamilyMembers" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Relationships";
                ALTER TABLE "Relationships" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Relationships" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "AuditEntries";
                ALTER TABLE "AuditEntries" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "AuditEntries" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Referrals";
                ALTER TABLE "Referrals" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Referrals" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "ClockRecords";
                ALTER TABLE "ClockRecords" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "ClockRecords" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "EncompassNotifications";
                ALTER TABLE "EncompassNotifications" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "EncompassNotifications" DISABLE ROW LEVEL SECURITY;
                """);
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_no_truncate ON "AuditEntries";
                DROP TRIGGER IF EXISTS audit_append_only ON "AuditEntries";
                DROP FUNCTION IF EXISTS safeguard_audit_append_only();
                """);

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ClockRecords");

            migrationBuilder.DropTable(
                name: "EncompassNotifications");

            migrationBuilder.DropTable(
                name: "Practitioners");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "Children");

            migrationBuilder.DropTable(
                name: "FamilyMembers");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Areas");
        }
    }
}
