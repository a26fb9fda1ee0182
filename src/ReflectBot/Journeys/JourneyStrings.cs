using ReflectBot.Content;

namespace ReflectBot.Journeys;

/// <summary>What a journey says around its own questions (those are in the journey files), in <c>dialogs/strings/journeys.yaml</c>.</summary>
public static class JourneyStrings
{
    public static readonly StringKey TooManyAttempts = new("journeys.tooManyAttempts");
    public static readonly StringKey SaveRetry = new("journeys.saveRetry");
    public static readonly StringKey SaveTooManyAttempts = new("journeys.saveTooManyAttempts");
    public static readonly StringKey Saved = new("journeys.saved");
    public static readonly StringKey NotSaved = new("journeys.notSaved");
    public static readonly StringKey OfferCard = new("journeys.offerCard");
    public static readonly StringKey Skipped = new("journeys.skipped");
    public static readonly StringKey SteppedBack = new("journeys.steppedBack");
    public static readonly StringKey NothingBefore = new("journeys.nothingBefore");
    public static readonly StringKey CannotStepBack = new("journeys.cannotStepBack");

    /// <summary>{title}, {minutes} and {summary} of the journey offered.</summary>
    public static readonly StringKey OfferJourney = new("journeys.offerJourney", "title", "minutes", "summary");

    public static readonly StringKey ReflectNothing = new("journeys.reflectNothing");

    /// <summary>{first}, {second}, {third}: feeling words the person wrote, in lower case.</summary>
    public static readonly StringKey ReflectOneFeeling = new("journeys.reflectOneFeeling", "first");

    public static readonly StringKey ReflectTwoFeelings = new("journeys.reflectTwoFeelings", "first", "second");
    public static readonly StringKey ReflectThreeFeelings = new("journeys.reflectThreeFeelings", "first", "second", "third");

    /// <summary>{quote}: the person's first sentence (at most 14 words, then "…").</summary>
    public static readonly StringKey ReflectQuote = new("journeys.reflectQuote", "quote");

    /// <summary>Asked for another journey mid-way: {current} the one in progress (lower case), {title} the one asked for.</summary>
    public static readonly StringKey SwitchOffer = new("journeys.switchOffer", "current", "title");

    /// <summary>Not switching after all: {current} the journey in progress (lower case), whose question comes again.</summary>
    public static readonly StringKey SwitchDeclined = new("journeys.switchDeclined", "current");

    /// <summary>A journey the person's clinician paused for them.</summary>
    public static readonly StringKey Paused = new("journeys.paused", "title", "clinician");
}
