namespace Safeguard.Data;

/// <summary>The local authority area (tenant) the current request or command works in.</summary>
public interface ICurrentArea
{
    Guid? AreaId { get; }
}

/// <summary>An area fixed when created: for commands, seeding and tests.</summary>
public sealed class FixedArea(Guid? areaId) : ICurrentArea
{
    public static readonly FixedArea None = new(null);

    public Guid? AreaId { get; } = areaId;
}
