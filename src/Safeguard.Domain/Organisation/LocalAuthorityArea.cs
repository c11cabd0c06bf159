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
}
