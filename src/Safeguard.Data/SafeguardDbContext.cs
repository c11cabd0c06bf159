using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data.Identity;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data;

/// <summary>
/// The one unit of work. Every record that belongs to a local authority area carries its AreaId, and a query
/// filter keeps each request inside the signed-in user's area: a request with no area sees no case records.
/// Operator tools (migrate, seed, users) that work across areas say so with IgnoreQueryFilters().
/// The provider-specific subclasses exist only so that each provider has its own migration set.
/// </summary>
public abstract class SafeguardDbContext(DbContextOptions options, ICurrentArea currentArea)
    : IdentityDbContext<SafeguardUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<LocalAuthorityArea> Areas => Set<LocalAuthorityArea>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    /// <summary>The area of the current request, read by the query filters each time a query runs.</summary>
    public Guid? CurrentAreaId => currentArea.AreaId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);

        builder.Entity<Agency>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Team>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Practitioner>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Child>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<FamilyMember>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Relationship>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
    }
}

public sealed class SqliteSafeguardDbContext(DbContextOptions<SqliteSafeguardDbContext> options, ICurrentArea currentArea)
    : SafeguardDbContext(options, currentArea);

public sealed class PostgreSqlSafeguardDbContext(DbContextOptions<PostgreSqlSafeguardDbContext> options, ICurrentArea currentArea)
    : SafeguardDbContext(options, currentArea);
