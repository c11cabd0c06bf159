using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Access;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>Pre-proceedings: the decision, the letter before proceedings, family group decision-making offered, key discussions, and how they ended (PRE-01, PRE-02).</summary>
public sealed class PreProceedingsModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, PreProceedingsSteps steps,
    AuditLog audit, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public PreProceedingsView Record { get; private set; } = null!;

    public string DecidedByName { get; private set; } = string.Empty;

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public DateField SentOn { get; set; } = new();

    [BindProperty] public string? ExpectationsOfParents { get; set; }

    [BindProperty] public string? Support { get; set; }

    [BindProperty] public DateField MeetingOn { get; set; } = new();

    [BindProperty] public DateField OfferedOn { get; set; } = new();

    [BindProperty] public bool? Accepted { get; set; }

    [BindProperty] public bool? IndependentCoordinator { get; set; }

    [BindProperty] public bool? PrivateFamilyTime { get; set; }

    [BindProperty] public string? WhyNoPrivateFamilyTime { get; set; }

    [BindProperty] public string? Notes { get; set; }

    [BindProperty] public DateField HeldOn { get; set; } = new();

    [BindProperty] public string? Who { get; set; }

    [BindProperty] public string? WhatWasAgreed { get; set; }

    [BindProperty] public PreProceedingsOutcome? Outcome { get; set; }

    [BindProperty] public DateField EndedOn { get; set; } = new();

    [BindProperty] public string? OutcomeReasons { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(Domain.ChildProtection.PreProceedings), id, Record.ChildId, Basis, cancellationToken);
            SentOn = OfferedOn = HeldOn = EndedOn = DateField.Of(Today);
        }

        return loaded;
    }

    public Task<IActionResult> OnPostLetterAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, async () =>
    {
        var sent = SentOn.Read(ModelState, nameof(SentOn), "The date the letter was sent");
        var meeting = MeetingOn.Read(ModelState, nameof(MeetingOn), "The date of the meeting");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await steps.SendLetterAsync(User, id, new LetterInput(sent, ExpectationsOfParents, Support, meeting, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostFamilyGroupAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, async () =>
    {
        var offered = OfferedOn.Read(ModelState, nameof(OfferedOn), "The date of the offer");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await steps.OfferFamilyGroupDecisionMakingAsync(User, id, new FamilyGroupOfferInput(offered, Accepted, IndependentCoordinator, PrivateFamilyTime,
            WhyNoPrivateFamilyTime, Notes, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostDiscussionAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, async () =>
    {
        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the discussion");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await steps.RecordKeyDiscussionAsync(User, id, new KeyDiscussionInput(held, Who, WhatWasAgreed, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, async () =>
    {
        var ended = EndedOn.Read(ModelState, nameof(EndedOn), "The date");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await steps.ConcludeAsync(User, id, new PreProceedingsConclusionInput(Outcome, ended, OutcomeReasons, Version), cancellationToken);
        return true;
    }, cancellationToken);

    private async Task<IActionResult> PostAsync(Guid id, Func<Task<bool>> step, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsChildrenSocialCare)
        {
            return Forbid();
        }

        return await step() ? RedirectToPage(new { id }) : Page();
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await Db.PreProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(record.EpisodeId, cancellationToken);
        if (loaded is PageResult)
        {
            Record = PreProceedingsView.Of(record);
            Version ??= record.Version;
            DecidedByName = (await EpisodeQueries.PeopleAsync(Db, [record.DecidedBy], cancellationToken))[record.DecidedBy].Name;
        }

        return loaded;
    }
}
