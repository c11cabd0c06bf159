using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Domain;
using Safeguard.Domain.Children;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Children;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>One question page of "Make a referral": its name in the form, its heading, and the answers it asks for.</summary>
public sealed record ReferralQuestion(string Name, string Title, IReadOnlyList<string> Fields)
{
    /// <summary>The error-summary keys of this page's answers, in the order the page asks them.</summary>
    public IReadOnlyList<string> FieldOrder { get; } = [.. Fields.Select(f => "Input." + f)];

    /// <summary>Whether a form key ("Input.Adults[0].Name") is one of this page's answers.</summary>
    public bool Owns(string key) => Fields.Any(f => key == "Input." + f || key.StartsWith("Input." + f + "[", StringComparison.Ordinal));
}

/// <summary>The question pages, in the order the referrer meets them; "Check your answers" follows the last.</summary>
public static class ReferralQuestions
{
    public const string CheckAnswers = "check";

    public static readonly ReferralQuestion Child = new("child", "About the child",
    [
        nameof(ReferralForm.GivenName), nameof(ReferralForm.FamilyName), nameof(ReferralForm.Born), nameof(ReferralForm.DobDay),
        nameof(ReferralForm.DobMonth), nameof(ReferralForm.DobYear), nameof(ReferralForm.EddDay), nameof(ReferralForm.EddMonth),
        nameof(ReferralForm.EddYear), nameof(ReferralForm.PregnantPersonName), nameof(ReferralForm.Sex), nameof(ReferralForm.EthnicityCode),
        nameof(ReferralForm.NhsNumber),
    ]);

    public static readonly ReferralQuestion Household = new("household", "Other children in the household", [nameof(ReferralForm.OtherChildren)]);

    public static readonly ReferralQuestion Adults = new("adults", "Parents, carers and other adults", [nameof(ReferralForm.Adults)]);

    public static readonly ReferralQuestion Concerns = new("concerns", "Your concerns about the child",
        [nameof(ReferralForm.Concerns), nameof(ReferralForm.HarmTypes), nameof(ReferralForm.HarmContexts)]);

    public static readonly ReferralQuestion Views = new("views", "What has the child said, and what do they want?", [nameof(ReferralForm.ChildsViews)]);

    public static readonly ReferralQuestion Family = new("family", "Does the family know about this referral?",
        [nameof(ReferralForm.Family), nameof(ReferralForm.WhyFamilyNotToldOrAgreed)]);

    public static readonly ReferralQuestion Urgency = new("urgency", "How urgent is this?", [nameof(ReferralForm.Urgency)]);

    public static readonly ReferralQuestion Contact = new("contact", "Your contact details",
    [
        nameof(ReferralForm.RaisedByOther), nameof(ReferralForm.RaiserName), nameof(ReferralForm.RaiserRole), nameof(ReferralForm.RaiserPhone),
        nameof(ReferralForm.SourceCode), nameof(ReferralForm.ContactPhone), nameof(ReferralForm.ReceivedDate), nameof(ReferralForm.ReceivedTime),
    ]);

    public static readonly IReadOnlyList<ReferralQuestion> InOrder = [Child, Household, Adults, Concerns, Views, Family, Urgency, Contact];

    public static ReferralQuestion? Named(string? name) => InOrder.FirstOrDefault(q => q.Name == name);

    public static ReferralQuestion? Owning(string key) => InOrder.FirstOrDefault(q => q.Owns(key));

    /// <summary>The page after <paramref name="question"/>, or null after the last.</summary>
    public static ReferralQuestion? After(ReferralQuestion question) => InOrder.SkipWhile(q => q != question).Skip(1).FirstOrDefault();

    /// <summary>The page before <paramref name="question"/>, or null before the first.</summary>
    public static ReferralQuestion? Before(ReferralQuestion question) => InOrder.TakeWhile(q => q != question).LastOrDefault();
}

/// <summary>Whether the family knows about the referral and agrees to it (¶164: consent is not needed to protect a child).</summary>
public enum FamilyAwareness
{
    KnowsAndAgrees,
    KnowsButDoesNotAgree,
    DoesNotKnow,
}

/// <summary>
/// The referral form's answers as the referrer gives them, page by page. Dates stay as typed (day, month, year) so an
/// answer the referrer must correct is shown back exactly; they become dates when read.
/// </summary>
public sealed class ReferralForm
{
    public const int NameLength = 200;

    /// <summary>The rows of people a page offers: as many as were filled in, and at least three.</summary>
    public const int RowsOffered = 3;

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

    /// <summary>For a pre-birth referral: the pregnant person, who joins the unborn child's family network.</summary>
    [MaxLength(NameLength, ErrorMessage = "The pregnant person's name must be 200 characters or fewer")]
    public string? PregnantPersonName { get; set; }

    public string? Sex { get; set; }

    [Required(ErrorMessage = "Select the child's ethnicity, or 'Information not yet obtained'")]
    public string? EthnicityCode { get; set; }

    [MaxLength(20, ErrorMessage = "NHS number must be 10 digits")]
    public string? NhsNumber { get; set; }

    /// <summary>Other children in the household; blank rows are ignored.</summary>
    public List<NameRow> OtherChildren { get; set; } = [];

    /// <summary>Parents, carers and other adults; blank rows are ignored.</summary>
    public List<AdultRow> Adults { get; set; } = [];

    [Required(ErrorMessage = "Describe your concerns about the child")]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "Concerns must be 10,000 characters or fewer")]
    public string? Concerns { get; set; }

    public List<HarmType> HarmTypes { get; set; } = [];

    public List<HarmContext> HarmContexts { get; set; } = [];

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The child's views must be 10,000 characters or fewer")]
    public string? ChildsViews { get; set; }

    [Required(ErrorMessage = "Select whether the family knows about this referral")]
    public FamilyAwareness? Family { get; set; }

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The reason must be 10,000 characters or fewer")]
    public string? WhyFamilyNotToldOrAgreed { get; set; }

    [Required(ErrorMessage = "Select how urgent this is")]
    public Urgency? Urgency { get; set; }

    /// <summary>Front door staff recording a concern someone else phoned, emailed or brought in.</summary>
    public bool RaisedByOther { get; set; }

    [MaxLength(NameLength, ErrorMessage = "Their name must be 200 characters or fewer")]
    public string? RaiserName { get; set; }

    [MaxLength(NameLength, ErrorMessage = "Who they are to the child must be 200 characters or fewer")]
    public string? RaiserRole { get; set; }

    [MaxLength(40, ErrorMessage = "Their phone number must be 40 characters or fewer")]
    public string? RaiserPhone { get; set; }

    /// <summary>
    /// The DfE referral source (N00152) the front door chooses for a concern they record for someone else; 1A when none is
    /// chosen. A partner's referral takes its source from their agency, and a partner sending one is refused.
    /// </summary>
    [MaxLength(2, ErrorMessage = "Select where the concern came from in the list")]
    public string? SourceCode { get; set; }

    /// <summary>The date a concern phoned or emailed in was received, as typed (like 2026-11-21); blank when it is keyed as it comes in.</summary>
    [MaxLength(10, ErrorMessage = "Enter the date like 2026-11-21")]
    public string? ReceivedDate { get; set; }

    /// <summary>The time it was received, as typed (like 14:30).</summary>
    [MaxLength(5, ErrorMessage = "Enter the time like 14:30")]
    public string? ReceivedTime { get; set; }

    /// <summary>When the concern was received, as a moment in England; null when not given or not a real date and time.</summary>
    [JsonIgnore]
    public DateTimeOffset? ReceivedAt =>
        DateTime.TryParseExact($"{ReceivedDate?.Trim()} {ReceivedTime?.Trim()}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local)
            ? Domain.Calendar.EnglandClock.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : null;

    [JsonIgnore]
    public bool ReceivedGiven => !string.IsNullOrWhiteSpace(ReceivedDate) || !string.IsNullOrWhiteSpace(ReceivedTime);

    /// <summary>The referrer's own phone number, so the front door can call them back.</summary>
    [MaxLength(40, ErrorMessage = "Your phone number must be 40 characters or fewer")]
    public string? ContactPhone { get; set; }

    public sealed class NameRow
    {
        [MaxLength(NameLength, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [JsonIgnore]
        public bool IsBlank => string.IsNullOrWhiteSpace(Name);
    }

    public sealed class AdultRow
    {
        [MaxLength(NameLength, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? Name { get; set; }

        public RelationshipKind? Relationship { get; set; }

        public bool LivesWithChild { get; set; }

        public bool ParentalResponsibility { get; set; }

        [JsonIgnore]
        public bool IsBlank => string.IsNullOrWhiteSpace(Name);
    }

    [JsonIgnore]
    public bool IsUnborn => Born == "no";

    [JsonIgnore]
    public DateOnly? DateOfBirth => Born == "yes" ? DateFrom(DobDay, DobMonth, DobYear) : null;

    [JsonIgnore]
    public DateOnly? ExpectedDateOfBirth => IsUnborn ? DateFrom(EddDay, EddMonth, EddYear) : null;

    [JsonIgnore]
    public IEnumerable<AdultRow> NamedAdults => Adults.Where(a => !a.IsBlank);

    [JsonIgnore]
    public IEnumerable<string> NamedOtherChildren => OtherChildren.Where(c => !c.IsBlank).Select(c => c.Name!.Trim());

    /// <summary>Keeps the answers <paramref name="posted"/> gives to one page's questions; the other pages' answers stay.</summary>
    public void TakeAnswers(ReferralQuestion question, ReferralForm posted)
    {
        foreach (var field in question.Fields)
        {
            var property = typeof(ReferralForm).GetProperty(field)!;
            property.SetValue(this, property.GetValue(posted));
        }

        OfferRows();
    }

    /// <summary>Pads the rows of people so each page shows at least <see cref="RowsOffered"/> to fill in.</summary>
    public void OfferRows()
    {
        while (Adults.Count < RowsOffered)
        {
            Adults.Add(new AdultRow());
        }

        while (OtherChildren.Count < RowsOffered)
        {
            OtherChildren.Add(new NameRow());
        }
    }

    /// <summary>
    /// Checks one page's answers: their shape first, then the rules the referral and the child's record apply, as far as
    /// the answers given so far let them run. A rule about a later page waits for that page; all run again before sending.
    /// </summary>
    public void Validate(ReferralQuestion question, ModelStateDictionary state, DateOnly today, DateTimeOffset now, bool socialCare)
    {
        foreach (var field in question.Fields)
        {
            var property = typeof(ReferralForm).GetProperty(field)!;
            var results = new List<ValidationResult>();
            Validator.TryValidateProperty(property.GetValue(this), new ValidationContext(this) { MemberName = field }, results);
            AddErrors(state, "Input." + field, results);
        }

        if (question == ReferralQuestions.Child)
        {
            ValidateChild(state);
        }
        else if (question == ReferralQuestions.Household)
        {
            ValidateRows(state, nameof(OtherChildren), OtherChildren);
        }
        else if (question == ReferralQuestions.Adults)
        {
            ValidateRows(state, nameof(Adults), Adults);
            for (var n = 0; n < Adults.Count; n++)
            {
                if (!Adults[n].IsBlank && Adults[n].Relationship is null)
                {
                    state.AddModelError($"Input.Adults[{n}].Relationship", $"Select who {Adults[n].Name!.Trim()} is to the child");
                }
            }
        }

        if (question == ReferralQuestions.Contact && !socialCare && !string.IsNullOrWhiteSpace(SourceCode))
        {
            // The same refusal as the API (SG-REF-24): the answer is not silently dropped, and nothing is sent.
            state.AddModelError(string.Empty,
                "The referral source is worked out from your organisation; only children's social care choose it. Nothing was sent.");
        }

        if (question == ReferralQuestions.Contact && RaisedByOther)
        {
            if (string.IsNullOrWhiteSpace(RaiserName))
            {
                state.AddModelError("Input.RaiserName", "Enter the name of the person who raised the concern");
            }

            if (string.IsNullOrWhiteSpace(RaiserRole))
            {
                state.AddModelError("Input.RaiserRole", "Enter who they are to the child, like grandmother or neighbour");
            }

            // A concern keyed after it came in keeps the time it was received: REF-04's working day runs from then (SG-REF-25).
            if (ReceivedGiven && ReceivedAt is null)
            {
                state.AddModelError("Input.ReceivedDate", "Enter the date (like 2026-11-21) and time (like 14:30) the concern was received");
            }
            else if (ReceivedAt > now)
            {
                state.AddModelError("Input.ReceivedDate", "The time the concern was received cannot be in the future");
            }
        }

        if (state.ErrorCount == 0 && BrokenRule(today, now, socialCare) is { } broken && question.Owns(FieldFor(broken.Field)))
        {
            state.AddModelError(FieldFor(broken.Field), broken.Message);
        }
    }

    private void ValidateChild(ModelStateDictionary state)
    {
        if (Born == "yes")
        {
            CheckDate(state, "Input.DobDay", DobDay, DobMonth, DobYear, "Date of birth", "27 3 2019");
            if (string.IsNullOrEmpty(Sex))
            {
                state.AddModelError("Input.Sex", "Select the child's sex, or 'Not known'");
            }
        }
        else if (IsUnborn)
        {
            CheckDate(state, "Input.EddDay", EddDay, EddMonth, EddYear, "Expected date of birth", "14 5 2027");
            if (string.IsNullOrWhiteSpace(PregnantPersonName))
            {
                state.AddModelError("Input.PregnantPersonName", "Enter the pregnant person's full name");
            }
        }
    }

    private static void ValidateRows<T>(ModelStateDictionary state, string field, List<T> rows)
        where T : class
    {
        for (var n = 0; n < rows.Count; n++)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(rows[n], new ValidationContext(rows[n]), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    state.AddModelError($"Input.{field}[{n}].{member}", result.ErrorMessage ?? "Check this answer");
                }
            }
        }
    }

    private static void AddErrors(ModelStateDictionary state, string key, List<ValidationResult> results)
    {
        foreach (var result in results)
        {
            state.AddModelError(key, result.ErrorMessage ?? "Check this answer");
        }
    }

    private static void CheckDate(ModelStateDictionary state, string key, string? day, string? month, string? year, string label, string example)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            state.AddModelError(key, $"Enter the {label.ToLowerInvariant()}");
        }
        else if (DateFrom(day, month, year) is null)
        {
            state.AddModelError(key, $"{label} must be a real date, like {example}");
        }
    }

    /// <summary>A GOV.UK date input (day, month, year) as a date, or null when it is not a real date.</summary>
    private static DateOnly? DateFrom(string? day, string? month, string? year) =>
        int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    /// <summary>
    /// The first rule the answers break, found by making the child's record and the referral without saving either: the
    /// same rules, in the same order, as sending. Null when the referral would be received.
    /// </summary>
    public RuleViolationException? BrokenRule(DateOnly today, DateTimeOffset now, bool socialCare)
    {
        try
        {
            var input = ToReferralInput(socialCare);
            var child = new Child(Guid.NewGuid(), Guid.Empty, RegisterChild.DetailsFrom(input.Child!), today);
            var referrer = input.OnBehalfOf is { } other
                ? new Referrer(null, null, other.Name ?? string.Empty, other.Role ?? string.Empty, other.Phone, null)
                : new Referrer(null, null, "the referrer", "the referrer", input.ContactPhone, null);
            var contexts = (input.HarmContexts ?? []).Aggregate(HarmContext.None, (all, one) => all | one);
            Referral.Receive(Guid.NewGuid(), Guid.Empty, "check", child, referrer,
                new ReferralDetails(input.Concerns ?? string.Empty, input.HarmTypes ?? [], contexts, input.ChildsViews, input.FamilyKnows ?? false,
                    input.FamilyAgrees, input.WhyFamilyNotToldOrAgreed, input.Urgency ?? Domain.Referrals.Urgency.Standard, input.SourceCode ?? "10",
                    [.. input.Adults!.Select(a => new ReferralAdult(a.Name!.Trim(), a.Relationship!.Value, null, a.LivesWithChild, a.ParentalResponsibility, null))],
                    input.OtherChildren),
                now, today, null);
            return null;
        }
        catch (RuleViolationException violation)
        {
            return violation;
        }
    }

    public ReferralInput ToReferralInput(bool mayRecordForOthers)
    {
        var pregnantPerson = IsUnborn && !string.IsNullOrWhiteSpace(PregnantPersonName)
            ? new[] { new AdultInput { Name = PregnantPersonName.Trim(), Relationship = RelationshipKind.ExpectantParent } }
            : [];
        var raisedByOther = mayRecordForOthers && RaisedByOther;
        return new ReferralInput
        {
            Child = new ChildInput
            {
                GivenName = GivenName?.Trim(),
                FamilyName = FamilyName?.Trim(),
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
            FamilyKnows = Family is null ? null : Family != FamilyAwareness.DoesNotKnow,
            FamilyAgrees = Family switch
            {
                FamilyAwareness.KnowsAndAgrees => true,
                FamilyAwareness.KnowsButDoesNotAgree => false,
                _ => null,
            },
            WhyFamilyNotToldOrAgreed = Family == FamilyAwareness.KnowsAndAgrees ? null : WhyFamilyNotToldOrAgreed,
            Urgency = Urgency,
            Adults =
            [
                .. pregnantPerson,
                .. NamedAdults.Select(a => new AdultInput
                {
                    Name = a.Name!.Trim(), Relationship = a.Relationship ?? RelationshipKind.Other, LivesWithChild = a.LivesWithChild,
                    ParentalResponsibility = a.ParentalResponsibility,
                }),
            ],
            OtherChildren = [.. NamedOtherChildren.Select(c => new HouseholdChild(c, null))],
            OnBehalfOf = raisedByOther ? new ReferrerInput { Name = RaiserName?.Trim(), Role = RaiserRole?.Trim(), Phone = Blank(RaiserPhone) } : null,
            ContactPhone = raisedByOther ? null : Blank(ContactPhone),
            ReceivedAt = raisedByOther ? ReceivedAt : null,

            // The front door's choice when they record for someone else; a partner's is passed on to be refused, never dropped.
            SourceCode = raisedByOther || !mayRecordForOthers ? Blank(SourceCode)?.ToUpperInvariant() : null,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The form field a domain rule is about, so its message sits by the right question.</summary>
    public static string FieldFor(string? domainField) => domainField switch
    {
        null => string.Empty,
        nameof(Domain.Children.Child.DateOfBirth) => "Input.DobDay",
        nameof(Domain.Children.Child.ExpectedDateOfBirth) => "Input.EddDay",
        nameof(Domain.Children.Child.Sex) => "Input.Sex",
        nameof(ReferralDetails.HouseholdChildren) => "Input.OtherChildren",
        nameof(ReferralDetails.FamilyAgrees) or nameof(ReferralDetails.FamilyKnows) => "Input.Family",
        "ReferrerName" => "Input.RaiserName",
        nameof(ReferralInput.ReceivedAt) => "Input.ReceivedDate",
        _ => "Input." + domainField,
    };
}

/// <summary>The choices the pages offer and "Check your answers" repeats, in one place so the two read the same.</summary>
public static class ReferralChoices
{
    public static readonly IReadOnlyList<(HarmContext Context, string Label)> Contexts =
    [
        (HarmContext.InsideTheHome, "Inside the home"),
        (HarmContext.OutsideTheHome, "Outside the home (extra-familial)"),
        (HarmContext.Online, "Online"),
        (HarmContext.Institutional, "In an institution, like a school or children's home"),
    ];

    public static readonly IReadOnlyList<(FamilyAwareness? Value, string Label, string Id)> FamilyChoices =
    [
        (FamilyAwareness.KnowsAndAgrees, "Yes, and they agree to it", "Input_Family"),
        (FamilyAwareness.KnowsButDoesNotAgree, "Yes, but they do not agree to it", "Input_Family-disagrees"),
        (FamilyAwareness.DoesNotKnow, "No, they do not know", "Input_Family-no"),
    ];

    public static readonly IReadOnlyList<(Urgency? Value, string Label, string Id)> UrgencyChoices =
    [
        (Domain.Referrals.Urgency.ImmediateRisk, "The child is at immediate risk of significant harm", "Input_Urgency"),
        (Domain.Referrals.Urgency.Urgent, "Urgent: a decision is needed today", "Input_Urgency-urgent"),
        (Domain.Referrals.Urgency.Standard, "Standard", "Input_Urgency-standard"),
    ];
}
