using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Errors;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>
/// "Make a referral": the questions, then "Check your answers", then the confirmation with a reference. The
/// answers travel with the form between the two steps, so nothing is saved until the referrer confirms, and
/// everything the referrer confirmed is saved in one transaction.
/// </summary>
public sealed class NewModel(MakeReferral make, IAuthorizationService authorization, TimeProvider time) : PageModel, IMapsRuleFields
{
    public string FormKeyFor(string domainField) => ReferralForm.FieldFor(domainField);

    [BindProperty]
    public ReferralForm Input { get; set; } = new();

    public bool Checking { get; private set; }

    /// <summary>Children's social care staff can record a concern on behalf of the person who raised it.</summary>
    public bool MayRecordForOthers { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        MayRecordForOthers = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        if (!MayRecordForOthers)
        {
            Input.RaisedByOther = false;
        }

        await next();
    }

    public IActionResult OnPostCheck()
    {
        if (!Validate())
        {
            return Page();
        }

        Checking = true;
        return Page();
    }

    public IActionResult OnPostChange() => Page();

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!Validate())
        {
            return Page();
        }

        var socialCare = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        // The form's own id is the idempotency key: pressing "Submit" twice makes one referral.
        var result = await make.HandleAsync(User.AreaId()!.Value, User.PractitionerId()!.Value, Input.ToReferralInput(), "page:" + Input.FormId,
            socialCare, cancellationToken);
        return RedirectToPage("/Referrals/View", new { id = result.Referral.Id, made = true });
    }

    /// <summary>Checks the answers with the same rules the referral and the child's record apply, without saving.</summary>
    private bool Validate()
    {
        Input.ReadDates(ModelState);
        if (Input.RaisedByOther && (string.IsNullOrWhiteSpace(Input.RaiserName) || string.IsNullOrWhiteSpace(Input.RaiserRole)))
        {
            ModelState.AddModelError("Input.RaiserName", "Enter the name of the person who raised the concern and who they are to the child");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        try
        {
            var today = EnglandClock.Today(time);
            var input = Input.ToReferralInput();
            var child = new Child(Guid.NewGuid(), Guid.Empty, RegisterChild.DetailsFrom(input.Child!), today);
            Referral.Receive(Guid.NewGuid(), Guid.Empty, "check", child, new Referrer(null, null, "check", "check", null, null),
                new ReferralDetails(input.Concerns ?? string.Empty, input.HarmTypes ?? [], HarmContext.None, input.ChildsViews, input.FamilyKnows ?? false,
                    input.FamilyAgrees, input.WhyFamilyNotToldOrAgreed, input.Urgency ?? Urgency.Standard, "10",
                    [.. input.Adults!.Select(a => new ReferralAdult(a.Name!, a.Relationship!.Value, null, a.LivesWithChild, a.ParentalResponsibility, null))],
                    input.OtherChildren),
                time.GetUtcNow(), today, null);
            return true;
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(ReferralForm.FieldFor(violation.Field), violation.Message);
            return false;
        }
    }
}

/// <summary>The referral form's answers, flat as the page posts them.</summary>
public sealed class ReferralForm
{
    public Guid FormId { get; set; } = Guid.NewGuid();

    [MaxLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter the child's last name")]
    [MaxLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [Required(ErrorMessage = "Select whether the child has been born")]
    public string? Born { get; set; }

    public string? DobDay { get; set; }

    public string? DobMonth { get; set; }

    public string? DobYear { get; set; }

    public string? EddDay { get; set; }

    public string? EddMonth { get; set; }

    public string? EddYear { get; set; }

    [Required(ErrorMessage = "Select the child's sex, or 'Not known'")]
    public string? Sex { get; set; }

    [Required(ErrorMessage = "Select the child's ethnicity, or 'Information not yet obtained'")]
    public string? EthnicityCode { get; set; }

    [MaxLength(20, ErrorMessage = "NHS number must be 10 digits")]
    public string? NhsNumber { get; set; }

    [Required(ErrorMessage = "Describe your concerns about the child")]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "Concerns must be 10,000 characters or fewer")]
    public string? Concerns { get; set; }

    public List<HarmType> HarmTypes { get; set; } = [];

    public List<HarmContext> HarmContexts { get; set; } = [];

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The child's views must be 10,000 characters or fewer")]
    public string? ChildsViews { get; set; }

    [Required(ErrorMessage = "Select whether the family knows about this referral")]
    public bool? FamilyKnows { get; set; }

    public bool? FamilyAgrees { get; set; }

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The reason must be 10,000 characters or fewer")]
    public string? WhyFamilyNotToldOrAgreed { get; set; }

    [Required(ErrorMessage = "Select how urgent this is")]
    public Urgency? Urgency { get; set; }

    /// <summary>Up to three adults; rows left blank are ignored.</summary>
    public List<AdultRow> Adults { get; set; } = [new(), new(), new()];

    /// <summary>Up to three other children in the household; blank rows are ignored.</summary>
    public List<string?> OtherChildren { get; set; } = [null, null, null];

    /// <summary>Front door staff recording a concern someone else phoned or emailed in.</summary>
    public bool RaisedByOther { get; set; }

    [MaxLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? RaiserName { get; set; }

    [MaxLength(200, ErrorMessage = "This must be 200 characters or fewer")]
    public string? RaiserRole { get; set; }

    [MaxLength(40, ErrorMessage = "Phone number must be 40 characters or fewer")]
    public string? RaiserPhone { get; set; }

    public sealed class AdultRow
    {
        [MaxLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? Name { get; set; }

        public RelationshipKind? Relationship { get; set; }

        public bool LivesWithChild { get; set; }

        public bool ParentalResponsibility { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name);
    }

    public DateOnly? DateOfBirth { get; private set; }

    public DateOnly? ExpectedDateOfBirth { get; private set; }

    public bool IsUnborn => Born == "no";

    /// <summary>Reads the GOV.UK date inputs (day, month, year) into dates, adding an error when one is not a real date.</summary>
    public void ReadDates(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        if (Born == "yes")
        {
            DateOfBirth = ReadDate(state, "Input.DobDay", DobDay, DobMonth, DobYear, "Date of birth");
        }
        else if (Born == "no")
        {
            ExpectedDateOfBirth = ReadDate(state, "Input.EddDay", EddDay, EddMonth, EddYear, "Expected date of birth");
        }
    }

    private static DateOnly? ReadDate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string key, string? day, string? month,
        string? year, string label)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            state.AddModelError(key, $"Enter the {label.ToLowerInvariant()}");
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        state.AddModelError(key, $"{label} must be a real date, like 27 3 2019");
        return null;
    }

    public ReferralInput ToReferralInput() => new()
    {
        Child = new ChildInput
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            DateOfBirth = DateOfBirth,
            ExpectedDateOfBirth = ExpectedDateOfBirth,
            Sex = IsUnborn ? "U" : Sex,
            EthnicityCode = EthnicityCode,
            NhsNumber = NhsNumber,
        },
        Concerns = Concerns,
        HarmTypes = HarmTypes,
        HarmContexts = HarmContexts,
        ChildsViews = ChildsViews,
        FamilyKnows = FamilyKnows,
        FamilyAgrees = FamilyAgrees,
        WhyFamilyNotToldOrAgreed = WhyFamilyNotToldOrAgreed,
        Urgency = Urgency,
        Adults = [.. Adults.Where(a => !a.IsBlank).Select(a => new AdultInput
        {
            Name = a.Name, Relationship = a.Relationship ?? RelationshipKind.Other, LivesWithChild = a.LivesWithChild, ParentalResponsibility = a.ParentalResponsibility,
        })],
        OtherChildren = [.. OtherChildren.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new HouseholdChild(c!, null))],
        OnBehalfOf = RaisedByOther ? new ReferrerInput { Name = RaiserName, Role = RaiserRole, Phone = RaiserPhone } : null,
    };

    /// <summary>The questions in the order the page asks them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.GivenName", "Input.FamilyName", "Input.Born", "Input.DobDay", "Input.EddDay", "Input.Sex", "Input.EthnicityCode",
        "Input.NhsNumber", "Input.Adults", "Input.Concerns", "Input.HarmTypes", "Input.ChildsViews", "Input.FamilyKnows", "Input.WhyFamilyNotToldOrAgreed",
        "Input.Urgency",
    ];

    /// <summary>The form field a domain rule is about, so its message sits by the right question.</summary>
    public static string FieldFor(string? domainField) => domainField switch
    {
        null => string.Empty,
        nameof(Child.DateOfBirth) => "Input.DobDay",
        nameof(Child.ExpectedDateOfBirth) => "Input.EddDay",
        nameof(Child.Sex) => "Input.Sex",
        _ => "Input." + domainField,
    };
}
