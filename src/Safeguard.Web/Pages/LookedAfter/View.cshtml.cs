using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.LookedAfter;
using Safeguard.Web.Access;
using Safeguard.Web.Forms;
using Safeguard.Web.LookedAfter;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>
/// A period of care: the legal basis and its changes, where the child lives, and the notifications the placements call for
/// (LAC-02) — which are still to send. Warns while there is no care plan (LAC-01) or a section 47 enquiry has no care plan
/// review alongside it (LAC-03).
/// </summary>
public sealed class ViewModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, LookedAfterSteps steps, AuditLog audit,
    TimeProvider time) : LookedAfterPage(db, access, authorization, steps, audit, time)
{
    [BindProperty]
    public LegalStatus? LegalStatus { get; set; }

    [BindProperty]
    public DateField From { get; set; } = new();

    [BindProperty]
    public DateField PlacementStartedOn { get; set; } = new();

    [BindProperty]
    public PlacementType? PlacementType { get; set; }

    [BindProperty]
    public string? PlacementWhere { get; set; }

    [BindProperty]
    public bool? OutOfArea { get; set; }

    [BindProperty]
    public string? ReceivingAuthority { get; set; }

    /// <summary>The notification being recorded: placement, event and party.</summary>
    [BindProperty]
    public string? Notification { get; set; }

    [BindProperty]
    public DateField SentOn { get; set; } = new();

    [BindProperty]
    public string? SentTo { get; set; }

    [BindProperty]
    public string? WhatWasShared { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPeriodAsync(id, audited: true, cancellationToken);
        From = PlacementStartedOn = SentOn = DateField.Of(Today);
        return loaded;
    }

    public Task<IActionResult> OnPostLegalStatusAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "LegalStatus", async () =>
    {
        var from = From.Read(ModelState, nameof(From), "The date");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.ChangeLegalStatusAsync(User, id, new LegalStatusInput(LegalStatus, from, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostPlacementAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Placements", async () =>
    {
        var on = PlacementStartedOn.Read(ModelState, nameof(PlacementStartedOn), "The date of the move");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.MovePlacementAsync(User, id, new PlacementInput(on, PlacementType, PlacementWhere, OutOfArea, ReceivingAuthority, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostNotificationAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Notifications", async () =>
    {
        var on = SentOn.Read(ModelState, nameof(SentOn), "The date it was sent");
        if (!ModelState.IsValid)
        {
            return false;
        }

        var (placementId, placementEvent, party) = Parse(Notification);
        await Steps.RecordNotificationAsync(User, id, new NotificationInput(placementId, placementEvent, party, on, SentTo, WhatWasShared, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "PlacementStartedOn" => nameof(PlacementStartedOn),
        "LegalStatus" or "From" or "PlacementType" or "PlacementWhere" or "OutOfArea" or "ReceivingAuthority" or "Notification" or "SentOn" or "SentTo" => domainField,
        _ => string.Empty,
    };

    /// <summary>The value of a notification's radio: placement, event and party.</summary>
    public static string Key(NotificationDue due) => $"{due.PlacementId}:{due.Event}:{due.Party}";

    private static (Guid?, PlacementEvent?, NotifiedParty?) Parse(string? key)
    {
        var parts = (key ?? string.Empty).Split(':');
        return parts.Length == 3 && Guid.TryParse(parts[0], out var placement) && Enum.TryParse<PlacementEvent>(parts[1], out var e)
            && Enum.TryParse<NotifiedParty>(parts[2], out var party)
            ? (placement, e, party)
            : (null, null, null);
    }
}
