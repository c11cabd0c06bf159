namespace Safeguard.Data;

/// <summary>
/// Who is acting in the current request or command, and in which local authority area (the tenant). Every
/// query is kept inside <see cref="AreaId"/>, and every audit row names the actor.
/// </summary>
public interface IActor
{
    Guid? AreaId { get; }

    /// <summary>The safeguarding partnership of <see cref="AreaId"/>, if the area is in one: partnership records are kept inside it.</summary>
    Guid? PartnershipId { get; }

    Guid? UserId { get; }

    Guid? PractitionerId { get; }

    Guid? AgencyId { get; }

    /// <summary>Where the request came from (an IP address), or the operator command's name.</summary>
    string? Origin { get; }

    /// <summary>
    /// Whether the actor may read the words of a record with this mark (<see cref="Domain.Chronology.Sensitivities.MaySee"/>); others
    /// read that something is withheld (<see cref="SensitiveContent"/>).
    /// </summary>
    bool MaySee(Domain.Chronology.Sensitivity sensitivity);
}

/// <summary>An operator command or background job: no signed-in user, and no area until one is chosen.</summary>
public sealed class OperatorActor(string origin) : IActor
{
    public Guid? AreaId => null;

    public Guid? PartnershipId => null;

    public Guid? UserId => null;

    public Guid? PractitionerId => null;

    public Guid? AgencyId => null;

    public string? Origin { get; } = origin;

    /// <summary>An operator command or job reads whole records (a migration, a backfill); it shows nothing to a person.</summary>
    public bool MaySee(Domain.Chronology.Sensitivity sensitivity) => true;
}
