using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.DataProtection;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>One request: extend the time, review and release a subject access export, or decide erasure or rectification.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class RequestModel(DataProtectionSteps steps, Data.SafeguardDbContext db) : PageModel, IMapsRuleFields
{
    public RequestView Answer { get; private set; } = null!;

    /// <summary>Erasure: the day the retention schedule lets the record go, shown before deciding.</summary>
    public RetentionRow? Retention { get; private set; }

    [BindProperty]
    public string? ExtensionReason { get; set; }

    [BindProperty]
    public string? IdentityCheck { get; set; }

    [BindProperty]
    public DateField IdentityCheckedOn { get; set; } = new();

    /// <summary>The officer who recorded the requester's identity check.</summary>
    public string? IdentityCheckedByName { get; private set; }

    [BindProperty]
    public DateField ReviewedOn { get; set; } = new();

    [BindProperty]
    public DateField ReleasedOn { get; set; } = new();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? DecisionReasons { get; set; }

    [BindProperty]
    public string? WhatChanged { get; set; }

    [BindProperty]
    public string? PersonsStatement { get; set; }

    /// <summary>Partly erased: the person in the child's family whose personal data is erased.</summary>
    [BindProperty]
    public Guid? FamilyMemberId { get; set; }

    /// <summary>Partly erased: the referral whose referrer's personal data is erased.</summary>
    [BindProperty]
    public Guid? ReferrerOfReferralId { get; set; }

    [BindProperty]
    public string? CorrectedGivenName { get; set; }

    [BindProperty]
    public string? CorrectedFamilyName { get; set; }

    [BindProperty]
    public DateField CorrectedDateOfBirth { get; set; } = new();

    /// <summary>Set by the confirmation form: the officer has seen what the decision erases or corrects.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>What the decision will erase or correct, shown for the officer to confirm before anything changes.</summary>
    public string? Confirmation { get; private set; }

    /// <summary>Erasure: the adults in the child's family, and the referrals about the child with their referrers.</summary>
    public IReadOnlyList<(string Value, string Label, string? Hint)> FamilyMembers { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label, string? Hint)> Referrers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await steps.ExtendAsync(id, ExtensionReason, cancellationToken);
        return Redirect($"/data-protection/requests/{id}");
    }

    public async Task<IActionResult> OnPostIdentityCheckAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var on = IdentityCheckedOn.Read(ModelState, nameof(IdentityCheckedOn), "The date the identity was checked");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordIdentityCheckAsync(User, id, new IdentityCheckInput(IdentityCheck, on), cancellationToken);
        return Redirect($"/data-protection/requests/{id}");
    }

    public async Task<IActionResult> OnPostReviewedAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var on = ReviewedOn.Read(ModelState, nameof(ReviewedOn), "The date reviewed");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.MarkReviewedAsync(id, on, cancellationToken);
        return Redirect($"/data-protection/requests/{id}");
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var on = ReleasedOn.Read(ModelState, nameof(ReleasedOn), "The date released");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.DecideAsync(User, id, new DecisionInput(RequestOutcome.Released, null, null, null, on), cancellationToken);
        return Redirect($"/data-protection/requests/{id}");
    }

    /// <summary>
    /// Records a decision. One that erases or corrects data is checked and shown for confirmation first (nothing changes
    /// until the officer confirms); bad input is shown in the error summary at either point, as the API answers it.
    /// </summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var born = CorrectedDateOfBirth.Read(ModelState, nameof(CorrectedDateOfBirth), "The corrected date of birth");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new DecisionInput(Enum.TryParse<RequestOutcome>(Outcome, out var outcome) ? outcome : null,
            DecisionReasons, WhatChanged, PersonsStatement, null, FamilyMemberId, ReferrerOfReferralId, CorrectedGivenName, CorrectedFamilyName, born);
        if (!Confirmed)
        {
            Confirmation = await steps.WhatWillBeDoneAsync(User, id, input, cancellationToken);
            if (Confirmation is not null)
            {
                return Page();
            }
        }

        await steps.DecideAsync(User, id, input, cancellationToken);
        return Redirect($"/data-protection/requests/{id}");
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        "DecidedOn" => nameof(ReleasedOn),
        _ => domainField,
    };

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Answer = await steps.GetAsync(id, cancellationToken);
        if (Answer.IdentityCheckedBy is { } checker)
        {
            IdentityCheckedByName = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Practitioners.Where(p => p.Id == checker).Select(p => p.GivenName + " " + p.FamilyName), cancellationToken);
        }

        if (Answer.Kind == RequestKind.Erasure)
        {
            Retention = await steps.RetentionAsync(Answer.ChildId, cancellationToken);
            var (members, referrals) = await steps.ErasableAsync(Answer.ChildId, cancellationToken);
            FamilyMembers = members;
            Referrers = referrals;
        }
    }
}
