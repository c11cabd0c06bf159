namespace Safeguard.Domain.Children;

/// <summary>
/// The DfE's code lists for the child's characteristics, as the CIN census uses them (CIN-CENSUS.md section 4),
/// captured from day one so the return comes straight from the record.
/// </summary>
public static class DfeCodes
{
    /// <summary>Ethnicity (N00177).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ethnicity = new Dictionary<string, string>
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WIRT"] = "Traveller of Irish heritage",
        ["WOTH"] = "Any other White background",
        ["WROM"] = "Gypsy or Roma",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Black Caribbean",
        ["BAFR"] = "Black African",
        ["BOTH"] = "Any other Black background",
        ["CHNE"] = "Chinese",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not yet obtained",
    };

    /// <summary>Disability (N00099). NONE never goes with another code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Disability = new Dictionary<string, string>
    {
        ["NONE"] = "No disability",
        ["MOB"] = "Mobility",
        ["HAND"] = "Hand function",
        ["PC"] = "Personal care",
        ["INC"] = "Incontinence",
        ["COMM"] = "Communication",
        ["LD"] = "Learning",
        ["HEAR"] = "Hearing",
        ["VIS"] = "Vision",
        ["BEH"] = "Behaviour",
        ["CON"] = "Consciousness",
        ["AUT"] = "Autism or Asperger's",
        ["DDA"] = "Other disability (Equality Act definition)",
    };
}
