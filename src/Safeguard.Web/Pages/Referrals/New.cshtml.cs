using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>
/// "Make a referral": one question page at a time, then "Check your answers", then the confirmation with a reference.
/// The answers travel between the pages in one protected hidden field (see <see cref="ProtectedFormState"/>), so
/// nothing is stored until the referrer sends it, and everything they confirmed is saved in one transaction.
/// Every step is a form post, so the form works without JavaScript and Back never loses an answer.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Authorization.Policies.WorksWithChildren)]
public sealed class NewModel(MakeReferral make, ProtectedFormState forms, IAuthorizationService authorization, TimeProvider time)
    : PageModel, IMapsRuleFields
{
    private const string FormName = "referral";

    /// <summary>The answers to the page just posted; after a handler runs, all the answers so far.</summary>
    [BindProperty]
    public ReferralForm Input { get; set; } = new();

    /// <summary>The protected answers, as the previous page sent them.</summary>
    [BindProperty(Name = "state")]
    public string? PostedState { get; set; }

    public ReferralFormState State { get; private set; } = new();

    /// <summary>The question page shown, or null for "Check your answers".</summary>
    public ReferralQuestion? Question => ReferralQuestions.Named(State.Page);

    /// <summary>The page's heading, which is its question or its topic.</summary>
    public string Heading => Question switch
    {
        null => "Check your answers before sending your referral",
        var q when q == ReferralQuestions.Contact && MayRecordForOthers => "Who raised the concern?",
        var q => q.Title,
    };

    /// <summary>How the pages after the first speak of the child: by first name once given.</summary>
    public string ChildName => !string.IsNullOrWhiteSpace(Input.GivenName) ? Input.GivenName.Trim() : Input.IsUnborn ? "the baby" : "the child";

    /// <summary>Children's social care staff can record a concern on behalf of the person who raised it.</summary>
    public bool MayRecordForOthers { get; private set; }

    public string FormKeyFor(string domainField) => Input.FormKey(domainField);

    /// <summary>The answers so far, protected for the next post.</summary>
    public string ProtectedState()
    {
        State.Answers = Input;
        return forms.Protect(FormName, User, State);
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        MayRecordForOthers = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        await next();
    }

    public IActionResult OnGet()
    {
        State = new ReferralFormState { FormId = Guid.NewGuid(), Page = ReferralQuestions.Child.Name };
        Input = new ReferralForm();
        Input.OfferRows();
        return Page();
    }

    /// <summary>Keeps this page's answers and, when they are complete, moves on: to the next page, or back to "Check your answers".</summary>
    public IActionResult OnPostContinue()
    {
        var posted = Input;
        if (!Restore() || Question is not { } question)
        {
            return Page();
        }

        Input.TakeAnswers(question, posted);
        if (!MayRecordForOthers)
        {
            Input.RaisedByOther = false;
        }

        Input.Validate(question, ModelState, EnglandClock.Today(time), time.GetUtcNow(), MayRecordForOthers);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var next = State.ReachedCheck ? null : ReferralQuestions.After(question);
        return next is null ? CheckAnswers() : Show(next);
    }

    /// <summary>The previous page, or "Check your answers" when the referrer came from there. Answers on this page are not kept.</summary>
    public IActionResult OnPostBack()
    {
        if (!Restore())
        {
            return Page();
        }

        if (State.ReachedCheck && Question is not null)
        {
            return CheckAnswers();
        }

        var previous = Question is { } question ? ReferralQuestions.Before(question) : ReferralQuestions.InOrder[^1];
        return previous is null ? RedirectToPage("/Referrals/Index") : Show(previous);
    }

    /// <summary>From "Check your answers": the page of the answer to change, which returns to "Check your answers".</summary>
    public IActionResult OnPostChange(string? page)
    {
        if (!Restore())
        {
            return Page();
        }

        return ReferralQuestions.Named(page) is { } question ? Show(question) : CheckAnswers();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!Restore())
        {
            return Page();
        }

        if (!State.ReachedCheck || FirstUnanswered() is not null)
        {
            return CheckAnswers();
        }

        // The form's own id is the idempotency key: pressing "Send referral" twice, or sending the same answers again
        // from another tab, makes one referral.
        var input = Input.ToReferralInput(MayRecordForOthers);
        try
        {
            var result = await make.HandleAsync(User.AreaId()!.Value, User.PractitionerId()!.Value, input, "page:" + State.FormId,
                MayRecordForOthers, cancellationToken);
            return RedirectToPage("/Referrals/View", new { id = result.Referral.Id, made = true });
        }
        catch (RuleViolationException violation)
        {
            return ShowBrokenRule(violation);
        }
    }

    private PageResult Show(ReferralQuestion question)
    {
        State.Page = question.Name;
        return Page();
    }

    /// <summary>"Check your answers", or the first page whose answers are missing or break a rule, with its errors.</summary>
    private PageResult CheckAnswers()
    {
        State.ReachedCheck = true;
        if (FirstUnanswered() is { } question)
        {
            return Show(question);
        }

        State.Page = ReferralQuestions.CheckAnswers;
        return Page();
    }

    /// <summary>The first page with an answer missing or wrong, its errors in the model state; null when every page is complete.</summary>
    private ReferralQuestion? FirstUnanswered()
    {
        var today = EnglandClock.Today(time);
        foreach (var question in ReferralQuestions.InOrder)
        {
            Input.Validate(question, ModelState, today, time.GetUtcNow(), MayRecordForOthers);
            if (!ModelState.IsValid)
            {
                return question;
            }
        }

        return null;
    }

    /// <summary>A rule found on sending: shown by its question, or on "Check your answers" when it is about the whole referral.</summary>
    private PageResult ShowBrokenRule(RuleViolationException violation)
    {
        var key = Input.FormKey(violation.Field);
        ModelState.AddModelError(key, violation.Message);
        State.Page = ReferralQuestions.Owning(key)?.Name ?? ReferralQuestions.CheckAnswers;
        return Page();
    }

    /// <summary>Reads the answers so far from the protected field; when it cannot be read, the form starts again and says so.</summary>
    private bool Restore()
    {
        if (!forms.TryUnprotect<ReferralFormState>(FormName, User, PostedState, out var state) || ReferralQuestions.Named(state.Page) is null
            && state.Page != ReferralQuestions.CheckAnswers)
        {
            OnGet();
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Your answers could not be read, so the form has started again. Nothing was sent.");
            return false;
        }

        State = state;
        Input = state.Answers;
        Input.OfferRows();
        ModelState.Clear();
        return true;
    }
}

/// <summary>What the protected field carries: the form's id (its idempotency key), where the referrer is, and the answers.</summary>
public sealed class ReferralFormState
{
    public Guid FormId { get; set; }

    public string Page { get; set; } = ReferralQuestions.Child.Name;

    /// <summary>Whether the referrer has seen "Check your answers": a changed answer then returns there.</summary>
    public bool ReachedCheck { get; set; }

    public ReferralForm Answers { get; set; } = new();
}
