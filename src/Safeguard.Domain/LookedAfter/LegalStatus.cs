namespace Safeguard.Domain.LookedAfter;

/// <summary>
/// The legal basis on which the local authority looks after the child (STATUTORY-RULES §5: section 20, a care order,
/// remand, an emergency protection order or police protection). The CIN census does not record it; each value names the
/// legal status code of the DfE's looked after children return (SSDA903) in <see cref="LegalStatuses.Ssda903Code"/>, so
/// the return can be produced from it later.
/// </summary>
public enum LegalStatus
{
    /// <summary>Accommodated under section 20 of the Children Act 1989 (single period of accommodation).</summary>
    Section20,

    /// <summary>Interim care order (section 38).</summary>
    InterimCareOrder,

    /// <summary>Full care order (section 31).</summary>
    CareOrder,

    /// <summary>Placement order granted (Adoption and Children Act 2002, section 21).</summary>
    PlacementOrder,

    /// <summary>Under police protection (section 46) and in local authority accommodation.</summary>
    PoliceProtection,

    /// <summary>Under an emergency protection order (section 44).</summary>
    EmergencyProtectionOrder,

    /// <summary>Under a child assessment order (section 43) and in local authority accommodation.</summary>
    ChildAssessmentOrder,

    /// <summary>Remanded to local authority accommodation or to youth detention accommodation (SEC-02).</summary>
    Remanded,

    /// <summary>Detained in local authority accommodation under the Police and Criminal Evidence Act 1984, section 38(6).</summary>
    PoliceAndCriminalEvidenceAct,
}

/// <summary>What a placement is, in plain words.</summary>
public enum PlacementType
{
    FosterCare,

    /// <summary>Foster care with a relative, friend or other connected person (kinship foster care).</summary>
    KinshipFosterCare,

    ChildrensHome,

    SecureChildrensHome,

    /// <summary>Placed with a parent or someone with parental responsibility while looked after.</summary>
    PlacedWithParents,

    /// <summary>Supported accommodation for a 16 or 17 year old.</summary>
    SupportedAccommodation,

    /// <summary>Youth detention accommodation on remand (SEC-02).</summary>
    YouthDetentionAccommodation,

    PlacedForAdoption,

    Other,
}

public static class LegalStatuses
{
    /// <summary>The legal status code of the SSDA903 return.</summary>
    public static string Ssda903Code(this LegalStatus status) => status switch
    {
        LegalStatus.Section20 => "V2",
        LegalStatus.InterimCareOrder => "C1",
        LegalStatus.CareOrder => "C2",
        LegalStatus.PlacementOrder => "E1",
        LegalStatus.PoliceProtection => "L1",
        LegalStatus.EmergencyProtectionOrder => "L2",
        LegalStatus.ChildAssessmentOrder => "L3",
        LegalStatus.Remanded => "J1",
        _ => "J2",
    };

    public static string Describe(this LegalStatus status) => status switch
    {
        LegalStatus.Section20 => "Accommodated under section 20",
        LegalStatus.InterimCareOrder => "Interim care order",
        LegalStatus.CareOrder => "Care order",
        LegalStatus.PlacementOrder => "Placement order",
        LegalStatus.PoliceProtection => "Police protection, in local authority accommodation",
        LegalStatus.EmergencyProtectionOrder => "Emergency protection order",
        LegalStatus.ChildAssessmentOrder => "Child assessment order, in local authority accommodation",
        LegalStatus.Remanded => "Remanded to local authority or youth detention accommodation",
        _ => "Detained under the Police and Criminal Evidence Act",
    };

    /// <summary>The local authority shares parental responsibility under a care order (interim or full, or one a placement order suspends).</summary>
    public static bool IsCareOrder(this LegalStatus status) => status is LegalStatus.InterimCareOrder or LegalStatus.CareOrder or LegalStatus.PlacementOrder;

    public static string Describe(this PlacementType type) => type switch
    {
        PlacementType.FosterCare => "Foster care",
        PlacementType.KinshipFosterCare => "Kinship foster care (a relative, friend or connected person)",
        PlacementType.ChildrensHome => "Children's home",
        PlacementType.SecureChildrensHome => "Secure children's home",
        PlacementType.PlacedWithParents => "Placed with parents",
        PlacementType.SupportedAccommodation => "Supported accommodation",
        PlacementType.YouthDetentionAccommodation => "Youth detention accommodation",
        PlacementType.PlacedForAdoption => "Placed for adoption",
        _ => "Other",
    };
}
