using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Account;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.InformationSharing;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// The section 47 enquiry: the lead records the child seen (alone, or why not), their wishes and feelings, parents
/// interviewed, joint work with police and specialist assessments, then concludes it with the outcome and reasons.
/// </summary>
public sealed class EnquiryModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps, AuditLog audit,
    TimeProvider time, TellingSteps tellings) : EpisodePage(db, access, authorization, time)
{
    public Section47Enquiry Enquiry { get; private set; } = null!;

    public string LeadName { get; private set; } = string.Empty;

    public DateOnly ConferenceDueBy { get; private set; }

    public bool IsEnquiryLead { get; private set; }

    public bool ConferenceHeld { get; private set; }

    /// <summary>The initial conference arranged for this enquiry, if it has been.</summary>
    public Guid? MeetingId { get; private set; }

    public Guid? PlanId { get; private set; }

    [BindProperty]
    public DateField ChildSeenOn { get; set; } = new();

    [BindProperty]
    public bool? SeenAlone { get; set; }

    [BindProperty]
    public string? WhyNotSeenAlone { get; set; }

    [BindProperty]
    public string? ChildsWishesAndFeelings { get; set; }

    [BindProperty]
    public bool? ParentsInterviewed { get; set; }

    [BindProperty]
    public bool? JointWithPolice { get; set; }

    [BindProperty]
    public string? SpecialistAssessments { get; set; }

    [BindProperty]
    public bool SuspectedSexualAbuse { get; set; }

    [BindProperty]
    public string? HealthRepresentative { get; set; }

    [BindProperty]
    public Section47Outcome? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeReasons { get; set; }

    [BindProperty]
    public bool? ReasonsShared { get; set; }

    [BindProperty]
    public string? OngoingSupport { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public string? RequestedBy { get; set; }

    [BindProperty]
    public string? RequestAgency { get; set; }

    [BindProperty]
    public string? Concerns { get; set; }

    [BindProperty]
    public bool? Agreed { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            var e = Enquiry;
            (ChildSeenOn, SeenAlone, WhyNotSeenAlone, ChildsWishesAndFeelings) = (DateField.Of(e.ChildSeenOn), e.SeenAlone, e.WhyNotSeenAlone, e.ChildsWishesAndFeelings);
            (ParentsInterviewed, JointWithPolice, SpecialistAssessments, SuspectedSexualAbuse, HealthRepresentative) =
                (e.ParentsInterviewed, e.JointWithPolice, e.SpecialistAssessments, e.SuspectedSexualAbuse, e.HealthRepresentative);
            await audit.ReadAsync("Section47Enquiry", id, e.ChildId,
                Basis, cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var seen = ChildSeenOn.Read(ModelState, nameof(ChildSeenOn), "The date the child was seen");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordEnquiryAsync(User, id, new EnquiryInput(seen, SeenAlone, WhyNotSeenAlone, ChildsWishesAndFeelings, ParentsInterviewed, JointWithPolice,
            SpecialistAssessments, SuspectedSexualAbuse, HealthRepresentative, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.ConcludeAsync(User, id, new EnquiryOutcomeInput(Outcome, OutcomeReasons, ReasonsShared, OngoingSupport, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.RequestConferenceAsync(User, id, new ConferenceRequestInput(RequestedBy, RequestAgency, Concerns, null), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsManager)
        {
            return Forbid();
        }

        await steps.AnswerConferenceRequestAsync(User, id, new ConferenceAnswerInput(Agreed, Answer), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.EscalateRefusalAsync(User, id, cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>Who was told: the police's reasons shared with an agency (S47-09), the referrer told the outcome (S47-10).</summary>
    public ToldSection Tellings { get; private set; } = null!;

    [BindProperty]
    public TellingForm Told { get; set; } = new();

    public async Task<IActionResult> OnPostToldAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var input = Told.Read(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await tellings.AboutEnquiryAsync(User, id, input, cancellationToken);
        return Redirect($"/section-47/{id}#told");
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        _ when Request.Query["handler"] == "Told" => TellingForm.KeyFor(domainField),
        "ChildSeenOn" => nameof(ChildSeenOn),
        "Concerns" => nameof(Concerns),
        "RequestedOn" => nameof(Concerns),
        _ => domainField,
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var enquiry = await Db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (enquiry is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(enquiry.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Enquiry = enquiry;
        ConferenceDueBy = steps.ConferenceDueBy(enquiry);
        IsEnquiryLead = enquiry.LeadId == User.PractitionerId();
        LeadName = (await EpisodeQueries.PeopleAsync(Db, [enquiry.LeadId], cancellationToken))[enquiry.LeadId].Name;
        Version ??= enquiry.Version;
        var conference = await Db.Conferences.AsNoTracking().Where(c => c.Section47EnquiryId == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        ConferenceHeld = conference is not null;
        MeetingId = await Db.ConferenceMeetings.Where(m => m.Section47EnquiryId == id).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        PlanId = conference is null ? null
            : await Db.ChildProtectionPlans.Where(p => p.ConferenceId == conference).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var told = await tellings.OfAsync("Section47Enquiry", id, cancellationToken);
        Tellings = new ToldSection(told, Domain.InformationSharing.Telling.EnquiryTopics, IsChildrenSocialCare, Told,
            enquiry.IsConcluded && !told.Any(t => t.Topic == Domain.InformationSharing.TellingTopic.Section47OutcomeToReferrer) ? ["the referrer, of the outcome (S47-10)"] : [],
            "When no criminal investigation follows, the police's reasons are shared with every agency (S47-09); once concluded, the referrer is told the outcome and why (S47-10).");
        return loaded;
    }
}
