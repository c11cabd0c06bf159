using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Children;

/// <summary>How an adult in the family network stands to a child (fathers and male carers are named, [STD-B]).</summary>
public enum RelationshipKind
{
    Mother,
    Father,
    StepParent,
    PartnerOfParent,
    Grandparent,
    AuntOrUncle,
    AdultSibling,
    KinshipCarer,
    FosterCarer,
    FamilyFriend,

    /// <summary>The pregnant person named in a pre-birth referral.</summary>
    ExpectantParent,
    Other,
}

public static class RelationshipKinds
{
    public static string Describe(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.PartnerOfParent => "Parent's partner",
        RelationshipKind.AuntOrUncle => "Aunt or uncle",
        RelationshipKind.AdultSibling => "Adult brother or sister",
        RelationshipKind.KinshipCarer => "Kinship carer",
        RelationshipKind.FosterCarer => "Foster carer",
        RelationshipKind.FamilyFriend => "Family friend",
        RelationshipKind.ExpectantParent => "Pregnant person (pre-birth referral)",
        _ => kind.ToString(),
    };
}

/// <summary>An adult in the child's family network or household. A child may have many; an adult many children.</summary>
public sealed class FamilyMember
{
    private FamilyMember()
    {
        GivenName = FamilyName = string.Empty;
    }

    public FamilyMember(Guid id, Guid areaId, string givenName, string familyName, DateOnly? dateOfBirth, string? phone)
    {
        Require(!string.IsNullOrWhiteSpace(givenName) && !string.IsNullOrWhiteSpace(familyName), "SG-ADULT-01",
            "Enter the adult's first and last names.", nameof(GivenName));
        Id = id;
        AreaId = areaId;
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        DateOfBirth = dateOfBirth;
        Phone = phone?.Trim();
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public DateOnly? DateOfBirth { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The adult's first language (¶19).</summary>
    public string? FirstLanguage { get; private set; }

    /// <summary>Whether a professional interpreter is needed: never a family member or partner (GEN-04); null until someone has asked.</summary>
    public bool? InterpreterNeeded { get; private set; }

    /// <summary>How the adult communicates (British Sign Language, easy read, an advocate).</summary>
    public string? CommunicationMethod { get; private set; }

    public CommunicationNeeds CommunicationNeeds => new(FirstLanguage, InterpreterNeeded, CommunicationMethod);

    /// <summary>Records the adult's communication needs (GEN-04).</summary>
    public void RecordCommunicationNeeds(CommunicationNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var checkedNeeds = CommunicationNeeds.Checked(needs.FirstLanguage, needs.InterpreterNeeded, needs.CommunicationMethod);
        FirstLanguage = checkedNeeds.FirstLanguage;
        InterpreterNeeded = checkedNeeds.InterpreterNeeded;
        CommunicationMethod = checkedNeeds.CommunicationMethod;
    }
}

/// <summary>A link between a child and an adult: what they are to the child, parental responsibility, shared home.</summary>
public sealed class Relationship
{
    private Relationship()
    {
    }

    public Relationship(Guid id, Child child, FamilyMember adult, RelationshipKind kind, bool hasParentalResponsibility, bool livesWithChild)
    {
        Require(child.AreaId == adult.AreaId, "SG-ADULT-02", "The child and the adult must be in the same area's records.");
        Id = id;
        AreaId = child.AreaId;
        ChildId = child.Id;
        FamilyMemberId = adult.Id;
        Kind = kind;
        HasParentalResponsibility = hasParentalResponsibility;
        LivesWithChild = livesWithChild;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid FamilyMemberId { get; private set; }

    public RelationshipKind Kind { get; private set; }

    public bool HasParentalResponsibility { get; private set; }

    public bool LivesWithChild { get; private set; }

    /// <summary>The child's duplicate record was merged: the relationship moves to the record that carries on.</summary>
    public void MoveToChild(Child survivor)
    {
        Require(survivor.AreaId == AreaId, "SG-ADULT-02", "The child and the adult must be in the same area's records.");
        ChildId = survivor.Id;
    }
}
