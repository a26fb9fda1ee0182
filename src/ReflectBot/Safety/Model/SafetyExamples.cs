using System.Security.Cryptography;
using System.Text;
using ReflectBot.Content;
using ReflectBot.Safety.Evaluation;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Safety.Model;

/// <summary>
/// What the model layer is trained on: the examples in <c>dialogs/safety/examples.yaml</c> (written to
/// teach stance: first person or someone else, now or over, a plan or a story) and the development part
/// of the labelled set (<c>dialogs/safety/evaluation/dev.tsv</c>). Never the test part.
/// </summary>
public static class SafetyExamples
{
    public const string ExamplesFile = "examples.yaml";

    /// <summary>The author of a group of examples that names none.</summary>
    public const string Author = "ex";

    /// <summary>What every example carries as its tag: examples are always trained on, never a held-out author.</summary>
    public const string Tag = "example";

    /// <summary>The examples of <c>safety/examples.yaml</c>; its shape and labels are safety-examples.schema.json's to check.</summary>
    public static List<LabelledMessage> LoadExamples(string content, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var display = Path.Combine("safety", ExamplesFile);
        var path = Path.Combine(content, display);
        var messages = new List<LabelledMessage>();
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(display, 1, "the content folder has no " + display + "."));
            return messages;
        }

        foreach (var group in YamlValues.Maps(YamlValues.Read(path, display, errors) ?? new YamlMappingNode(), "examples"))
        {
            var label = YamlValues.Text(group, "label")!;
            // A group may name its writer (round fifteen's `e15`), so its lines are told apart from the first examples';
            // like every example, they are trained on in every fold and never held out (TrainSafetyCommand).
            var author = YamlValues.Text(group, "author") ?? Author;
            foreach (var node in ((YamlSequenceNode)YamlValues.Child(group, "texts")!).Children)
            {
                messages.Add(new LabelledMessage($"{author}-{messages.Count + 1:D3}", label, Tag, string.Empty, ((YamlScalarNode)node).Value!.Trim(), display, YamlJson.LineOf(node)));
            }
        }

        return messages;
    }

    /// <summary>Everything the model is trained on, examples first, and every problem in them.</summary>
    public static List<LabelledMessage> LoadAll(string content, List<ContentError> errors)
    {
        var all = LoadExamples(content, errors);
        all.AddRange(SafetyEvaluation.LoadSets(content, errors).Dev);
        return all;
    }

    /// <summary>SHA-256 of the training inputs: the examples, the development set and the lexicon (its features are inputs too). Line endings do not count.</summary>
    public static string TrainingSha256(string content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { ExamplesFile, Path.Combine(SafetyEvaluation.Folder, "dev.tsv"), "lexicon.yaml" })
        {
            var path = Path.Combine(content, "safety", file);
            var text = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
            hash.AppendData(Encoding.UTF8.GetBytes(file.Replace('\\', '/') + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
