namespace Safeguard.Web.Tests.Support;

/// <summary>The repository the tests were built from, for tests about its own files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Safeguard.slnx) above " + AppContext.BaseDirectory);
    }
}
