using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.DataProtection;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.DataProtection;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.DataProtection;

public sealed record NewRequestInput(Guid? ChildId, RequestKind? Kind, string? RequesterName, RequesterRelationship? Relationship, DateOnly? ReceivedOn,
    string? Details)
{
    /// <summary>The answers not given, in the order the form asks: the page shows them all at once, the API refuses with the first.</summary>
    public IEnumerable<(string RuleId, string Field, string Message)> Missing()
    {
        if (ChildId is null)
        {
            yield return ("SG-DPR-17", nameof(ChildId), "Choose the child's record the request is about.");
        }

        if (Kind is null)
        {
            yield return ("SG-DPR-18", nameof(Kind), "Choose what kind of request it is.");
        }

        if (string.IsNullOrWhiteSpace(RequesterName))
        {
            yield return ("SG-DPR-01", nameof(RequesterName), "Enter the name of the person who made the request.");
        }

        if (Relationship is null)
        {
            yield return ("SG-DPR-19", nameof(Relationship), "Choose how the person who asked stands to the child.");
        }

        if (ReceivedOn is null)
        {
            yield return ("SG-DPR-02", nameof(ReceivedOn), "Enter the date the request was received.");
        }
    }
}

/// <summary>
/// A decision. Erased or PartlyErased erases, in the same save: an adult in the child's family (<paramref name="FamilyMemberId"/>),
/// a referral's referrer (<paramref name="ReferrerOfReferralId"/>), or, Erased with neither, the child. Corrected with a
/// corrected name or date of birth corrects the child's record wherever it is written.
/// </summary>
public sealed record DecisionInput(RequestOutcome? Outcome, string? Reasons, string? WhatChanged, string? PersonsStatement, DateOnly? ReleasedOn,
    Guid? FamilyMemberId = null, Guid? ReferrerOfReferralId = null, string? CorrectedGivenName = null, string? CorrectedFamilyName = null,
    DateOnly? CorrectedDateOfBirth = null);

public sealed record ExtensionInput(string? Reason);

public sealed record ReviewedInput(DateOnly? ReviewedOn);

/// <summary>How the requester's identity was checked, and the day; the officer recording it is who checked it.</summary>
public sealed record IdentityCheckInput(string? How, DateOnly? CheckedOn);

public sealed record RequestView(Guid Id, RequestKind Kind, Guid ChildId, string ChildName, string RequesterName, RequesterRelationship Relationship,
    DateOnly ReceivedOn, DateOnly DueOn, bool IsOverdue, string Details, string? ExtensionReason, RequestOutcome? Outcome, string? DecisionReasons,
    string? WhatChanged, string? PersonsStatement, DateOnly? DecidedOn, DateTimeOffset? FirstExportedAt, DateOnly? ReviewedOn,
    string? IdentityCheck = null, DateOnly? IdentityCheckedOn = null, Guid? IdentityCheckedBy = null)
{
    public static RequestView Of(DataProtectionRequest r, string childName, DateOnly today) => new(r.Id, r.Kind, r.ChildId, childName, r.RequesterName,
        r.Relationship, r.ReceivedOn, r.DueOn, r.IsOverdue(today), r.Details, r.ExtensionReason, r.Outcome, r.DecisionReasons, r.WhatChanged,
        r.PersonsStatement, r.DecidedOn, r.FirstExportedAt, r.ReviewedOn, r.IdentityCheck, r.IdentityCheckedOn, r.IdentityCheckedBy);
}

public sealed record RetentionRow(Guid ChildId, string ChildName, RetentionRecordType RecordType, DateOnly ReviewOn, bool IsDue);

/// <summary>
/// The data protection officer's work on UK GDPR requests: record them, extend the time, produce and review a subject
/// access export, and decide erasure and rectification. The officer answers for the record but never works the case:
/// a correction is made by the case's practitioners, and erasure is recorded as a decision (see the decision page).
/// </summary>
public sealed class DataProtectionSteps(SafeguardDbContext db, TimeProvider time, AuditLog audit, RetentionSchedule retention)
{
    private DateOnly Today => EnglandClock.Today(time);

    public async Task<List<RequestView>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.DataProtectionRequests.AsNoTracking()
                          where !openOnly || r.Outcome == null
                          join c in db.Children on r.ChildId equals c.Id
                          orderby r.ReceivedOn, r.Id
                          select new { r, Name = c.GivenName + " " + c.FamilyName }).Take(500).ToListAsync(cancellationToken);
        var today = Today;
        // The list names children: each one shown is in their audit trail, as a search result is.
        await audit.SearchedAsync("Listed data protection requests", [.. rows.Select(x => x.r.ChildId).Distinct()], Policies.DataProtectionBasis,
            cancellationToken);
        return [.. rows.Select(x => RequestView.Of(x.r, x.Name, today)).OrderBy(v => v.Outcome is not null).ThenBy(v => v.DueOn)];
    }

    public async Task<RequestView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.DataProtectionRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException();
        var view = RequestView.Of(request, await ChildNameAsync(request.ChildId, cancellationToken), Today);
        await audit.ReadAsync(nameof(DataProtectionRequest), request.Id, request.ChildId, Policies.DataProtectionBasis, cancellationToken);
        return view;
    }

    public async Task<RequestView> ReceiveAsync(ClaimsPrincipal user, NewRequestInput input, CancellationToken cancellationToken)
    {
        foreach (var (ruleId, field, message) in input.Missing().Take(1))
        {
            throw new RuleViolationException(ruleId, message, field);
        }

        var name = await ChildNameAsync(input.ChildId!.Value, cancellationToken);
        var request = DataProtectionRequest.Receive(Guid.CreateVersion7(time.GetUtcNow()), db.CurrentAreaId!.Value, input.ChildId.Value, input.Kind!.Value,
            input.RequesterName ?? string.Empty, input.Relationship!.Value, input.ReceivedOn!.Value, input.Details, user.PractitionerId()!.Value, Today);
        db.DataProtectionRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return RequestView.Of(request, name, Today);
    }

    public async Task<RequestView> ExtendAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await ChangeAsync(id, r => r.Extend(reason, Today), cancellationToken);

    /// <summary>Subject access: records how the requester's identity was checked; the signed-in officer is who checked it (SG-DPR-20).</summary>
    public async Task<RequestView> RecordIdentityCheckAsync(ClaimsPrincipal user, Guid id, IdentityCheckInput input, CancellationToken cancellationToken) =>
        await ChangeAsync(id, r => r.RecordIdentityCheck(input.How, user.PractitionerId()!.Value, input.CheckedOn ?? Today, Today), cancellationToken);

    public async Task<RequestView> MarkReviewedAsync(Guid id, DateOnly? on, CancellationToken cancellationToken) =>
        await ChangeAsync(id, r => r.MarkReviewed(on ?? Today, Today), cancellationToken);

    public async Task<RequestView> DecideAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        var request = await PrepareAsync(user, id, input, cancellationToken);
        if (request.Kind != RequestKind.SubjectAccess || request.Outcome != RequestOutcome.Released)
        {
            if (Honours(request, input))
            {
                await HonourAsync(request, input, cancellationToken);
                return RequestView.Of(request, await ChildNameAsync(request.ChildId, cancellationToken), Today);
            }

            if (request.Outcome == RequestOutcome.NotCorrected)
            {
                db.Note(request.AreaId, request.ChildId, null, Today, time.GetUtcNow(), ChronologyKind.DataProtection,
                    $"Statement of {request.RequesterName}'s view ({request.Relationship.Describe().ToLowerInvariant()}), who asked for the record to be corrected: {request.PersonsStatement}",
                    nameof(DataProtectionRequest), request.Id);
            }
            else if (request.Outcome == RequestOutcome.Corrected)
            {
                db.Note(request.AreaId, request.ChildId, null, Today, time.GetUtcNow(), ChronologyKind.DataProtection,
                    $"Corrected at the request of {request.RequesterName}: {request.WhatChanged}", nameof(DataProtectionRequest), request.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return RequestView.Of(request, await ChildNameAsync(request.ChildId, cancellationToken), Today);
    }

    /// <summary>
    /// What the decision will erase or correct, in words for the officer to confirm, after checking it exactly as
    /// <see cref="DecideAsync"/> does (a rule broken throws, as there); nothing is saved. Null when the decision erases and
    /// corrects nothing (it is recorded as it stands).
    /// </summary>
    public async Task<string?> WhatWillBeDoneAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        try
        {
            var request = await PrepareAsync(user, id, input, cancellationToken);
            if (!Honours(request, input))
            {
                return null;
            }

            if (request.Outcome == RequestOutcome.Corrected)
            {
                var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == request.ChildId, cancellationToken);
                List<string> changes = [];
                if (!string.IsNullOrWhiteSpace(input.CorrectedGivenName) && input.CorrectedGivenName.Trim() != child.GivenName)
                {
                    changes.Add($"given name to \u201c{input.CorrectedGivenName.Trim()}\u201d");
                }

                if (!string.IsNullOrWhiteSpace(input.CorrectedFamilyName) && input.CorrectedFamilyName.Trim() != child.FamilyName)
                {
                    changes.Add($"family name to \u201c{input.CorrectedFamilyName.Trim()}\u201d");
                }

                if (input.CorrectedDateOfBirth is { } born && child.DateOfBirth is { } wrong && born != wrong)
                {
                    changes.Add($"date of birth to {born:d MMMM yyyy}");
                }

                return changes.Count == 0
                    ? "Nothing differs from the record: the decision is recorded and nothing is corrected."
                    : $"The child's {string.Join(", ", changes)} will be corrected in their record and wherever the old value is written, the chronology included.";
            }

            if (input.FamilyMemberId is { } memberId)
            {
                var member = await db.FamilyMembers.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.GivenName + " " + m.FamilyName)
                    .SingleAsync(cancellationToken);
                return $"{member}'s personal data (their record's details, and their name and phone number wherever they are written) will be erased. This cannot be undone.";
            }

            if (input.ReferrerOfReferralId is { } referralId)
            {
                var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => new { r.Reference, r.Referrer.Name })
                    .SingleAsync(cancellationToken);
                return $"The referrer of referral {referral.Reference} ({referral.Name}): their name, phone number and email will be erased wherever they are written. This cannot be undone.";
            }

            return $"{await ChildNameAsync(request.ChildId, cancellationToken)}'s personal data will be erased: their names, date of birth, address and identifiers wherever they are written, their chronology replaced by an erasure notice, and what the audit trail holds about them in words made unreadable. The decision itself is kept. This cannot be undone.";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whose personal data a partial erasure can erase: the adults in the child's family, and each referral's referrer.</summary>
    public async Task<(List<(string Value, string Label, string? Hint)> FamilyMembers, List<(string Value, string Label, string? Hint)> Referrers)>
        ErasableAsync(Guid childId, CancellationToken cancellationToken)
    {
        var members = await db.Relationships.AsNoTracking().Where(r => r.ChildId == childId)
            .Join(db.FamilyMembers.AsNoTracking(), r => r.FamilyMemberId, m => m.Id, (r, m) => new { m.Id, m.GivenName, m.FamilyName })
            .Distinct().ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildId == childId)
            .Select(r => new { r.Id, r.Reference, r.Referrer.Name, r.Referrer.Role }).ToListAsync(cancellationToken);
        return (members.OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName)
                .Select(m => (m.Id.ToString(), $"{m.GivenName} {m.FamilyName}", (string?)null)).ToList(),
            referrals.OrderBy(r => r.Reference).Select(r => (r.Id.ToString(), $"{r.Name} ({r.Role})", (string?)$"Referrer of {r.Reference}")).ToList());
    }

    /// <summary>The decision applied to the request and checked, not saved: the one check the decision and its confirmation share.</summary>
    private async Task<DataProtectionRequest> PrepareAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        Requirement.Require(input.Outcome is not null, "SG-DPR-11", "Choose the outcome.", "Outcome");
        var officer = user.PractitionerId()!.Value;
        var request = await db.DataProtectionRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        if (request.Kind == RequestKind.SubjectAccess && input.Outcome == RequestOutcome.Released)
        {
            request.Release(officer, input.ReleasedOn ?? Today, Today);
            return request;
        }

        var reviewOn = (await RetentionAsync(request.ChildId, cancellationToken))?.ReviewOn;
        request.Decide(officer, input.Outcome!.Value, input.Reasons, input.WhatChanged, input.PersonsStatement, Today, reviewOn);
        // What is erased or corrected goes only with an outcome that erases or corrects: nothing is ignored silently.
        Requirement.Require(request.Outcome == RequestOutcome.Corrected || (string.IsNullOrWhiteSpace(input.CorrectedGivenName)
                && string.IsNullOrWhiteSpace(input.CorrectedFamilyName) && input.CorrectedDateOfBirth is null),
            "SG-DPR-21", "A corrected name or date of birth goes only with the outcome Corrected.", nameof(DecisionInput.CorrectedGivenName));
        Requirement.Require(request.Outcome is RequestOutcome.Erased or RequestOutcome.PartlyErased
                || (input.FamilyMemberId is null && input.ReferrerOfReferralId is null),
            "SG-DPR-21", "Whose personal data is erased goes only with an erasure outcome.", nameof(DecisionInput.FamilyMemberId));
        if (Honours(request, input))
        {
            await CheckHonourAsync(request, input, cancellationToken);
        }

        return request;
    }

    /// <summary>Whether the decision erases or corrects data (rather than only being recorded).</summary>
    private static bool Honours(DataProtectionRequest request, DecisionInput input) =>
        request.Outcome is RequestOutcome.Erased or RequestOutcome.PartlyErased
        || (request.Outcome == RequestOutcome.Corrected
            && (!string.IsNullOrWhiteSpace(input.CorrectedGivenName) || !string.IsNullOrWhiteSpace(input.CorrectedFamilyName) || input.CorrectedDateOfBirth is not null));

    private async Task CheckHonourAsync(DataProtectionRequest request, DecisionInput input, CancellationToken cancellationToken)
    {
        Requirement.Require(input.FamilyMemberId is null || input.ReferrerOfReferralId is null, "SG-DPR-21",
            "Choose one person whose personal data is erased: a person in the child's family, or a referral's referrer.", nameof(DecisionInput.FamilyMemberId));
        if (input.FamilyMemberId is { } memberId)
        {
            Requirement.Require(await db.Relationships.AnyAsync(r => r.ChildId == request.ChildId && r.FamilyMemberId == memberId, cancellationToken),
                "SG-DPR-21", "Choose a person in this child's family.", nameof(DecisionInput.FamilyMemberId));
        }

        if (input.ReferrerOfReferralId is { } referralId)
        {
            Requirement.Require(await db.Referrals.AnyAsync(r => r.Id == referralId && r.ChildId == request.ChildId, cancellationToken),
                "SG-DPR-21", "Choose a referral about this child.", nameof(DecisionInput.ReferrerOfReferralId));
        }

        Requirement.Require(request.Outcome != RequestOutcome.PartlyErased || input.FamilyMemberId is not null || input.ReferrerOfReferralId is not null,
            "SG-DPR-21", "Choose whose personal data is erased: a person in the child's family, or a referral's referrer.",
            nameof(DecisionInput.FamilyMemberId));
    }

    /// <summary>
    /// Erases or corrects what the decision says, in one transaction with the decision and its audit row (which names the
    /// decision and what was done, in counts, never the data): the person's own record is overwritten, their names and
    /// identifiers are replaced wherever they are written, a child's chronology entries become the erasure notice, and
    /// the child's audit key is destroyed (docs/decisions/0010).
    /// </summary>
    private async Task HonourAsync(DataProtectionRequest request, DecisionInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The decision is saved first, so that its own words are rewritten with everything else.
        await db.SaveChangesAsync(cancellationToken);
        string done;
        if (request.Outcome == RequestOutcome.Corrected)
        {
            var (result, fields) = await SubjectErasure.RectifyChildAsync(db, request.ChildId, input.CorrectedGivenName, input.CorrectedFamilyName,
                input.CorrectedDateOfBirth, cancellationToken);
            // The trace says which fields were corrected, not what they said: the wrong value is not kept readable.
            db.Note(request.AreaId, request.ChildId, null, Today, time.GetUtcNow(), ChronologyKind.DataProtection,
                $"Corrected at the request of {request.RequesterName}: {(fields.Count == 0 ? "nothing" : string.Join(", ", fields))} corrected"
                + (string.IsNullOrEmpty(request.WhatChanged) ? "." : $" ({request.WhatChanged})."),
                nameof(DataProtectionRequest), request.Id);
            done = $"Rectification: {string.Join(", ", fields)} corrected; {result.ValuesRewritten} value(s) rewritten";
        }
        else if (input.FamilyMemberId is { } member)
        {
            done = "Erasure of a person in the child's family: " + (await SubjectErasure.EraseFamilyMemberAsync(db, member, cancellationToken)).Describe();
        }
        else if (input.ReferrerOfReferralId is { } referral)
        {
            done = "Erasure of a referral's referrer: " + (await SubjectErasure.EraseReferrerAsync(db, referral, cancellationToken)).Describe();
        }
        else
        {
            var notice = $"Erased under a data protection decision of {Today:d MMMM yyyy} (UK GDPR article 17).";
            done = "Erasure of the child: " + (await SubjectErasure.EraseChildAsync(db, request.ChildId, notice, cancellationToken)).Describe();
        }

        audit.Decided(nameof(DataProtectionRequest), request.Id, request.ChildId, Policies.DataProtectionBasis, done);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.Entry(request).ReloadAsync(cancellationToken);
    }

    /// <summary>Produces the subject access export, redacted for review. Every export is in the audit trail.</summary>
    public async Task<SubjectAccessExport> ExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.DataProtectionRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        request.Exported(time.GetUtcNow());
        var export = await SubjectAccessExport.BuildAsync(db, request, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.ReadAsync(ExportRecordType, request.Id, request.ChildId, Policies.DataProtectionBasis, cancellationToken);
        return export;
    }

    public const string ExportRecordType = "SubjectAccessExport";

    /// <summary>Records due for review under the retention schedule, oldest first; those due by today are flagged.</summary>
    public async Task<List<RetentionRow>> RetentionReportAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await RetentionRowsAsync(null, cancellationToken);
        List<RetentionRow> shown = [.. rows.OrderBy(r => r.ReviewOn).ThenBy(r => r.ChildName, StringComparer.Ordinal).Take(take)];
        await audit.SearchedAsync("Retention report", [.. shown.Select(r => r.ChildId)], Policies.DataProtectionBasis, cancellationToken);
        return shown;
    }

    public async Task<RetentionRow?> RetentionAsync(Guid childId, CancellationToken cancellationToken) =>
        (await RetentionRowsAsync(childId, cancellationToken)).SingleOrDefault();

    private async Task<List<RetentionRow>> RetentionRowsAsync(Guid? childId, CancellationToken cancellationToken)
    {
        var children = await db.Children.AsNoTracking().Where(c => c.MergedIntoId == null && (childId == null || c.Id == childId))
            .Select(c => new { c.Id, Name = c.GivenName + " " + c.FamilyName, Born = c.DateOfBirth ?? c.ExpectedDateOfBirth }).ToListAsync(cancellationToken);
        var cases = (await db.Episodes.AsNoTracking().Where(e => !e.IsReferralNoFurtherAction && (childId == null || e.ChildId == childId))
            .Select(e => e.ChildId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var lookedAfter = (await db.LookedAfterPeriods.AsNoTracking().Where(p => childId == null || p.ChildId == childId)
            .Select(p => p.ChildId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var referrals = (await db.Referrals.AsNoTracking().Where(r => childId == null || r.ChildId == childId)
            .Select(r => new { r.ChildId, On = r.DecidedOn ?? r.ReceivedOn }).ToListAsync(cancellationToken))
            .GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => g.Max(r => r.On));
        var today = Today;
        return [.. children.Where(c => c.Born is not null).Select(c =>
        {
            // A child known only through referrals that led to no further action is kept for the shorter period.
            // A child who was ever looked after is kept for the looked after child's period.
            var type = lookedAfter.Contains(c.Id) ? RetentionRecordType.LookedAfterChild
                : !cases.Contains(c.Id) && referrals.ContainsKey(c.Id) ? RetentionRecordType.ReferralNoFurtherAction
                : RetentionRecordType.ChildrensSocialCareCase;
            var reviewOn = retention.ReviewOn(type, c.Born!.Value, referrals.GetValueOrDefault(c.Id, c.Born.Value));
            return new RetentionRow(c.Id, c.Name, type, reviewOn, reviewOn <= today);
        })];
    }

    private async Task<RequestView> ChangeAsync(Guid id, Action<DataProtectionRequest> change, CancellationToken cancellationToken)
    {
        var request = await db.DataProtectionRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        change(request);
        await db.SaveChangesAsync(cancellationToken);
        return RequestView.Of(request, await ChildNameAsync(request.ChildId, cancellationToken), Today);
    }

    private async Task<string> ChildNameAsync(Guid childId, CancellationToken cancellationToken) =>
        await db.Children.Where(c => c.Id == childId).Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken)
        ?? throw new RecordNotFoundException();
}
