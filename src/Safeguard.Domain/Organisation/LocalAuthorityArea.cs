using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Organisation;

/// <summary>
/// A local authority area: the tenant. Its safeguarding partners (the local authority, the integrated care
/// board and the chief officer of police) and their relevant agencies work together inside it.
/// </summary>
public sealed class LocalAuthorityArea
{
    private LocalAuthorityArea()
    {
        Name = string.Empty;
        LaNumber = string.Empty;
    }

    public LocalAuthorityArea(Guid id, string laNumber, string name)
    {
        Require(laNumber.Length == 3 && laNumber.All(char.IsAsciiDigit), "SG-AREA-01",
            "The local authority number must be the DfE's 3-digit number, like 201.", nameof(LaNumber));
        Require(!string.IsNullOrWhiteSpace(name), "SG-AREA-02", "Enter the area's name.", nameof(Name));
        Id = id;
        LaNumber = laNumber;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    /// <summary>The DfE's 3-digit local authority number, used in statutory returns (CIN census LEA).</summary>
    public string LaNumber { get; private set; }

    public string Name { get; private set; }

    /// <summary>The area's target for holding a strategy discussion the front door decided, unless its administrator sets another.</summary>
    public const int DefaultStrategyDiscussionTargetWorkingDays = 1;

    /// <summary>The longest target an area may set for holding a strategy discussion: a child at risk of significant harm does not wait weeks.</summary>
    public const int MaxStrategyDiscussionTargetWorkingDays = 10;

    /// <summary>
    /// The area's own target for holding a strategy discussion after the front door decides one, in working days (0: the same day). The
    /// guidance sets no national timescale, so this is a local target: shown as one, never reported as a statutory breach.
    /// </summary>
    public int StrategyDiscussionTargetWorkingDays { get; private set; } = DefaultStrategyDiscussionTargetWorkingDays;

    /// <summary>The area sets its own target for holding a strategy discussion: from the same day (0) to 10 working days.</summary>
    public void SetStrategyDiscussionTarget(int workingDays)
    {
        Require(workingDays is >= 0 and <= MaxStrategyDiscussionTargetWorkingDays, "SG-AREA-10",
            $"The target for holding a strategy discussion must be a whole number of working days from 0 (the same day) to {MaxStrategyDiscussionTargetWorkingDays}.",
            nameof(StrategyDiscussionTargetWorkingDays));
        StrategyDiscussionTargetWorkingDays = workingDays;
    }

    // The local protocol for assessment and support (MASA-18, RC-02), written down as the area's settings.

    /// <summary>Who the local protocol allows to lead an assessment under section 17 (RC-02); a social worker unless it says more.</summary>
    public Section17Leads Section17Leads { get; private set; }

    /// <summary>The local protocol's name or version as the area published it (MASA-18), shown with every decision it allows.</summary>
    public string? LocalProtocolVersion { get; private set; }

    /// <summary>When the local protocol's settings last changed, and by whom.</summary>
    public DateTimeOffset? LocalProtocolChangedAt { get; private set; }

    public Guid? LocalProtocolChangedBy { get; private set; }

    /// <summary>
    /// A social work qualified manager of children's social care, or an administrator of the area, writes down the local
    /// protocol's settings (MASA-18, RC-02). The version names the published protocol they come from.
    /// </summary>
    public void SetLocalProtocol(Practitioner by, bool byIsAdministrator, Section17Leads section17Leads, string? version, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(by.AreaId == Id && (byIsAdministrator || by.Has(PractitionerRole.PracticeSupervisor) && by.IsSocialWorkQualified), "SG-AREA-03",
            "Only a social work qualified manager or an administrator of the area can change the local protocol.");
        Require(Enum.IsDefined(section17Leads), "RC-02", "Select who may lead an assessment under section 17.", nameof(Section17Leads));
        Require(!string.IsNullOrWhiteSpace(version), "MASA-18", "Enter the name or version of the local protocol these settings come from.",
            nameof(LocalProtocolVersion));
        Require(version!.Trim().Length <= 200, "MASA-18", "The protocol's name or version must be 200 characters or fewer.", nameof(LocalProtocolVersion));
        Section17Leads = section17Leads;
        LocalProtocolVersion = version.Trim();
        LocalProtocolChangedAt = at;
        LocalProtocolChangedBy = by.Id;
    }

    /// <summary>
    /// Whether the local protocol allows this practitioner to lead an assessment under section 17 (RC-02): a registered
    /// social worker always; a practitioner of the local authority's children's services, or of a partner agency (a Family
    /// Help practitioner continuing with the family), when the protocol says so. A section 47 enquiry is never theirs (RC-03).
    /// </summary>
    public static bool MayLeadSection17(Section17Leads protocol, Practitioner lead, AgencyKind leadsAgency)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified)
        {
            return true;
        }

        if (lead.Has(PractitionerRole.Administrator) || lead.Has(PractitionerRole.Analyst) || lead.Has(PractitionerRole.DataProtectionOfficer))
        {
            return false;
        }

        return protocol switch
        {
            Section17Leads.ChildrensServicesPractitioners => leadsAgency == AgencyKind.LocalAuthorityChildrensSocialCare,
            Section17Leads.AnyPractitioner => true,
            _ => false,
        };
    }

    /// <summary>Refuses a lead the protocol does not allow, with RC-02 and the protocol's words.</summary>
    public static void RequireMayLeadSection17(Section17Leads protocol, Practitioner lead, AgencyKind leadsAgency, string field = "LeadPractitionerId") =>
        Require(MayLeadSection17(protocol, lead, leadsAgency), "RC-02", protocol switch
        {
            Section17Leads.ChildrensServicesPractitioners =>
                "The local protocol allows a registered social worker or a practitioner of the local authority's children's services to lead an assessment under section 17.",
            Section17Leads.AnyPractitioner => "The local protocol allows any practitioner to lead an assessment under section 17, but not this account's roles.",
            _ => "The local protocol allows only a registered social worker to lead an assessment under section 17; a partner agency's practitioner can lead Family Help.",
        }, field);
}

/// <summary>Who the local protocol allows to lead an assessment under section 17 (RC-02, ¶138, ¶154, ¶170).</summary>
public enum Section17Leads
{
    /// <summary>A registered social worker only.</summary>
    SocialWorkers,

    /// <summary>A registered social worker, or a practitioner of the local authority's children's services (a Family Hub practitioner).</summary>
    ChildrensServicesPractitioners,

    /// <summary>Any practitioner, a partner agency's too: the Family Help practitioner continuing with the family.</summary>
    AnyPractitioner,
}
