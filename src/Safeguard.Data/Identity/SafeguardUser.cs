using Microsoft.AspNetCore.Identity;

namespace Safeguard.Data.Identity;

/// <summary>A sign-in account. It belongs to one area and speaks for one practitioner, whose roles it carries.</summary>
public sealed class SafeguardUser : IdentityUser<Guid>
{
    public Guid AreaId { get; set; }

    public Guid PractitionerId { get; set; }
}
