using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Web.Account;

/// <summary>
/// Optional sign-in with an organisation's identity provider (OpenID Connect), switched on by configuration:
/// <c>Authentication:OpenIdConnect:Authority</c>, <c>:ClientId</c> and <c>:ClientSecret</c>. The provider vouches
/// for the email address; the account with that email must already exist, so the provider never creates access.
/// </summary>
public static class ExternalSignIn
{
    public const string Scheme = "oidc";

    public static void AddIfConfigured(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? "Your organisation", o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = "/account/external/callback";
            o.Scope.Add("email");
            o.GetClaimsFromUserInfoEndpoint = true;
        });
    }
}
