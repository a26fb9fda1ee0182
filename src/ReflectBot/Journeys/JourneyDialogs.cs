using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Journal;

namespace ReflectBot.Journeys;

/// <summary>The root dialog set: one compiled dialog per journey in the catalog. Built once; dialogs are stateless.</summary>
public sealed class JourneyDialogs
{
    private readonly Dictionary<string, JourneyDialog> _byId;

    /// <param name="features">Other root dialogs features register as <see cref="Dialog"/> services (e.g. the clinic's "assign").</param>
    public JourneyDialogs(JourneyCatalog catalog, CardCatalog cards, StringCatalog strings, IJournalStore journal, TimeProvider time, IEnumerable<Dialog> features, IJourneySupport? support = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _byId = catalog.All.ToDictionary(j => j.Id, j => new JourneyDialog(j, journal, time, cards, catalog, strings, support), StringComparer.Ordinal);
        Set = new DialogSet();
        foreach (var dialog in _byId.Values)
        {
            Set.Add(dialog);
        }

        foreach (var dialog in features ?? [])
        {
            Set.Add(dialog);
        }
    }

    public DialogSet Set { get; }

    public JourneyDialog? Find(string id) => _byId.GetValueOrDefault(id);
}
