using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Safeguard.Web.Account;

namespace Safeguard.Web.Forms;

/// <summary>
/// Carries a multi-page form's answers from page to page in one hidden field, so nothing is kept on the server until
/// the form is sent. The field is encrypted and signed with the service's Data Protection keys for one form and one
/// practitioner: it cannot be read or altered in the browser, and another account cannot use it.
/// </summary>
public sealed class ProtectedFormState(IDataProtectionProvider provider)
{
    public string Protect<T>(string form, ClaimsPrincipal user, T state) =>
        Protector(form, user).Protect(JsonSerializer.Serialize(state));

    /// <summary>False when the field is missing, altered, made for another form or account, or its key is gone.</summary>
    public bool TryUnprotect<T>(string form, ClaimsPrincipal user, string? text, [NotNullWhen(true)] out T? state)
        where T : class
    {
        state = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            state = JsonSerializer.Deserialize<T>(Protector(form, user).Unprotect(text));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return false;
        }

        return state is not null;
    }

    private IDataProtector Protector(string form, ClaimsPrincipal user) =>
        provider.CreateProtector("Safeguard.Forms", form, user.PractitionerId()?.ToString() ?? "anonymous");
}
