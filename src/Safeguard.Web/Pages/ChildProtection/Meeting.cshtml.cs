using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// A conference's papers: who is invited and whose report has come, the family's preparation and the lead
/// practitioner's report, and — once held — its decision. An invitee sends their agency's report here; children's
/// social care records the preparation and reports that came by other means.
/// </summary>
[Authorize]
public sealed class MeetingModel(ConferenceMeetings meetings, Data.SafeguardDbContext db, AuditLog audit, TimeProvider time) : PageModel, IMapsRuleFields
{
    public MeetingView Meeting { get; private set; } = null!;

    /// <summary>The invitation of the signed-in practitioner, if they are invited with their account.</summary>
    public Invitation? Mine { get; private set; }

    public bool IsChildrenSocialCare { get; private set; }

    [BindProperty]
    public Guid? InvitationId { get; set; }

    [BindProperty]
    public string? Report { get; set; }

    [BindProperty]
    public bool? ShareWithFamily { get; set; }

    [BindProperty]
    public string? WhyNotShare { get; set; }

    [BindProperty]
    public DateField FamilyToldOn { get; set; } = new();

    [BindProperty]
    public bool? AdvocacyOffered { get; set; }

    [BindProperty]
    public string? ChildPreparation { get; set; }

    [BindProperty]
    public string? LeadReport { get; set; }

    [BindProperty]
    public DateField LeadReportSharedOn { get; set; } = new();

    [BindProperty]
    public string? WhyReportNotShared { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public InviteeForm Invitee { get; set; } = new();

    /// <summary>The area's practitioners, for children's social care to invite someone else by their account.</summary>
    public IReadOnlyList<FamilyHelp.PersonView> People { get; private set; } = [];

    /// <summary>Part of a name, job or agency narrowing the practitioners offered to invite.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(ConferenceMeeting), id, Meeting.ChildId, Basis, cancellationToken);
            FamilyToldOn = DateField.Of(Meeting.FamilyToldOn);
            AdvocacyOffered = Meeting.AdvocacyOffered;
            ChildPreparation = Meeting.ChildPreparation;
            LeadReport = Meeting.LeadReport;
            LeadReportSharedOn = DateField.Of(Meeting.LeadReportSharedOn);
            WhyReportNotShared = Meeting.WhyReportNotShared;
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await meetings.SubmitReportAsync(User, id, new ReportInput(InvitationId, Report, ShareWithFamily, WhyNotShare, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPreparationAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var told = FamilyToldOn.IsEmpty ? null : FamilyToldOn.Read(ModelState, nameof(FamilyToldOn), "The day the family were told");
        var shared = LeadReportSharedOn.IsEmpty ? null : LeadReportSharedOn.Read(ModelState, nameof(LeadReportSharedOn), "The day the report was shared");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await meetings.RecordPreparationAsync(User, id, new PreparationInput(told, AdvocacyOffered, ChildPreparation, LeadReport, shared, WhyReportNotShared, Version),
            cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await meetings.InviteAsync(User, id, new InviteInput([new InvitationInput(Invitee.PractitionerId, Invitee.Name, Invitee.Agency)], Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        "Invitations" or "Invitations[0].PractitionerId" => "Invitee.PractitionerId",
        "Invitations[0].Name" => "Invitee.Name",
        "Invitations[0].Agency" => "Invitee.Agency",
        "WhyReportNotShared" => nameof(WhyReportNotShared),
        _ => domainField,
    };

    private string Basis { get; set; } = string.Empty;

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await meetings.ViewAsync(User, id, cancellationToken) is not { } seen)
        {
            return NotFound();
        }

        (Meeting, Basis) = seen;
        Version ??= Meeting.Version;
        Mine = Meeting.Invitations.FirstOrDefault(i => i.PractitionerId is { } p && p == User.PractitionerId());
        IsChildrenSocialCare = User.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare && !Basis.StartsWith(Access.MeetingAccess.InvitedBasisPrefix, StringComparison.Ordinal);
        Today = EnglandClock.Today(time);
        if (IsChildrenSocialCare && Meeting.HeldOn is null)
        {
            People = await FamilyHelp.PractitionerPicker.FindAsync(db, Find, Invitee.PractitionerId is { } chosen ? [chosen] : [], cancellationToken);
        }

        return Page();
    }
}
