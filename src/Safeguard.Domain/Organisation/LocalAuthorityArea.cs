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
}
