using Microsoft.EntityFrameworkCore;

namespace Safeguard.Data;

/// <summary>
/// Someone else saved the record since the user opened it: their change is not overwritten; the user is told to
/// reload and look again. Pages show it in the error summary; the API answers 409.
/// </summary>
public sealed class EditConflictException() : Exception(Explanation)
{
    public const string Explanation =
        "Someone else changed this record after you opened it. Your changes have not been saved: reload the page to see their changes, then make yours again.";

    /// <summary>
    /// The user saw <paramref name="seenVersion"/>; if the record has moved on, refuse. The version seen is also what
    /// the database checks on save, so a change that races in between is refused too.
    /// </summary>
    public static void Check<T>(SafeguardDbContext db, T entity, Guid? seenVersion, Guid currentVersion, string versionProperty = "Version")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (seenVersion is not { } seen)
        {
            return;
        }

        if (seen != currentVersion)
        {
            throw new EditConflictException();
        }

        db.Entry(entity).Property(versionProperty).OriginalValue = seen;
    }

    public static bool Is(Exception exception) => exception is EditConflictException or DbUpdateConcurrencyException;
}
