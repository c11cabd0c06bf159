namespace Safeguard.Domain.Referrals;

/// <summary>The DfE's referral codes (CIN census N00152 and N00101), captured at the front door so the return comes from the record.</summary>
public static class ReferralCodes
{
    /// <summary>Referral source (N00152).</summary>
    public static readonly IReadOnlyDictionary<string, string> Source = new Dictionary<string, string>
    {
        ["1A"] = "Individual: family member, relative or carer",
        ["1B"] = "Individual: acquaintance (including neighbours and childminders)",
        ["1C"] = "Individual: self",
        ["1D"] = "Individual: other (including strangers)",
        ["2A"] = "Schools",
        ["2B"] = "Education services",
        ["3A"] = "Health: GP",
        ["3B"] = "Health: health visitor",
        ["3C"] = "Health: school nurse",
        ["3D"] = "Health: other primary health services",
        ["3E"] = "Health: A&E",
        ["3F"] = "Health: other",
        ["4"] = "Housing",
        ["5A"] = "Local authority: social care",
        ["5B"] = "Local authority: other internal department",
        ["5C"] = "Local authority: external",
        ["5D"] = "Local authority: early help",
        ["6"] = "Police",
        ["7"] = "Other legal agency",
        ["8"] = "Other (including children's centres and voluntary organisations)",
        ["9"] = "Anonymous",
        ["10"] = "Unknown",
    };

    /// <summary>Primary need at referral or assessment (N00101).</summary>
    public static readonly IReadOnlyDictionary<string, string> PrimaryNeed = new Dictionary<string, string>
    {
        ["N1"] = "Abuse or neglect",
        ["N2"] = "Child's disability or illness",
        ["N3"] = "Parental disability or illness",
        ["N4"] = "Family in acute stress",
        ["N5"] = "Family dysfunction",
        ["N6"] = "Socially unacceptable behaviour",
        ["N7"] = "Low income",
        ["N8"] = "Absent parenting",
        ["N9"] = "Cases other than children in need",
        ["N0"] = "Not stated",
    };
}
