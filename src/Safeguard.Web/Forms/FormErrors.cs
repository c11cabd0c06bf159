using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using System.Text.Encodings.Web;

namespace Safeguard.Web.Forms;

/// <summary>The GOV.UK error pattern for one field: the group's error class and the message above the input.</summary>
public static class FormErrors
{
    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string GroupClass(this ModelStateDictionary state, string key) =>
        state.ErrorFor(key) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    /// <summary>The input's error modifier (like "govuk-input--error") when the field has an error; empty otherwise.</summary>
    public static string ErrorClass(this ModelStateDictionary state, string key, string modifier) =>
        state.ErrorFor(key) is null ? string.Empty : modifier;

    /// <summary>The error message paragraph, with the id the field's aria-describedby points at; empty when the field is fine.</summary>
    public static IHtmlContent ErrorMessage(this ModelStateDictionary state, string key)
    {
        var message = state.ErrorFor(key);
        return message is null
            ? HtmlString.Empty
            : new HtmlString($"<p id=\"{Id(key)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(message)}</p>");
    }

    public static string? DescribedBy(this ModelStateDictionary state, string key, string? hintId = null)
    {
        var ids = new[] { hintId, state.ErrorFor(key) is null ? null : Id(key) + "-error" }.Where(i => i is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    public static string Id(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
