using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Teams;

/// <summary>A content folder with the real check-in plus two small journeys whose choices exceed Teams' limits.</summary>
public static class TeamsContent
{
    public static string Create()
    {
        var folder = TempFolder.Create();
        var journeys = Directory.CreateDirectory(Path.Combine(folder, "journeys")).FullName;
        var repoJourneys = Path.Combine(AppContext.BaseDirectory, "dialogs", "journeys");
        foreach (var file in Directory.EnumerateFiles(repoJourneys, "*.yaml"))
        {
            File.Copy(file, Path.Combine(journeys, Path.GetFileName(file)));
        }

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
