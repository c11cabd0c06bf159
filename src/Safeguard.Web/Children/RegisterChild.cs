using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;

namespace Safeguard.Web.Children;

/// <summary>What a practitioner enters to make a child's record (API body and page form alike).</summary>
public sealed class ChildInput
{
    [MaxLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter the child's last name")]
    [MaxLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public DateOnly? ExpectedDateOfBirth { get; set; }

    [Required(ErrorMessage = "Select the child's sex, or 'Not known'")]
    [RegularExpression("^[MFU]$", ErrorMessage = "Sex must be M (male), F (female) or U (unknown or unborn)")]
    public string? Sex { get; set; }

    [MaxLength(100, ErrorMessage = "Gender must be 100 characters or fewer")]
    public string? Gender { get; set; }

    [Required(ErrorMessage = "Select the child's ethnicity, or 'Information not yet obtained'")]
    public string? EthnicityCode { get; set; }

    public IReadOnlyList<string>? DisabilityCodes { get; set; }

    [MaxLength(100, ErrorMessage = "First language must be 100 characters or fewer")]
    public string? FirstLanguage { get; set; }

    [MaxLength(20, ErrorMessage = "NHS number must be 10 digits")]
    public string? NhsNumber { get; set; }

    [MaxLength(13, ErrorMessage = "Unique pupil number must be 13 characters")]
    public string? Upn { get; set; }
}

/// <summary>The child's record as the API returns it.</summary>
public sealed record ChildView(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    bool Unborn, int? Age, string Sex, string? Gender, string EthnicityCode, string Ethnicity, IReadOnlyList<string> DisabilityCodes,
    string? FirstLanguage, string? NhsNumber, string? Upn)
{
    public static ChildView Of(Child c, DateOnly today) => new(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.ExpectedDateOfBirth,
        c.IsUnborn, c.AgeOn(today), SexCode(c.Sex), c.Gender, c.EthnicityCode, DfeCodes.Ethnicity[c.EthnicityCode], c.DisabilityCodes,
        c.FirstLanguage, c.NhsNumber, c.Upn)
    {
        DateOfDeath = c.DateOfDeath,
        LeftUkOn = c.LeftUkOn,
        NextStepAtEighteen = c.NextStepAtEighteen?.ToString(),
        NextStepNotes = c.NextStepNotes,
    };

    /// <summary>The date of death, recorded once on the child.</summary>
    public DateOnly? DateOfDeath { get; init; }

    /// <summary>The day the child left the UK permanently, when recorded.</summary>
    public DateOnly? LeftUkOn { get; init; }

    /// <summary>What happens next at 18 (GEN-01): CareLeaver, AdultSocialCare, OtherAdultServices or NoFurtherServices.</summary>
    public string? NextStepAtEighteen { get; init; }

    public string? NextStepNotes { get; init; }

    public static string SexCode(Sex sex) => sex switch { Domain.Children.Sex.Male => "M", Domain.Children.Sex.Female => "F", _ => "U" };
}

/// <summary>Makes a child's record in the caller's area. Domain rules refuse impossible details; nothing is half-saved.</summary>
public sealed class RegisterChild(SafeguardDbContext db, TimeProvider time)
{
    public async Task<Child> HandleAsync(Guid areaId, ChildInput input, CancellationToken cancellationToken)
    {
        var child = Add(areaId, input);
        await db.SaveChangesAsync(cancellationToken);
        return child;
    }

    /// <summary>
    /// One child, one record: a verified NHS number finds the existing record; otherwise a new one is added to the
    /// unit of work. Other likely matches are offered to the front door, which can merge records later.
    /// </summary>
    public async Task<Child> FindOrAddAsync(Guid areaId, ChildInput input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(input.NhsNumber) && Domain.Children.NhsNumber.TryParse(input.NhsNumber, out var nhs)
            && await db.Children.SingleOrDefaultAsync(c => c.NhsNumber == nhs.Value.Digits && c.MergedIntoId == null, cancellationToken) is { } known)
        {
            return known;
        }

        return Add(areaId, input);
    }

    /// <summary>
    /// A record already held (not merged away) with the same verified NHS number as a record just made from a partner's
    /// description: a suggestion for the front door to confirm, never shown to the partner.
    /// </summary>
    public async Task<Guid?> HeldWithSameNhsNumberAsync(Child described, CancellationToken cancellationToken) =>
        described.NhsNumber is { } digits
            ? await db.Children.Where(c => c.NhsNumber == digits && c.Id != described.Id && c.MergedIntoId == null).OrderBy(c => c.Id)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>Makes the record and adds it to the unit of work, for a caller that saves it with more (a referral).</summary>
    public Child Add(Guid areaId, ChildInput input)
    {
        var today = EnglandClock.Today(time);
        var details = DetailsFrom(input);
        var child = new Child(Guid.CreateVersion7(time.GetUtcNow()), areaId, details, today);
        db.Children.Add(child);
        return child;
    }

    /// <summary>The child's details as the domain takes them; an invalid NHS number or UPN is refused here.</summary>
    public static ChildDetails DetailsFrom(ChildInput input) => new(
        input.GivenName ?? string.Empty,
        input.FamilyName ?? string.Empty,
        input.DateOfBirth,
        input.ExpectedDateOfBirth,
        input.Sex switch { "M" => Sex.Male, "F" => Sex.Female, _ => Sex.Unknown },
        input.Gender,
        input.EthnicityCode ?? string.Empty,
        input.DisabilityCodes ?? [],
        input.FirstLanguage,
        string.IsNullOrWhiteSpace(input.NhsNumber) ? null : Domain.Children.NhsNumber.Parse(input.NhsNumber),
        string.IsNullOrWhiteSpace(input.Upn) ? null : UniquePupilNumber.Parse(input.Upn));
}
