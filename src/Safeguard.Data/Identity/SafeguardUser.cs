using Microsoft.AspNetCore.Identity;

namespace Safeguard.Data.Identity;

/// <summary>A sign-in account. It belongs to one area and speaks for one practitioner, whose roles it carries.</summary>
public sealed class SafeguardUser : IdentityUser<Guid>
{
    public Guid AreaId { get; set; }

    public Guid PractitionerId { get; set; }

    /// <summary>
    /// Made by an administrator and not yet approved by a second person: the account cannot sign in, by password or through the
    /// organisation's identity provider, and has no password until the approver's one-time link sets one.
    /// </summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>
    /// Two-factor authentication is not required of this account although it holds roles that reach case records. Only the seeder
    /// sets it, for the synthetic demo area's accounts and the tests' own; the service and the operator command never do.
    /// </summary>
    public bool TwoFactorOptional { get; set; }
}
