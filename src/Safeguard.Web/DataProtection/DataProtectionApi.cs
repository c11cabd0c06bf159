using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.DataProtection;

/// <summary>/api/v1/data-protection: the data protection officer's requests, as the pages show them.</summary>
public static class DataProtectionApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/data-protection/requests").RequireAuthorization(Policies.DataProtection).WithTags("Data protection");

        group.MapGet("/", async Task<Ok<List<RequestView>>> (bool? open, DataProtectionSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.ListAsync(open ?? false, cancellationToken)))
            .WithName("ListDataProtectionRequests").WithDescription("Requests with their due dates, open ones first by due date; overdue ones are flagged.");

        group.MapPost("/", async Task<Created<RequestView>> (NewRequestInput input, ClaimsPrincipal user, DataProtectionSteps steps,
            CancellationToken cancellationToken) =>
        {
            var request = await steps.ReceiveAsync(user, input, cancellationToken);
            return TypedResults.Created($"/api/v1/data-protection/requests/{request.Id}", request);
        }).WithName("RecordDataProtectionRequest")
            .WithDescription("Records a subject access, rectification or erasure request about a child's record; it is due one calendar month after receipt.");

        group.MapGet("/{id:guid}", async Task<Ok<RequestView>> (Guid id, DataProtectionSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.GetAsync(id, cancellationToken))).WithName("GetDataProtectionRequest");

        group.MapPost("/{id:guid}/extension", async Task<Ok<RequestView>> (Guid id, ExtensionInput input, DataProtectionSteps steps,
            CancellationToken cancellationToken) => TypedResults.Ok(await steps.ExtendAsync(id, input.Reason, cancellationToken)))
            .WithName("ExtendDataProtectionRequest").WithDescription("Extends the time to answer by two months, once, with the reason the requester is given.");

        group.MapPost("/{id:guid}/identity-check", async Task<Ok<RequestView>> (Guid id, IdentityCheckInput input, ClaimsPrincipal user,
            DataProtectionSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.RecordIdentityCheckAsync(user, id, input, cancellationToken)))
            .WithName("RecordRequesterIdentityCheck")
            .WithDescription("Subject access: how the requester's identity was checked, and when (checkedOn, today if not given); the officer recording it is who checked it. No export is produced before it (SG-DPR-20).");

        group.MapGet("/{id:guid}/export", async Task<Ok<SubjectAccessExport>> (Guid id, DataProtectionSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.ExportAsync(id, cancellationToken)))
            .WithName("ExportSubjectAccess").WithDescription("What is held about the child, third parties redacted for review. Every export is audited.");

        group.MapPost("/{id:guid}/review", async Task<Ok<RequestView>> (Guid id, ReviewedInput input, DataProtectionSteps steps,
            CancellationToken cancellationToken) => TypedResults.Ok(await steps.MarkReviewedAsync(id, input.ReviewedOn, cancellationToken)))
            .WithName("MarkSubjectAccessExportReviewed");

        group.MapPost("/{id:guid}/decision", async Task<Ok<RequestView>> (Guid id, DecisionInput input, ClaimsPrincipal user, DataProtectionSteps steps,
            CancellationToken cancellationToken) => TypedResults.Ok(await steps.DecideAsync(user, id, input, cancellationToken)))
            .WithName("DecideDataProtectionRequest")
            .WithDescription("Answers a request: Released (subject access, after review), or an erasure or rectification outcome with reasons.");
    }
}
