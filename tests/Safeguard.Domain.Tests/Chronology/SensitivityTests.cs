using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Chronology;

public sealed class SensitivityTests
{
    private static readonly PractitionerRole[] SocialWorker = [PractitionerRole.SocialWorker];
    private static readonly PractitionerRole[] Manager = [PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor];
    private static readonly PractitionerRole[] None = [];

    [Theory]
    [InlineData(Sensitivity.PoliceIntelligence, AgencyKind.Police, false, true)]
    [InlineData(Sensitivity.PoliceIntelligence, AgencyKind.LocalAuthorityChildrensSocialCare, false, false)]
    [InlineData(Sensitivity.PoliceIntelligence, AgencyKind.LocalAuthorityChildrensSocialCare, true, true)]
    [InlineData(Sensitivity.PoliceIntelligence, AgencyKind.School, false, false)]
    [InlineData(Sensitivity.SexualHealth, AgencyKind.HealthProvider, false, true)]
    [InlineData(Sensitivity.SexualHealth, AgencyKind.Police, false, false)]
    [InlineData(Sensitivity.SafeAddress, AgencyKind.Police, false, false)]
    [InlineData(Sensitivity.SafeAddress, AgencyKind.LocalAuthorityChildrensSocialCare, false, false)]
    [InlineData(Sensitivity.SafeAddress, AgencyKind.LocalAuthorityChildrensSocialCare, true, true)]
    [InlineData(Sensitivity.Adoption, AgencyKind.HealthProvider, false, false)]
    [InlineData(Sensitivity.None, AgencyKind.School, false, true)]
    public void AMarkedEntry_IsReadOnlyByTheNamedAgenciesAndRoles(Sensitivity sensitivity, AgencyKind agency, bool manager, bool maySee)
    {
        var roles = manager ? Manager : agency == AgencyKind.LocalAuthorityChildrensSocialCare ? SocialWorker : None;

        Assert.Equal(maySee, sensitivity.MaySee(agency, roles));
    }
}
