using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Errors;

/// <summary>
/// The one place an error becomes what a user sees. For the API: a refused step (a broken rule) is a 422
/// problem with the rule id; a step that lost a race to a one-per-parent rule (the database's unique index refused
/// the second record) is a 409 problem with the rule id; a body with a value that cannot be read (a choice sent as a
/// number or as a name that is not one of its members) is a 400 validation problem naming the field; anything unexpected is a 500 problem with no internals. Pages fall through to
/// the error page (see <see cref="RuleViolationPageFilter"/> for refused steps on pages).
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request path is the error page's; the feature keeps the path that failed.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (!path.StartsWithSegments("/api"))
        {
            return false;
        }

        var result = exception switch
        {
            RuleViolationException violation => Results.ValidationProblem(
                new Dictionary<string, string[]> { [violation.Field ?? string.Empty] = [violation.Message] },
                detail: violation.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The request breaks a rule.",
                extensions: Extensions(violation)),
            RuleConflictException conflict => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Someone else took this step a moment ago.",
                detail: conflict.Rule.Message + " Nothing was saved.",
                extensions: new Dictionary<string, object?> { ["ruleId"] = conflict.RuleId }),
            RecordNotFoundException => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: "There is no such record in your area."),
            AccessRefusedException => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                detail: "You do not have a relationship with this record that allows this."),
            _ when EditConflictException.Is(exception) => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The record has changed since you read it.",
                detail: EditConflictException.Explanation),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 0 } jsonPath } } => Results.ValidationProblem(
                new Dictionary<string, string[]> { [FieldOf(jsonPath)] = [UnreadableValue] },
                detail: UnreadableValue + " Nothing was saved.",
                title: "The request could not be read."),
            BadHttpRequestException bad => Results.Problem(
                statusCode: bad.StatusCode,
                title: "The request could not be read.",
                detail: "Check the request body is valid JSON of the documented shape. Nothing was saved."),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, path);
            result = Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Something went wrong on our side.",
                detail: "Nothing was saved. Try again, and tell the service desk if it keeps happening.");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The rule id and, when the refusal names records (what is still open), each with its page and API address.</summary>
    private static Dictionary<string, object?> Extensions(RuleViolationException violation)
    {
        var extensions = new Dictionary<string, object?> { ["ruleId"] = violation.RuleId };
        if (violation.Related.Count > 0)
        {
            extensions["related"] = violation.Related.Select(r => new RelatedRecordView(r.Kind, r.Id, r.Description,
                Records.RecordRoutes.PageFor(r.Kind, r.Id, null, null), Records.RecordRoutes.ApiFor(r.Kind, r.Id, null, null))).ToList();
        }

        return extensions;
    }

    private const string UnreadableValue =
        "This value could not be read as the field's documented type. Choices are sent as one of their documented names (for example \"Urgent\"), never as numbers.";

    /// <summary>The field a JSON path points at, as the API names it: "$.child.sex" is "child.sex", "$.harmTypes[2]" is "harmTypes[2]".</summary>
    internal static string FieldOf(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
        : jsonPath.StartsWith('$') ? jsonPath[1..]
        : jsonPath;
}

/// <summary>A record a refusal names (what is still open), with its page and API address: the API's <c>related</c> list.</summary>
public sealed record RelatedRecordView(string Kind, Guid Id, string Description, string? Page, string? Api);

/// <summary>A page whose form names differ from the domain's field names says how they map.</summary>
public interface IMapsRuleFields
{
    string FormKeyFor(string domainField);
}

/// <summary>
/// On pages, a refused step shows the GOV.UK error summary on the same page with the rule's message, and
/// nothing is saved (the step threw before the save).
/// </summary>
public sealed class RuleViolationPageFilter : IAsyncPageFilter
{
    /// <summary>Where the error summary finds the records a refusal names, each as (description, page).</summary>
    public const string RelatedRecordsKey = "RelatedRecords";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is RuleViolationException violation && context.HandlerInstance is PageModel page)
        {
            var key = violation.Field is null ? string.Empty
                : context.HandlerInstance is IMapsRuleFields map ? map.FormKeyFor(violation.Field) : "Input." + violation.Field;
            page.ModelState.AddModelError(key, violation.Message);
            if (violation.Related.Count > 0)
            {
                // The error summary links to each record the refusal names (RelatedRecordsKey).
                page.ViewData[RelatedRecordsKey] = violation.Related
                    .Select(r => (r.Description, Records.RecordRoutes.PageFor(r.Kind, r.Id, null, null) ?? "#main-content")).ToList();
            }

            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
        else if (executed.Exception is RuleConflictException lostRace && context.HandlerInstance is PageModel raced)
        {
            raced.ModelState.AddModelError(string.Empty, lostRace.Rule.Message);
            executed.ExceptionHandled = true;
            executed.Result = raced.Page();
        }
        else if (executed.Exception is RecordNotFoundException)
        {
            executed.ExceptionHandled = true;
            executed.Result = new NotFoundResult();
        }
        else if (executed.Exception is AccessRefusedException)
        {
            executed.ExceptionHandled = true;
            executed.Result = new ForbidResult();
        }
        else if (executed.Exception is { } conflict && EditConflictException.Is(conflict) && context.HandlerInstance is PageModel changed)
        {
            changed.ModelState.AddModelError(string.Empty, EditConflictException.Explanation);
            executed.ExceptionHandled = true;
            executed.Result = changed.Page();
        }
    }
}
