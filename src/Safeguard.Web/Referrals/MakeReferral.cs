using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Configurations;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Children;

namespace Safeguard.Web.Referrals;

/// <summary>A referral as a practitioner, or an agency's own system, submits it.</summary>
public sealed class ReferralInput
{
    /// <summary>The child's existing record, when the referrer is children's social care and has found it.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>The child's details, when there is no record to point at (the usual case for partner agencies).</summary>
    public ChildInput? Child { get; set; }

    [Required(ErrorMessage = "Describe your concerns about the child")]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "Concerns must be 10,000 characters or fewer")]
    public string? Concerns { get; set; }

    [Required(ErrorMessage = "Select the kinds of harm you are worried about")]
    public IReadOnlyList<HarmType>? HarmTypes { get; set; }

    public IReadOnlyList<HarmContext>? HarmContexts { get; set; }

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The child's views must be 10,000 characters or fewer")]
    public string? ChildsViews { get; set; }

    [Required(ErrorMessage = "Select whether the family knows about this referral")]
    public bool? FamilyKnows { get; set; }

    public bool? FamilyAgrees { get; set; }

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The reason must be 10,000 characters or fewer")]
    public string? WhyFamilyNotToldOrAgreed { get; set; }

    [Required(ErrorMessage = "Select how urgent this is")]
    public Urgency? Urgency { get; set; }

    /// <summary>The DfE referral source code; worked out from the referrer's agency when not given.</summary>
    [MaxLength(2, ErrorMessage = "Select where the concern came from in the list")]
    public string? SourceCode { get; set; }

    /// <summary>A phone number the front door can call the referrer back on (a practitioner referring themselves).</summary>
    [MaxLength(40, ErrorMessage = "Your phone number must be 40 characters or fewer")]
    public string? ContactPhone { get; set; }

    /// <summary>For front door staff recording a concern phoned or emailed in by someone else (a family member, the public).</summary>
    public ReferrerInput? OnBehalfOf { get; set; }

    /// <summary>
    /// When the concern phoned or emailed in was received, if it is keyed later (only with <see cref="OnBehalfOf"/>): the decision's
    /// one working day runs from it (REF-04). It cannot be in the future. Without it, the referral is received as it is sent.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Parents, carers and other adults; for a pre-birth referral, the pregnant person.</summary>
    public IReadOnlyList<AdultInput>? Adults { get; set; }

    /// <summary>Other children in the household.</summary>
    public IReadOnlyList<HouseholdChild>? OtherChildren { get; set; }
}

/// <summary>A parent, carer or other adult the referrer names.</summary>
public sealed class AdultInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the adult's name")]
    [MaxLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    public RelationshipKind? Relationship { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public bool LivesWithChild { get; set; }

    public bool ParentalResponsibility { get; set; }

    [MaxLength(40, ErrorMessage = "Phone number must be 40 characters or fewer")]
    public string? Phone { get; set; }

    /// <summary>Who the adult is to the child is asked of each adult by name.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Relationship is null)
        {
            yield return new ValidationResult(
                string.IsNullOrWhiteSpace(Name) ? "Select who the adult is to the child" : $"Select who {Name.Trim()} is to the child", [nameof(Relationship)]);
        }
    }
}

public sealed class ReferrerInput
{
    [Required(ErrorMessage = "Enter the name of the person who raised the concern")]
    [MaxLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter who they are to the child, like grandmother or neighbour")]
    [MaxLength(200, ErrorMessage = "Who they are to the child must be 200 characters or fewer")]
    public string? Role { get; set; }

    [MaxLength(40, ErrorMessage = "Their phone number must be 40 characters or fewer")]
    public string? Phone { get; set; }

    [MaxLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
    public string? Email { get; set; }
}

/// <summary>
/// Receives a referral: finds or makes the child's record, marks a re-referral, acknowledges receipt, and saves
/// it in one transaction. A retried submission with the same idempotency key returns the first referral.
/// </summary>
public sealed class MakeReferral(SafeguardDbContext db, RegisterChild registerChild, TimeProvider time)
{
    public sealed record Result(Referral Referral, bool AlreadyReceived);

    public async Task<Result> HandleAsync(Guid areaId, Guid practitionerId, ReferralInput input, string? submissionKey,
        bool mayUseExistingRecords, CancellationToken cancellationToken)
    {
        try
        {
            return await AttemptAsync(areaId, practitionerId, input, submissionKey, mayUseExistingRecords, cancellationToken);
        }
        catch (RuleConflictException conflict) when (conflict.Rule == OnePerParent.OneOpenEpisodePerChild)
        {
            // Another referral about the child opened an episode a moment ago: this one joins it instead of opening a second.
            db.ChangeTracker.Clear();
            return await AttemptAsync(areaId, practitionerId, input, submissionKey, mayUseExistingRecords, cancellationToken);
        }
    }

    private async Task<Result> AttemptAsync(Guid areaId, Guid practitionerId, ReferralInput input, string? submissionKey,
        bool mayUseExistingRecords, CancellationToken cancellationToken)
    {
        if (submissionKey is not null && await FindBySubmissionKeyAsync(practitionerId, submissionKey, cancellationToken) is { } earlier)
        {
            return new Result(earlier, AlreadyReceived: true);
        }

        var practitioner = await db.Practitioners.SingleAsync(p => p.Id == practitionerId, cancellationToken);
        var agency = await db.Agencies.SingleAsync(a => a.Id == practitioner.AgencyId, cancellationToken);
        var now = time.GetUtcNow();
        // The one validation of a referral, the same the pages run answer by answer: nothing is saved when it finds a problem.
        ReferralChecks.Require(input, EnglandClock.ToEnglandDate(now), now, ReferralSender.IsFrontDoor(agency));
        // Who it is from is who sent it: only the front door records a concern for someone else, or chooses the source.
        var (referrer, sourceCode) = ReferralSender.For(practitioner, agency,
            input.OnBehalfOf is { } other ? new Referrer(null, null, other.Name?.Trim() ?? string.Empty, other.Role?.Trim() ?? string.Empty,
                other.Phone?.Trim(), other.Email?.Trim()) : null,
            input.SourceCode, input.ContactPhone);
        var child = await FindOrRegisterChildAsync(areaId, input, mayUseExistingRecords, cancellationToken);
        var previous = await db.Referrals.Where(r => r.ChildId == child.Id).MaxAsync(r => (DateOnly?)r.ReceivedOn, cancellationToken);
        var contexts = (input.HarmContexts ?? []).Aggregate(HarmContext.None, (all, one) => all | one);
        var details = new ReferralDetails(input.Concerns ?? string.Empty, input.HarmTypes ?? [], contexts, input.ChildsViews,
            input.FamilyKnows ?? false, input.FamilyAgrees, input.WhyFamilyNotToldOrAgreed, input.Urgency ?? Urgency.Standard, sourceCode,
            [.. (input.Adults ?? []).Select(a => new ReferralAdult(a.Name?.Trim() ?? string.Empty, a.Relationship ?? RelationshipKind.Other, a.DateOfBirth,
                a.LivesWithChild, a.ParentalResponsibility, a.Phone))],
            [.. (input.OtherChildren ?? []).Select(c => c with { Name = c.Name?.Trim() ?? string.Empty })]);
        var receivedAt = ReceivedAt(input, now);
        var referral = Referral.Receive(Guid.CreateVersion7(now), areaId, NewReference(now), child, referrer, details, receivedAt,
            EnglandClock.ToEnglandDate(receivedAt), previous, practitioner.Id, AsSent(input, child), keyedAt: now);
        if (input.OnBehalfOf is null)
        {
            // The referrer sent it themselves and sees its reference at once: that confirmation is the acknowledgement. A concern
            // someone phoned or emailed in is acknowledged to them when the front door does so, recorded as its own step.
            referral.Acknowledge(now);
        }

        db.Referrals.Add(referral);
        await JoinOrOpenEpisodeAsync(referral, now, cancellationToken);
        await RecordSharingAsync(referral, input.OnBehalfOf is null ? agency.Name : referral.Referrer.Name, now, cancellationToken);
        AddFamilyNetwork(child, referral.Adults, now);
        if (submissionKey is not null)
        {
            db.Entry(referral).Property(ReferralConfiguration.SubmissionKey).CurrentValue = submissionKey;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (submissionKey is not null)
        {
            // The same key raced in from a second request: that one won; answer with it.
            db.ChangeTracker.Clear();
            if (await FindBySubmissionKeyAsync(practitionerId, submissionKey, cancellationToken) is { } winner)
            {
                return new Result(winner, AlreadyReceived: true);
            }

            throw;
        }

        return new Result(referral, AlreadyReceived: false);
    }

    /// <summary>
    /// When the concern reached children's social care: the time a phoned or emailed concern came in, as the front door gives it,
    /// or now. Only a concern recorded for someone else has an earlier time (SG-REF-25), and it is never in the future.
    /// </summary>
    public static DateTimeOffset ReceivedAt(ReferralInput input, DateTimeOffset now)
    {
        if (input.ReceivedAt is not { } given)
        {
            return now;
        }

        Requirement.Require(input.OnBehalfOf is not null, Referral.ReceivedInFutureRule,
            "Give the time the concern was received only when recording a concern someone phoned or emailed in.", nameof(ReferralInput.ReceivedAt));
        Requirement.Require(given <= now, Referral.ReceivedInFutureRule, "The time the concern was received cannot be in the future.",
            nameof(ReferralInput.ReceivedAt));
        return given;
    }

    /// <summary>
    /// A referral about a child already open to the local authority joins the child's open episode; otherwise it opens
    /// one (the census's CIN episode starts with the referral). Either way it goes on the child's chronology.
    /// </summary>
    private async Task JoinOrOpenEpisodeAsync(Referral referral, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Episodes.FirstOrDefaultAsync(e => e.ChildId == referral.ChildId && e.ClosedOn == null, cancellationToken);
        var episode = open ?? Episode.Open(Guid.CreateVersion7(now), referral);
        if (open is null)
        {
            db.Episodes.Add(episode);
        }

        referral.BelongTo(episode.Id);
        var summary = $"Referral {referral.Reference} from {referral.Referrer.Name} ({referral.Referrer.Role})"
            + (open is null ? string.Empty : ", joining the open episode")
            + (referral.Urgency == Urgency.ImmediateRisk ? ": child at immediate risk" : string.Empty) + $". {referral.Concerns}";
        db.Note(referral.AreaId, referral.ChildId, episode.Id, referral.ReceivedOn, now, ChronologyKind.Referral, summary, nameof(Referral), referral.Id,
            referral.Referrer.AgencyId, referral.Referrer.PractitionerId);
    }

    /// <summary>
    /// A referral is information about the child shared by the referrer's agency with the local authority (chapter 1):
    /// recorded with the referral, consent as the referrer answered it (did the family know, and agree), and why not.
    /// </summary>
    private async Task RecordSharingAsync(Referral referral, string sharedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var localAuthority = await db.Agencies.Where(a => a.Kind == AgencyKind.LocalAuthorityChildrensSocialCare).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        var what = $"Referral {referral.Reference}: the referrer's concerns about the child ("
            + string.Join(", ", referral.HarmTypes.Select(h => h.DisplayName()))
            + "), the child's and family's details, and the referrer's contact details.";
        db.RecordSharing(InformationSharingRecord.Record(Guid.CreateVersion7(now), referral.AreaId, referral.ChildId, referral.ReceivedOn, referral.ReceivedOn,
            now, referral.Referrer.PractitionerId, what, sharedBy, referral.Referrer.AgencyId,
            localAuthority?.Name ?? "The local authority's children's social care", localAuthority?.Id, LawfulBasis.SafeguardingChildAtRisk,
            consentSought: referral.FamilyKnows, consentGiven: referral.FamilyKnows ? referral.FamilyAgrees : null,
            whyNoConsent: referral.WhyFamilyNotToldOrAgreed, nameof(Referral), referral.Id), referral.EpisodeId, noteOnChronology: false);
    }

    /// <summary>The adults the referrer named join the child's family network, so the next practitioner finds them.</summary>
    private void AddFamilyNetwork(Child child, IReadOnlyList<ReferralAdult> adults, DateTimeOffset now)
    {
        foreach (var adult in adults)
        {
            var names = adult.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var member = new FamilyMember(Guid.CreateVersion7(now), child.AreaId, names.Length > 1 ? string.Join(' ', names[..^1]) : names[0],
                names.Length > 1 ? names[^1] : "(last name not known)", adult.DateOfBirth, adult.Phone);
            db.FamilyMembers.Add(member);
            db.Relationships.Add(new Relationship(Guid.CreateVersion7(now), child, member, adult.Relationship, adult.ParentalResponsibility, adult.LivesWithChild));
        }
    }

    /// <summary>The referral this practitioner already sent with this form: a key is its sender's own, never anyone else's.</summary>
    private Task<Referral?> FindBySubmissionKeyAsync(Guid practitionerId, string key, CancellationToken cancellationToken) =>
        db.Referrals.SingleOrDefaultAsync(r => r.RecordedBy == practitionerId && EF.Property<string?>(r, ReferralConfiguration.SubmissionKey) == key,
            cancellationToken);

    private async Task<Child> FindOrRegisterChildAsync(Guid areaId, ReferralInput input, bool mayUseExistingRecords, CancellationToken cancellationToken)
    {
        CheckChildGiven(input, mayUseExistingRecords);
        if (input.ChildId is { } childId)
        {
            return await db.Children.SingleOrDefaultAsync(c => c.Id == childId, cancellationToken)
                ?? throw new RuleViolationException("SG-REF-18", "There is no child's record with that id in your area.", "ChildId");
        }

        // A partner's referral makes a record of the child as they described them: it is never joined to a record children's
        // social care holds (which would tell the sender who we hold). The front door is offered the likely matches and
        // confirms one ("This is the same child"), which joins the records.
        return mayUseExistingRecords
            ? await registerChild.FindOrAddAsync(areaId, input.Child!, cancellationToken)
            : registerChild.Add(areaId, input.Child!);
    }

    /// <summary>
    /// The referral says which child it is about: the child's details, or — for children's social care only — the child's
    /// existing record (SG-REF-18, SG-REF-19).
    /// </summary>
    public static void CheckChildGiven(ReferralInput input, bool mayUseExistingRecords)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ChildId is not null)
        {
            Requirement.Require(mayUseExistingRecords, "SG-REF-18", "Give the child's details: only children's social care can point at an existing record.", "ChildId");
            return;
        }

        Requirement.Require(input.Child is not null, "SG-REF-19", "Give the child's details.", "Child");
    }

    /// <summary>The DfE referral source (N00152) for a practitioner's agency.</summary>
    public static string SourceCodeFor(AgencyKind kind) => ReferralSender.SourceCodeFor(kind);

    /// <summary>The child as the referrer described them; a child's record the front door pointed at is as it stands.</summary>
    private static ChildAsSent AsSent(ReferralInput input, Child child) => input.Child is { } sent
        ? new ChildAsSent(sent.GivenName?.Trim() ?? string.Empty, sent.FamilyName?.Trim() ?? string.Empty, sent.DateOfBirth, sent.ExpectedDateOfBirth)
        : new ChildAsSent(child.GivenName, child.FamilyName, child.DateOfBirth, child.ExpectedDateOfBirth);

    /// <summary>A reference people can read out on the phone: year and six characters that are never confused (no 0/O, 1/I).</summary>
    private static string NewReference(DateTimeOffset now)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"R-{EnglandClock.ToEnglandDate(now).Year}-{code}";
    }
}
