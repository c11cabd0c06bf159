using System.Collections;
using System.ComponentModel.DataAnnotations;
using Safeguard.Domain;
using Safeguard.Domain.Children;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Children;

namespace Safeguard.Web.Referrals;

/// <summary>One thing wrong with a referral as sent: the answer it is about (a path in <see cref="ReferralInput"/>), what to do, and its rule.</summary>
/// <param name="Field">
/// The answer, as a path in the referral as sent ("Concerns", "Child.FamilyName", "Adults[1].Relationship", "OnBehalfOf.Name"),
/// or the field the domain named for one of its rules ("DateOfBirth", "HouseholdChildren"); empty for the whole referral.
/// </param>
/// <param name="RuleId">The rule broken, for the rules with an id; null for an answer missing or too long.</param>
public sealed record ReferralProblem(string Field, string Message, string? RuleId);

/// <summary>
/// The one validation of a referral, whoever sends it: the "Make a referral" pages check each page's answers with it, the
/// API route and <see cref="MakeReferral"/> check the whole referral with it. It runs, in order, the answers' own limits
/// (the annotations on <see cref="ReferralInput"/> and the inputs inside it, which the API also applies as it reads a body),
/// who may send what (SG-REF-23, SG-REF-24, SG-REF-25), and the rules the child's record and the referral keep in the domain,
/// found by making both without saving either. An answer is reported once: a rule about an answer already found missing
/// or too long waits until that is put right.
/// </summary>
public static class ReferralChecks
{
    /// <summary>Every problem found with <paramref name="input"/>; empty when it would be received.</summary>
    /// <param name="frontDoor">Whether the sender is children's social care, who may record a concern for someone else.</param>
    public static IReadOnlyList<ReferralProblem> Of(ReferralInput input, DateOnly today, DateTimeOffset now, bool frontDoor)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<ReferralProblem>();
        Annotations(input, string.Empty, problems);
        OtherChildrensNames(input, problems);
        Rule(problems, () => MakeReferral.CheckChildGiven(input, frontDoor));
        Rule(problems, () => ReferralSender.Check(frontDoor, input.OnBehalfOf is not null, input.SourceCode));
        Rule(problems, () => MakeReferral.ReceivedAt(input, now));
        Rule(problems, () => Receive(input, today, now));
        return problems;
    }

    /// <summary>Refuses <paramref name="input"/> with its first problem, as a broken rule; nothing is saved.</summary>
    public static void Require(ReferralInput input, DateOnly today, DateTimeOffset now, bool frontDoor)
    {
        if (Of(input, today, now, frontDoor) is [var first, ..])
        {
            throw new RuleViolationException(first.RuleId ?? InputRule, first.Message, first.Field);
        }
    }

    /// <summary>The rule id for an answer missing or too long, when it must be reported as a broken rule.</summary>
    public const string InputRule = "SG-REF-26";

    /// <summary>The child's record and the referral, made from the answers and thrown away: the domain's rules, in its order.</summary>
    private static void Receive(ReferralInput input, DateOnly today, DateTimeOffset now)
    {
        // A referral pointing at a child's record is checked against that record when it is sent; here only its own rules run.
        var child = input.Child is { } described
            ? new Child(Guid.NewGuid(), Guid.Empty, RegisterChild.DetailsFrom(described), today)
            : new Child(Guid.NewGuid(), Guid.Empty, new ChildDetails("A", "Child", today, null, Sex.Unknown, null, "NOBT", [], null, null, null), today);
        var referrer = input.OnBehalfOf is { } other
            ? new Referrer(null, null, other.Name ?? string.Empty, other.Role ?? string.Empty, other.Phone, other.Email)
            : new Referrer(null, null, "the referrer", "the referrer", input.ContactPhone, null);
        var contexts = (input.HarmContexts ?? []).Aggregate(HarmContext.None, (all, one) => all | one);
        var source = string.IsNullOrWhiteSpace(input.SourceCode) ? ReferralSender.IndividualSource : input.SourceCode.Trim();
        Referral.Receive(Guid.NewGuid(), Guid.Empty, "check", child, referrer,
            new ReferralDetails(input.Concerns ?? string.Empty, input.HarmTypes ?? [], contexts, input.ChildsViews, input.FamilyKnows ?? false,
                input.FamilyAgrees, input.WhyFamilyNotToldOrAgreed, input.Urgency ?? Urgency.Standard, source,
                [.. (input.Adults ?? []).Select(a => new ReferralAdult(a.Name?.Trim() ?? string.Empty, a.Relationship ?? RelationshipKind.Other, a.DateOfBirth,
                    a.LivesWithChild, a.ParentalResponsibility, a.Phone))],
                [.. (input.OtherChildren ?? []).Select(c => c with { Name = c.Name?.Trim() ?? string.Empty })]),
            now, today, null);
    }

    /// <summary>Runs a rule; a refusal becomes a problem unless its answer already has one.</summary>
    private static void Rule(List<ReferralProblem> problems, Action rule)
    {
        try
        {
            rule();
        }
        catch (RuleViolationException violation)
        {
            var field = violation.Field ?? string.Empty;
            if (!problems.Any(p => SameAnswer(p.Field, field)))
            {
                problems.Add(new ReferralProblem(field, violation.Message, violation.RuleId));
            }
        }
    }

    /// <summary>Each other child in the household is named, in 200 characters or fewer (SG-REF-20), row by row.</summary>
    private static void OtherChildrensNames(ReferralInput input, List<ReferralProblem> problems)
    {
        for (var n = 0; n < (input.OtherChildren?.Count ?? 0); n++)
        {
            var name = input.OtherChildren![n].Name?.Trim() ?? string.Empty;
            if (name.Length is 0 or > 200)
            {
                problems.Add(new ReferralProblem($"{nameof(ReferralInput.OtherChildren)}[{n}].Name",
                    name.Length == 0 ? "Enter the child's name" : "Name must be 200 characters or fewer", "SG-REF-20"));
            }
        }
    }

    /// <summary>
    /// Whether a problem already found (a path in the input) is about the answer a domain rule names: the domain names a
    /// child's answer without "Child.", and some answers by its own names.
    /// </summary>
    private static bool SameAnswer(string path, string field)
    {
        var answer = field switch
        {
            nameof(ReferralDetails.HouseholdChildren) => nameof(ReferralInput.OtherChildren),
            nameof(ReferralDetails.FamilyAgrees) => nameof(ReferralInput.FamilyKnows),
            "ReferrerName" => "OnBehalfOf.Name",
            _ => field,
        };
        return string.Equals(path, answer, StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("." + answer, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(answer + "[", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The annotations of an input and of the inputs inside it (the child, each adult, the person who raised it).</summary>
    private static void Annotations(object input, string prefix, List<ReferralProblem> problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                problems.Add(new ReferralProblem(prefix + member, result.ErrorMessage ?? "Check this answer", null));
            }
        }

        foreach (var property in input.GetType().GetProperties())
        {
            var value = property.GetValue(input);
            if (value is ChildInput or AdultInput or ReferrerInput)
            {
                Annotations(value, prefix + property.Name + ".", problems);
            }
            else if (value is IEnumerable list and not string && property.PropertyType.GetGenericArguments() is [var item] && item == typeof(AdultInput))
            {
                var n = 0;
                foreach (var each in list)
                {
                    Annotations(each, $"{prefix}{property.Name}[{n++}].", problems);
                }
            }
        }
    }
}
