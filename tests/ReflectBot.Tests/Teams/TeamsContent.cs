using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Teams;

/// <summary>A content folder with the real check-in plus two small journeys whose choices exceed Teams' limits.</summary>
public static class TeamsContent
{
    public static string Create()
    {
        // A copy of the whole content folder (journeys name cards), plus the test journeys.
        var folder = TempFolder.Create();
        var shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var journeys = Path.Combine(folder, "journeys");

        File.WriteAllText(Path.Combine(journeys, "zz-colour.yaml"), Journey("zz-colour", "Colour pick", "pick a colour", ["Red", "Green", "Blue", "Yellow"]));
        File.WriteAllText(Path.Combine(journeys, "zz-weekday.yaml"), Journey("zz-weekday", "Weekday pick", "pick a day", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Not sure"]));
        return folder;
    }

    private static string Journey(string id, string title, string command, string[] choices) => $"""
        id: {id}
        title: {title}
        summary: A test journey with {choices.Length} choices.
        minutes: 1
        commands: [{command}]
        steps:
          - id: pick
            prompt:
              - Which one?
            answer:
              kind: choice
              choices:
        {string.Join("\n", choices.Select(c => $"          - value: {c}"))}
        close:
          savePrompt: Save this?
          saved: Saved.
          notSaved: Not saved.
        """;
}
