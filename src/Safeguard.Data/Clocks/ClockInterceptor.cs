using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Clocks;

/// <summary>
/// The one place clocks are recomputed and stored: whenever a subject with a history is saved, its clocks are
/// computed by <see cref="ClockEngine"/> and written in the same SaveChanges, so the stored clocks never disagree
/// with the record that moved them.
/// </summary>
public sealed class ClockInterceptor(WorkingDayCalendar calendar, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>The rules a referral's own history drives, and who answers for each.</summary>
    private static readonly (StatutoryRule Rule, PractitionerRole Responsible)[] ReferralRules =
    [
        (StatutoryRules.ReferralDecision, PractitionerRole.PracticeSupervisor),
        (StatutoryRules.Assessment, PractitionerRole.SocialWorker),
        (StatutoryRules.SeeTheChild, PractitionerRole.SocialWorker),
        (StatutoryRules.StrategyDiscussionAfterEmergency, PractitionerRole.PracticeSupervisor),
    ];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            var referrals = db.ChangeTracker.Entries<Referral>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .Select(e => e.Entity)
                .ToList();
            foreach (var referral in referrals)
            {
                await StoreAsync(db, referral, cancellationToken);
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private async Task StoreAsync(SafeguardDbContext db, Referral referral, CancellationToken cancellationToken)
    {
        var today = EnglandClock.Today(time);
        var history = referral.History();
        foreach (var (rule, responsible) in ReferralRules)
        {
            foreach (var clock in ClockEngine.Compute(referral.Id, history, [rule], calendar, today))
            {
                var id = ClockRecord.IdFor(referral.Id, clock.RuleId, clock.StartedOn);
                var record = db.ClockRecords.Local.FirstOrDefault(c => c.Id == id)
                    ?? await db.ClockRecords.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (record is null)
                {
                    record = new ClockRecord { Id = id, RuleId = clock.RuleId, ResponsibleRole = responsible.ToString() };
                    db.ClockRecords.Add(record);
                }

                record.AreaId = referral.AreaId;
                record.SubjectId = referral.Id;
                record.ChildId = referral.ChildId;
                record.StartedOn = clock.StartedOn;
                record.DueOn = clock.DueOn;
                record.CompletedOn = clock.CompletedOn;
                record.IsOpen = clock.Status is ClockStatus.Running or ClockStatus.DueToday or ClockStatus.Overdue or ClockStatus.Urgent;
                record.Status = record.IsOpen ? (clock.DueOn is null ? ClockStatus.Urgent : ClockStatus.Running) : clock.Status;
                record.ReasonRecorded = clock.ReasonRecorded;
            }
        }
    }
}
