using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Safety.Model;

namespace ReflectBot.Safety;

/// <summary>Log messages of the safety feature. Event ids 5100–5199 (see Kernel/LogEventRanges). Never the message, never the user's words.</summary>
internal static partial class SafetyLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Crisis language detected: {Level} {RiskClass} (by the {Layer}); the safety reply was sent.")]
    public static partial void CrisisDetected(ILogger logger, string level, string riskClass, string layer);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "The crisis reply went out without the user's {What}: storage failed with {ExceptionType}.")]
    public static partial void StorageFailedDuringCrisis(ILogger logger, string what, string exceptionType);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "The safety event could not be recorded: {ExceptionType}.")]
    public static partial void EventNotRecorded(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Safety content loaded: {ClassCount} risk classes, {RegionCount} regions.")]
    public static partial void ContentLoaded(ILogger logger, int classCount, int regionCount);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Safety model layer loaded in {Milliseconds:F0} ms.")]
    public static partial void ModelLoaded(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Safety model layer off: model.json was trained for embedding model {Expected}, this one is {Actual}. Run train-safety. The lexicon screens alone.")]
    public static partial void ModelMismatch(ILogger logger, string expected, string actual);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "Safety model layer off: loading failed with {ExceptionType}. The lexicon screens alone.")]
    public static partial void ModelFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Safety model layer still loading after {Seconds} s: this message was screened by the lexicon alone.")]
    public static partial void ModelNotReady(ILogger logger, double seconds);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Safety model layer is off by configuration (Safety:ModelEnabled=false): the lexicon screens alone.")]
    public static partial void ModelDisabled(ILogger logger);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "The safety bookkeeping of this turn was not saved ({What}): {ExceptionType}. The reply went out.")]
    public static partial void BookkeepingFailed(ILogger logger, string what, string exceptionType);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "The clinician's safety note was not sent: {ExceptionType}.")]
    public static partial void NoteNotSent(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Safety model layer reads {Precision} vectors with weights trained on {TrainedOn} vectors (Safety:ModelPrecisionEvaluationOnly): for measurement only, its decisions are not the evaluated ones.")]
    public static partial void ModelPrecisionEvaluationOnly(ILogger logger, ModelPrecision precision, ModelPrecision trainedOn);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "This CPU's int8 vectors differ from Float32's more than where the screen was evaluated (lowest cosine {Lowest:F3}, bound {Bound:F3}; a CPU without VNNI?): the safety model layer reads Float32 vectors with the int8-trained weights instead.")]
    public static partial void Int8Unfaithful(ILogger logger, double lowest, double bound);
}
