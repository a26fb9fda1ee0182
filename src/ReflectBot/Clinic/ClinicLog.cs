using Microsoft.Extensions.Logging;

namespace ReflectBot.Clinic;

/// <summary>
/// Log messages of the clinic. Event ids 5200–5299 (see Kernel/LogEventRanges). Parameters are ids we generate, counts and type
/// names; never a user's words, a note, a name or a code.
/// </summary>
internal static partial class ClinicLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Scheduler round: {Sent} delivered, {Missed} marked missed.")]
    public static partial void Round(ILogger logger, int sent, int missed);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Delivering assignment {AssignmentId} failed with {ExceptionType}; attempt {Attempt}.")]
    public static partial void DeliveryFailed(ILogger logger, string assignmentId, string exceptionType, int attempt);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "A scheduler round failed with {ExceptionType}.")]
    public static partial void RoundFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "A measure's self-harm item ({MeasureId}) was answered above zero; the safety reply was sent.")]
    public static partial void SafetyItemPositive(ILogger logger, string measureId);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Assignment {AssignmentId}: a claim was found unconfirmed after the timeout; sending it a second and last time.")]
    public static partial void ReclaimingStale(ILogger logger, string assignmentId);
}
