using ReflectBot.Cards;
using ReflectBot.Clinic;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Kernel;
using ReflectBot.Privacy;
using ReflectBot.Reminders;
using ReflectBot.Safety;

namespace ReflectBot.Hosting;

/// <summary>
/// Routing, step 4 of the turn (<see cref="TurnPipeline"/>): the one table of what a message can be, tried top to
/// bottom until a row takes it, and each dialog's interruption policy. The tests and <c>validate</c> read this same
/// table to check that no journey's or measure's command (content) is a phrase the code already takes.
/// </summary>
public static class TurnRoutes
{
    public static RouteTable Table { get; } = new(
    [
        // What the bot just asked, before any word: "no" right after "Are you safe right now?".
        TurnRoute.Answer<SafetyCheckCommand>("safety check", "\"yes\" / \"no\" right after \"Are you safe right now?\""),

        // While a journey waits for a written answer, one word is that answer ("home", "journal", "fears"), unless it is one
        // of the words below a journey promises: help, stop, cancel, menu, back.
        TurnRoute.Answer<JourneyWordAnswerCommand>("journey answer", "one word while a journey waits for a written answer, other than help · stop · cancel · menu · back"),

        // Words that work at any moment, also in the middle of a journey.
        TurnRoute.Word<HelpCommand>("help", "help · what can I say · ?", text => GlobalCommands.Is(GlobalCommand.Help, text)),
        TurnRoute.Word<CancelCommand>("cancel", "cancel · stop · quit · enough", text => GlobalCommands.Is(GlobalCommand.Cancel, text)),
        TurnRoute.Word<MenuCommand>("menu", "menu · options · home", text => GlobalCommands.Is(GlobalCommand.Menu, text)),
        TurnRoute.Word<BackCommand>("back", "back · continue · where was I (while something is open)", text => GlobalCommands.Is(GlobalCommand.Back, text)),
        TurnRoute.Word<AreYouABotCommand>("are you a bot", "are you a bot / a person?", text => GlobalCommands.Is(GlobalCommand.AreYouABot, text)),

        // Commands: each interrupts what is in progress unless that dialog's policy below holds it back.
        TurnRoute.Command<PrivacyCommands>("privacy", "privacy · delete my data (and its yes/no) · pause/resume reminders · journal on/off", PrivacyCommands.Claims),
        TurnRoute.Command<RegionCommand>("region", "region UK · region", RegionCommand.Claims),
        TurnRoute.Command<LinesCommand>("lines", "crisis lines · what are the numbers · i need to talk to someone · who can I call", LinesCommand.Claims),
        TurnRoute.Command<SafetyPlanCommand>("safety plan", "safety plan · show my safety plan", SafetyPlanCommand.Claims),
        TurnRoute.Command<JournalCommands>("journal", "my journal · read 2 · delete entry 2 · journal from last week · entries about X · mood · export", JournalCommands.Claims),
        TurnRoute.Command<WeekCommand>("my week", "my week · how was my week · weekly look back", WeekCommand.Claims),
        TurnRoute.Command<TimeZoneCommand>("time zone", "my time zone is New York · what's my time zone · use my device's time zone", TimeZoneCommand.Claims),
        TurnRoute.Command<ReminderCommands>("reminders", "remind me to check in every evening at 8 · my reminders · pause reminders for a week · delete reminder N · send me my week on Sundays · stop sending my week", ReminderCommands.Claims),
        TurnRoute.Command<ClinicianCommands>("clinician", "new client code · revoke code X · assign · assignments · cancel assignment X · clients · open entry N.M · safety notes on/off", ClinicianCommands.Claims),
        TurnRoute.Command<ReflectionCommands>("reflections", "new reflection · save reflection (the form's button) · my reflections · edit reflection N · delete reflection N", ReflectionCommands.Claims),
        TurnRoute.Command<ClientSettingsCommands>("client settings", "settings for NAME · turn off/on JOURNEY or cards for NAME · measures for NAME: PHQ-9, GAD-7 / all / none · my settings", ClientSettingsCommands.Claims),
        TurnRoute.Command<MeasureHistoryCommand>("measure history", "phq-9 history for NAME · gad-7 answers for NAME", MeasureHistoryCommand.Claims),
        TurnRoute.Command<SessionCommands>("sessions", "summary for NAME · export summary for NAME · next session for NAME on DATE · reply to entry N.M: TEXT · bring this to my session[: TEXT]", SessionCommands.Claims),
        TurnRoute.Command<ClientCommands>("client", "connect CODE · my clinician · change sharing · disconnect · (un)share entry N · my assignments · start assignment X · a measure's command (phq-9)", ClientCommands.Claims),
        TurnRoute.Command<SwitchJourneyCommand>("switch journey", "can I do the attachment one instead · let's do a thought record (a journey in progress): offers to stop it and start that one", SwitchJourneyCommand.Claims),
        TurnRoute.ContentCommand<StartJourneyCommand>("journey", "a journey's commands or title (dialogs/journeys/*.yaml: check in, fears, …)"),
        TurnRoute.Command<CardCommand>("cards", "learn · cards · tell me about X", CardCommand.Claims),

        // Anything else answers the dialog in progress; with nothing in progress, a greeting or the fallback.
        TurnRoute.Dialog<ContinueDialogCommand>("dialog", "the answer to the question in progress"),
        TurnRoute.Idle<GreetingCommand>("greeting", "hi · hello · start (nothing in progress)", text => GlobalCommands.Is(GlobalCommand.Greeting, text)),
        TurnRoute.Fallback<StayCloseCommand>("stay close", "anything else within an hour of a crisis reply: the way to help again and gentle ways on, once; while the journey of that reply is held (until \"back\"), each time, saying so"),
        TurnRoute.Fallback<NotUnderstoodCommand>("not understood", "anything else: \"I'm not sure what you mean\" and the menu"),
    ],
    [
        // While a clinician fills in an assignment, its answers are the form's: "Daily check-in" picks that
        // journey, it does not start it. Privacy, region, safety plan, journal and the clinician's own commands
        // still interrupt it.
        new InterruptionPolicy(AssignDialog.DialogId, LastRoute: "clinician"),

        // While a clinician writes their own reflection in the terminal, a question worded like a journey's or a
        // card's command ("check in", "learn") is a question for the client; it does not start that journey.
        new InterruptionPolicy(ReflectionWritingDialog.DialogId, LastRoute: "reflections"),
    ]);
}
