using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Web.Forms;

/// <summary>
/// A date as the GOV.UK date input asks for it: day, month and year in three boxes, bound as they were typed so a
/// mistake is shown back as it was entered.
/// </summary>
public sealed class DateField
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateField Of(DateOnly? date) => date is { } d
        ? new DateField { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateField();

    /// <summary>The date, or null when empty; a date that is not real adds "<paramref name="what"/> must be a real date" under <paramref name="key"/>.</summary>
    public DateOnly? Read(ModelStateDictionary state, string key, string what)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (IsEmpty)
        {
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        state.AddModelError(key, $"{what} must be a real date");
        return null;
    }
}

/// <summary>
/// GOV.UK Design System form fields with the error pattern built in: the group's error class, the error message above
/// the input, aria-describedby linking hint and error. Every value is HTML-encoded.
/// </summary>
public static class Fields
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static IHtmlContent TextArea(this ModelStateDictionary state, string key, string label, string? value, string? hint = null, int rows = 4,
        bool pageHeading = false)
    {
        var id = FormErrors.Id(key);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{state.GroupClass(key)}\">");
        html.Append(Label(id, label, pageHeading));
        html.Append(Hint(id, hint));
        html.Append(state.ErrorMessage(key).ToHtml());
        html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"govuk-textarea{(state.ErrorFor(key) is null ? string.Empty : " govuk-textarea--error")}\" id=\"{id}\" name=\"{key}\" rows=\"{rows}\"{Described(state, key, hint is null ? null : id + "-hint")}>{E(value)}</textarea>");
        html.Append("</div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Text(this ModelStateDictionary state, string key, string label, string? value, string? hint = null, string width = "",
        string inputMode = "")
    {
        var id = FormErrors.Id(key);
        var widthClass = width.Length == 0 ? string.Empty : $" govuk-input--width-{width}";
        var mode = inputMode.Length == 0 ? string.Empty : $" inputmode=\"{inputMode}\"";
        return new HtmlString($"<div class=\"{state.GroupClass(key)}\">{Label(id, label, false)}{Hint(id, hint)}{state.ErrorMessage(key).ToHtml()}"
            + $"<input class=\"govuk-input{widthClass}{(state.ErrorFor(key) is null ? string.Empty : " govuk-input--error")}\" id=\"{id}\" name=\"{key}\" type=\"text\"{mode} value=\"{E(value)}\"{Described(state, key, hint is null ? null : id + "-hint")}></div>");
    }

    public static IHtmlContent Date(this ModelStateDictionary state, string key, string legend, DateField? value, string? hint = null)
    {
        var id = FormErrors.Id(key);
        var error = state.ErrorFor(key) is not null;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{state.GroupClass(key)}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{Described(state, key, hint is null ? null : id + "-hint")}>");
        html.Append(CultureInfo.InvariantCulture, $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        html.Append(Hint(id, hint));
        html.Append(state.ErrorMessage(key).ToHtml());
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-date-input\" id=\"{id}\">");
        foreach (var (part, text, width, v) in new[] { ("Day", "Day", 2, value?.Day), ("Month", "Month", 2, value?.Month), ("Year", "Year", 4, value?.Year) })
        {
            var partId = part == "Day" ? id + "_Day" : $"{id}_{part}";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{partId}\">{text}</label>");
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(error ? " govuk-input--error" : string.Empty)}\" id=\"{partId}\" name=\"{key}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(v)}\"></div></div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>Radios, one per option (value, label, optional hint); the first radio carries the field's id so the error summary can link to it.</summary>
    public static IHtmlContent Radios(this ModelStateDictionary state, string key, string legend, string? selected,
        IEnumerable<(string Value, string Label, string? Hint)> options, string? hint = null, bool inline = false, bool pageHeading = false)
    {
        var id = FormErrors.Id(key);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{state.GroupClass(key)}\"><fieldset class=\"govuk-fieldset\"{Described(state, key, hint is null ? null : id + "-hint")}>");
        html.Append(pageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        html.Append(Hint(id, hint));
        html.Append(state.ErrorMessage(key).ToHtml());
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : string.Empty)}\" data-module=\"govuk-radios\">");
        var first = true;
        foreach (var (value, label, optionHint) in options)
        {
            var optionId = first ? id : $"{id}-{value}";
            first = false;
            var hintId = optionHint is null ? null : optionId + "-item-hint";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{optionId}\" name=\"{key}\" type=\"radio\" value=\"{E(value)}\"{(selected == value ? " checked" : string.Empty)}{(hintId is null ? string.Empty : $" aria-describedby=\"{hintId}\"")}>");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-radios__label\" for=\"{optionId}\">{E(label)}</label>");
            if (hintId is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div id=\"{hintId}\" class=\"govuk-hint govuk-radios__hint\">{E(optionHint)}</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent YesNo(this ModelStateDictionary state, string key, string legend, bool? value, string? hint = null) =>
        state.Radios(key, legend, value switch { true => "true", false => "false", _ => null }, [("true", "Yes", null), ("false", "No", null)], hint, inline: true);

    public static IHtmlContent Checkboxes(this ModelStateDictionary state, string key, string legend, IReadOnlyCollection<string> selected,
        IEnumerable<(string Value, string Label)> options, string? hint = null)
    {
        var id = FormErrors.Id(key);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{state.GroupClass(key)}\"><fieldset class=\"govuk-fieldset\"{Described(state, key, hint is null ? null : id + "-hint")}>");
        html.Append(CultureInfo.InvariantCulture, $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        html.Append(Hint(id, hint));
        html.Append(state.ErrorMessage(key).ToHtml());
        html.Append("<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">");
        var first = true;
        foreach (var (value, label) in options)
        {
            var optionId = first ? id : $"{id}-{value}";
            first = false;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{optionId}\" name=\"{key}\" type=\"checkbox\" value=\"{E(value)}\"{(selected.Contains(value) ? " checked" : string.Empty)}>");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{optionId}\">{E(label)}</label></div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Select(this ModelStateDictionary state, string key, string label, string? selected, IEnumerable<(string Value, string Label)> options,
        string? hint = null)
    {
        var id = FormErrors.Id(key);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{state.GroupClass(key)}\">{Label(id, label, false)}{Hint(id, hint)}{state.ErrorMessage(key).ToHtml()}");
        html.Append(CultureInfo.InvariantCulture, $"<select class=\"govuk-select{(state.ErrorFor(key) is null ? string.Empty : " govuk-select--error")}\" id=\"{id}\" name=\"{key}\"{Described(state, key, hint is null ? null : id + "-hint")}>");
        html.Append("<option value=\"\">Select</option>");
        foreach (var (value, text) in options)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(value)}\"{(selected == value ? " selected" : string.Empty)}>{E(text)}</option>");
        }

        html.Append("</select></div>");
        return new HtmlString(html.ToString());
    }

    private static string Label(string id, string label, bool pageHeading) => pageHeading
        ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{id}\">{E(label)}</label></h1>"
        : $"<label class=\"govuk-label govuk-label--s\" for=\"{id}\">{E(label)}</label>";

    private static string Hint(string id, string? hint) => hint is null ? string.Empty : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>";

    private static string Described(ModelStateDictionary state, string key, string? hintId) =>
        state.DescribedBy(key, hintId) is { } ids ? $" aria-describedby=\"{ids}\"" : string.Empty;

    private static string E(string? text) => text is null ? string.Empty : Encoder.Encode(text);

    private static string ToHtml(this IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
