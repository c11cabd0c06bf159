using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Referrals;

/// <summary>The child as the sender of a referral or notification described them, kept as they sent it.</summary>
/// <remarks>
/// A partner's submission never tells the sender what children's social care holds: what the sender sees of it is what
/// they sent, even after the front door confirms it is a child already known and joins the records.
/// </remarks>
public sealed record ChildAsSent(string GivenName, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth)
{
    public string FullName => $"{GivenName} {FamilyName}".Trim();
}

/// <summary>
/// Who a referral is from (¶163-165). A practitioner's referral is theirs: it shows the account that sent it — their name,
/// job and agency — and its DfE referral source (N00152) comes from their agency. Only children's social care (the front
/// door) records a concern on someone else's behalf, such as a phone call from a relative or a neighbour, naming who called,
/// and only they choose the referral source for it.
/// </summary>
public static class ReferralSender
{
    /// <summary>Only the front door records a concern for someone else.</summary>
    public const string OnBehalfRule = "SG-REF-23";

    /// <summary>The referral source is worked out from the sender's agency; only the front door chooses it.</summary>
    public const string SourceRule = "SG-REF-24";

    /// <summary>The referral source for a concern the front door records for a member of the public, when they choose none.</summary>
    public const string IndividualSource = "1A";

    /// <summary>Whether the sender is children's social care of the local authority: the front door, which may record for others.</summary>
    public static bool IsFrontDoor(Agency sendersAgency) => sendersAgency.Kind == AgencyKind.LocalAuthorityChildrensSocialCare;

    /// <summary>
    /// The referrer and the referral source for a referral the practitioner sends. <paramref name="caller"/> is who phoned or
    /// wrote in, when the front door records it for them; <paramref name="chosenSource"/> the source the front door chose.
    /// A partner agency's practitioner giving either is refused (nothing they typed is silently dropped).
    /// </summary>
    public static (Referrer Referrer, string SourceCode) For(Practitioner sender, Agency sendersAgency, Referrer? caller, string? chosenSource,
        string? contactPhone)
    {
        Require(sender.AgencyId == sendersAgency.Id, "SG-REF-01", "The sender's agency is not theirs.");
        Check(IsFrontDoor(sendersAgency), caller is not null, chosenSource, sendersAgency.Kind);
        var source = string.IsNullOrWhiteSpace(chosenSource) ? null : chosenSource.Trim();
        if (caller is not null)
        {
            return (caller with { PractitionerId = null, AgencyId = null }, source ?? IndividualSource);
        }

        return (new Referrer(sender.Id, sendersAgency.Id, sender.FullName, sender.JobTitle, string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim(),
            sender.Email), source ?? SourceCodeFor(sendersAgency.Kind));
    }

    /// <summary>
    /// Who may send what: only the front door records a concern for someone else (SG-REF-23) or chooses the referral source
    /// (SG-REF-24). <paramref name="sendersKind"/>, when known, lets the refusal say which source the sender's agency gets.
    /// </summary>
    public static void Check(bool frontDoor, bool onBehalfOfSomeoneElse, string? chosenSource, AgencyKind? sendersKind = null)
    {
        Require(!onBehalfOfSomeoneElse || frontDoor, OnBehalfRule,
            "Only children's social care can record a concern on someone else's behalf. Send the referral as yourself: it shows your name, " +
            "job and agency. Leave out onBehalfOf.", "OnBehalfOf");
        Require(string.IsNullOrWhiteSpace(chosenSource) || frontDoor, SourceRule,
            "The referral source is worked out from your agency" + (sendersKind is { } kind ? $" ({SourceCodeFor(kind)} for yours)" : string.Empty)
            + "; only children's social care choose it. Nothing was sent.", "SourceCode");
    }

    /// <summary>The DfE referral source (N00152) for a practitioner's agency.</summary>
    public static string SourceCodeFor(AgencyKind kind) => kind switch
    {
        AgencyKind.School => "2A",
        AgencyKind.College or AgencyKind.EarlyYears => "2B",
        AgencyKind.GeneralPractice => "3A",
        AgencyKind.HealthProvider => "3D",
        AgencyKind.IntegratedCareBoard => "3F",
        AgencyKind.Housing => "4",
        AgencyKind.LocalAuthorityChildrensSocialCare or AgencyKind.AdultSocialCare => "5A",
        AgencyKind.YouthJustice => "5B",
        AgencyKind.Police or AgencyKind.BritishTransportPolice => "6",
        AgencyKind.Probation or AgencyKind.Prison or AgencyKind.Cafcass => "7",
        AgencyKind.VoluntarySector or AgencyKind.Nspcc => "8",
        _ => "10",
    };
}
