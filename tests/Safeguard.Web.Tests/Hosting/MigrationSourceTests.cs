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


    /// <summary>
    /// SQL that migrations share lives in Migrations/FrozenSql as constants and nothing else: text, never code that could
    /// compute something different after the migration that runs it has landed.
    /// </summary>
    [Fact]
    public void FrozenSql_IsConstantTextOnly()
    {
        var folder = Path.Combine(Repository.Root, "src", "Safeguard.Data", "Migrations", "FrozenSql");
        var files = Directory.EnumerateFiles(folder, "*.cs").ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var source = File.ReadAllText(file);
            Assert.DoesNotMatch(UsingDirective(), source);
            Assert.DoesNotContain("$\"", source, StringComparison.Ordinal);
            Assert.DoesNotContain("=>", source, StringComparison.Ordinal);
            var members = Member().Matches(source).Select(m => m.Value.Trim()).ToList();
            Assert.NotEmpty(members);
            Assert.All(members, m => Assert.StartsWith("public const string ", m, StringComparison.Ordinal));
        });
    }

    /// <summary>A member declaration in a FrozenSql file (a line indented once, starting with a modifier).</summary>
    [GeneratedRegex(@"^    (public|internal|private|protected|static)\b[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Member();

    [GeneratedRegex(@"^using\s+([A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    /// <summary>A call into the service's own code: its guards, its domain types, or anything in a Safeguard namespace.</summary>
    [GeneratedRegex(@"\b(DatabaseGuards|Safeguard\.(Data|Domain|Web)(?!\.Migrations))\b")]
    private static partial Regex ServiceCode();
}
