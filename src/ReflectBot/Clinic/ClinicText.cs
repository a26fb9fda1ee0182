namespace ReflectBot.Clinic;

/// <summary>The clinic's words to clients and clinicians.</summary>
public static class ClinicText
{
    public const string OnlyClinicians = "That's something only clinicians set up by your organisation can do here.";

    public static string WhatIsShared(string clinician) =>
        $"{clinician} is a clinician using ReflectBot. If you connect, nothing is shared unless you say yes to it below, one thing at a time:\n" +
        $"1. Completion: whether you did or missed the reflections {clinician} assigns, and the date of your last check-in.\n" +
        "2. Mood: your mood scores (as a chart over the last weeks), your check-in scores (PHQ-9, GAD-7), and how many times safety support was shown to you (a count only, never what you wrote).\n" +
        "3. Shared entries: only the journal entries you mark yourself with \"share entry\". Nothing else in your journal, ever.\n" +
        "You can see and change this any time with \"my clinician\", and \"disconnect\" ends the connection immediately.";

    public static string AskCompletion(string clinician) => $"Share with {clinician} whether you complete the reflections they assign (done or missed, and your last check-in date)?";

    public static string AskMood(string clinician) => $"Share with {clinician} your mood and check-in scores and the count of times safety support was shown?";

    public static string AskShared(string clinician) => $"Let {clinician} read the journal entries you mark with \"share entry\"? (Nothing is shared until you mark an entry.)";

    public static string Describe(ClinicConsent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return $"completion {(consent.Completion ? "shared" : "not shared")}, mood scores {(consent.Mood ? "shared" : "not shared")}, entries you mark {(consent.SharedEntries ? "can be shared" : "not shared")}" +
               (consent.SafetyNotes ? ", a note (time only) after crisis support" : string.Empty);
    }

    public static string CodeProblem(CodeStatus status) => status switch
    {
        CodeStatus.Unknown => "I don't recognise that code. Please check it with your clinician: it's 8 letters and numbers, like K7M2QX4P.",
        CodeStatus.Expired => "That code has expired (codes last 14 days). Please ask your clinician for a new one.",
        CodeStatus.Used => "That code has already been used. Each code works once; please ask your clinician for a new one.",
        CodeStatus.Revoked => "That code was cancelled by the clinician who made it. Please ask them for a new one.",
        CodeStatus.OwnCode => "That's a code you made yourself; it's for a client to use.",
        CodeStatus.AlreadyLinked => "You're already connected with that clinician. Type \"my clinician\" to see or change what you share.",
        CodeStatus.TooManyTries => "That's too many codes that didn't work in a short time. Please wait 15 minutes and try again, and check the code with your clinician.",
        _ => "That code can't be used.",
    };
}
