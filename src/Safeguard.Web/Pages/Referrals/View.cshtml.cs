using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Queries;
using Safeguard.Domain.Children;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Errors;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>
/// One referral: the referrer sees what they sent and the outcome with its reasons, and can escalate; the front
/// door sees it all, and a social work qualified manager records the decision and answers escalations.
/// </summary>
public sealed class ViewModel(SafeguardDbContext db, AuditLog audit, IAuthorizationService authorization, RecordReferralDecision decide,
    MergeChildRecords merge, WorkingDayCalendar calendar, TimeProvider time) : PageModel, IMapsRuleFields
{
    public Referral Referral { get; private set; } = null!;

    public string ChildName { get; private set; } = string.Empty;

    public bool IsReferrer { get; private set; }

    /// <summary>Children's social care staff, who may also have recorded the referral for someone who phoned it in.</summary>
    public bool IsChildrenSocialCare { get; private set; }

    public bool CanDecide { get; private set; }

    public bool JustMade { get; private set; }

    /// <summary>REF-04: the decision is due one working day after receipt.</summary>
    public DateOnly DecisionDueOn { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>For children's social care: existing records that may be this child, so one child keeps one record.</summary>
    public IReadOnlyList<(Child Child, ChildMatch Match)> LikelyMatches { get; private set; } = [];

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    /// <summary>The date the acknowledgement was sent, as typed (like 2026-11-21).</summary>
    [BindProperty]
    public string? AckDate { get; set; }

    /// <summary>The time it was sent, as typed (like 14:30).</summary>
    [BindProperty]
    public string? AckTime { get; set; }

    [BindProperty]
    public AcknowledgementMethod? AckHow { get; set; }

    /// <summary>The front door records the acknowledgement of a phoned or emailed concern as it was sent (REF-04).</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, [FromServices] RecordReferralAcknowledgement acknowledge,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsChildrenSocialCare)
        {
            return Forbid();
        }

        ModelState.Clear();
        DateTimeOffset? sentAt = null;
        if (!DateTime.TryParseExact($"{AckDate?.Trim()} {AckTime?.Trim()}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local))
        {
            ModelState.AddModelError(nameof(AckDate), "Enter the date (like 2026-11-21) and time (like 14:30) the acknowledgement was sent");
        }
        else
        {
            sentAt = EnglandClock.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }

        if (AckHow is null)
        {
            ModelState.AddModelError(nameof(AckHow), "Select how the referrer was told");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await acknowledge.HandleAsync(id, User.PractitionerId()!.Value, new AcknowledgementInput { SentAt = sentAt, How = AckHow }, cancellationToken);
        return RedirectToPage(new { id });
    }

    [BindProperty]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "This must be 10,000 characters or fewer")]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool made, CancellationToken cancellationToken)
    {
        JustMade = made;
        return await LoadAsync(id, audited: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Decision.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await decide.HandleAsync(id, User.PractitionerId()!.Value, Decision, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSameChildAsync(Guid id, Guid existingChildId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded)
        {
            return Forbid();
        }

        await merge.HandleAsync(Referral.ChildId, existingChildId, cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>The referrer escalates the decision: the same step as the API's, which decides who may take it.</summary>
    public Task<IActionResult> OnPostEscalateAsync(Guid id, [FromServices] ReferralEscalations escalations, CancellationToken cancellationToken) =>
        TakeAsync(id, () => escalations.EscalateAsync(User, id, Text, cancellationToken), cancellationToken);

    /// <summary>A manager responds to the escalation: the same step as the API's.</summary>
    public Task<IActionResult> OnPostRespondAsync(Guid id, [FromServices] ReferralEscalations escalations, CancellationToken cancellationToken) =>
        TakeAsync(id, () => escalations.RespondAsync(User, id, Text, cancellationToken), cancellationToken);

    /// <summary>
    /// Takes a step that decides itself who may take it: refused people see the access-denied page; a broken rule shows the
    /// page again, loaded, with the rule in the error summary (<see cref="RuleViolationPageFilter"/>).
    /// </summary>
    private async Task<IActionResult> TakeAsync(Guid id, Func<Task<ReferralView?>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step() is null ? NotFound() : RedirectToPage(new { id });
        }
        catch (Domain.RuleViolationException)
        {
            // Whoever may take the step may see the referral: load it to show the page again with the rule.
            await LoadAsync(id, audited: false, cancellationToken);
            throw;
        }
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        "DecisionReasons" => "Decision.Reasons",
        "PrimaryNeedCode" or "SuggestedServices" or "LateReason" => "Decision." + domainField,
        "AcknowledgedAt" or "SentAt" => nameof(AckDate),
        "AcknowledgedHow" or "How" => nameof(AckHow),
        _ => nameof(Text),
    };

    private async Task<IActionResult> LoadAsync(Guid id, bool audited, CancellationToken cancellationToken)
    {
        var found = await ReferralQueries.FindAsync(db, id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var socialCare = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        IsReferrer = found.Value.Referral.Referrer.PractitionerId == User.PractitionerId();
        IsChildrenSocialCare = socialCare;
        if (!socialCare && !IsReferrer)
        {
            return Forbid();
        }

        CanDecide = (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
        Referral = found.Value.Referral;
        DecisionDueOn = StatutoryRules.ReferralDecision.Due(Referral.ReceivedOn, calendar)!.Value;
        Today = EnglandClock.Today(time);
        // The referrer is shown the child as they described them, never the record the front door holds or joined it to.
        ChildName = !socialCare && Referral.ChildAsSent is { } asSent ? asSent.FullName : found.Value.ChildName;
        if (socialCare)
        {
            var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == Referral.ChildId, cancellationToken);
            LikelyMatches = await db.Children.AsNoTracking().LikelyMatchesAsync(
                new ChildProbe(child.GivenName, child.FamilyName, child.DateOfBirth, child.NhsNumber, child.CurrentAddress?.Postcode), child.Id,
                cancellationToken);
            if (LikelyMatches.Count > 0 && audited)
            {
                await audit.SearchedAsync("Likely existing records for a referral", [.. LikelyMatches.Select(m => m.Child.Id)],
                    Policies.ChildrenSocialCareBasis, cancellationToken);
            }
        }

        if (audited)
        {
            await audit.ReadAsync(nameof(Domain.Referrals.Referral), id, Referral.ChildId,
                IsReferrer ? Policies.ReferrerBasis : Policies.ChildrenSocialCareBasis, cancellationToken);
        }

        return Page();
    }
}
