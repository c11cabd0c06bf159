using Microsoft.EntityFrameworkCore;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Seeding;

public sealed partial class Seeder
{
    /// <summary>
    /// Creates the second demo area (<see cref="SecondDemoArea"/>) and the partnership it shares with Northmoor, if they are not there:
    /// the agencies serving both areas as one identity each (the police force, the integrated care board) and a national prison service,
    /// Eastwold's agencies and accounts, and three accounts of Northmoor that are members of Eastwold too. Northmoor must exist already;
    /// its own agencies and accounts are left as they are, but for its police and integrated care board now standing for the agencies
    /// that serve both areas, and the prison service's presence in Northmoor.
    /// </summary>
    /// <returns>True when the area was created now; false when it already existed or Northmoor does not.</returns>
    public async Task<bool> EnsureSecondDemoAreaAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(a => a.Id == SecondDemoArea.AreaId, cancellationToken)
            || !await db.Areas.AnyAsync(a => a.Id == DemoArea.AreaId, cancellationToken))
        {
            return false;
        }

        var identities = SecondDemoArea.CrossAreaAgencies.ToDictionary(a => a.Kind,
            a => new CrossAreaAgency(StableId($"cross-area-agency:{a.Kind}"), a.Name, a.Kind, a.Reach));
        db.CrossAreaAgencies.AddRange(identities.Values);
        var area = new LocalAuthorityArea(SecondDemoArea.AreaId, SecondDemoArea.LaNumber, SecondDemoArea.Name);
        db.Areas.Add(area);
        db.Partnerships.Add(new Partnership(SecondDemoArea.PartnershipId, SecondDemoArea.PartnershipName, identities[AgencyKind.IntegratedCareBoard],
            identities[AgencyKind.Police], [DemoArea.AreaId, SecondDemoArea.AreaId]));
        await db.SaveChangesAsync(cancellationToken);

        // Northmoor: its police force and integrated care board are the ones serving both areas; the prison service is present too.
        db.WorkInArea(DemoArea.AreaId, SecondDemoArea.PartnershipId);
        var kinds = identities.Keys.ToList();
        var northmoor = await db.Agencies.Where(a => kinds.Contains(a.Kind)).ToListAsync(cancellationToken);
        foreach (var agency in northmoor)
        {
            agency.Serves(identities[agency.Kind]);
        }

        if (!northmoor.Any(a => a.Kind == AgencyKind.Prison))
        {
            var prison = new Agency(StableId($"agency:{AgencyKind.Prison}"), DemoArea.AreaId, identities[AgencyKind.Prison].Name, AgencyKind.Prison);
            prison.Serves(identities[AgencyKind.Prison]);
            db.Agencies.Add(prison);
            northmoor.Add(prison);
        }

        var homeTeams = await db.Teams.ToListAsync(cancellationToken);
        var home = new List<(DemoAccount Account, Practitioner Practitioner)>();
        foreach (var account in SecondDemoArea.MultiAreaAccounts)
        {
            var agency = northmoor.Single(a => a.Kind == account.Agency);
            home.Add((account, NewPractitioner(account, agency, homeTeams.SingleOrDefault(t => t.AgencyId == agency.Id && t.Name == account.Team),
                DemoArea.EmailOf(account), $"practitioner:{account.Login}")));
        }

        await db.SaveChangesAsync(cancellationToken);
        var made = new List<(DemoAccount Account, Identity.SafeguardUser User)>();
        foreach (var (account, practitioner) in home)
        {
            made.Add((account, await AddAccountAsync(practitioner, DemoArea.Password, twoFactorOptional: true)));
        }

        // Eastwold: its own agencies (the force, the board and the prison service standing for their one identity), teams and accounts.
        db.WorkInArea(SecondDemoArea.AreaId, SecondDemoArea.PartnershipId);
        var agencies = new Dictionary<AgencyKind, Agency>();
        var teams = new List<Team>();
        foreach (var (kind, name, teamNames) in SecondDemoArea.Agencies)
        {
            var agency = new Agency(StableId($"eastwold:agency:{kind}"), area.Id, name, kind);
            if (identities.TryGetValue(kind, out var identity))
            {
                agency.Serves(identity);
            }

            agencies[kind] = agency;
            db.Agencies.Add(agency);
            teams.AddRange(teamNames.Select(t => new Team(StableId($"eastwold:team:{kind}:{t}"), area.Id, agency.Id, t)));
        }

        db.Teams.AddRange(teams);
        var own = SecondDemoArea.Accounts.Select(a => NewPractitioner(a, agencies[a.Agency],
            teams.SingleOrDefault(t => t.AgencyId == agencies[a.Agency].Id && t.Name == a.Team), SecondDemoArea.EmailOf(a), $"eastwold:practitioner:{a.Login}")).ToList();
        var since = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        foreach (var (account, user) in made)
        {
            // The same person, acting in Eastwold as a practitioner of Eastwold's presence of the same agency, with the same roles.
            var there = NewPractitioner(account, agencies[account.Agency], teams.SingleOrDefault(t => t.AgencyId == agencies[account.Agency].Id && t.Name == account.Team),
                DemoArea.EmailOf(account), $"eastwold:practitioner:{account.Login}");
            db.AreaMemberships.Add(new AreaMembership(StableId($"eastwold:membership:{account.Login}"), user.Id, there, since));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var practitioner in own)
        {
            await AddAccountAsync(practitioner, DemoArea.Password, twoFactorOptional: true);
        }

        return true;
    }

    private Practitioner NewPractitioner(DemoAccount account, Agency agency, Team? team, string email, string stableName)
    {
        var practitioner = new Practitioner(StableId(stableName), agency, team?.Id, account.GivenName, account.FamilyName, email, account.JobTitle,
            account.Registration is null ? null : SocialWorkRegistration.Parse(account.Registration));
        foreach (var role in account.Roles)
        {
            practitioner.Grant(role, agency);
        }

        db.Practitioners.Add(practitioner);
        return practitioner;
    }
}
