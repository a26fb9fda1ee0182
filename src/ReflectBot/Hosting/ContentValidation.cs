using ReflectBot.Journeys;

namespace ReflectBot.Hosting;

/// <summary><c>validate [folder]</c>: checks a content folder and exits non-zero on any error.</summary>
public static class ContentValidation
{
    public static int Run(string? folder, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        folder ??= new ContentOptions().Path;
        var errors = new List<ContentError>();
        var journeys = JourneyCatalog.LoadWithErrors(folder, errors);
        Safety.SafetyContent.Load(folder, errors);
        foreach (var problem in errors)
        {
            error.WriteLine(problem.ToString());
        }

        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} problem(s) in {folder}.");
            return 1;
        }

        output.WriteLine($"{folder}: {journeys.Count} journeys and the safety lexicon and crisis resources, no problems.");
        return 0;
    }
}
