namespace Safeguard.Domain.Referrals;

/// <summary>
/// The kinds of harm the 2026 guidance names (STATUTORY-RULES.md section 6). A referral, assessment or plan may
/// record several at once, each in one or more contexts; the statutory plan category for returns is separate.
/// </summary>
public enum HarmType
{
    PhysicalAbuse,
    EmotionalAbuse,
    SexualAbuse,
    OnlineSexualAbuse,
    SexualAbuseInTheFamily,
    Neglect,
    DomesticAbuse,
    CoerciveControl,
    TeenageRelationshipAbuse,
    HonourBasedAbuse,
    FaithOrBeliefBasedAbuse,
    ChildToParentAbuse,
    ExtraFamilialHarm,
    CriminalExploitation,
    SexualExploitation,
    FinancialExploitation,
    ModernSlaveryOrTrafficking,
    SeriousViolence,
    OnlineHarm,
    Radicalisation,
    ChildOnChildAbuse,
}

/// <summary>Where the harm happens: a harm can be in several contexts at once (¶250).</summary>
[Flags]
public enum HarmContext
{
    None = 0,
    InsideTheHome = 1,
    OutsideTheHome = 2,
    Online = 4,
    Institutional = 8,
}

public static class HarmTypes
{
    public static string DisplayName(this HarmType harm) => harm switch
    {
        HarmType.PhysicalAbuse => "Physical abuse (including fabricated or induced illness)",
        HarmType.EmotionalAbuse => "Emotional abuse (including serious bullying and seeing or hearing ill-treatment)",
        HarmType.SexualAbuse => "Sexual abuse",
        HarmType.OnlineSexualAbuse => "Online sexual abuse (including grooming and coerced self-generated images)",
        HarmType.SexualAbuseInTheFamily => "Child sexual abuse in the family",
        HarmType.Neglect => "Neglect",
        HarmType.DomesticAbuse => "Domestic abuse (the child is a victim in their own right)",
        HarmType.CoerciveControl => "Controlling or coercive behaviour",
        HarmType.TeenageRelationshipAbuse => "Teenage relationship abuse",
        HarmType.HonourBasedAbuse => "'Honour'-based abuse (including FGM and forced marriage)",
        HarmType.FaithOrBeliefBasedAbuse => "Faith- or belief-based abuse",
        HarmType.ChildToParentAbuse => "Child-to-parent abuse",
        HarmType.ExtraFamilialHarm => "Harm outside the home (extra-familial harm)",
        HarmType.CriminalExploitation => "Criminal exploitation (including county lines and cuckooing)",
        HarmType.SexualExploitation => "Sexual exploitation",
        HarmType.FinancialExploitation => "Financial exploitation",
        HarmType.ModernSlaveryOrTrafficking => "Modern slavery or trafficking",
        HarmType.SeriousViolence => "Serious violence",
        HarmType.OnlineHarm => "Online harm",
        HarmType.Radicalisation => "Radicalisation",
        HarmType.ChildOnChildAbuse => "Child-on-child abuse or harmful sexual behaviour",
        _ => harm.ToString(),
    };
}
