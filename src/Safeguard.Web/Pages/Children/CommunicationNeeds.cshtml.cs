using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;

namespace Safeguard.Web.Pages.Children;

/// <summary>The communication needs of the child and each adult in their family network: first language, interpreter, how they communicate (¶14, ¶19).</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class CommunicationNeedsModel(SafeguardDbContext db, CommunicationNeedsSteps steps, AuditLog audit) : PageModel
{
    public Guid ChildId { get; private set; }

    public IReadOnlyList<PersonCommunication> People { get; private set; } = [];

    public PersonCommunication Chosen { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid? Adult { get; set; }

    [BindProperty]
    public string? FirstLanguage { get; set; }

    [BindProperty]
    public bool? InterpreterNeeded { get; set; }

    [BindProperty]
    public string? CommunicationMethod { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FirstLanguage = Chosen.FirstLanguage;
        InterpreterNeeded = Chosen.InterpreterNeeded;
        CommunicationMethod = Chosen.CommunicationMethod;
        await audit.ReadAsync(nameof(Domain.Children.Child), id, id, Policies.ChildrenSocialCareBasis, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await steps.RecordAsync(User, id, Adult, new CommunicationNeedsInput(FirstLanguage, InterpreterNeeded, CommunicationMethod), cancellationToken);
        return Redirect($"/children/{id}/communication-needs");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        ChildId = id;
        People = await CommunicationNeedsSteps.ForChildAsync(db, id, cancellationToken);
        Chosen = People.FirstOrDefault(p => p.FamilyMemberId == Adult)!;
        return Chosen is not null;
    }
}
