using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

public sealed class AttendeeForm
{
    public string? Name { get; set; }

    public string? Agency { get; set; }

    public AttendeeRole? Role { get; set; }
}

public sealed class ActionForm
{
    public string? What { get; set; }

    public string? Who { get; set; }

    public DateField ByWhen { get; set; } = new();
}

/// <summary>A social worker records a strategy discussion: who took part, what was shared and decided, the actions agreed.</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class NewDiscussionModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps,
    Data.Audit.AuditLog audit, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public List<AttendeeForm> Attendees { get; set; } = [];

    [BindProperty]
    public string? InformationShared { get; set; }

    [BindProperty]
    public CriminalInvestigation? PoliceDecision { get; set; }

    [BindProperty]
    public string? PoliceReasons { get; set; }

    [BindProperty]
    public bool? Section47 { get; set; }

    [BindProperty]
    public string? Section47Reasons { get; set; }

    [BindProperty]
    public List<ActionForm> Actions { get; set; } = [];

    [BindProperty]
    public bool? LegalActionNeeded { get; set; }

    [BindProperty]
    public string? WhatToShareWithFamily { get; set; }

    [BindProperty]
    public string? WhyAttendanceShort { get; set; }

    /// <summary>The child is looked after: the residential or fostering service is part of the minimum attendance (RC-05).</summary>
    public bool ChildLookedAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
        HeldOn = DateField.Of(Today);
        ChildLookedAfter = await steps.ChildLookedAfterAsync(Episode.ChildId, cancellationToken);
        Attendees = [.. StrategyDiscussion.MinimumFor(ChildLookedAfter).Select(r => new AttendeeForm { Role = r }), new(), new()];
        Actions = [new(), new(), new()];
        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        ChildLookedAfter = await steps.ChildLookedAfterAsync(Episode.ChildId, cancellationToken);
        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the discussion");
        var actions = new List<ActionInput>();
        foreach (var a in Actions.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || !a.ByWhen.IsEmpty))
        {
            actions.Add(new ActionInput(a.What, a.Who, a.ByWhen.Read(ModelState, $"Actions[{actions.Count}].ByWhen", $"Action {actions.Count + 1}: the date")));
        }

        Actions = [.. Actions.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || !a.ByWhen.IsEmpty)];
        Attendees = [.. Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency))];
        while (Attendees.Count < 3)
        {
            Attendees.Add(new AttendeeForm());
        }

        while (Actions.Count < 1)
        {
            Actions.Add(new ActionForm());
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var discussion = await steps.RecordDiscussionAsync(User, id, new DiscussionInput(held,
            [.. Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency)).Select(a => new AttendeeInput(a.Name, a.Agency, a.Role))],
            InformationShared, PoliceDecision, PoliceReasons, Section47, Section47Reasons, actions, LegalActionNeeded, WhatToShareWithFamily, WhyAttendanceShort),
            cancellationToken);
        return RedirectToPage("/ChildProtection/Discussion", new { id = discussion.Id });
    }
}
