using System.Text.Encodings.Web;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Kernel;
using ReflectBot.Content;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// What the page at / asks its own host: <c>POST /webchat/session</c> (a Direct Line token for the person the
/// identity cookie names, a new "dl_" user when there is none), and the clinician sign-in links
/// (<c>GET /webchat/signin/{code}</c> asks, <c>POST /webchat/signin</c> signs the browser in, once per link).
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/webchat/session", SessionAsync).RequireRateLimiting(DirectLineEndpoints.TokenPolicy);
        app.MapGet("/webchat/signin/{code}", SignInPage);
        app.MapPost("/webchat/signin", SignInAsync).RequireRateLimiting(DirectLineEndpoints.TokenPolicy);
        return app;
    }

    private static async Task<IResult> SessionAsync(
        HttpContext http,
        WebChatIdentity identity,
        IOptions<WebChatOptions> webChat,
        IOptions<DirectLineOptions> directLine,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        DirectLineRevocations revocations,
        DirectLineTokenExchange exchange,
        ILogger<DirectLineConversations> logger)
    {
        var who = identity.ReadCookie(http.Request.Cookies[WebChatIdentity.CookieName]);
        var userId = who?.UserId ?? DirectLineConversations.NewUserId();

        // A client's cookie slides with each visit; a clinician's sign-in ends when it ends.
        if (who is not { Clinician: true })
        {
            SetCookie(http, identity.Cookie(userId, clinician: false));
        }

        if (webChat.Value.UsesAzureDirectLine)
        {
            var grant = await exchange.GenerateAsync(userId, http.RequestAborted).ConfigureAwait(false);
            if (grant is null)
            {
                DirectLineLog.ExchangeFailed(logger);
                return DirectLineJson.Error(StatusCodes.Status502BadGateway, "ServiceError", "Direct Line did not give a token just now.");
            }

            return Session(new Uri(webChat.Value.DirectLineEndpoint, "v3/directline").AbsoluteUri, grant.Token, grant.ConversationId, grant.ExpiresIn, webSocket: true, resumed: false);
        }

        if (!directLine.Value.IsEnabled)
        {
            return Results.NotFound();
        }

        // The page's stored conversation, when its token is still good and is this very person's.
        var api = $"{http.Request.Scheme}://{http.Request.Host}/v3/directline";
        if (!string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            var (refusal, stored, _) = await DirectLineEndpoints.AuthorizeAsync(http, tokens, conversations, revocations, null, logger, checkStore: true).ConfigureAwait(false);
            if (refusal is null && stored!.UserId == userId && tokens.Issue(stored.Id, userId, stored.SessionStart) is { } refreshed)
            {
                return Session(api, refreshed, stored.Id, tokens.SecondsLeft(stored.SessionStart), webSocket: false, resumed: true);
            }
        }

        var conversation = conversations.Create(userId);
        var token = tokens.Issue(conversation.Id, userId, conversation.SessionStart)!;
        return Session(api, token, conversation.Id, tokens.SecondsLeft(conversation.SessionStart), webSocket: false, resumed: false);
    }

    private static IResult SignInPage(string code, WebChatIdentity identity, IClinicianDirectory clinicians, IOptions<WebChatOptions> webChat, StringCatalog strings)
    {
        // A page with a button, not a sign-in on GET: link previews in chat apps fetch links, and would use it up.
        if (identity.ReadSignInCode(code) is not { } signIn || !clinicians.IsClinicianKey(UserKeys.From(webChat.Value.ChannelId, signIn.UserId)))
        {
            return Page(StatusCodes.Status400BadRequest, strings[WebChatStrings.SignInInvalid], null);
        }

        var name = ("name", (object?)signIn.UserId);
        var button = HtmlEncoder.Default.Encode(strings.Text(WebChatStrings.SignInButton, name));
        var form = $"<form method=\"post\" action=\"/webchat/signin\"><input type=\"hidden\" name=\"code\" value=\"{HtmlEncoder.Default.Encode(code)}\"><button type=\"submit\">{button}</button></form>";
        return Page(StatusCodes.Status200OK, strings.Text(WebChatStrings.SignInQuestion, name), form);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, WebChatIdentity identity, WebChatSignIns signIns, IClinicianDirectory clinicians, IOptions<WebChatOptions> webChat, StringCatalog strings, ILogger<DirectLineConversations> logger)
    {
        if (!http.Request.HasFormContentType)
        {
            return Page(StatusCodes.Status400BadRequest, strings[WebChatStrings.SignInInvalid], null);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (identity.ReadSignInCode(form["code"]) is not { } signIn
            || !clinicians.IsClinicianKey(UserKeys.From(webChat.Value.ChannelId, signIn.UserId))
            || !await signIns.TryUseAsync(signIn.CodeId, http.RequestAborted).ConfigureAwait(false))
        {
            DirectLineLog.Refused(logger, "sign-in", "link forged, expired, used or no longer a clinician's");
            return Page(StatusCodes.Status400BadRequest, strings[WebChatStrings.SignInInvalid], null);
        }

        SetCookie(http, identity.Cookie(signIn.UserId, clinician: true));
        DirectLineLog.ClinicianSignedIn(logger);
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static IResult Session(string domain, string token, string conversationId, int expiresIn, bool webSocket, bool resumed)
        => Results.Json(new { domain, token, conversationId, expires_in = expiresIn, webSocket, resumed });

    private static void SetCookie(HttpContext http, (string Value, DateTimeOffset Expires) cookie)
        => http.Response.Cookies.Append(WebChatIdentity.CookieName, cookie.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = cookie.Expires,
            IsEssential = true,
        });

    /// <summary>A page of one sentence (HTML-encoded here, content and names alike) and, optionally, its form.</summary>
    private static IResult Page(int status, string message, string? form)
        => Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ReflectBot</title><link rel=\"stylesheet\" href=\"/chat.css\"></head><body><main class=\"signin\"><p>{HtmlEncoder.Default.Encode(message)}</p>{form}</main></body></html>",
            "text/html; charset=utf-8",
            statusCode: status);
}
