using Safeguard.Domain.Children;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>Groups of children with specific needs the guidance names (chapter 3), recorded on the episode because they change the work.</summary>
[Flags]
public enum SpecificNeed
{
    None = 0,
    UnbornOrBaby = 1,
    Disabled = 2,
    YoungCarer = 4,
    HarmOutsideTheHome = 8,
    Missing = 16,
    YouthJustice = 32,
    ParentInPrison = 64,
    MotherAndBabyUnit = 128,
    ModernSlavery = 256,
}

/// <summary>What the practitioner is prompted to do for a group, in the guidance's words, with where it says so.</summary>
public sealed record NeedPrompt(SpecificNeed Need, string Name, string Prompt, string Paragraph);

public static class SpecificNeeds
{
    /// <summary>The prompts, each citing its rule in STATUTORY-RULES.md section 3.6 and the guidance's paragraphs.</summary>
    public static readonly IReadOnlyList<NeedPrompt> Prompts =
    [
        new(SpecificNeed.UnbornOrBaby, "An unborn child or a baby",
            "GRP-01, GRP-02: identify risk early and assess before birth, planning across agencies; observe the baby with each carer, read non-verbal cues, be curious about parents' accounts rather than relying on them, and include fathers and male carers. An unborn child likely to suffer significant harm at birth needs prompt section 47 action; consider a pre-birth conference.",
            "¶15, ¶205–208"),
        new(SpecificNeed.Disabled, "A disabled child",
            "GRP-03, GRP-04: consider support under section 2 of the Chronically Sick and Disabled Persons Act 1970; a parent carer who appears to need support, or asks, must be offered a parent carer needs assessment, and it must be taken into account.",
            "¶209–212"),
        new(SpecificNeed.YoungCarer, "A young carer",
            "GRP-05: assess the young carer's needs with the whole family, and consider combining it with the other assessments.",
            "¶214, ¶291"),
        new(SpecificNeed.HarmOutsideTheHome, "Harm outside the home",
            "ASM-09, GRP-06: assess where the risk is located (places, peers, online) and its level in each context; consider referrals for exploitation and to the NRM; consider the other children involved and agree a disruption plan with the police and community safety partners.",
            "¶178, ¶220–223"),
        new(SpecificNeed.Missing, "Missing from home, care or education",
            "ASM-09: going missing can be a sign of exploitation: record where the child was, with whom, and what the return interview found, and consider harm outside the home.",
            "¶178, ¶220"),
        new(SpecificNeed.YouthJustice, "In the youth justice system",
            "SEC-01, SEC-02: work with the youth justice service; a child in a secure establishment or remanded has one support plan with the home authority.",
            "¶226–228"),
        new(SpecificNeed.ParentInPrison, "A parent in prison or on probation",
            "PRIS-02, PROB-01: record each prison or probation child safeguarding enquiry and answer it, the same day when probation asks, with the child's voice and best interests.",
            "¶237, ¶240, ¶316–317"),
        new(SpecificNeed.MotherAndBabyUnit, "A mother and baby unit application",
            "MBU-01, MBU-02: assess for the prison's mother and baby unit when asked (suitability, impact, contact, kinship alternatives); the lead practitioner attends the admissions board.",
            "¶234–235, ¶312–314"),
        new(SpecificNeed.ModernSlavery, "A potential victim of modern slavery",
            "NRM-01, NRM-02: refer to the National Referral Mechanism as soon as possible (the child's consent is not needed), and to the Independent Child Trafficking Guardian service where it runs.",
            "¶224–225"),
    ];

    /// <summary>Needs the record already shows: an unborn child or a baby under one, and a child with a recorded disability.</summary>
    public static SpecificNeed Inferred(Child child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        var needs = SpecificNeed.None;
        if (child.IsUnborn || child.DateOfBirth is { } born && born.AddYears(1) > today)
        {
            needs |= SpecificNeed.UnbornOrBaby;
        }

        if (child.DisabilityCodes.Any(d => d != "NONE"))
        {
            needs |= SpecificNeed.Disabled;
        }

        return needs;
    }
}
