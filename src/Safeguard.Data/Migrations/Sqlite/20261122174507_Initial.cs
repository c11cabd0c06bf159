using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LaNumber = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClockRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReasonRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleRole = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ResponsibleTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsiblePractitionerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    DisabilityCodes = table.Column<string>(type: "TEXT", nullable: false),
                    FirstLanguage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Addresses = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SeenBy = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Referrer_PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Referrer_AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Referrer_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Referrer_Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Referrer_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Referrer_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    HarmTypes = table.Column<string>(type: "TEXT", nullable: false),
                    HarmContexts = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildsViews = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    FamilyKnows = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyAgrees = table.Column<bool>(type: "INTEGER", nullable: true),
                    WhyFamilyNotToldOrAgreed = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsReReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SuggestedServices = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LateReason = table.Column<string>(type: "TEXT", nullable: true),
                    SubmissionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Adults = table.Column<string>(type: "TEXT", nullable: true),
                    Escalations = table.Column<string>(type: "TEXT", nullable: true),
                    HouseholdChildren = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HasParentalResponsibility = table.Column<bool>(type: "INTEGER", nullable: false),
                    LivesWithChild = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Registration = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Roles = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "IX_EncompassNotifications_AreaId_SettingAgencyId_SeenAt_IncidentAt",
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
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE is not allowed'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE is not allowed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_no_update;
                DROP TRIGGER IF EXISTS audit_no_delete;
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
