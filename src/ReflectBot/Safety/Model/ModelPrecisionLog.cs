using Microsoft.Extensions.Logging;

namespace ReflectBot.Safety.Model;

/// <summary>What the model layer logs about its precision (Safety:ModelPrecision).</summary>
public static partial class ModelPrecisionLog
{
    [LoggerMessage(EventId = 5150, Level = LogLevel.Warning, Message = "Safety model layer reads Int8 vectors with weights trained on Float32 vectors (Safety:ModelPrecisionEvaluationOnly): for measurement only, its decisions are not the evaluated ones.")]
    public static partial void EvaluationOnly(ILogger logger);
}
