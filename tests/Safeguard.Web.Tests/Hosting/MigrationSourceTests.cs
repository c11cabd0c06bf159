using System.Text.RegularExpressions;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Hosting;

/// <summary>
/// A landed migration always does the same thing: its SQL is frozen inside it as text, and it calls none of the
/// service's own code (which may change later), only EF Core's migration builder.
/// </summary>
public sealed partial class MigrationSourceTests
{
    public static TheoryData<string> Migrations() => [.. MigrationFiles()];

    private static List<string> MigrationFiles()
    {
        var folder = Path.Combine(Repository.Root, "src", "Safeguard.Data", "Migrations");
        return [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal) && !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void Migration_CallsNoLiveCodeOfTheService(string migration)
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "src", "Safeguard.Data", "Migrations", migration));

        var usings = UsingDirective().Matches(source).Select(m => m.Groups[1].Value).ToList();
        Assert.All(usings, u => Assert.True(u.StartsWith("System", StringComparison.Ordinal) || u.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || u.StartsWith("Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal),
            $"{migration} uses {u}: a migration must not depend on code that can change after it lands"));
        Assert.DoesNotMatch(ServiceCode(), source);
    }

    [Fact]
    public void Migrations_AreFoundForBothProviders()
    {
        var migrations = MigrationFiles();
        Assert.Contains(migrations, m => m.StartsWith("Sqlite", StringComparison.Ordinal));
        Assert.Contains(migrations, m => m.StartsWith("PostgreSql", StringComparison.Ordinal));
    }


    [GeneratedRegex(@"^using\s+([A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    /// <summary>A call into the service's own code: its guards, its domain types, or anything in a Safeguard namespace.</summary>
    [GeneratedRegex(@"\b(DatabaseGuards|Safeguard\.(Data|Domain|Web)(?!\.Migrations))\b")]
    private static partial Regex ServiceCode();
}
