using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;

namespace Safeguard.Web.Clocks;

/// <summary>A statutory deadline on someone's work list, in plain words with the guidance paragraph.</summary>
/// <param name="LocalTarget">
/// The date is the area's own target where the guidance sets none: past it, the work is late against the local target,
/// never a statutory breach.
/// </param>
public sealed record WorkItem(Guid ClockId, string RuleId, string What, string Paragraph, Guid SubjectId, Guid? ChildId, string ChildName,
    DateOnly StartedOn, DateOnly? DueOn, int WorkingDaysOverdue, bool Overdue, bool DueToday, bool Urgent, string Link, string Responsible,
    bool LocalTarget = false);

/// <summary>
/// "My work": the open clocks the signed-in practitioner answers for (by name, or by role until work is allocated),
/// overdue first, then due today, then due within the week. One indexed query on the stored clocks.
/// </summary>
public sealed class MyClocks(SafeguardDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <remarks>
    /// Work the managers answer for stays on every manager's list when a named practitioner answers for it too (a decision for
    /// immediate protection or a strategy discussion, until it has happened).
    /// </remarks>
    public Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = user.PractitionerId();
        var roles = user.PractitionerRoles().Select(r => r.ToString()).ToList();
        const string managers = nameof(PractitionerRole.PracticeSupervisor);
        return ListAsync(db.ClockRecords.Where(c => c.ResponsiblePractitionerId == me
                || ((c.ResponsiblePractitionerId == null || c.ResponsibleRole == managers) && roles.Contains(c.ResponsibleRole))),
            cancellationToken);
    }

    /// <summary>
    /// The manager's view: every open deadline in the area that is overdue, urgent or due this week, whoever answers
    /// for it, so nothing waits unseen. (Per-team views follow once work is allocated to teams.)
    /// </summary>
    public Task<IReadOnlyList<WorkItem>> ForAreaAsync(CancellationToken cancellationToken) => ListAsync(db.ClockRecords, cancellationToken);

    /// <summary>Every running clock of one child, however far ahead it falls due: the child's status at a glance.</summary>
    public Task<IReadOnlyList<WorkItem>> ForChildAsync(Guid childId, CancellationToken cancellationToken) =>
        ListAsync(db.ClockRecords.Where(c => c.ChildId == childId), cancellationToken, DateOnly.MaxValue);

    private async Task<IReadOnlyList<WorkItem>> ListAsync(IQueryable<Data.Clocks.ClockRecord> clocks, CancellationToken cancellationToken, DateOnly? until = null)
    {
        var today = EnglandClock.Today(time);
        var weekAhead = until ?? calendar.AddWorkingDays(today, 5);
        var adultsBornBy = today.AddYears(-18);
        var rows = await (from c in clocks
                          where c.IsOpen && (c.DueOn == null || c.DueOn <= weekAhead)
                          // A record about no one child (an allegation, a serious incident) has clocks too: they are listed with its kind's name.
                          join child in db.Children on c.ChildId equals child.Id into ofChild
                          from child in ofChild.DefaultIfEmpty()
                          // The general stop (GEN-01): nothing runs for a child who died, left the UK or turned 18, even before a save stores it stopped.
                          where c.ChildId == null
                              || (child.DateOfDeath == null && child.LeftUkOn == null && (child.DateOfBirth == null || child.DateOfBirth > adultsBornBy))
                          orderby c.DueOn
                          select new
                          {
                              c.Id, c.RuleId, c.SubjectId, c.ChildId, c.EpisodeId, Name = c.ChildId == null ? null : child.GivenName + " " + child.FamilyName,
                              c.StartedOn, c.DueOn, c.ResponsibleRole,
                          })
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var rule = StatutoryRules.Find(r.RuleId);
            var overdue = r.DueOn is { } due && due < today;
            return new WorkItem(r.Id, r.RuleId, rule?.ShortName ?? r.RuleId, rule?.Paragraph ?? string.Empty, r.SubjectId, r.ChildId,
                r.Name ?? KindNameFor(r.RuleId, r.SubjectId, r.EpisodeId),
                r.StartedOn, r.DueOn, overdue ? calendar.WorkingDaysBetween(r.DueOn!.Value, today) : 0, overdue, r.DueOn == today, r.DueOn is null,
                LinkFor(r.RuleId, r.SubjectId, r.EpisodeId), Enum.TryParse<PractitionerRole>(r.ResponsibleRole, out var role) ? role.DisplayName() : r.ResponsibleRole,
                rule?.Timescale.IsLocal ?? false);
        }).OrderByDescending(i => i.Overdue).ThenByDescending(i => i.Urgent).ThenBy(i => i.DueOn)];
    }

    /// <summary>
    /// Where the work is done, as the kind of record that runs the clock says (<see cref="Data.Records.RecordKinds"/>): the assessment,
    /// seeing the child and an episode's milestones on the episode; the conference on the enquiry; core groups, reviews, a move and
    /// ending by 18 on the plan; the decision on the referral. A rule two kinds run (the transfer-in conference, for a child who moved
    /// here and for a plan moving away) belongs to the episode when the clock's subject is the episode.
    /// </summary>
    public static string LinkFor(string ruleId, Guid subjectId, Guid? episodeId)
    {
        var (kind, duty) = KindFor(ruleId, subjectId, episodeId);
        if (kind is null)
        {
            return $"/referrals/{subjectId}";
        }

        return (duty is { DoneOnEpisode: true } && episodeId is { } episode ? Records.RecordRoutes.PageFor(Data.Records.RecordKinds.Episode.Name, episode, null, episode)
            : Records.RecordRoutes.PageFor(kind.Name, subjectId, null, episodeId)) ?? $"/referrals/{subjectId}";
    }

    /// <summary>The kind of record that runs a clock, and its duty, from the registry; none for a rule no kind runs.</summary>
    private static (Data.Records.RecordKind? Kind, Data.Records.ClockDuty? Duty) KindFor(string ruleId, Guid subjectId, Guid? episodeId)
    {
        var runs = Data.Records.RecordKinds.All.SelectMany(k => k.Clocks.Where(d => d.Rule.Id == ruleId).Select(d => (Kind: k, Duty: d))).ToList();
        var (kind, duty) = runs.Count <= 1 ? runs.FirstOrDefault()
            : runs.FirstOrDefault(r => (r.Kind == Data.Records.RecordKinds.Episode) == (subjectId == episodeId));
        return (kind, duty);
    }

    /// <summary>What a clock of a record about no one child is listed as: its kind's name ("Referral"), in place of a child's name.</summary>
    private static string KindNameFor(string ruleId, Guid subjectId, Guid? episodeId) =>
        KindFor(ruleId, subjectId, episodeId).Kind is { } kind ? char.ToUpperInvariant(kind.Describe[0]) + kind.Describe[1..] : "Record";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/team/clocks", async (MyClocks clocks, Data.Audit.AuditLog audit, CancellationToken cancellationToken) =>
            {
                var work = await clocks.ForAreaAsync(cancellationToken);
                await audit.ListedAsync("Team deadlines", work.Where(w => w.ChildId is not null).Select(w => w.ChildId!.Value),
                    Authorization.Policies.ChildrenSocialCareBasis, cancellationToken);
                return TypedResults.Ok(work);
            })
            .RequireAuthorization(Authorization.Policies.FrontDoorDecision)
            .WithName("GetTeamClocks").WithTags("Account")
            .WithDescription("For managers: every open deadline in the area that is overdue, urgent or due this week.");
        api.MapGet("/me/clocks", async (ClaimsPrincipal user, MyClocks clocks, Data.Audit.AuditLog audit, CancellationToken cancellationToken) =>
            {
                var work = await clocks.ForAsync(user, cancellationToken);
                await audit.ListedAsync("My work", work.Where(w => w.ChildId is not null).Select(w => w.ChildId!.Value), Authorization.Policies.OwnWorkBasis,
                    cancellationToken);
                return TypedResults.Ok(work);
            })
            .WithName("GetMyClocks").WithTags("Account")
            .WithDescription("Statutory deadlines you answer for: overdue, due today, due this week, and as-soon-as-possible items.");
    }
}
