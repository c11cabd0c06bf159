using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Organisation;

namespace Safeguard.Web.FamilyHelp;

/// <summary>
/// The practitioners a page offers to choose from, asked of the database: those holding the role a step needs (a
/// conference chair, a registered social worker), or anyone who works with children narrowed by what the user typed —
/// never the area's whole list loaded and filtered in memory. Each list is bounded; people already chosen stay on it so
/// a form shown again keeps its answers.
/// </summary>
public static class PractitionerPicker
{
    /// <summary>The most a list offers; the user narrows it by typing part of a name, job or agency.</summary>
    public const int MaxShown = 200;

    /// <summary>Practitioners of the area with the role, by name; <paramref name="registered"/> asks for a Social Work England registration too.</summary>
    public static Task<List<PersonView>> WithRoleAsync(SafeguardDbContext db, PractitionerRole role, bool registered, CancellationToken cancellationToken) =>
        (from p in db.Practitioners.AsNoTracking()
         where p.Roles.Contains(role) && (!registered || p.Registration != null)
         join a in db.Agencies on p.AgencyId equals a.Id
         orderby p.FamilyName, p.GivenName
         select new PersonView(p.Id, p.GivenName + " " + p.FamilyName, p.JobTitle, a.Name)).Take(MaxShown).ToListAsync(cancellationToken);

    /// <summary>
    /// Practitioners of the area who work with children (not administrators, analysts or the data protection officer)
    /// whose name, job or agency contains <paramref name="search"/> (all of them when it is empty), by agency and name,
    /// at most <see cref="MaxShown"/>, and the people in <paramref name="chosen"/> whatever the search.
    /// </summary>
    public static async Task<List<PersonView>> FindAsync(SafeguardDbContext db, string? search, IEnumerable<Guid>? chosen, CancellationToken cancellationToken)
    {
        var term = search?.Trim().ToUpperInvariant() ?? string.Empty;
        var pattern = $"%{term.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
        var kept = (chosen ?? []).Distinct().ToList();
        var people = db.Practitioners.AsNoTracking()
            .Where(p => !p.Roles.Contains(PractitionerRole.Administrator) && !p.Roles.Contains(PractitionerRole.Analyst)
                && !p.Roles.Contains(PractitionerRole.DataProtectionOfficer));
        var query = from p in people
                    join a in db.Agencies on p.AgencyId equals a.Id
#pragma warning disable CA1304, CA1311 // EF translates ToUpper() to SQL UPPER(); no .NET culture is involved.
                    where term == string.Empty || EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToUpper(), pattern)
                        || EF.Functions.Like(p.JobTitle.ToUpper(), pattern) || EF.Functions.Like(a.Name.ToUpper(), pattern)
#pragma warning restore CA1304, CA1311
                    orderby a.Name, p.FamilyName, p.GivenName
                    select new PersonView(p.Id, p.GivenName + " " + p.FamilyName, p.JobTitle, a.Name);
        var found = await query.Take(MaxShown).ToListAsync(cancellationToken);
        var missing = kept.Where(id => found.TrueForAll(p => p.Id != id)).ToList();
        if (missing.Count > 0)
        {
            found.AddRange(await (from p in db.Practitioners.AsNoTracking()
                                  where missing.Contains(p.Id)
                                  join a in db.Agencies on p.AgencyId equals a.Id
                                  select new PersonView(p.Id, p.GivenName + " " + p.FamilyName, p.JobTitle, a.Name)).ToListAsync(cancellationToken));
        }

        return found;
    }
}
