using Microsoft.Extensions.Options;

namespace ReflectBot.Safety.Model;

/// <summary>
/// Start-up check of Safety:ModelPrecision against the classifier weights: weights name the encoder their
/// vectors came from (modelSha256, <see cref="MiniLmModelFiles.EncoderSha256"/>), and a precision whose vectors the
/// weights were not trained on is refused (Int8 with Float32-trained weights, Float32 with Int8-trained ones),
/// since their thresholds were set on other vectors, unless Safety:ModelPrecisionEvaluationOnly says it is a
/// measurement.
/// </summary>
/// <remarks>
/// Weights of neither encoder are left to the model host, which names the mismatch in its log and screens with the
/// lexicon alone, as it always did; broken weights are the content check's to report, where it always did.
/// </remarks>
public sealed class ModelPrecisionValidation(IServiceProvider services) : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.ModelPrecision))
        {
            return ValidateOptionsResult.Fail("Safety:ModelPrecision should be Float32 or Int8.");
        }

        if (!options.ModelEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var files = SentenceEmbedder.ModelFiles;
        if (options.ModelPrecision == ModelPrecision.Int8 && files.Int8Sha256 is null)
        {
            return ValidateOptionsResult.Fail("Safety:ModelPrecision is Int8, but the model's manifest pins no int8 graph (int8Sha256): rebuild, or use Float32.");
        }

        var weights = services.GetRequiredService<SafetyContent>().Weights;
        var trainedOn = TrainedOn(files, weights.ModelSha256);
        if (weights.UsesSecondModel && SecondEncoderProblem(weights, trainedOn ?? options.ModelPrecision) is { } second)
        {
            return ValidateOptionsResult.Fail(second);
        }

        if (trainedOn is null || trainedOn == options.ModelPrecision || options.ModelPrecisionEvaluationOnly)
        {
            return ValidateOptionsResult.Success;
        }

        var shipped = weights.ModelSha256;
        return ValidateOptionsResult.Fail(
            $"Safety:ModelPrecision is {options.ModelPrecision}, but dialogs/safety/model.json was trained on {Describe(trainedOn.Value)} (modelSha256 {Short(shipped)}, the {options.ModelPrecision} encoder is {Short(files.EncoderSha256(options.ModelPrecision) ?? string.Empty)}): " +
            $"its thresholds do not hold for {options.ModelPrecision} vectors. Use {trainedOn.Value}, or retrain on {options.ModelPrecision} vectors (train-safety --precision {options.ModelPrecision}) and evaluate on fresh held-out data; " +
            $"to measure {options.ModelPrecision} anyway, set Safety:ModelPrecisionEvaluationOnly=true (never in production: the screen's decisions are then not the evaluated ones).");
    }

    /// <summary>
    /// Why weights naming a second encoder (round eleven's (d)) cannot run here, or null: that encoder's files are
    /// missing, or its graph at the precision of the first is not the one they name (another encoder, or another
    /// version of Arctic): its vectors would not be the ones the weights and thresholds were fitted on.
    /// </summary>
    public static string? SecondEncoderProblem(SafetyModelWeights weights, ModelPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!weights.UsesSecondModel)
        {
            return null;
        }

        MiniLmModelFiles second;
        try
        {
            second = SentenceEmbedder.SecondModelFiles;
        }
        catch (FileNotFoundException ex)
        {
            return $"dialogs/safety/model.json was trained with a second encoder (secondModelSha256 {Short(weights.SecondModelSha256!)}), but its files are missing: {ex.Message}";
        }

        var expected = second.EncoderSha256(precision);
        return string.Equals(expected, weights.SecondModelSha256, StringComparison.OrdinalIgnoreCase) ? null
            : $"dialogs/safety/model.json was trained with a second encoder this build does not have (secondModelSha256 {Short(weights.SecondModelSha256!)}, this build's {precision} {second.Package} graph is {(expected is null ? "not pinned" : Short(expected))}): retrain with train-safety on this build's encoders.";
    }

    /// <summary>Which of this build's encoders the weights were trained on, or null for neither.</summary>
    public static ModelPrecision? TrainedOn(MiniLmModelFiles files, string? modelSha256)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var precision in Enum.GetValues<ModelPrecision>())
        {
            if (files.EncoderSha256(precision) is { } sha && string.Equals(sha, modelSha256, StringComparison.OrdinalIgnoreCase))
            {
                return precision;
            }
        }

        return null;
    }

    private static string Describe(ModelPrecision precision) => precision == ModelPrecision.Int8
        ? "Int8 vectors (the int8 graph of all-MiniLM-L6-v2)"
        : "Float32 vectors (the package's fp32 all-MiniLM-L6-v2)";

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)] + "…";
}
