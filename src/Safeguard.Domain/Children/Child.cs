using System.Diagnostics.CodeAnalysis;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Children;

/// <summary>Sex as the CIN census records it (N00783): M, F, or U for unknown and for an unborn child.</summary>
public enum Sex
{
    Unknown,
    Male,
    Female,
}

/// <summary>What is known about a child when the record is made or corrected.</summary>
public sealed record ChildDetails(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    Sex Sex,
    string? Gender,
    string EthnicityCode,
    IReadOnlyCollection<string> DisabilityCodes,
    string? FirstLanguage,
    NhsNumber? NhsNumber,
    UniquePupilNumber? Upn);

/// <summary>What happens next for someone who turned 18 (GEN-01): the record says where their support goes.</summary>
public enum NextStepAtEighteen
{
    /// <summary>A care leaver: leaving care support, a personal adviser, the pathway plan.</summary>
    CareLeaver,

    /// <summary>Transferred to adult social care (census RC6).</summary>
    AdultSocialCare,

    /// <summary>Other adult services: health, mental health, housing, probation.</summary>
    OtherAdultServices,

    /// <summary>No further services: the reasons are recorded.</summary>
    NoFurtherServices,
}

/// <summary>
/// A child, or an unborn child (a pre-birth referral names the expected date of birth and the pregnant
/// person). One child has one record; what the guidance and the CIN census need about them lives here.
/// </summary>
public sealed class Child
{
    /// <summary>Names of an unborn child are often not chosen; the record still needs a label.</summary>
    public const string UnbornGivenName = "Unborn";

    private readonly List<Address> _addresses = [];
    private List<string> _disabilities = [];

    private Child()
    {
        GivenName = FamilyName = EthnicityCode = string.Empty;
    }

    public Child(Guid id, Guid areaId, ChildDetails details, DateOnly today)
    {
        Id = id;
        AreaId = areaId;
        Apply(details, today);
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public DateOnly? DateOfBirth { get; private set; }

    /// <summary>Set for an unborn child only; cleared when the birth is recorded.</summary>
    public DateOnly? ExpectedDateOfBirth { get; private set; }

    public bool IsUnborn => DateOfBirth is null;

    public Sex Sex { get; private set; }

    /// <summary>The child's gender in their own words, where it differs from or adds to sex.</summary>
    public string? Gender { get; private set; }

    public string EthnicityCode { get; private set; }

    public IReadOnlyList<string> DisabilityCodes => _disabilities;

    public string? FirstLanguage { get; private set; }

    /// <summary>Whether a professional interpreter is needed to talk with the child (GEN-04); null until someone has asked.</summary>
    public bool? InterpreterNeeded { get; private set; }

    /// <summary>How the child communicates (British Sign Language, Makaton, pictures, an advocate), for whoever plans a visit or a meeting (¶14).</summary>
    public string? CommunicationMethod { get; private set; }

    public CommunicationNeeds CommunicationNeeds => new(FirstLanguage, InterpreterNeeded, CommunicationMethod);

    /// <summary>Records the child's communication needs: first language, interpreter, how they communicate (GEN-03, GEN-04).</summary>
    public void RecordCommunicationNeeds(CommunicationNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var checkedNeeds = CommunicationNeeds.Checked(needs.FirstLanguage, needs.InterpreterNeeded, needs.CommunicationMethod);
        FirstLanguage = checkedNeeds.FirstLanguage;
        InterpreterNeeded = checkedNeeds.InterpreterNeeded;
        CommunicationMethod = checkedNeeds.CommunicationMethod;
    }

    public string? NhsNumber { get; private set; }

    public string? Upn { get; private set; }

    public IReadOnlyList<Address> Addresses => _addresses;

    public Address? CurrentAddress => _addresses.FirstOrDefault(a => a.MovedOutOn is null);

    /// <summary>Set when this record turned out to be a duplicate: the child's record is the one it points at.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>
    /// Marks this record as a duplicate of <paramref name="survivor"/>. Nothing is deleted: the duplicate stays,
    /// pointing at the record that carries on, so every earlier look and entry can still be traced.
    /// </summary>
    public void MergeInto(Child survivor)
    {
        Require(survivor.Id != Id, "SG-CHILD-11", "A record cannot be merged into itself.");
        Require(survivor.AreaId == AreaId, "SG-CHILD-11", "Records in different areas cannot be merged.");
        Require(MergedIntoId is null, "SG-CHILD-12", "This record has already been merged into another.");
        Require(survivor.MergedIntoId is null, "SG-CHILD-12", "Merge into the record that carries on, not into a merged duplicate.");
        MergedIntoId = survivor.Id;
    }

    /// <summary>Whole years of age on a date; null for an unborn child.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>The day the child stops being a child (GEN-01); 29 February birthdays fall on 28 February in common years.</summary>
    public DateOnly? EighteenthBirthday => DateOfBirth?.AddYears(18);

    /// <summary>
    /// Corrects the record. A record of someone now an adult stays correctable (the data protection rectification route
    /// needs it): the rule that a new record is of someone under 18 (SG-CHILD-04) holds only while they are still a child.
    /// </summary>
    public void Correct(ChildDetails details, DateOnly today) => Apply(details, today, nowAnAdult: EighteenthBirthday is { } b && b <= today);

    /// <summary>The date of death, recorded once on the child (CIN census 8585Q, 8555Q); returns and child death reviews read it.</summary>
    public DateOnly? DateOfDeath { get; private set; }

    /// <summary>The day the child left the UK permanently, with what shows it (DISC-01).</summary>
    public DateOnly? LeftUkOn { get; private set; }

    public string? LeftUkEvidence { get; private set; }

    /// <summary>What happens next at 18 (GEN-01): care leaver, adult services, or no further services, with the details.</summary>
    public NextStepAtEighteen? NextStepAtEighteen { get; private set; }

    public string? NextStepNotes { get; private set; }

    public Guid? NextStepRecordedBy { get; private set; }

    /// <summary>
    /// The day childhood's work stops for this child, if it has: the date of death, leaving the UK, or the 18th birthday
    /// once reached (GEN-01). Every clock of the child stops then, and no plan carries on.
    /// </summary>
    public DateOnly? ChildsWorkEndedOn(DateOnly today)
    {
        DateOnly? ended = null;
        foreach (var day in new[] { DateOfDeath, LeftUkOn, EighteenthBirthday is { } b && b <= today ? b : null })
        {
            if (day is { } d && (ended is null || d < ended))
            {
                ended = d;
            }
        }

        return ended;
    }

    /// <summary>
    /// Records the child's death (SG-CHILD-14 to SG-CHILD-16): once, by a social work qualified manager (RC-01), not in the
    /// future and not before the child was born. An unborn child's record has its birth recorded first.
    /// </summary>
    public void RecordDeath(Organisation.Practitioner manager, DateOnly diedOn, DateOnly today)
    {
        RequireManager(manager, "records a child's death");
        Require(DateOfDeath is null, "SG-CHILD-14", "The date of death is already recorded.", nameof(DateOfDeath));
        Require(diedOn <= today, "SG-CHILD-15", "The date of death must be today or in the past.", nameof(DateOfDeath));
        Require(DateOfBirth is { } born && diedOn >= born, "SG-CHILD-15",
            IsUnborn ? "Record the child's birth first: an unborn child's record has no date of death." : "The date of death cannot be before the child was born.",
            nameof(DateOfDeath));
        DateOfDeath = diedOn;
    }

    /// <summary>
    /// Records that the child left the UK permanently, with what shows it (SG-CHILD-16, DISC-01): once, by a social work
    /// qualified manager (RC-01), not in the future and not before the child was born.
    /// </summary>
    public void RecordLeftUk(Organisation.Practitioner manager, DateOnly leftOn, string evidence, DateOnly today)
    {
        RequireManager(manager, "records that a child left the UK");
        Require(LeftUkOn is null, "SG-CHILD-16", "The child's leaving the UK is already recorded.", nameof(LeftUkOn));
        Require(leftOn <= today, "SG-CHILD-16", "The date the child left the UK must be today or in the past.", nameof(LeftUkOn));
        Require(DateOfBirth is null || leftOn >= DateOfBirth, "SG-CHILD-16", "The date the child left the UK cannot be before they were born.", nameof(LeftUkOn));
        Require(!string.IsNullOrWhiteSpace(evidence) && evidence.Length <= 2_000, "DISC-01",
            "Say what shows the child left the UK permanently: who confirmed it and how (2,000 characters or fewer).", nameof(LeftUkEvidence));
        LeftUkOn = leftOn;
        LeftUkEvidence = evidence.Trim();
    }

    /// <summary>
    /// Records what happens next at 18 (GEN-01): from six months before the 18th birthday, any practitioner of the case
    /// records where support goes, with the details; it can be recorded again as plans change.
    /// </summary>
    public void RecordNextStepAtEighteen(Guid recordedBy, NextStepAtEighteen nextStep, string notes, DateOnly today)
    {
        Require(EighteenthBirthday is { } b && today >= b.AddMonths(-6), "GEN-01",
            "What happens next at 18 is recorded from six months before the 18th birthday.", nameof(NextStepAtEighteen));
        Require(Enum.IsDefined(nextStep), "GEN-01", "Select what happens next.", nameof(NextStepAtEighteen));
        Require(!string.IsNullOrWhiteSpace(notes) && notes.Length <= 2_000, "GEN-01",
            "Say what happens next: the service, who leads it, and what the young person was told (2,000 characters or fewer).", nameof(NextStepNotes));
        NextStepAtEighteen = nextStep;
        NextStepNotes = notes.Trim();
        NextStepRecordedBy = recordedBy;
    }

    public static string Describe(NextStepAtEighteen nextStep) => nextStep switch
    {
        Children.NextStepAtEighteen.CareLeaver => "Care leaver: leaving care support",
        Children.NextStepAtEighteen.AdultSocialCare => "Transferred to adult social care",
        Children.NextStepAtEighteen.OtherAdultServices => "Other adult services",
        _ => "No further services",
    };

    private void RequireManager(Organisation.Practitioner manager, string what)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(Organisation.PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            $"Only a social work qualified practice supervisor or manager {what}.");
    }

    /// <summary>An unborn child is born: the expected date gives way to the date of birth and the recorded sex.</summary>
    public void RecordBirth(DateOnly bornOn, Sex sex, DateOnly today)
    {
        Require(IsUnborn, "SG-CHILD-07", "This child's birth is already recorded.");
        Require(bornOn <= today, "SG-CHILD-02", "The date of birth must be today or in the past.", nameof(DateOfBirth));
        DateOfBirth = bornOn;
        ExpectedDateOfBirth = null;
        Sex = sex;
    }

    /// <summary>
    /// Marks the current address as a safe address (a refuge), or clears the mark. Like any sensitive mark, it is a social
    /// work qualified manager's decision (RC-01); the address is then withheld from everyone the mark does not allow.
    /// </summary>
    public void MarkCurrentAddress(Organisation.Practitioner manager, bool safe)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(Organisation.PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager marks an address as a safe address.");
        Require(CurrentAddress is not null, "SG-CHILD-13", "There is no current address to mark.");
        var current = CurrentAddress!;
        _addresses[_addresses.IndexOf(current)] = current with { Safe = safe };
    }

    /// <summary>Records a move: the current address ends the day before the new one starts. History is kept.</summary>
    public void MoveTo(Address address)
    {
        if (CurrentAddress is { } current)
        {
            Require(address.MovedInOn > current.MovedInOn, "SG-CHILD-08",
                "The new address must start after the current one started.", nameof(Address.MovedInOn));
            _addresses[_addresses.IndexOf(current)] = current with { MovedOutOn = address.MovedInOn.AddDays(-1) };
        }

        _addresses.Add(address);
    }

    [MemberNotNull(nameof(GivenName), nameof(FamilyName), nameof(EthnicityCode))]
    private void Apply(ChildDetails d, DateOnly today, bool nowAnAdult = false)
    {
        Require(!string.IsNullOrWhiteSpace(d.FamilyName), "SG-CHILD-01", "Enter the child's last name.", nameof(FamilyName));
        Require(d.GivenName.Length <= 100 && d.FamilyName.Length <= 100, "SG-CHILD-01",
            "Names must be 100 characters or fewer.", nameof(GivenName));
        Require(d.DateOfBirth is null != d.ExpectedDateOfBirth is null, "SG-CHILD-03",
            "Enter either the child's date of birth or, for an unborn child, the expected date of birth.", nameof(DateOfBirth));
        if (d.DateOfBirth is { } born)
        {
            Require(born <= today, "SG-CHILD-02", "The date of birth must be today or in the past.", nameof(DateOfBirth));
            Require(nowAnAdult || born.AddYears(18) > today, "SG-CHILD-04",
                "A child is under 18: this date of birth makes them 18 or over.", nameof(DateOfBirth));
        }

        if (d.ExpectedDateOfBirth is { } expected)
        {
            Require(expected >= today, "SG-CHILD-05",
                "The expected date of birth must be today or in the future. If the baby has been born, enter the date of birth.",
                nameof(ExpectedDateOfBirth));
            Require(expected <= today.AddMonths(10), "SG-CHILD-05",
                "The expected date of birth must be within the next 10 months.", nameof(ExpectedDateOfBirth));
            // CIN census rule 8750: an unborn child's sex is recorded as U.
            Require(d.Sex == Sex.Unknown, "SG-CHILD-06", "An unborn child's sex is recorded as unknown.", nameof(Sex));
        }

        Require(DfeCodes.Ethnicity.ContainsKey(d.EthnicityCode), "SG-CHILD-09",
            "Select the child's ethnicity, or 'Information not yet obtained'.", nameof(EthnicityCode));
        var disabilities = d.DisabilityCodes.Distinct().ToList();
        Require(disabilities.TrueForAll(DfeCodes.Disability.ContainsKey), "SG-CHILD-10",
            "Select disabilities from the list.", nameof(DisabilityCodes));
        // CIN census rule 8790: NONE never goes with another code.
        Require(!disabilities.Contains("NONE") || disabilities.Count == 1, "SG-CHILD-10",
            "'No disability' cannot be selected with a disability.", nameof(DisabilityCodes));

        GivenName = string.IsNullOrWhiteSpace(d.GivenName) && d.ExpectedDateOfBirth is not null ? UnbornGivenName : d.GivenName.Trim();
        Require(GivenName.Length > 0, "SG-CHILD-01", "Enter the child's first name.", nameof(GivenName));
        FamilyName = d.FamilyName.Trim();
        DateOfBirth = d.DateOfBirth;
        ExpectedDateOfBirth = d.ExpectedDateOfBirth;
        Sex = d.Sex;
        Gender = string.IsNullOrWhiteSpace(d.Gender) ? null : d.Gender.Trim();
        EthnicityCode = d.EthnicityCode;
        _disabilities = disabilities;
        FirstLanguage = string.IsNullOrWhiteSpace(d.FirstLanguage) ? null : d.FirstLanguage.Trim();
        NhsNumber = d.NhsNumber?.Digits;
        Upn = d.Upn?.Value;
    }
}

/// <summary>An address the child lived at, from one date to another (open-ended while current).</summary>
/// <summary>
/// An address the child lived at. A safe address — a refuge where the child and a parent shelter from someone who must
/// not find them — is read only by those a safe address's mark allows (<see cref="Chronology.Sensitivity.SafeAddress"/>).
/// </summary>
public sealed record Address(string Line1, string? Line2, string Town, string Postcode, DateOnly MovedInOn, DateOnly? MovedOutOn = null, bool Safe = false);
