using Microsoft.Extensions.Options;

namespace ReflectBot.Safety.Model;

/// <summary>
/// Start-up check of Safety:ModelPrecision against the classifier weights: weights name the encoder their
/// vectors came from (modelSha256, <see cref="MiniLmModelFiles.EncoderSha256"/>), and Int8 with weights trained
/// on Float32 vectors is refused, since their thresholds were set on other vectors, unless
/// Safety:ModelPrecisionEvaluationOnly says it is a measurement.
/// </summary>
/// <remarks>The weights are read only when Int8 is asked for, so a Float32 start-up reports content errors where it always did.</remarks>
public sealed class ModelPrecisionValidation(IServiceProvider services) : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.ModelPrecision))
        {
            return ValidateOptionsResult.Fail("Safety:ModelPrecision should be Float32 or Int8.");
        }

        if (options.ModelPrecision != ModelPrecision.Int8 || !options.ModelEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var files = SentenceEmbedder.ModelFiles;
        if (files.Int8Sha256 is null)
        {
            return ValidateOptionsResult.Fail("Safety:ModelPrecision is Int8, but the model's manifest pins no int8 graph (int8Sha256): rebuild, or use Float32.");
        }

        var trainedOn = services.GetRequiredService<SafetyContent>().Weights.ModelSha256;
        if (options.ModelPrecisionEvaluationOnly || string.Equals(trainedOn, files.Int8Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var encoder = string.Equals(trainedOn, files.SourceSha256, StringComparison.OrdinalIgnoreCase) ? "Float32 vectors (the package's fp32 all-MiniLM-L6-v2)" : "another encoder";
        return ValidateOptionsResult.Fail(
            $"Safety:ModelPrecision is Int8, but dialogs/safety/model.json was trained on {encoder} (modelSha256 {Short(trainedOn)}, the int8 graph is {Short(files.Int8Sha256)}): " +
            "its thresholds do not hold for int8 vectors. Use Float32, or retrain on Int8 vectors and evaluate on fresh held-out data; " +
            "to measure Int8 anyway, set Safety:ModelPrecisionEvaluationOnly=true (never in production: the screen's decisions are then not the evaluated ones).");
    }

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)] + "…";
}
