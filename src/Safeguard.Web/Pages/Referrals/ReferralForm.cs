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

    public string? GivenName { get; set; }

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
    public string? PregnantPersonName { get; set; }

    public string? Sex { get; set; }

    public string? EthnicityCode { get; set; }

    public string? NhsNumber { get; set; }

    /// <summary>Other children in the household; blank rows are ignored.</summary>
    public List<NameRow> OtherChildren { get; set; } = [];

    /// <summary>Parents, carers and other adults; blank rows are ignored.</summary>
    public List<AdultRow> Adults { get; set; } = [];

    public string? Concerns { get; set; }

    public List<HarmType> HarmTypes { get; set; } = [];

    public List<HarmContext> HarmContexts { get; set; } = [];

    public string? ChildsViews { get; set; }

    public FamilyAwareness? Family { get; set; }

    public string? WhyFamilyNotToldOrAgreed { get; set; }

    public Urgency? Urgency { get; set; }

    /// <summary>Front door staff recording a concern someone else phoned, emailed or brought in.</summary>
    public bool RaisedByOther { get; set; }

    public string? RaiserName { get; set; }

    public string? RaiserRole { get; set; }

    public string? RaiserPhone { get; set; }

    /// <summary>
    /// The DfE referral source (N00152) the front door chooses for a concern they record for someone else; 1A when none is
    /// chosen. A partner's referral takes its source from their agency, and a partner sending one is refused.
    /// </summary>
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
    public string? ContactPhone { get; set; }

    public sealed class NameRow
    {
        public string? Name { get; set; }

        [JsonIgnore]
        public bool IsBlank => string.IsNullOrWhiteSpace(Name);
    }

    public sealed class AdultRow
    {
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
    /// Checks one page's answers: what only the form asks (whether the child is born, dates as typed, the pregnant person's
    /// name, a received time that can be read), then the one validation of a referral (<see cref="ReferralChecks"/>, which the
    /// API and sending also run) over the answers given so far, keeping what it finds about this page's answers. A rule about a
    /// later page waits for that page; all run again before sending.
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

        // A concern keyed after it came in keeps the time it was received: REF-04's working day runs from then (SG-REF-25).
        if (question == ReferralQuestions.Contact && RaisedByOther && ReceivedGiven && ReceivedAt is null)
        {
            state.AddModelError("Input.ReceivedDate", "Enter the date (like 2026-11-21) and time (like 14:30) the concern was received");
        }

        foreach (var problem in ReferralChecks.Of(ToReferralInput(socialCare), today, now, socialCare))
        {
            var key = FormKey(problem.Field);
            // A refusal about the referral as a whole (a source a partner may not choose) is shown with the last page's answers.
            var here = key.Length == 0 ? question == ReferralQuestions.Contact : question.Owns(key);
            if (here && !(state.TryGetValue(key, out var found) && found.Errors.Count > 0) && !AboutAnUnansweredBirth(problem.Field))
            {
                state.AddModelError(key, problem.Message);
            }
        }
    }

    /// <summary>The child's sex and date of birth are asked once the referrer says whether the child is born.</summary>
    private bool AboutAnUnansweredBirth(string field) =>
        Born is null && field is "Child.Sex" or "Child.DateOfBirth" or "Child.ExpectedDateOfBirth" or nameof(Child.DateOfBirth);

    private void ValidateChild(ModelStateDictionary state)
    {
        if (Born == "yes")
        {
            CheckDate(state, "Input.DobDay", DobDay, DobMonth, DobYear, "Date of birth", "27 3 2019");
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

    /// <summary>
    /// The form's answer a problem is about: a path in the referral as sent ("Adults[1].Relationship", "OnBehalfOf.Name") or
    /// a field a domain rule names. Rows of people are matched through the rows filled in (blank rows are not sent, and an
    /// unborn child's pregnant person is sent first).
    /// </summary>
    public string FormKey(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        if (Row(field, nameof(ReferralInput.Adults)) is var (adult, adultMember))
        {
            var keys = AdultKeys();
            return adult < keys.Count ? keys[adult] == "Input." + nameof(PregnantPersonName) ? keys[adult] : $"{keys[adult]}.{adultMember}" : "Input.Adults";
        }

        if (Row(field, nameof(ReferralInput.OtherChildren)) is var (other, otherMember))
        {
            var keys = OtherChildKeys();
            return other < keys.Count ? $"{keys[other]}.{otherMember}" : "Input.OtherChildren";
        }

        return field switch
        {
            "OnBehalfOf.Name" => "Input.RaiserName",
            "OnBehalfOf.Role" => "Input.RaiserRole",
            "OnBehalfOf.Phone" => "Input.RaiserPhone",
            "OnBehalfOf" or "OnBehalfOf.Email" or "ChildId" or "Child" => string.Empty,
            nameof(ReferralInput.Adults) when IsUnborn && string.IsNullOrWhiteSpace(PregnantPersonName) => "Input." + nameof(PregnantPersonName),
            nameof(ReferralInput.Adults) => "Input.Adults",
            nameof(ReferralInput.SourceCode) when !RaisedByOther => string.Empty,
            _ when field.StartsWith("Child.", StringComparison.Ordinal) => FieldFor(field["Child.".Length..]),
            _ => FieldFor(field),
        };
    }

    /// <summary>The row and member of a path like "Adults[1].Name", or null when it is not one of <paramref name="list"/>'s rows.</summary>
    private static (int Row, string Member)? Row(string field, string list)
    {
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith(list + "[", StringComparison.Ordinal) || close < 0)
        {
            return null;
        }

        return int.TryParse(field.AsSpan(list.Length + 1, close - list.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? (row, field[(close + 1)..].TrimStart('.'))
            : null;
    }

    /// <summary>The form's key for each adult sent, in the order <see cref="ToReferralInput"/> sends them.</summary>
    private List<string> AdultKeys()
    {
        var keys = new List<string>();
        if (IsUnborn && !string.IsNullOrWhiteSpace(PregnantPersonName))
        {
            keys.Add("Input." + nameof(PregnantPersonName));
        }

        keys.AddRange(Adults.Select((a, n) => (a, n)).Where(x => !x.a.IsBlank).Select(x => $"Input.Adults[{x.n}]"));
        return keys;
    }

    /// <summary>The form's key for each other child sent.</summary>
    private List<string> OtherChildKeys() =>
        [.. OtherChildren.Select((c, n) => (c, n)).Where(x => !x.c.IsBlank).Select(x => $"Input.OtherChildren[{x.n}]")];

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
                    Name = a.Name!.Trim(), Relationship = a.Relationship, LivesWithChild = a.LivesWithChild,
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
    private static string FieldFor(string? domainField) => domainField switch
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
