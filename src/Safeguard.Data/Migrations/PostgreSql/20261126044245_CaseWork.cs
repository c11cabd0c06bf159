using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EpisodeId",
                table: "Referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EpisodeId",
                table: "ClockRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BreakGlass",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AlertTo = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlass", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakGlass_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Chronology",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Corrects = table.Column<Guid>(type: "uuid", nullable: true),
                    Sensitivity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MarkedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chronology", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpeningReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Support = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IsReferralNoFurtherAction = table.Column<bool>(type: "boolean", nullable: false),
                    LeadPractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpecificNeeds = table.Column<int>(type: "integer", nullable: false),
                    ExtraFamilialRisk = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReasonCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ClosureSummary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Allocations = table.Column<string>(type: "jsonb", nullable: true),
                    FamilyAgreement = table.Column<string>(type: "jsonb", nullable: true),
                    Milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Episodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Episodes_Referrals_OpeningReferralId",
                        column: x => x.OpeningReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadPractitionerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DevelopmentalNeeds = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ParentingCapacity = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FamilyAndEnvironment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ChildsWishesAndFeelings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    WhyViewsNotObtained = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ChildSeenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: true),
                    WhyNotSeenAlone = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FamilyViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Factors = table.Column<string[]>(type: "text[]", nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ConclusionReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LateReason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReturnedWith = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Power = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActingAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ChildSeenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OtherChildrenConsidered = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    LegalAdviceTaken = table.Column<bool>(type: "boolean", nullable: false),
                    WhyNoLegalAdvice = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ResponsibleAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyActions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpectationsOfParents = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    VisitEveryDays = table.Column<int>(type: "integer", nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcomes = table.Column<string>(type: "jsonb", nullable: true),
                    Reviews = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    InformationShared = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PoliceDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PoliceReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Section47 = table.Column<bool>(type: "boolean", nullable: false),
                    Section47Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    LegalActionNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    WhatToShareWithFamily = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    WhyAttendanceShort = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Actions = table.Column<string>(type: "jsonb", nullable: true),
                    Attendees = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildSeen = table.Column<bool>(type: "boolean", nullable: false),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: false),
                    WhyNot = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Observations = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ChildsWords = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    StrategyDiscussionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyHelpLeadPractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildSeenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: true),
                    WhyNotSeenAlone = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ChildsWishesAndFeelings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ParentsInterviewed = table.Column<bool>(type: "boolean", nullable: true),
                    JointWithPolice = table.Column<bool>(type: "boolean", nullable: true),
                    SpecialistAssessments = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SuspectedSexualAbuse = table.Column<bool>(type: "boolean", nullable: false),
                    HealthRepresentative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeReasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonsShared = table.Column<bool>(type: "boolean", nullable: true),
                    OngoingSupport = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ConferenceRequests = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Section47EnquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildsViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    FamilyParticipation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PlanNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47Enqu~",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConferenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialCategory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    LatestCategory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    LeadSocialWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EndNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Actions = table.Column<string>(type: "jsonb", nullable: true),
                    CoreGroup = table.Column<string>(type: "jsonb", nullable: true),
                    CoreGroupMeetings = table.Column<string>(type: "jsonb", nullable: true),
                    Reviews = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AreaId_EpisodeId",
                table: "Assessments",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AreaId_Status",
                table: "Assessments",
                columns: new[] { "AreaId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId",
                table: "Assessments",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlass_AreaId_PractitionerId_ChildId_Until",
                table: "BreakGlass",
                columns: new[] { "AreaId", "PractitionerId", "ChildId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlass_AreaId_ReviewedAt",
                table: "BreakGlass",
                columns: new[] { "AreaId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlass_ChildId",
                table: "BreakGlass",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_AreaId_EpisodeId",
                table: "ChildProtectionConferences",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_AreaId_ChildId_EndedOn",
                table: "ChildProtectionPlans",
                columns: new[] { "AreaId", "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ConferenceId",
                table: "ChildProtectionPlans",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Chronology_AreaId_ChildId_OccurredOn",
                table: "Chronology",
                columns: new[] { "AreaId", "ChildId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DataProtectionRequests_AreaId_DecidedOn_ReceivedOn",
                table: "DataProtectionRequests",
                columns: new[] { "AreaId", "DecidedOn", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DataProtectionRequests_ChildId",
                table: "DataProtectionRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyActions_AreaId_EpisodeId",
                table: "EmergencyActions",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyActions_EpisodeId",
                table: "EmergencyActions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_AreaId_ChildId_ClosedOn",
                table: "Episodes",
                columns: new[] { "AreaId", "ChildId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_AreaId_LeadPractitionerId_ClosedOn",
                table: "Episodes",
                columns: new[] { "AreaId", "LeadPractitionerId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ChildId",
                table: "Episodes",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_OpeningReferralId",
                table: "Episodes",
                column: "OpeningReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSharing_AreaId_ChildId_SharedOn",
                table: "InformationSharing",
                columns: new[] { "AreaId", "ChildId", "SharedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSharing_ChildId",
                table: "InformationSharing",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AreaId_ChildId_EndedOn",
                table: "Plans",
                columns: new[] { "AreaId", "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AreaId_EpisodeId",
                table: "Plans",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_EpisodeId",
                table: "Plans",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_AreaId_EpisodeId",
                table: "Section47Enquiries",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_EpisodeId",
                table: "Section47Enquiries",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_AreaId_EpisodeId",
                table: "StrategyDiscussions",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_EpisodeId",
                table: "StrategyDiscussions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_AreaId_ChildId_VisitedOn",
                table: "Visits",
                columns: new[] { "AreaId", "ChildId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_AreaId_EpisodeId",
                table: "Visits",
                columns: new[] { "AreaId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_EpisodeId",
                table: "Visits",
                column: "EpisodeId");

            // Every new table belongs to an area: the database keeps areas apart, not only the application.
            migrationBuilder.Sql("""
                ALTER TABLE "Episodes" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Episodes" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Episodes"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Assessments" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Assessments" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Assessments"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Plans" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Plans" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Plans"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Visits" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Visits" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Visits"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Chronology" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Chronology" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Chronology"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "BreakGlass" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "BreakGlass" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "BreakGlass"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "StrategyDiscussions" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "StrategyDiscussions" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "StrategyDiscussions"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "Section47Enquiries" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "Section47Enquiries" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "Section47Enquiries"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "ChildProtectionConferences" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "ChildProtectionConferences" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "ChildProtectionConferences"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "ChildProtectionPlans" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "ChildProtectionPlans" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "ChildProtectionPlans"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "EmergencyActions" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "EmergencyActions" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "EmergencyActions"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "InformationSharing" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "InformationSharing" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "InformationSharing"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                ALTER TABLE "DataProtectionRequests" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "DataProtectionRequests" FORCE ROW LEVEL SECURITY;
                CREATE POLICY area_isolation ON "DataProtectionRequests"
                    USING ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid)
                    WITH CHECK ("AreaId" = NULLIF(current_setting('safeguard.area', true), '')::uuid);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS area_isolation ON "Episodes";
                ALTER TABLE "Episodes" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Episodes" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Assessments";
                ALTER TABLE "Assessments" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Assessments" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Plans";
                ALTER TABLE "Plans" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Plans" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Visits";
                ALTER TABLE "Visits" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Visits" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Chronology";
                ALTER TABLE "Chronology" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Chronology" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "BreakGlass";
                ALTER TABLE "BreakGlass" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "BreakGlass" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "StrategyDiscussions";
                ALTER TABLE "StrategyDiscussions" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "StrategyDiscussions" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "Section47Enquiries";
                ALTER TABLE "Section47Enquiries" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "Section47Enquiries" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "ChildProtectionConferences";
                ALTER TABLE "ChildProtectionConferences" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "ChildProtectionConferences" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "ChildProtectionPlans";
                ALTER TABLE "ChildProtectionPlans" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "ChildProtectionPlans" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "EmergencyActions";
                ALTER TABLE "EmergencyActions" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "EmergencyActions" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "InformationSharing";
                ALTER TABLE "InformationSharing" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "InformationSharing" DISABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS area_isolation ON "DataProtectionRequests";
                ALTER TABLE "DataProtectionRequests" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "DataProtectionRequests" DISABLE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "BreakGlass");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "Chronology");

            migrationBuilder.DropTable(
                name: "DataProtectionRequests");

            migrationBuilder.DropTable(
                name: "EmergencyActions");

            migrationBuilder.DropTable(
                name: "InformationSharing");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropColumn(
                name: "EpisodeId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "EpisodeId",
                table: "ClockRecords");
        }
    }
}
