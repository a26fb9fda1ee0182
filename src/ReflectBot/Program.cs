using ReflectBot.Channels.DirectLine;
using ReflectBot.Hosting;

// Commands: (none) runs the web host; "chat [--name NAME]" talks to the bot in the terminal; "validate [folder]" checks content;
// "teams-package [out.zip]" builds the Teams app package; "rotate-keys" re-seals every record with the current key;
// "upgrade-data" moves records kept under user keys of earlier builds to this version's keys (once, after deploying);
// "clinician-link NAME" prints a one-time web chat sign-in link for a configured clinician.
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var hostArgs = command is null ? args : args[1..];

if (command == "evaluate-safety")
{
    return await ReflectBot.Hosting.SafetyEvaluationCommand.RunAsync(hostArgs, Console.Out, Console.Error);
}

if (command == "evaluate-cards")
{
    return ReflectBot.Hosting.CardEvaluationCommand.Run(hostArgs, Console.Out, Console.Error);
}

if (command == "train-safety")
{
    return await ReflectBot.Safety.Model.TrainSafetyCommand.RunAsync(hostArgs, Console.Out, Console.Error);
}

if (command == "validate")
{
    return ContentValidation.Run(hostArgs.FirstOrDefault(a => !a.StartsWith('-')), Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(hostArgs);

// A secret App Service could not fetch from Key Vault arrives as its reference's text: never take it for the value.
if (UnresolvedSecrets.Refusal(builder.Configuration) is { } unresolved)
{
    await Console.Error.WriteLineAsync(unresolved);
    return 4;
}

if (command == "teams-package")
{
    return ReflectBot.Channels.Teams.TeamsAppPackage.Run(builder.Configuration, hostArgs.FirstOrDefault(a => !a.StartsWith('-')), Console.Out, Console.Error);
}

builder.Services.AddReflectBot(builder.Configuration);

if (command == "chat")
{
    // Keep the terminal for the conversation: logs go to stderr and only warnings and worse.
    builder.Logging.ForCommand();
    using var chatHost = builder.Build();
    var name = Array.IndexOf(hostArgs, "--name") is var at and >= 0 && at + 1 < hostArgs.Length ? hostArgs[at + 1] : null;
    return await ConsoleChat.RunAsync(chatHost.Services, Console.In, Console.Out, displayName: name);
}

if (command == "rotate-keys")
{
    builder.Logging.ForCommand();
    using var rotationHost = builder.Build();
    return await KeyRotation.RunAsync(rotationHost.Services, Console.Out, Console.Error);
}

if (command == "upgrade-data")
{
    builder.Logging.ForCommand();
    using var upgradeHost = builder.Build();
    return await ReflectBot.Upgrade.DataUpgrade.RunAsync(upgradeHost.Services, Console.Out, Console.Error);
}

if (command == "clinician-link")
{
    builder.Logging.ForCommand();
    using var linkHost = builder.Build();
    return ClinicianLink.Run(linkHost.Services, builder.Configuration, hostArgs.FirstOrDefault(a => !a.StartsWith('-')), Console.Out, Console.Error);
}

if (command is not null)
{
    await Console.Error.WriteLineAsync($"Unknown command '{command}'. Use no command to run the bot, 'chat' to talk to it here, 'validate [folder]', 'evaluate-cards [folder]', 'teams-package [out.zip]', 'rotate-keys', 'upgrade-data', or 'clinician-link NAME'.");
    return 2;
}

var app = builder.Build();

// No app id means nobody is authenticated: never on the network unless a developer says so (README).
if (AnonymousExposure.Refusal(app.Configuration) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 3;
}

app.CheckBotCredentials();
app.UseTrustedForwardedHeaders();
app.UseAdminGate();
app.UseSecurityHeaders();
app.UseWebChat();
app.MapReflectBot();
app.LogStartup();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
