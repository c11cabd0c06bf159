using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Invariants;

/// <summary>
/// Makes a race certain instead of likely: once armed, a save that adds or changes the record under test waits until
/// every racing request has reached its save (or a few seconds pass), so all of them have passed the step's own check
/// before any of them writes. What happens next is up to the database.
/// </summary>
public sealed class SaveBarrier : SaveChangesInterceptor
{
    private sealed class Round(Func<EntityEntry, bool> matches, int parties)
    {
        public Func<EntityEntry, bool> Matches { get; } = matches;

        public int Parties { get; } = parties;

        public int Arrived;

        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private Round? _round;

    /// <summary>The next <paramref name="parties"/> saves with an entry that <paramref name="matches"/> wait for each other.</summary>
    public void Arm(Func<EntityEntry, bool> matches, int parties) => Volatile.Write(ref _round, new Round(matches, parties));

    public void Disarm() => Volatile.Write(ref _round, null);

    /// <summary>How many saves reached the barrier in the current round.</summary>
    public int Arrived => Volatile.Read(ref _round)?.Arrived ?? 0;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var round = Volatile.Read(ref _round);
        if (round is not null && eventData.Context is { } context
            && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified && round.Matches(e)))
        {
            if (Interlocked.Increment(ref round.Arrived) >= round.Parties)
            {
                round.All.TrySetResult();
            }

            await Task.WhenAny(round.All.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        }

        return result;
    }

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteSafeguardDbContext>((_, o) => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgreSqlSafeguardDbContext>((_, o) => o.AddInterceptors(this));
    }
}

/// <summary>A factory whose saves can be made to race.</summary>
public interface IRaceFactory
{
    SaveBarrier Barrier { get; }
}

public sealed class RaceSqliteFactory : SqliteFactory, IRaceFactory
{
    public RaceSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public SaveBarrier Barrier { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(Barrier.AddTo);
    }
}

public sealed class RacePostgreSqlFactory : PostgreSqlFactory, IRaceFactory
{
    public RacePostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public SaveBarrier Barrier { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(Barrier.AddTo);
    }
}
