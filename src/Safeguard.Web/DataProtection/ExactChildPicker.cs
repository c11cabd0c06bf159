using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Queries;
using Safeguard.Web.Access;
using Safeguard.Web.Forms;

namespace Safeguard.Web.DataProtection;

/// <summary>A child's record found by the data protection officer: its name and date of birth, to confirm it is the right one.</summary>
public sealed record PickedChild(Guid Id, string Name, DateOnly? DateOfBirth);

/// <summary>
/// How the data protection officer chooses a child's record (for a request, or to see who looked at it): by the exact name
/// and date of birth, never by part of a name, so the officer's pages cannot list children. Each search is in the audit
/// trail with what was searched for.
/// </summary>
public static class ExactChildPicker
{
    /// <summary>The records found, or null when nothing was asked yet or the answers are not complete (the errors are in <paramref name="state"/>).</summary>
    public static async Task<List<PickedChild>?> FindAsync(SafeguardDbContext db, AuditLog audit, ModelStateDictionary state, string? givenName,
        string? familyName, DateField dateOfBirth, string basis, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(givenName) && string.IsNullOrWhiteSpace(familyName) && dateOfBirth.IsEmpty)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(givenName))
        {
            state.AddModelError("GivenName", "Enter the child's first name, exactly as on the record.");
        }
        else if (givenName.Trim().Length > 100)
        {
            state.AddModelError("GivenName", "The first name must be 100 characters or fewer.");
        }

        if (string.IsNullOrWhiteSpace(familyName))
        {
            state.AddModelError("FamilyName", "Enter the child's last name, exactly as on the record.");
        }
        else if (familyName.Trim().Length > 100)
        {
            state.AddModelError("FamilyName", "The last name must be 100 characters or fewer.");
        }

        var born = dateOfBirth.IsEmpty ? null : dateOfBirth.Read(state, "DateOfBirth", "The date of birth");
        if (dateOfBirth.IsEmpty)
        {
            state.AddModelError("DateOfBirth", "Enter the child's date of birth.");
        }

        if (!state.IsValid || born is null)
        {
            return null;
        }

        var found = await db.Children.AsNoTracking().ExactlyNamed(givenName!, familyName!, born.Value).Take(BreakGlassSteps.MaxResults)
            .Select(c => new PickedChild(c.Id, c.GivenName + " " + c.FamilyName, c.DateOfBirth)).ToListAsync(cancellationToken);
        await audit.SearchedAsync(BreakGlassSteps.Terms(givenName, familyName, born), [.. found.Select(f => f.Id)], basis, cancellationToken, termsNamePeople: true);
        return found;
    }
}
