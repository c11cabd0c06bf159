using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Chronology;

/// <summary>A mark on an entry that narrows who may read it; everyone else sees that a sensitive entry exists, not what it says.</summary>
public enum Sensitivity
{
    None,

    /// <summary>Police intelligence: the police, and social work qualified managers of children's social care.</summary>
    PoliceIntelligence,

    /// <summary>Sexual health: health agencies, and social work qualified managers of children's social care.</summary>
    SexualHealth,

    /// <summary>The safe address of a child and parent in a refuge: social work qualified managers of children's social care only.</summary>
    SafeAddress,

    /// <summary>Adoption: social work qualified managers of children's social care only.</summary>
    Adoption,
}

public static class Sensitivities
{
    /// <summary>Whether a reader from this agency, with these roles, may read an entry with this mark.</summary>
    public static bool MaySee(this Sensitivity sensitivity, AgencyKind? agency, IReadOnlyCollection<PractitionerRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var socialCareManager = agency == AgencyKind.LocalAuthorityChildrensSocialCare && roles.Contains(PractitionerRole.PracticeSupervisor);
        return sensitivity switch
        {
            Sensitivity.None => true,
            Sensitivity.PoliceIntelligence => socialCareManager || agency is AgencyKind.Police or AgencyKind.BritishTransportPolice,
            Sensitivity.SexualHealth => socialCareManager || agency is AgencyKind.HealthProvider or AgencyKind.GeneralPractice or AgencyKind.IntegratedCareBoard,
            _ => socialCareManager,
        };
    }

    public static string Describe(this Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.PoliceIntelligence => "police intelligence",
        Sensitivity.SexualHealth => "sexual health",
        Sensitivity.SafeAddress => "a safe address",
        Sensitivity.Adoption => "adoption",
        _ => "not sensitive",
    };

    public static string WhoMaySee(this Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.PoliceIntelligence => "the police and social care managers",
        Sensitivity.SexualHealth => "health practitioners and social care managers",
        _ => "social care managers",
    };
}
