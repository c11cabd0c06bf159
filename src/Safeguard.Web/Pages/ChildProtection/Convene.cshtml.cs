using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

public sealed class InviteeForm
{
    public Guid? PractitionerId { get; set; }

    public string? Name { get; set; }

    public string? Agency { get; set; }
}

/// <summary>
/// Arranges a child protection conference — initial (pre-birth for an unborn child), review or transfer-in — with its
/// date and invitations: practitioners with accounts chosen from the area, and anyone else by name and agency.
/// </summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class ConveneModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ConferenceMeetings meetings, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty(SupportsGet = true)]
    public ConferenceKind Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Enquiry { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Plan { get; set; }

    [BindProperty]
    public DateField ScheduledFor { get; set; } = new();

    [BindProperty]
    public List<InviteeForm> Practitioners { get; set; } = [];

    [BindProperty]
    public List<InviteeForm> Others { get; set; } = [];

    public IReadOnlyList<PersonView> People { get; private set; } = [];

    /// <summary>Part of a name, job or agency narrowing the practitioners offered (at most <see cref="PractitionerPicker.MaxShown"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync("Episode", id, Episode.ChildId, Basis, cancellationToken);
            Practitioners = [new(), new(), new(), new(), new()];
            Others = [new(), new(), new()];
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var on = ScheduledFor.Read(ModelState, nameof(ScheduledFor), "The date of the conference");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var invitations = Practitioners.Where(p => p.PractitionerId is not null).Select(p => new InvitationInput(p.PractitionerId, null, null))
            .Concat(Others.Select(o => new InvitationInput(null, o.Name, o.Agency))).ToList();
        var meeting = await meetings.ConveneAsync(User, id, new ConveneInput(Kind, Enquiry, Plan, on, invitations), cancellationToken);
        return RedirectToPage("/ChildProtection/Meeting", new { id = meeting.Id });
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "Invitations" => "Practitioners[0].PractitionerId",
        _ when domainField.StartsWith("Invitations[", StringComparison.Ordinal) => "Others[0].Name",
        _ => domainField,
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var unborn = await Db.Children.Where(c => c.Id == Episode.ChildId).Select(c => c.DateOfBirth == null).SingleAsync(cancellationToken);
        Title = "Arrange the " + ConferenceMeetings.TitleOf(Kind, unborn).ToLowerInvariant();
        People = await PractitionerPicker.FindAsync(Db, Find, Practitioners.Where(p => p.PractitionerId is not null).Select(p => p.PractitionerId!.Value),
            cancellationToken);
        return loaded;
    }
}
